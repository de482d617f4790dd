/** Sorted-set member commands (add, score, rank, remove, random, scan) on every client kind. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ConditionalChange, Decoder, UpdateByScore } from "../../src";
import { CLIENT_KINDS, serverAtLeast, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, binaryKey, rejectsWrongType, suiteClients } from "../helpers/family";

for (const kind of CLIENT_KINDS) {
    describe(`sorted-set member commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /** A new sorted set a=1, b=2, c=3. */
        async function abc(): Promise<string> {
            const key = uniqueKey("zset");
            await client.zadd(key, { a: 1, b: 2, c: 3 });
            return key;
        }

        async function stringKey(): Promise<string> {
            const key = uniqueKey("str");
            await client.set(key, "v");
            return key;
        }

        describe("zadd", () => {
            it("adds members from a Record and counts the new ones", async () => {
                const key = uniqueKey();
                assert.equal(await client.zadd(key, { a: 1, b: 2.5 }), 2);
                assert.equal(await client.zadd(key, { a: 5, c: 3 }), 1);
                assert.deepEqual(await client.zrangeWithScores(key, { start: 0, end: -1 }), [
                    { element: "b", score: 2.5 },
                    { element: "c", score: 3 },
                    { element: "a", score: 5 },
                ]);
            });

            it("adds ElementAndScore entries, binary members included", async () => {
                const key = binaryKey();
                assert.equal(
                    await client.zadd(key, [
                        { element: BINARY, score: 1 },
                        { element: "text", score: -2 },
                    ]),
                    2,
                );
                assert.equal(await client.zscore(key, BINARY), 1);
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }, { decoder: Decoder.Bytes }), [
                    Buffer.from("text"),
                    BINARY,
                ]);
            });

            it("takes infinite scores as numbers and as '+inf' / '-inf'", async () => {
                const key = uniqueKey();
                assert.equal(
                    await client.zadd(key, [
                        { element: "top", score: "+inf" },
                        { element: "bottom", score: -Infinity },
                        { element: "high", score: Infinity },
                        { element: "low", score: "-inf" },
                    ]),
                    4,
                );
                assert.deepEqual(await client.zmscore(key, ["top", "bottom", "high", "low"]), [
                    Infinity,
                    -Infinity,
                    Infinity,
                    -Infinity,
                ]);
            });

            it("ONLY_IF_DOES_NOT_EXIST adds new members and leaves existing ones", async () => {
                const key = await abc();
                const options = { conditionalChange: ConditionalChange.ONLY_IF_DOES_NOT_EXIST };
                assert.equal(await client.zadd(key, { a: 10, d: 4 }, options), 1);
                assert.deepEqual(await client.zmscore(key, ["a", "d"]), [1, 4]);
            });

            it("ONLY_IF_EXISTS updates existing members and adds none", async () => {
                const key = await abc();
                const options = { conditionalChange: ConditionalChange.ONLY_IF_EXISTS, changed: true };
                assert.equal(await client.zadd(key, { a: 10, d: 4 }, options), 1);
                assert.deepEqual(await client.zmscore(key, ["a", "d"]), [10, null]);
            });

            it("GREATER_THAN / LESS_THAN update only in their direction", async () => {
                const key = await abc();
                const gt = { updateOptions: UpdateByScore.GREATER_THAN, changed: true };
                assert.equal(await client.zadd(key, { a: 0, b: 20 }, gt), 1);
                const lt = { updateOptions: UpdateByScore.LESS_THAN, changed: true };
                assert.equal(await client.zadd(key, { c: 30, a: -1 }, lt), 1);
                assert.deepEqual(await client.zmscore(key, ["a", "b", "c"]), [-1, 20, 3]);
            });

            it("changed counts updated members as well as added ones", async () => {
                const key = await abc();
                assert.equal(await client.zadd(key, { a: 1, b: 7, d: 4 }), 1);
                assert.equal(await client.zadd(key, { a: 1, b: 8, e: 5 }, { changed: true }), 2);
            });

            it("NX together with GT is refused before sending, as GLIDE refuses it", async () => {
                const options = {
                    conditionalChange: ConditionalChange.ONLY_IF_DOES_NOT_EXIST,
                    updateOptions: UpdateByScore.GREATER_THAN,
                };
                await assert.rejects(client.zadd(uniqueKey(), { a: 1 }, options), {
                    constructor: Error,
                    message: "The GT, LT, and NX options are mutually exclusive. Cannot choose both GT and NX.",
                });
            });

            it("rejects a key of another type", async () => {
                await rejectsWrongType(client.zadd(await stringKey(), { a: 1 }));
            });
        });

        describe("zaddIncr", () => {
            it("increments (and creates) a member's score and returns the new one", async () => {
                const key = await abc();
                assert.equal(await client.zaddIncr(key, "a", 1.5), 2.5);
                assert.equal(await client.zaddIncr(key, "new", -3), -3);
                assert.equal(await client.zaddIncr(key, "a", Infinity), Infinity);
            });

            it("returns null when a condition stops the update", async () => {
                const key = await abc();
                const nx = { conditionalChange: ConditionalChange.ONLY_IF_DOES_NOT_EXIST };
                assert.equal(await client.zaddIncr(key, "a", 1, nx), null);
                const xx = { conditionalChange: ConditionalChange.ONLY_IF_EXISTS };
                assert.equal(await client.zaddIncr(key, "missing", 1, xx), null);
                const lt = { updateOptions: UpdateByScore.LESS_THAN };
                assert.equal(await client.zaddIncr(key, "b", 5, lt), null);
                assert.equal(await client.zaddIncr(key, "b", -5, lt), -3);
                assert.deepEqual(await client.zmscore(key, ["a", "missing"]), [1, null]);
            });
        });

        describe("zincrby", () => {
            it("increments a member's score, creating key and member", async () => {
                const key = uniqueKey();
                assert.equal(await client.zincrby(key, 2.5, "m"), 2.5);
                assert.equal(await client.zincrby(key, -0.5, "m"), 2);
                assert.equal(await client.zincrby(key, -Infinity, "m"), -Infinity);
                assert.equal(await client.zincrby(key, 1, BINARY), 1);
            });

            it("rejects a key of another type", async () => {
                await rejectsWrongType(client.zincrby(await stringKey(), 1, "m"));
            });
        });

        describe("zrem, zcard", () => {
            it("zrem removes the members it finds and counts them", async () => {
                const key = await abc();
                assert.equal(await client.zrem(key, ["a", "c", "zz"]), 2);
                assert.equal(await client.zcard(key), 1);
                assert.equal(await client.zrem(uniqueKey(), ["a"]), 0);
            });

            it("zcard counts members; 0 for a missing key", async () => {
                assert.equal(await client.zcard(await abc()), 3);
                assert.equal(await client.zcard(uniqueKey()), 0);
            });

            it("reject keys of another type", async () => {
                const key = await stringKey();
                await rejectsWrongType(client.zrem(key, ["a"]));
                await rejectsWrongType(client.zcard(key));
            });
        });

        describe("zscore, zmscore", () => {
            it("zscore returns the score, null for a missing member or key", async () => {
                const key = await abc();
                assert.equal(await client.zscore(key, "b"), 2);
                assert.equal(await client.zscore(key, "zz"), null);
                assert.equal(await client.zscore(uniqueKey(), "b"), null);
            });

            it("zscore returns infinities and fractional scores as numbers", async () => {
                const key = uniqueKey();
                await client.zadd(key, { up: "+inf", down: "-inf", pi: 3.14159 });
                assert.equal(await client.zscore(key, "up"), Infinity);
                assert.equal(await client.zscore(key, "down"), -Infinity);
                assert.equal(await client.zscore(key, "pi"), 3.14159);
            });

            it("zmscore returns a score or null per member", async () => {
                const key = await abc();
                assert.deepEqual(await client.zmscore(key, ["c", "zz", "a"]), [3, null, 1]);
                assert.deepEqual(await client.zmscore(uniqueKey(), ["a", "b"]), [null, null]);
            });

            it("reject keys of another type", async () => {
                const key = await stringKey();
                await rejectsWrongType(client.zscore(key, "a"));
                await rejectsWrongType(client.zmscore(key, ["a"]));
            });
        });

        describe("zrank, zrevrank and their WithScore forms", () => {
            it("rank from the lowest and from the highest score", async () => {
                const key = await abc();
                assert.equal(await client.zrank(key, "a"), 0);
                assert.equal(await client.zrank(key, "c"), 2);
                assert.equal(await client.zrevrank(key, "a"), 2);
                assert.equal(await client.zrevrank(key, "c"), 0);
            });

            it("WithScore returns [rank, score]", async () => {
                const key = await abc();
                await client.zadd(key, { top: Infinity });
                assert.deepEqual(await client.zrankWithScore(key, "b"), [1, 2]);
                assert.deepEqual(await client.zrankWithScore(key, "top"), [3, Infinity]);
                assert.deepEqual(await client.zrevrankWithScore(key, "a"), [3, 1]);
                assert.deepEqual(await client.zrevrankWithScore(key, "top"), [0, Infinity]);
            });

            it("null for a missing member or key", async () => {
                const key = await abc();
                assert.equal(await client.zrank(key, "zz"), null);
                assert.equal(await client.zrevrank(uniqueKey(), "a"), null);
                assert.equal(await client.zrankWithScore(key, "zz"), null);
                assert.equal(await client.zrevrankWithScore(uniqueKey(), "a"), null);
            });

            it("binary members", async () => {
                const key = binaryKey();
                await client.zadd(key, [
                    { element: BINARY, score: 5 },
                    { element: "x", score: 1 },
                ]);
                assert.equal(await client.zrank(key, BINARY), 1);
                assert.deepEqual(await client.zrevrankWithScore(key, BINARY), [0, 5]);
            });

            it("reject keys of another type", async () => {
                const key = await stringKey();
                await rejectsWrongType(client.zrank(key, "a"));
                await rejectsWrongType(client.zrankWithScore(key, "a"));
                await rejectsWrongType(client.zrevrank(key, "a"));
                await rejectsWrongType(client.zrevrankWithScore(key, "a"));
            });
        });

        describe("zrandmember", () => {
            it("returns one member; null for a missing key", async () => {
                const key = await abc();
                assert.ok(["a", "b", "c"].includes((await client.zrandmember(key)) as string));
                assert.equal(await client.zrandmember(uniqueKey()), null);
            });

            it("returns a Buffer with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.zadd(key, [{ element: BINARY, score: 1 }]);
                assert.deepEqual(await client.zrandmember(key, { decoder: Decoder.Bytes }), BINARY);
            });

            it("WithCount: distinct members for a positive count, repeats allowed for a negative one", async () => {
                const key = await abc();
                const two = (await client.zrandmemberWithCount(key, 2)) as string[];
                assert.equal(two.length, 2);
                assert.equal(new Set(two).size, 2);
                assert.ok(two.every((member) => ["a", "b", "c"].includes(member)));
                assert.deepEqual(((await client.zrandmemberWithCount(key, 10)) as string[]).sort(), ["a", "b", "c"]);
                const many = (await client.zrandmemberWithCount(key, -7)) as string[];
                assert.equal(many.length, 7);
                assert.ok(many.every((member) => ["a", "b", "c"].includes(member)));
                assert.deepEqual(await client.zrandmemberWithCount(uniqueKey(), 3), []);
            });

            it("WithCountWithScores: [member, score] pairs", async () => {
                const key = uniqueKey();
                await client.zadd(key, { a: 1, b: -Infinity, c: 2.5 });
                const all = (await client.zrandmemberWithCountWithScores(key, 5)) as [string, number][];
                assert.deepEqual(
                    all.sort(([x], [y]) => x.localeCompare(y)),
                    [
                        ["a", 1],
                        ["b", -Infinity],
                        ["c", 2.5],
                    ],
                );
                const repeated = await client.zrandmemberWithCountWithScores(key, -4);
                assert.equal(repeated.length, 4);
                const scores: Record<string, number> = { a: 1, b: -Infinity, c: 2.5 };
                for (const [member, score] of repeated) assert.equal(score, scores[member as string]);
                assert.deepEqual(await client.zrandmemberWithCountWithScores(uniqueKey(), 2), []);
            });

            it("WithCount forms return Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.zadd(key, [{ element: BINARY, score: 4 }]);
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.zrandmemberWithCount(key, 1, bytes), [BINARY]);
                assert.deepEqual(await client.zrandmemberWithCountWithScores(key, 1, bytes), [[BINARY, 4]]);
            });

            it("rejects a key of another type", async () => {
                const key = await stringKey();
                await rejectsWrongType(client.zrandmember(key));
                await rejectsWrongType(client.zrandmemberWithCount(key, 2));
                await rejectsWrongType(client.zrandmemberWithCountWithScores(key, 2));
            });
        });

        describe("zscan", () => {
            /** Every page from cursor "0" back to "0", items flattened. */
            async function scanAll(key: string, options?: Parameters<TestClient["zscan"]>[2]): Promise<string[]> {
                const items: string[] = [];
                let cursor = "0";
                do {
                    const [next, page] = await client.zscan(key, cursor, options);
                    assert.equal(typeof next, "string");
                    items.push(...(page as string[]));
                    cursor = next;
                } while (cursor !== "0");
                return items;
            }

            /** member/score text pairs of a flat [m, s, m, s, …] page, sorted by member. */
            function pairs(items: string[]): [string, string][] {
                const result: [string, string][] = [];
                for (let i = 0; i < items.length; i += 2) result.push([items[i], items[i + 1]]);
                return result.sort(([x], [y]) => x.localeCompare(y));
            }

            it("returns the cursor as text and members followed by their scores", async () => {
                const key = uniqueKey();
                await client.zadd(key, { a: 1, b: 2.5, c: -Infinity });
                const [cursor, items] = await client.zscan(key, "0");
                assert.equal(cursor, "0");
                assert.deepEqual(pairs(items as string[]), [
                    ["a", "1"],
                    ["b", "2.5"],
                    ["c", "-inf"],
                ]);
            });

            it("pages through a large set with count, each member once", async () => {
                const key = uniqueKey();
                const members: Record<string, number> = {};
                for (let i = 0; i < 300; i++) members[`m${i}`] = i;
                await client.zadd(key, members);
                const [firstCursor] = await client.zscan(key, "0", { count: 20 });
                assert.notEqual(firstCursor, "0", "a 300-member set takes more than one page");
                const all = pairs(await scanAll(key, { count: 20 }));
                assert.equal(new Set(all.map(([member]) => member)).size, 300);
                for (const [member, score] of all) assert.equal(`m${score}`, member);
            });

            it("match filters the members", async () => {
                const key = uniqueKey();
                await client.zadd(key, { apple: 1, apricot: 2, banana: 3 });
                assert.deepEqual(pairs(await scanAll(key, { match: "ap*" })), [
                    ["apple", "1"],
                    ["apricot", "2"],
                ]);
            });

            it("noScores returns members only (Valkey 8.0+)", async (t) => {
                if (!(await serverAtLeast(client, 8, 0))) {
                    t.skip("NOSCORES needs Valkey 8.0");
                    return;
                }
                const key = uniqueKey();
                await client.zadd(key, { a: 1, b: 2 });
                assert.deepEqual((await scanAll(key, { noScores: true })).sort(), ["a", "b"]);
            });

            it("a missing key is one empty page", async () => {
                assert.deepEqual(await client.zscan(uniqueKey(), "0"), ["0", []]);
            });

            it("returns Buffer items and a text cursor with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.zadd(key, [{ element: BINARY, score: 3 }]);
                assert.deepEqual(await client.zscan(key, "0", { decoder: Decoder.Bytes }), [
                    "0",
                    [BINARY, Buffer.from("3")],
                ]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWrongType(client.zscan(await stringKey(), "0"));
            });
        });
    });
}
