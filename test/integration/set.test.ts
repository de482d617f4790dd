/** Set commands against a real server, for every client kind and protocol. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Decoder, type GlideString } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, binaryKey, OTHER_BINARY, rejectsWithPrefix, stringKey, suiteClients } from "../helpers/family";

/** Members sorted, to compare replies whose order the server does not fix. */
function sorted(members: Iterable<GlideString>): GlideString[] {
    return [...members].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

function assertSetOf(actual: unknown, expected: GlideString[]): void {
    assert.ok(actual instanceof Set, `expected a Set, got ${String(actual)}`);
    assert.deepEqual(sorted(actual as Set<GlideString>), sorted(expected));
}

for (const kind of CLIENT_KINDS) {
    describe(`set commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        async function setOf(key: string, members: string[]): Promise<string> {
            assert.equal(await client.sadd(key, members), new Set(members).size);
            return key;
        }

        describe("sadd / srem", () => {
            it("count only the members added or removed", async () => {
                const key = uniqueKey();
                assert.equal(await client.sadd(key, ["a", "b", "a"]), 2);
                assert.equal(await client.sadd(key, ["b", "c"]), 1);
                assert.equal(await client.srem(key, ["a", "z"]), 1);
                assert.equal(await client.srem(uniqueKey(), ["a"]), 0);
                assertSetOf(await client.smembers(key), ["b", "c"]);
                assert.equal(await client.srem(key, ["b", "c"]), 2);
                assert.equal(await client.exists([key]), 0);
            });

            it("are binary-safe", async () => {
                const key = binaryKey();
                assert.equal(await client.sadd(key, [BINARY, OTHER_BINARY]), 2);
                assert.equal(await client.srem(key, [OTHER_BINARY]), 1);
                assertSetOf(await client.smembers(key, { decoder: Decoder.Bytes }), [BINARY]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.sadd(key, ["a"]), "WRONGTYPE");
                await rejectsWithPrefix(client.srem(key, ["a"]), "WRONGTYPE");
            });
        });

        describe("smembers", () => {
            it("returns a Set of the members, empty for a missing key", async () => {
                const members = await client.smembers(await setOf(uniqueKey(), ["a", "b", "c"]));
                assertSetOf(members, ["a", "b", "c"]);
                assertSetOf(await client.smembers(uniqueKey()), []);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.smembers(await stringKey(client)), "WRONGTYPE");
            });
        });

        describe("scard", () => {
            it("returns the cardinality, 0 for a missing key", async () => {
                assert.equal(await client.scard(await setOf(uniqueKey(), ["a", "b", "c"])), 3);
                assert.equal(await client.scard(uniqueKey()), 0);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.scard(await stringKey(client)), "WRONGTYPE");
            });
        });

        describe("sismember / smismember", () => {
            it("return booleans", async () => {
                const key = await setOf(uniqueKey(), ["a", "b"]);
                assert.equal(await client.sismember(key, "a"), true);
                assert.equal(await client.sismember(key, "z"), false);
                assert.equal(await client.sismember(uniqueKey(), "a"), false);
                assert.deepEqual(await client.smismember(key, ["b", "z", "a"]), [true, false, true]);
                assert.deepEqual(await client.smismember(uniqueKey(), ["a", "b"]), [false, false]);
            });

            it("are binary-safe", async () => {
                const key = binaryKey();
                await client.sadd(key, [BINARY]);
                assert.equal(await client.sismember(key, BINARY), true);
                assert.deepEqual(await client.smismember(key, [OTHER_BINARY, BINARY]), [false, true]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.sismember(key, "a"), "WRONGTYPE");
                await rejectsWithPrefix(client.smismember(key, ["a"]), "WRONGTYPE");
            });
        });

        describe("smove", () => {
            it("moves a member and says whether it did", async () => {
                const [source, destination] = keysInOneSlot(2);
                await setOf(source, ["a", "b"]);
                await setOf(destination, ["c"]);
                assert.equal(await client.smove(source, destination, "a"), true);
                assert.equal(await client.smove(source, destination, "z"), false);
                assertSetOf(await client.smembers(source), ["b"]);
                assertSetOf(await client.smembers(destination), ["a", "c"]);
            });

            it("returns false for a missing source", async () => {
                const [source, destination] = keysInOneSlot(2);
                assert.equal(await client.smove(source, destination, "a"), false);
                assert.equal(await client.exists([destination]), 0);
            });

            it("rejects a destination of another type", async () => {
                const [source, destination] = keysInOneSlot(2);
                await setOf(source, ["a"]);
                await client.set(destination, "x");
                await rejectsWithPrefix(client.smove(source, destination, "a"), "WRONGTYPE");
            });
        });

        describe("spop / spopCount", () => {
            it("remove and return random members", async () => {
                const all = ["a", "b", "c", "d"];
                const key = await setOf(uniqueKey(), all);
                const one = await client.spop(key);
                assert.ok(typeof one === "string" && all.includes(one), `unexpected member ${String(one)}`);
                const two = await client.spopCount(key, 2);
                assert.ok(two instanceof Set);
                assert.equal(two.size, 2);
                assert.ok(!two.has(one));
                const rest = await client.spopCount(key, 10);
                assertSetOf(new Set([one, ...two, ...rest]), all);
                assert.equal(await client.exists([key]), 0);
            });

            it("return null / an empty Set for a missing key", async () => {
                assert.equal(await client.spop(uniqueKey()), null);
                assertSetOf(await client.spopCount(uniqueKey(), 3), []);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.sadd(key, [BINARY, OTHER_BINARY]);
                const one = await client.spop(key, { decoder: Decoder.Bytes });
                assert.ok(Buffer.isBuffer(one));
                const other = one.equals(BINARY) ? OTHER_BINARY : BINARY;
                assertSetOf(await client.spopCount(key, 2, { decoder: Decoder.Bytes }), [other]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.spop(key), "WRONGTYPE");
                await rejectsWithPrefix(client.spopCount(key, 2), "WRONGTYPE");
            });
        });

        describe("srandmember / srandmemberCount", () => {
            it("return random members without removing them", async () => {
                const all = ["a", "b", "c"];
                const key = await setOf(uniqueKey(), all);
                const one = await client.srandmember(key);
                assert.ok(typeof one === "string" && all.includes(one), `unexpected member ${String(one)}`);
                const distinct = await client.srandmemberCount(key, 10);
                assert.ok(Array.isArray(distinct));
                assert.deepEqual(sorted(distinct), all);
                const repeated = await client.srandmemberCount(key, -7);
                assert.equal(repeated.length, 7);
                for (const member of repeated) assert.ok(all.includes(member as string));
                assert.equal(await client.scard(key), 3);
            });

            it("return null / an empty array for a missing key", async () => {
                assert.equal(await client.srandmember(uniqueKey()), null);
                assert.deepEqual(await client.srandmemberCount(uniqueKey(), 3), []);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.sadd(key, [BINARY]);
                assert.deepEqual(await client.srandmember(key, { decoder: Decoder.Bytes }), BINARY);
                assert.deepEqual(await client.srandmemberCount(key, -2, { decoder: Decoder.Bytes }), [BINARY, BINARY]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.srandmember(key), "WRONGTYPE");
                await rejectsWithPrefix(client.srandmemberCount(key, 2), "WRONGTYPE");
            });
        });

        describe("sdiff / sinter / sunion", () => {
            it("return Sets; a missing key counts as an empty set", async () => {
                const [one, two, missing] = keysInOneSlot(3);
                await setOf(one, ["a", "b", "c"]);
                await setOf(two, ["b", "c", "d"]);
                assertSetOf(await client.sdiff([one, two]), ["a"]);
                assertSetOf(await client.sdiff([one, missing]), ["a", "b", "c"]);
                assertSetOf(await client.sinter([one, two]), ["b", "c"]);
                assertSetOf(await client.sinter([one, missing]), []);
                assertSetOf(await client.sunion([one, two, missing]), ["a", "b", "c", "d"]);
                assertSetOf(await client.sunion([missing]), []);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const [one, two] = keysInOneSlot(2);
                await client.sadd(one, [BINARY, OTHER_BINARY]);
                await client.sadd(two, [BINARY]);
                const bytes = { decoder: Decoder.Bytes };
                assertSetOf(await client.sdiff([one, two], bytes), [OTHER_BINARY]);
                assertSetOf(await client.sinter([one, two], bytes), [BINARY]);
                assertSetOf(await client.sunion([one, two], bytes), [BINARY, OTHER_BINARY]);
            });

            it("reject a key of another type", async () => {
                const [set, other] = keysInOneSlot(2);
                await setOf(set, ["a"]);
                await client.set(other, "x");
                await rejectsWithPrefix(client.sdiff([set, other]), "WRONGTYPE");
                await rejectsWithPrefix(client.sinter([set, other]), "WRONGTYPE");
                await rejectsWithPrefix(client.sunion([set, other]), "WRONGTYPE");
            });
        });

        describe("sdiffstore / sinterstore / sunionstore", () => {
            it("store the result and return its size", async () => {
                const [one, two, destination] = keysInOneSlot(3);
                await setOf(one, ["a", "b", "c"]);
                await setOf(two, ["b", "c", "d"]);
                assert.equal(await client.sdiffstore(destination, [one, two]), 1);
                assertSetOf(await client.smembers(destination), ["a"]);
                assert.equal(await client.sinterstore(destination, [one, two]), 2);
                assertSetOf(await client.smembers(destination), ["b", "c"]);
                assert.equal(await client.sunionstore(destination, [one, two]), 4);
                assertSetOf(await client.smembers(destination), ["a", "b", "c", "d"]);
            });

            it("an empty result deletes the destination", async () => {
                const [one, destination, missing] = keysInOneSlot(3);
                await setOf(one, ["a"]);
                await setOf(destination, ["old"]);
                assert.equal(await client.sinterstore(destination, [one, missing]), 0);
                assert.equal(await client.exists([destination]), 0);
                await setOf(destination, ["old"]);
                assert.equal(await client.sdiffstore(destination, [one, one]), 0);
                assert.equal(await client.exists([destination]), 0);
                await setOf(destination, ["old"]);
                assert.equal(await client.sunionstore(destination, [missing]), 0);
                assert.equal(await client.exists([destination]), 0);
            });

            it("reject a source of another type", async () => {
                const [set, other, destination] = keysInOneSlot(3);
                await setOf(set, ["a"]);
                await client.set(other, "x");
                await rejectsWithPrefix(client.sdiffstore(destination, [set, other]), "WRONGTYPE");
                await rejectsWithPrefix(client.sinterstore(destination, [set, other]), "WRONGTYPE");
                await rejectsWithPrefix(client.sunionstore(destination, [set, other]), "WRONGTYPE");
            });
        });

        describe("sintercard", () => {
            it("counts the intersection, up to the limit", async () => {
                const [one, two, missing] = keysInOneSlot(3);
                await setOf(one, ["a", "b", "c", "d"]);
                await setOf(two, ["b", "c", "d", "e"]);
                assert.equal(await client.sintercard([one, two]), 3);
                assert.equal(await client.sintercard([one, two], { limit: 2 }), 2);
                assert.equal(await client.sintercard([one, two], { limit: 0 }), 3);
                assert.equal(await client.sintercard([one, two], { limit: 10 }), 3);
                assert.equal(await client.sintercard([one, missing]), 0);
            });

            it("rejects a key of another type", async () => {
                const [set, other] = keysInOneSlot(2);
                await setOf(set, ["a"]);
                await client.set(other, "x");
                await rejectsWithPrefix(client.sintercard([set, other]), "WRONGTYPE");
            });
        });

        describe("sscan", () => {
            /** Every member SSCAN returns from cursor "0" until it returns "0" again. */
            async function scanAll(key: GlideString, options?: { match?: string; count?: number }): Promise<Set<string>> {
                const seen = new Set<string>();
                let cursor: GlideString = "0";
                let rounds = 0;
                do {
                    const [next, members] = await client.sscan(key, cursor, options);
                    assert.equal(typeof next, "string");
                    for (const member of members) seen.add(member as string);
                    cursor = next;
                    rounds++;
                } while (cursor !== "0");
                assert.ok(rounds >= 1);
                return seen;
            }

            it("iterates over every member, in several rounds for a large set", async () => {
                const all = Array.from({ length: 300 }, (_, i) => `member-${i}`);
                const key = await setOf(uniqueKey(), all);
                const [cursor, firstPage] = await client.sscan(key, "0", { count: 10 });
                assert.notEqual(cursor, "0");
                assert.ok(firstPage.length > 0 && firstPage.length < all.length);
                assert.deepEqual(sorted(await scanAll(key, { count: 50 })), sorted(all));
            });

            it("filters with match", async () => {
                const all = Array.from({ length: 300 }, (_, i) => `member-${i}`);
                const key = await setOf(uniqueKey(), all);
                const expected = ["member-7", ...Array.from({ length: 10 }, (_, i) => `member-7${i}`)];
                assert.deepEqual(sorted(await scanAll(key, { match: "member-7?", count: 1000 })), sorted(expected.slice(1)));
                assert.deepEqual(sorted(await scanAll(key, { match: "member-7*" })), sorted(expected));
            });

            it("returns cursor 0 and no members for a missing key", async () => {
                assert.deepEqual(await client.sscan(uniqueKey(), "0"), ["0", []]);
            });

            it("returns Buffers with Decoder.Bytes, cursor included", async () => {
                const key = binaryKey();
                await client.sadd(key, [BINARY]);
                const [cursor, members] = await client.sscan(key, Buffer.from("0"), { decoder: Decoder.Bytes });
                assert.deepEqual(cursor, Buffer.from("0"));
                assert.deepEqual(members, [BINARY]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.sscan(await stringKey(client), "0"), "WRONGTYPE");
            });
        });

        describe("in a batch", () => {
            for (const atomic of [true, false]) {
                it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                    const [one, two, destination, missing] = keysInOneSlot(4);
                    const batch = kind
                        .newBatch(atomic)
                        .sadd(one, ["a", "b", "c"])
                        .sadd(two, ["c", "d"])
                        .srem(one, ["a", "z"])
                        .scard(one)
                        .sismember(one, "b")
                        .smismember(one, ["b", "z"])
                        .smembers(one)
                        .sdiff([one, two])
                        .sinter([one, two])
                        .sunion([one, two])
                        .sintercard([one, two], { limit: 5 })
                        .sdiffstore(destination, [one, two])
                        .sinterstore(destination, [one, two])
                        .sunionstore(destination, [one, two])
                        .smove(two, one, "d")
                        .srandmember(two)
                        .srandmemberCount(missing, 2)
                        .sscan(two, "0")
                        .spop(two)
                        .spopCount(missing, 2)
                        .spop(missing);
                    const result = await client.exec(batch, true);
                    assert.ok(result !== null);
                    // Set replies compared as sorted arrays: the server does not fix their order.
                    const setPositions = [6, 7, 8, 9];
                    const normalized = result.map((value, i) =>
                        setPositions.includes(i) ? sorted(value as Set<GlideString>) : value,
                    );
                    for (const i of setPositions) assert.ok(result[i] instanceof Set, `reply ${i} is not a Set`);
                    assert.deepEqual(normalized, [
                        3,
                        2,
                        1,
                        2,
                        true,
                        [true, false],
                        ["b", "c"],
                        ["b"],
                        ["c"],
                        ["b", "c", "d"],
                        1,
                        1,
                        1,
                        3,
                        true,
                        "c",
                        [],
                        ["0", ["c"]],
                        "c",
                        new Set(),
                        null,
                    ]);
                });
            }

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                const batch = kind.newBatch(false).sadd(key, [BINARY]).smembers(key).sscan(key, "0").spopCount(key, 5);
                assert.deepEqual(await client.exec(batch, true, { decoder: Decoder.Bytes }), [
                    1,
                    new Set([BINARY]),
                    [Buffer.from("0"), [BINARY]],
                    new Set([BINARY]),
                ]);
            });
        });
    });
}
