/** Sorted-set pops (ZPOPMIN/MAX, ZMPOP) and their blocking forms on every client kind. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Decoder, ScoreFilter } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, rejectsWrongType, suiteClients } from "../helpers/family";
import { sleep } from "../helpers/wait";

for (const kind of CLIENT_KINDS) {
    describe(`sorted-set pop commands (${kind.name})`, () => {
        let client: TestClient;
        /** Adds members while `client` is blocked. */
        let other: TestClient;

        suiteClients(kind, 2, (created) => ([client, other] = created));

        /** A sorted set a=1, b=2, c=3. */
        async function abc(key = uniqueKey("zset")): Promise<string> {
            await client.zadd(key, { a: 1, b: 2, c: 3 });
            return key;
        }

        async function stringKey(key = uniqueKey("str")): Promise<string> {
            await client.set(key, "v");
            return key;
        }

        describe("zpopmin, zpopmax", () => {
            it("pop one member from their end by default", async () => {
                const key = await abc();
                assert.deepEqual(await client.zpopmin(key), [{ element: "a", score: 1 }]);
                assert.deepEqual(await client.zpopmax(key), [{ element: "c", score: 3 }]);
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }), ["b"]);
            });

            it("count pops up to that many, in pop order", async () => {
                const key = await abc();
                await client.zadd(key, { low: -Infinity, high: "+inf" });
                assert.deepEqual(await client.zpopmin(key, { count: 2 }), [
                    { element: "low", score: -Infinity },
                    { element: "a", score: 1 },
                ]);
                assert.deepEqual(await client.zpopmax(key, { count: 10 }), [
                    { element: "high", score: Infinity },
                    { element: "c", score: 3 },
                    { element: "b", score: 2 },
                ]);
                assert.equal(await client.exists([key]), 0);
            });

            it("a missing key pops nothing", async () => {
                assert.deepEqual(await client.zpopmin(uniqueKey()), []);
                assert.deepEqual(await client.zpopmax(uniqueKey(), { count: 2 }), []);
            });

            it("return Buffer elements with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.zadd(key, [
                    { element: BINARY, score: 1 },
                    { element: "x", score: 2 },
                ]);
                const popped = await client.zpopmin(key, { decoder: Decoder.Bytes });
                assert.deepEqual(popped, [{ element: BINARY, score: 1 }]);
                assert.deepEqual(await client.zpopmax(key, { count: 1, decoder: Decoder.Bytes }), [
                    { element: Buffer.from("x"), score: 2 },
                ]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey();
                await rejectsWrongType(client.zpopmin(key));
                await rejectsWrongType(client.zpopmax(key));
            });
        });

        describe("bzpopmin, bzpopmax", () => {
            it("pop from the first non-empty set at once: [key, member, score]", async () => {
                const [empty, full] = keysInOneSlot(2);
                await abc(full);
                assert.deepEqual(await client.bzpopmin([empty, full], 1), [full, "a", 1]);
                assert.deepEqual(await client.bzpopmax([empty, full], 1), [full, "c", 3]);
            });

            it("return null at their own timeout", async () => {
                const started = Date.now();
                assert.equal(await client.bzpopmin([uniqueKey()], 0.3), null);
                assert.equal(await client.bzpopmax([uniqueKey()], 0.3), null);
                assert.ok(Date.now() - started >= 550, "each call waits out its timeout");
            });

            it("wait past the client's request timeout (2 s) without a TimeoutError", async () => {
                const started = Date.now();
                const replies = await Promise.all([
                    client.bzpopmin([uniqueKey()], 2.3),
                    client.bzpopmax([uniqueKey()], 2.3),
                    client.bzmpop([uniqueKey()], ScoreFilter.MAX, 2.3),
                ]);
                assert.deepEqual(replies, [null, null, null]);
                assert.ok(Date.now() - started >= 2250);
            });

            it("do not hold up other commands on the same client", async () => {
                const finished: string[] = [];
                const blocked = client.bzpopmin([uniqueKey()], 0.5).then((reply) => {
                    finished.push("bzpopmin");
                    return reply;
                });
                await Promise.all(Array.from({ length: 20 }, (_, i) => client.zadd(uniqueKey(), { m: i })));
                finished.push("zadds");
                assert.equal(await blocked, null);
                assert.deepEqual(finished, ["zadds", "bzpopmin"]);
            });

            it("receive a member another client adds while they wait", async () => {
                const [first, second] = keysInOneSlot(2);
                const waiting = [client.bzpopmin([first], 5), client.bzpopmax([second], 5)];
                await sleep(100);
                await other.zadd(first, { x: 1.5, y: 9 });
                await other.zadd(second, { z: -Infinity, w: 2 });
                assert.deepEqual(await Promise.all(waiting), [
                    [first, "x", 1.5],
                    [second, "w", 2],
                ]);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.zadd(key, [{ element: BINARY, score: 7 }]);
                assert.deepEqual(await client.bzpopmax([key], 1, { decoder: Decoder.Bytes }), [
                    Buffer.from(key),
                    BINARY,
                    7,
                ]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey();
                await rejectsWrongType(client.bzpopmin([key], 0.1));
                await rejectsWrongType(client.bzpopmax([key], 0.1));
            });
        });

        describe("zmpop", () => {
            it("pops from the first non-empty set: [key, members]", async () => {
                const [empty, full] = keysInOneSlot(2);
                await abc(full);
                const lowest = await client.zmpop([empty, full], ScoreFilter.MIN);
                assert.deepEqual(lowest, [full, [{ element: "a", score: 1 }]]);
                assert.deepEqual(await client.zmpop([empty, full], ScoreFilter.MAX, { count: 5 }), [
                    full,
                    [
                        { element: "c", score: 3 },
                        { element: "b", score: 2 },
                    ],
                ]);
            });

            it("returns null when every set is empty", async () => {
                assert.equal(await client.zmpop(keysInOneSlot(2), ScoreFilter.MAX), null);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.zadd(key, [{ element: BINARY, score: Infinity }]);
                assert.deepEqual(await client.zmpop([key], ScoreFilter.MAX, { decoder: Decoder.Bytes }), [
                    Buffer.from(key),
                    [{ element: BINARY, score: Infinity }],
                ]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWrongType(client.zmpop([await stringKey()], ScoreFilter.MIN));
            });
        });

        describe("bzmpop", () => {
            it("pops at once when a set has members", async () => {
                const [empty, full] = keysInOneSlot(2);
                await abc(full);
                assert.deepEqual(await client.bzmpop([empty, full], ScoreFilter.MAX, 1, { count: 2 }), [
                    full,
                    [
                        { element: "c", score: 3 },
                        { element: "b", score: 2 },
                    ],
                ]);
            });

            it("returns null at its own timeout", async () => {
                const started = Date.now();
                assert.equal(await client.bzmpop(keysInOneSlot(2), ScoreFilter.MIN, 0.3), null);
                assert.ok(Date.now() - started >= 250);
            });

            it("does not hold up other commands and receives another client's members", async () => {
                const [first, second] = keysInOneSlot(2);
                const waiting = client.bzmpop([first, second], ScoreFilter.MIN, 5, { count: 10 });
                assert.equal(await client.zcard(first), 0, "other traffic goes on while BZMPOP waits");
                await sleep(100);
                await other.zadd(second, { p: 2, q: 1 });
                assert.deepEqual(await waiting, [
                    second,
                    [
                        { element: "q", score: 1 },
                        { element: "p", score: 2 },
                    ],
                ]);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.zadd(key, [{ element: BINARY, score: 0.25 }]);
                assert.deepEqual(await client.bzmpop([key], ScoreFilter.MIN, 1, { decoder: Decoder.Bytes }), [
                    Buffer.from(key),
                    [{ element: BINARY, score: 0.25 }],
                ]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWrongType(client.bzmpop([await stringKey()], ScoreFilter.MIN, 0.1));
            });
        });
    });
}
