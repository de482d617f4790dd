/** Hash commands against a real server, for every client kind and protocol. */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import {
    convertFieldsAndValuesToHashDataType,
    Decoder,
    HashExpirationCondition,
    HashFieldConditionalChange,
    TimeUnit,
    type GlideString,
} from "../../src";
import { hashCommands } from "../../src/commands/hash";
import { CLIENT_KINDS, keysInOneSlot, serverAtLeast, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, listKey, rejectsWithMessage, rejectsWithPrefix, suiteClients } from "../helpers/family";

function sorted<T extends GlideString>(values: T[]): T[] {
    return [...values].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

for (const kind of CLIENT_KINDS) {
    describe(`hash commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /** A hash { f1: "v1", f2: "v2", f3: "v3" } at a fresh key. */
        async function threeFieldHash(): Promise<string> {
            const key = uniqueKey("hash");
            assert.equal(await client.hset(key, { f1: "v1", f2: "v2", f3: "v3" }), 3);
            return key;
        }

        describe("hset, hget", () => {
            it("sets fields from a plain object and counts only the new ones", async () => {
                const key = uniqueKey();
                assert.equal(await client.hset(key, { a: "1", b: "2" }), 2);
                assert.equal(await client.hset(key, { b: "two", c: "3" }), 1);
                assert.equal(await client.hget(key, "a"), "1");
                assert.equal(await client.hget(key, "b"), "two");
                assert.equal(await client.hget(key, "c"), "3");
            });

            it("sets fields from HashDataType", async () => {
                const key = uniqueKey();
                const pairs = [
                    { field: "x", value: "héllo" },
                    { field: "y", value: "" },
                ];
                assert.equal(await client.hset(key, pairs), 2);
                assert.equal(await client.hget(key, "x"), "héllo");
                assert.equal(await client.hget(key, "y"), "");
            });

            it("returns null for a missing field or key", async () => {
                const key = await threeFieldHash();
                assert.equal(await client.hget(key, "nope"), null);
                assert.equal(await client.hget(uniqueKey("missing"), "f1"), null);
            });

            it("is binary safe with Decoder.Bytes", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                assert.equal(await client.hset(key, [{ field: BINARY, value: BINARY }]), 1);
                assert.deepEqual(await client.hget(key, BINARY, { decoder: Decoder.Bytes }), BINARY);
            });

            it("rejects a key of another type", async () => {
                const key = await listKey(client);
                await rejectsWithPrefix(client.hset(key, { a: "1" }), "WRONGTYPE");
                await rejectsWithPrefix(client.hget(key, "a"), "WRONGTYPE");
            });
        });

        describe("hsetnx", () => {
            it("sets only a field that does not exist", async () => {
                const key = uniqueKey();
                assert.equal(await client.hsetnx(key, "f", "first"), true);
                assert.equal(await client.hsetnx(key, "f", "second"), false);
                assert.equal(await client.hget(key, "f"), "first");
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.hsetnx(await listKey(client), "f", "v"), "WRONGTYPE");
            });
        });

        describe("hmget", () => {
            it("returns the values in request order, null for missing fields", async () => {
                const key = await threeFieldHash();
                assert.deepEqual(await client.hmget(key, ["f3", "nope", "f1"]), ["v3", null, "v1"]);
            });

            it("returns nulls for a missing key", async () => {
                assert.deepEqual(await client.hmget(uniqueKey("missing"), ["a", "b"]), [null, null]);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.hset(key, [{ field: "b", value: BINARY }]);
                assert.deepEqual(await client.hmget(key, ["b", "nope"], { decoder: Decoder.Bytes }), [BINARY, null]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.hmget(await listKey(client), ["a"]), "WRONGTYPE");
            });
        });

        describe("hgetall", () => {
            it("returns fields and values as HashDataType", async () => {
                const key = await threeFieldHash();
                assert.deepEqual(await client.hgetall(key), [
                    { field: "f1", value: "v1" },
                    { field: "f2", value: "v2" },
                    { field: "f3", value: "v3" },
                ]);
            });

            it("returns an empty list for a missing key", async () => {
                assert.deepEqual(await client.hgetall(uniqueKey("missing")), []);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.hset(key, [{ field: BINARY, value: "v" }]);
                assert.deepEqual(await client.hgetall(key, { decoder: Decoder.Bytes }), [
                    { field: BINARY, value: Buffer.from("v") },
                ]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.hgetall(await listKey(client)), "WRONGTYPE");
            });
        });

        describe("hdel", () => {
            it("counts the fields it removed", async () => {
                const key = await threeFieldHash();
                assert.equal(await client.hdel(key, ["f1", "f3", "nope"]), 2);
                assert.deepEqual(await client.hkeys(key), ["f2"]);
                assert.equal(await client.hdel(key, ["f2"]), 1);
                assert.equal(await client.customCommand(["EXISTS", key]), 0);
            });

            it("returns 0 for a missing key", async () => {
                assert.equal(await client.hdel(uniqueKey("missing"), ["a"]), 0);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.hdel(await listKey(client), ["a"]), "WRONGTYPE");
            });
        });

        describe("hexists, hlen, hstrlen", () => {
            it("answer for existing and missing fields", async () => {
                const key = uniqueKey();
                await client.hset(key, { word: "héllo", empty: "" });
                assert.equal(await client.hexists(key, "word"), true);
                assert.equal(await client.hexists(key, "nope"), false);
                assert.equal(await client.hlen(key), 2);
                // Length in bytes, not characters.
                assert.equal(await client.hstrlen(key, "word"), 6);
                assert.equal(await client.hstrlen(key, "empty"), 0);
                assert.equal(await client.hstrlen(key, "nope"), 0);
            });

            it("answer false / 0 for a missing key", async () => {
                const key = uniqueKey("missing");
                assert.equal(await client.hexists(key, "a"), false);
                assert.equal(await client.hlen(key), 0);
                assert.equal(await client.hstrlen(key, "a"), 0);
            });

            it("reject a key of another type", async () => {
                const key = await listKey(client);
                await rejectsWithPrefix(client.hexists(key, "a"), "WRONGTYPE");
                await rejectsWithPrefix(client.hlen(key), "WRONGTYPE");
                await rejectsWithPrefix(client.hstrlen(key, "a"), "WRONGTYPE");
            });
        });

        describe("hkeys, hvals", () => {
            it("return fields and values in the hash's order", async () => {
                const key = await threeFieldHash();
                assert.deepEqual(await client.hkeys(key), ["f1", "f2", "f3"]);
                assert.deepEqual(await client.hvals(key), ["v1", "v2", "v3"]);
            });

            it("return empty lists for a missing key", async () => {
                const key = uniqueKey("missing");
                assert.deepEqual(await client.hkeys(key), []);
                assert.deepEqual(await client.hvals(key), []);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.hset(key, [{ field: BINARY, value: BINARY }]);
                assert.deepEqual(await client.hkeys(key, { decoder: Decoder.Bytes }), [BINARY]);
                assert.deepEqual(await client.hvals(key, { decoder: Decoder.Bytes }), [BINARY]);
            });

            it("reject a key of another type", async () => {
                const key = await listKey(client);
                await rejectsWithPrefix(client.hkeys(key), "WRONGTYPE");
                await rejectsWithPrefix(client.hvals(key), "WRONGTYPE");
            });
        });

        describe("hincrBy, hincrByFloat", () => {
            it("hincrBy adds to a missing field from 0 and returns the new value", async () => {
                const key = uniqueKey();
                assert.equal(await client.hincrBy(key, "n", 5), 5);
                assert.equal(await client.hincrBy(key, "n", -7), -2);
                assert.equal(await client.hget(key, "n"), "-2");
            });

            it("hincrByFloat returns the new value as a number", async () => {
                const key = uniqueKey();
                assert.equal(await client.hincrByFloat(key, "x", 2.5), 2.5);
                assert.equal(await client.hincrByFloat(key, "x", 10.25), 12.75);
                assert.equal(await client.hincrByFloat(key, "x", -12.75), 0);
            });

            it("reject a field that is not a number", async () => {
                const key = uniqueKey();
                await client.hset(key, { text: "abc" });
                await rejectsWithMessage(
                    client.hincrBy(key, "text", 1),
                    "An error was signalled by the server: - ResponseError: hash value is not an integer",
                );
                await rejectsWithMessage(
                    client.hincrByFloat(key, "text", 1),
                    "An error was signalled by the server: - ResponseError: hash value is not a float",
                );
            });

            it("reject a key of another type", async () => {
                const key = await listKey(client);
                await rejectsWithPrefix(client.hincrBy(key, "n", 1), "WRONGTYPE");
                await rejectsWithPrefix(client.hincrByFloat(key, "n", 1), "WRONGTYPE");
            });
        });

        describe("hrandfield, hrandfieldCount, hrandfieldWithValues", () => {
            it("hrandfield returns a field, or null for a missing key", async () => {
                const key = uniqueKey();
                await client.hset(key, { only: "v" });
                assert.equal(await client.hrandfield(key), "only");
                assert.equal(await client.hrandfield(uniqueKey("missing")), null);
            });

            it("hrandfieldCount returns distinct fields for a positive count", async () => {
                const key = await threeFieldHash();
                const two = await client.hrandfieldCount(key, 2);
                assert.equal(two.length, 2);
                assert.equal(new Set(two).size, 2);
                for (const field of two) assert.ok(["f1", "f2", "f3"].includes(field as string));
                assert.deepEqual(sorted(await client.hrandfieldCount(key, 10)), ["f1", "f2", "f3"]);
            });

            it("hrandfieldCount repeats fields for a negative count", async () => {
                const key = uniqueKey();
                await client.hset(key, { only: "v" });
                assert.deepEqual(await client.hrandfieldCount(key, -4), ["only", "only", "only", "only"]);
            });

            it("hrandfieldWithValues returns [field, value] pairs", async () => {
                const key = await threeFieldHash();
                const pairs = await client.hrandfieldWithValues(key, 5);
                pairs.sort(([a], [b]) => String(a).localeCompare(String(b)));
                assert.deepEqual(pairs, [
                    ["f1", "v1"],
                    ["f2", "v2"],
                    ["f3", "v3"],
                ]);
                const single = uniqueKey();
                await client.hset(single, { only: "v" });
                assert.deepEqual(await client.hrandfieldWithValues(single, -2), [
                    ["only", "v"],
                    ["only", "v"],
                ]);
            });

            it("return empty arrays for a missing key", async () => {
                const key = uniqueKey("missing");
                assert.deepEqual(await client.hrandfieldCount(key, 3), []);
                assert.deepEqual(await client.hrandfieldWithValues(key, 3), []);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.hset(key, [{ field: BINARY, value: BINARY }]);
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.hrandfield(key, bytes), BINARY);
                assert.deepEqual(await client.hrandfieldCount(key, 1, bytes), [BINARY]);
                assert.deepEqual(await client.hrandfieldWithValues(key, 1, bytes), [[BINARY, BINARY]]);
            });

            it("reject a key of another type", async () => {
                const key = await listKey(client);
                await rejectsWithPrefix(client.hrandfield(key), "WRONGTYPE");
                await rejectsWithPrefix(client.hrandfieldCount(key, 1), "WRONGTYPE");
                await rejectsWithPrefix(client.hrandfieldWithValues(key, 1), "WRONGTYPE");
            });
        });

        describe("hscan", () => {
            it("returns the final cursor and flat field/value pairs for a small hash", async () => {
                const key = await threeFieldHash();
                assert.deepEqual(await client.hscan(key, "0"), ["0", ["f1", "v1", "f2", "v2", "f3", "v3"]]);
            });

            it("filters with match and drops values with noValues", async () => {
                const key = uniqueKey();
                await client.hset(key, { apple: "1", avocado: "2", banana: "3" });
                assert.deepEqual(await client.hscan(key, "0", { match: "a*" }), ["0", ["apple", "1", "avocado", "2"]]);
                assert.deepEqual(await client.hscan(key, "0", { noValues: true }), [
                    "0",
                    ["apple", "avocado", "banana"],
                ]);
                assert.deepEqual(await client.hscan(key, "0", { match: "b*", noValues: true }), ["0", ["banana"]]);
            });

            it("iterates a large hash with count until the cursor is back to 0", async () => {
                const key = uniqueKey();
                const fields: Record<string, string> = {};
                // More fields than hash-max-listpack-entries (512), so the hash is a real hashtable.
                for (let i = 0; i < 1000; i++) fields[`field:${i}`] = `value:${i}`;
                await client.hset(key, fields);
                const seen = new Map<string, string>();
                let cursor = "0";
                let rounds = 0;
                do {
                    const [next, elements] = await client.hscan(key, cursor, { count: 20 });
                    assert.equal(typeof next, "string");
                    for (let i = 0; i < elements.length; i += 2) seen.set(String(elements[i]), String(elements[i + 1]));
                    cursor = next;
                    rounds++;
                } while (cursor !== "0");
                assert.ok(rounds > 1, "a 1000-field hash takes several rounds of 20");
                assert.equal(seen.size, 1000);
                assert.equal(seen.get("field:123"), "value:123");
            });

            it("returns ['0', []] for a missing key", async () => {
                assert.deepEqual(await client.hscan(uniqueKey("missing"), "0"), ["0", []]);
            });

            it("keeps the cursor a string with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.hset(key, [{ field: BINARY, value: "v" }]);
                assert.deepEqual(await client.hscan(key, "0", { decoder: Decoder.Bytes }), [
                    "0",
                    [BINARY, Buffer.from("v")],
                ]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.hscan(await listKey(client), "0"), "WRONGTYPE");
            });
        });

        describe("in a batch", () => {
            for (const atomic of [true, false]) {
                it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                    // One slot for both keys: a cluster transaction must be served by one node.
                    const [key, single] = keysInOneSlot(2);
                    const batch = kind
                        .newBatch(atomic)
                        .hset(key, { f1: "v1", f2: "v2" })
                        .hsetnx(key, "f1", "x")
                        .hget(key, "f1")
                        .hmget(key, ["f2", "nope"])
                        .hgetall(key)
                        .hexists(key, "f2")
                        .hlen(key)
                        .hkeys(key)
                        .hvals(key)
                        .hstrlen(key, "f1")
                        .hincrBy(key, "n", 3)
                        .hincrByFloat(key, "x", 1.5)
                        .hdel(key, ["n", "x"])
                        .hset(single, { only: "v" })
                        .hrandfield(single)
                        .hrandfieldCount(single, -2)
                        .hrandfieldWithValues(single, 1)
                        .hscan(single, "0");
                    assert.deepEqual(await client.exec(batch, true), [
                        2,
                        false,
                        "v1",
                        ["v2", null],
                        // A batch gives HGETALL as GLIDE's core does: { key, value } entries.
                        [
                            { key: "f1", value: "v1" },
                            { key: "f2", value: "v2" },
                        ],
                        true,
                        2,
                        ["f1", "f2"],
                        ["v1", "v2"],
                        2,
                        3,
                        1.5,
                        2,
                        1,
                        "only",
                        ["only", "only"],
                        [["only", "v"]],
                        ["0", ["only", "v"]],
                    ]);
                });
            }
        });

        describe("hash-field expiry (Valkey 9.0+)", () => {
            let supported = false;

            before(async () => {
                supported = await serverAtLeast(client, 9, 0);
            });

            it("hsetex sets fields with a TTL, honouring FNX / FXX", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = uniqueKey();
                const inAMinute = { type: TimeUnit.Seconds, count: 60 };
                assert.equal(await client.hsetex(key, { a: "1", b: "2" }, { expiry: inAMinute }), 1);
                const ttls = await client.httl(key, ["a", "b"]);
                assert.ok(ttls.every((ttl) => ttl > 50 && ttl <= 60), `ttls ${ttls}`);
                const onlyNew = { fieldConditionalChange: HashFieldConditionalChange.ONLY_IF_NONE_EXIST };
                assert.equal(await client.hsetex(key, { a: "x", c: "3" }, onlyNew), 0);
                const onlyExisting = {
                    fieldConditionalChange: HashFieldConditionalChange.ONLY_IF_ALL_EXIST,
                    expiry: "KEEPTTL" as const,
                };
                assert.equal(await client.hsetex(key, [{ field: "a", value: "new" }], onlyExisting), 1);
                assert.equal(await client.hget(key, "a"), "new");
                assert.ok((await client.httl(key, ["a"]))[0] > 50);
            });

            it("hgetex returns values and sets or removes their expiry", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = uniqueKey();
                await client.hset(key, { a: "1", b: "2" });
                const px = { expiry: { type: TimeUnit.Milliseconds, count: 100_000 } };
                assert.deepEqual(await client.hgetex(key, ["a", "nope"], px), ["1", null]);
                const [pttl, missing] = await client.hpttl(key, ["a", "nope"]);
                assert.ok(pttl > 90_000 && pttl <= 100_000, `pttl ${pttl}`);
                assert.equal(missing, -2);
                assert.deepEqual(await client.hgetex(key, ["a"], { expiry: "PERSIST" }), ["1"]);
                assert.deepEqual(await client.httl(key, ["a"]), [-1]);
                assert.deepEqual(await client.hgetex(uniqueKey("missing"), ["a", "b"]), [null, null]);
                assert.deepEqual(await client.hgetex(key, ["b"], { decoder: Decoder.Bytes }), [Buffer.from("2")]);
            });

            it("hexpire and hpexpire set TTLs with conditions; 0 deletes the field", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = uniqueKey();
                await client.hset(key, { a: "1", b: "2", c: "3" });
                assert.deepEqual(await client.hexpire(key, 100, ["a", "nope"]), [1, -2]);
                const nx = { condition: HashExpirationCondition.ONLY_IF_NO_EXPIRY };
                assert.deepEqual(await client.hexpire(key, 200, ["a", "b"], nx), [0, 1]);
                const gt = { condition: HashExpirationCondition.ONLY_IF_GREATER_THAN_CURRENT };
                assert.deepEqual(await client.hpexpire(key, 50_000, ["a"], gt), [0]);
                const lt = { condition: HashExpirationCondition.ONLY_IF_LESS_THAN_CURRENT };
                assert.deepEqual(await client.hpexpire(key, 50_000, ["a"], lt), [1]);
                const xx = { condition: HashExpirationCondition.ONLY_IF_HAS_EXPIRY };
                assert.deepEqual(await client.hexpire(key, 10, ["c"], xx), [0]);
                assert.deepEqual(await client.hexpire(key, 0, ["c"]), [2]);
                assert.equal(await client.hexists(key, "c"), false);
            });

            it("hexpireat / hpexpireat set absolute expiries that hexpiretime / hpexpiretime report", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = uniqueKey();
                await client.hset(key, { a: "1", b: "2", c: "3" });
                const atSeconds = Math.floor(Date.now() / 1000) + 3600;
                const atMilliseconds = Date.now() + 7_200_000;
                assert.deepEqual(await client.hexpireat(key, atSeconds, ["a"]), [1]);
                assert.deepEqual(await client.hpexpireat(key, atMilliseconds, ["b"]), [1]);
                assert.deepEqual(await client.hexpiretime(key, ["a", "c", "nope"]), [atSeconds, -1, -2]);
                assert.deepEqual(await client.hpexpiretime(key, ["b", "c", "nope"]), [atMilliseconds, -1, -2]);
                assert.deepEqual(await client.hpexpiretime(key, ["a"]), [atSeconds * 1000]);
            });

            it("hpersist removes expiries; httl / hpttl report -1 and -2", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = uniqueKey();
                await client.hset(key, { a: "1", b: "2" });
                await client.hexpire(key, 100, ["a"]);
                assert.deepEqual(await client.hpersist(key, ["a", "b", "nope"]), [1, -1, -2]);
                assert.deepEqual(await client.httl(key, ["a", "b", "nope"]), [-1, -1, -2]);
                assert.deepEqual(await client.hpttl(key, ["a"]), [-1]);
            });

            it("work in a batch", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = uniqueKey();
                const batch = kind
                    .newBatch(true)
                    .hsetex(key, { a: "1" }, { expiry: { type: TimeUnit.Seconds, count: 100 } })
                    .hgetex(key, ["a"], { expiry: "PERSIST" })
                    .hexpire(key, 100, ["a"])
                    .hpersist(key, ["a"])
                    .httl(key, ["a"]);
                assert.deepEqual(await client.exec(batch, true), [1, ["1"], [1], [1], [-1]]);
            });

            it("reject a key of another type", async (t) => {
                if (!supported) return t.skip("needs Valkey 9.0");
                const key = await listKey(client);
                await rejectsWithPrefix(client.httl(key, ["a"]), "WRONGTYPE");
                await rejectsWithPrefix(client.hexpire(key, 10, ["a"]), "WRONGTYPE");
            });
        });
    });
}

describe("hash-field expiry arguments", () => {
    const fields = ["f1", Buffer.from("f2")];

    it("hsetex: condition, expiry, then FIELDS numfields field value …", () => {
        assert.deepEqual(
            hashCommands.hsetex.args("k", { a: "1", b: "2" }, {
                fieldConditionalChange: HashFieldConditionalChange.ONLY_IF_NONE_EXIST,
                expiry: { type: TimeUnit.UnixMilliseconds, count: 1234 },
            }),
            ["HSETEX", "k", "FNX", "PXAT", 1234, "FIELDS", 2, "a", "1", "b", "2"],
        );
        assert.deepEqual(
            hashCommands.hsetex.args("k", [{ field: "a", value: "1" }], {
                fieldConditionalChange: HashFieldConditionalChange.ONLY_IF_ALL_EXIST,
                expiry: "KEEPTTL",
            }),
            ["HSETEX", "k", "FXX", "KEEPTTL", "FIELDS", 1, "a", "1"],
        );
        assert.deepEqual(hashCommands.hsetex.args("k", { a: "1" }), ["HSETEX", "k", "FIELDS", 1, "a", "1"]);
    });

    it("hgetex: expiry or PERSIST, then FIELDS", () => {
        assert.deepEqual(hashCommands.hgetex.args("k", fields), ["HGETEX", "k", "FIELDS", 2, ...fields]);
        assert.deepEqual(hashCommands.hgetex.args("k", ["a"], { expiry: "PERSIST", decoder: Decoder.Bytes }), [
            "HGETEX",
            "k",
            "PERSIST",
            "FIELDS",
            1,
            "a",
        ]);
        assert.deepEqual(hashCommands.hgetex.args("k", ["a"], { expiry: { type: TimeUnit.Seconds, count: 30 } }), [
            "HGETEX",
            "k",
            "EX",
            30,
            "FIELDS",
            1,
            "a",
        ]);
    });

    it("hexpire family: time, condition, then FIELDS", () => {
        const gt = { condition: HashExpirationCondition.ONLY_IF_GREATER_THAN_CURRENT };
        assert.deepEqual(hashCommands.hexpire.args("k", 10, fields), ["HEXPIRE", "k", 10, "FIELDS", 2, ...fields]);
        assert.deepEqual(hashCommands.hpexpire.args("k", 10, ["a"], gt), ["HPEXPIRE", "k", 10, "GT", "FIELDS", 1, "a"]);
        const nx = { condition: HashExpirationCondition.ONLY_IF_NO_EXPIRY };
        assert.deepEqual(hashCommands.hexpireat.args("k", 1700000000, ["a"], nx), [
            "HEXPIREAT",
            "k",
            1700000000,
            "NX",
            "FIELDS",
            1,
            "a",
        ]);
        const xx = { condition: HashExpirationCondition.ONLY_IF_HAS_EXPIRY };
        assert.deepEqual(hashCommands.hpexpireat.args("k", 5, ["a"], xx), [
            "HPEXPIREAT",
            "k",
            5,
            "XX",
            "FIELDS",
            1,
            "a",
        ]);
        const lt = { condition: HashExpirationCondition.ONLY_IF_LESS_THAN_CURRENT };
        assert.deepEqual(hashCommands.hpexpire.args("k", 5, ["a"], lt), [
            "HPEXPIRE",
            "k",
            5,
            "LT",
            "FIELDS",
            1,
            "a",
        ]);
    });

    it("per-field queries and hpersist: FIELDS numfields field …", () => {
        for (const [method, name] of [
            ["httl", "HTTL"],
            ["hpttl", "HPTTL"],
            ["hexpiretime", "HEXPIRETIME"],
            ["hpexpiretime", "HPEXPIRETIME"],
            ["hpersist", "HPERSIST"],
        ] as const) {
            assert.deepEqual(hashCommands[method].args("k", fields), [name, "k", "FIELDS", 2, ...fields]);
        }
    });

    it("marks the read-only commands", () => {
        assert.equal(hashCommands.httl.readonly, true);
        assert.equal(hashCommands.hpexpiretime.readonly, true);
        assert.equal(hashCommands.hpersist.readonly, false);
        assert.equal(hashCommands.hexpire.readonly, undefined);
    });
});

describe("convertFieldsAndValuesToHashDataType", () => {
    it("turns a plain object into HashDataType and leaves HashDataType as is", () => {
        assert.deepEqual(convertFieldsAndValuesToHashDataType({ a: "1", b: "2" }), [
            { field: "a", value: "1" },
            { field: "b", value: "2" },
        ]);
        const data = [{ field: Buffer.from("x"), value: "y" }];
        assert.equal(convertFieldsAndValuesToHashDataType(data), data);
    });
});
