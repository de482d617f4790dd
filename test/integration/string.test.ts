/** String commands against a real server, on RESP2 and RESP3. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, GlideClient, TimeUnit } from "../../src";
import { stringCommands } from "../../src/commands/string";
import { newStandaloneClient, PROTOCOLS, uniqueKey } from "../helpers/clients";
import { BINARY, binaryKey, listKey, rejectsWithMessage } from "../helpers/family";

const WRONGTYPE = "WRONGTYPE: Operation against a key holding the wrong kind of value";
const NOT_AN_INTEGER = "An error was signalled by the server: - ResponseError: value is not an integer or out of range";

/** valkey_version (or redis_version) of the server as [major, minor]. */
async function serverVersion(client: GlideClient): Promise<[number, number]> {
    const info = await client.info();
    const match = /^valkey_version:(\d+)\.(\d+)/m.exec(info) ?? /^redis_version:(\d+)\.(\d+)/m.exec(info);
    assert.ok(match, "no version in INFO");
    return [Number(match[1]), Number(match[2])];
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`string commands (${name})`, () => {
        let client: GlideClient;
        /** A client whose default decoder is Bytes. */
        let bytesClient: GlideClient;

        before(async () => {
            client = await newStandaloneClient(protocol);
            bytesClient = await newStandaloneClient(protocol, { defaultDecoder: Decoder.Bytes });
        });

        after(() => {
            client?.close();
            bytesClient?.close();
        });

        describe("get", () => {
            it("returns the value, or null for a missing key", async () => {
                const key = uniqueKey();
                assert.equal(await client.get(key), null);
                assert.equal(await client.set(key, "héllo"), "OK");
                assert.equal(await client.get(key), "héllo");
            });

            it("returns Buffers with Decoder.Bytes, for binary keys and values", async () => {
                const key = binaryKey();
                assert.equal(await client.set(key, BINARY), "OK");
                assert.deepEqual(await client.get(key, { decoder: Decoder.Bytes }), BINARY);
                assert.deepEqual(await bytesClient.get(key), BINARY);
            });

            it("lets the call's decoder override the client's default", async () => {
                const key = uniqueKey();
                await client.set(key, "text");
                assert.equal(await bytesClient.get(key, { decoder: Decoder.String }), "text");
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.get(await listKey(client)), WRONGTYPE);
            });
        });

        describe("set", () => {
            it("returns OK whatever the decoder", async () => {
                const key = uniqueKey();
                assert.equal(await client.set(key, "v"), "OK");
                assert.equal(await client.set(key, "w", { decoder: Decoder.Bytes }), "OK");
                assert.equal(await client.get(key), "w");
            });

            it("onlyIfDoesNotExist sets a new key only", async () => {
                const key = uniqueKey();
                assert.equal(await client.set(key, "first", { conditionalSet: "onlyIfDoesNotExist" }), "OK");
                assert.equal(await client.set(key, "second", { conditionalSet: "onlyIfDoesNotExist" }), null);
                assert.equal(await client.get(key), "first");
            });

            it("onlyIfExists sets an existing key only", async () => {
                const key = uniqueKey();
                assert.equal(await client.set(key, "first", { conditionalSet: "onlyIfExists" }), null);
                assert.equal(await client.exists([key]), 0);
                await client.set(key, "first");
                assert.equal(await client.set(key, "second", { conditionalSet: "onlyIfExists" }), "OK");
                assert.equal(await client.get(key), "second");
            });

            it("onlyIfEqual sends IFEQ with the comparison value", () => {
                assert.deepEqual(
                    stringCommands.set.args("k", "v", { conditionalSet: "onlyIfEqual", comparisonValue: BINARY }),
                    ["SET", "k", "v", "IFEQ", BINARY],
                );
            });

            it("onlyIfEqual sets only when the current value matches (Valkey 8.1+)", async (t) => {
                const [major, minor] = await serverVersion(client);
                if (major < 8 || (major === 8 && minor < 1)) {
                    t.skip(`IFEQ needs Valkey 8.1, the server is ${major}.${minor}`);
                    return;
                }
                const key = uniqueKey();
                await client.set(key, "old");
                const wrong = { conditionalSet: "onlyIfEqual", comparisonValue: "other" } as const;
                assert.equal(await client.set(key, "new", wrong), null);
                assert.equal(await client.get(key), "old");
                const right = { conditionalSet: "onlyIfEqual", comparisonValue: "old" } as const;
                assert.equal(await client.set(key, "new", right), "OK");
                assert.equal(await client.get(key), "new");
            });

            it("returnOldValue returns the previous value, or null", async () => {
                const key = uniqueKey();
                assert.equal(await client.set(key, "v1", { returnOldValue: true }), null);
                assert.equal(await client.set(key, "v2", { returnOldValue: true }), "v1");
                assert.equal(await client.get(key), "v2");
            });

            it("returnOldValue returns a Buffer with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                const old = await client.set(key, "x", { returnOldValue: true, decoder: Decoder.Bytes });
                assert.deepEqual(old, BINARY);
            });

            it("returnOldValue with onlyIfDoesNotExist returns the value it kept", async () => {
                const key = uniqueKey();
                await client.set(key, "kept");
                const options = { returnOldValue: true, conditionalSet: "onlyIfDoesNotExist" } as const;
                assert.equal(await client.set(key, "lost", options), "kept");
                assert.equal(await client.get(key), "kept");
            });

            it("returnOldValue rejects a key of another type", async () => {
                await rejectsWithMessage(client.set(await listKey(client), "v", { returnOldValue: true }), WRONGTYPE);
            });

            it("expiry in seconds and milliseconds", async () => {
                const key = uniqueKey();
                await client.set(key, "v", { expiry: { type: TimeUnit.Seconds, count: 100 } });
                const ttl = await client.ttl(key);
                assert.ok(ttl > 95 && ttl <= 100, `ttl ${ttl}`);
                await client.set(key, "v", { expiry: { type: TimeUnit.Milliseconds, count: 50_000 } });
                const pttl = await client.pttl(key);
                assert.ok(pttl > 45_000 && pttl <= 50_000, `pttl ${pttl}`);
            });

            it("expiry at a Unix time in seconds and milliseconds", async () => {
                const key = uniqueKey();
                const unixSeconds = Math.floor(Date.now() / 1000) + 1000;
                await client.set(key, "v", { expiry: { type: TimeUnit.UnixSeconds, count: unixSeconds } });
                assert.equal(await client.expiretime(key), unixSeconds);
                const unixMilliseconds = Date.now() + 1_000_000;
                await client.set(key, "v", { expiry: { type: TimeUnit.UnixMilliseconds, count: unixMilliseconds } });
                assert.equal(await client.pexpiretime(key), unixMilliseconds);
            });

            it("expiry keepExisting keeps the time to live", async () => {
                const key = uniqueKey();
                const unixSeconds = Math.floor(Date.now() / 1000) + 1000;
                await client.set(key, "v1", { expiry: { type: TimeUnit.UnixSeconds, count: unixSeconds } });
                assert.equal(await client.set(key, "v2", { expiry: "keepExisting" }), "OK");
                assert.equal(await client.expiretime(key), unixSeconds);
                assert.equal(await client.get(key), "v2");
                await client.set(key, "v3");
                assert.equal(await client.ttl(key), -1);
            });

            it("combines every kind of option", async () => {
                const key = uniqueKey();
                await client.set(key, "v1");
                const result = await client.set(key, "v2", {
                    conditionalSet: "onlyIfExists",
                    returnOldValue: true,
                    expiry: { type: TimeUnit.Seconds, count: 100 },
                });
                assert.equal(result, "v1");
                assert.equal(await client.get(key), "v2");
                assert.ok((await client.ttl(key)) > 0);
            });
        });

        describe("mget", () => {
            it("returns values in order, null for missing keys and keys of another type", async () => {
                const [a, b, missing] = [uniqueKey(), uniqueKey(), uniqueKey()];
                await client.mset({ [a]: "A", [b]: "B" });
                const list = await listKey(client);
                assert.deepEqual(await client.mget([a, missing, b, list]), ["A", null, "B", null]);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.deepEqual(await client.mget([key, uniqueKey()], { decoder: Decoder.Bytes }), [BINARY, null]);
                assert.deepEqual(await bytesClient.mget([key]), [BINARY]);
            });
        });

        describe("mset", () => {
            it("sets every pair of a Record", async () => {
                const [a, b] = [uniqueKey(), uniqueKey()];
                assert.equal(await client.mset({ [a]: "1", [b]: "2" }), "OK");
                assert.deepEqual(await client.mget([a, b]), ["1", "2"]);
            });

            it("sets every pair of a GlideRecord, binary keys and values included", async () => {
                const [a, b] = [binaryKey(), uniqueKey()];
                assert.equal(await client.mset([{ key: a, value: BINARY }, { key: b, value: "text" }]), "OK");
                assert.deepEqual(await client.mget([a, b], { decoder: Decoder.Bytes }), [BINARY, Buffer.from("text")]);
            });

            it("overwrites keys of any type", async () => {
                const list = await listKey(client);
                assert.equal(await client.mset({ [list]: "now a string" }), "OK");
                assert.equal(await client.get(list), "now a string");
            });
        });

        describe("msetnx", () => {
            it("sets all keys when none exists", async () => {
                const [a, b] = [uniqueKey(), binaryKey()];
                assert.equal(await client.msetnx([{ key: a, value: "1" }, { key: b, value: BINARY }]), true);
                assert.deepEqual(await client.mget([a, b], { decoder: Decoder.Bytes }), [Buffer.from("1"), BINARY]);
            });

            it("sets no key when one exists", async () => {
                const [a, b] = [uniqueKey(), uniqueKey()];
                await client.set(b, "existing");
                assert.equal(await client.msetnx({ [a]: "1", [b]: "2" }), false);
                assert.deepEqual(await client.mget([a, b]), [null, "existing"]);
            });
        });

        describe("getdel", () => {
            it("returns the value and deletes the key", async () => {
                const key = uniqueKey();
                await client.set(key, "v");
                assert.equal(await client.getdel(key), "v");
                assert.equal(await client.exists([key]), 0);
                assert.equal(await client.getdel(key), null);
            });

            it("returns a Buffer with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.deepEqual(await client.getdel(key, { decoder: Decoder.Bytes }), BINARY);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.getdel(await listKey(client)), WRONGTYPE);
            });
        });

        describe("getex", () => {
            it("returns the value, or null for a missing key", async () => {
                const key = uniqueKey();
                assert.equal(await client.getex(key), null);
                await client.set(key, "v");
                assert.equal(await client.getex(key), "v");
                assert.equal(await client.ttl(key), -1);
            });

            it("sets a relative expiry", async () => {
                const key = uniqueKey();
                await client.set(key, "v");
                assert.equal(await client.getex(key, { expiry: { type: TimeUnit.Seconds, duration: 100 } }), "v");
                const ttl = await client.ttl(key);
                assert.ok(ttl > 95 && ttl <= 100, `ttl ${ttl}`);
                assert.equal(await client.getex(key, { expiry: { type: TimeUnit.Milliseconds, duration: 50_000 } }), "v");
                const pttl = await client.pttl(key);
                assert.ok(pttl > 45_000 && pttl <= 50_000, `pttl ${pttl}`);
            });

            it("sets an absolute expiry", async () => {
                const key = uniqueKey();
                await client.set(key, "v");
                const unixSeconds = Math.floor(Date.now() / 1000) + 1000;
                await client.getex(key, { expiry: { type: TimeUnit.UnixSeconds, duration: unixSeconds } });
                assert.equal(await client.expiretime(key), unixSeconds);
                const unixMilliseconds = Date.now() + 1_000_000;
                await client.getex(key, { expiry: { type: TimeUnit.UnixMilliseconds, duration: unixMilliseconds } });
                assert.equal(await client.pexpiretime(key), unixMilliseconds);
            });

            it("persist removes the expiry", async () => {
                const key = uniqueKey();
                await client.set(key, "v", { expiry: { type: TimeUnit.Seconds, count: 100 } });
                assert.equal(await client.getex(key, { expiry: "persist" }), "v");
                assert.equal(await client.ttl(key), -1);
            });

            it("returns a Buffer with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.deepEqual(await client.getex(key, { expiry: "persist", decoder: Decoder.Bytes }), BINARY);
                assert.deepEqual(await bytesClient.getex(key), BINARY);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.getex(await listKey(client)), WRONGTYPE);
            });
        });

        describe("getrange", () => {
            it("returns the substring between inclusive offsets, negative ones from the end", async () => {
                const key = uniqueKey();
                await client.set(key, "Hello World");
                assert.equal(await client.getrange(key, 0, 4), "Hello");
                assert.equal(await client.getrange(key, -5, -1), "World");
                assert.equal(await client.getrange(key, 6, 100), "World");
                assert.equal(await client.getrange(key, 5, 2), "");
            });

            it("returns an empty string for a missing key", async () => {
                assert.equal(await client.getrange(uniqueKey(), 0, 10), "");
            });

            it("returns a Buffer with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.deepEqual(await client.getrange(key, 1, 3, { decoder: Decoder.Bytes }), BINARY.subarray(1, 4));
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.getrange(await listKey(client), 0, 1), WRONGTYPE);
            });
        });

        describe("setrange", () => {
            it("overwrites from the offset and returns the new length", async () => {
                const key = uniqueKey();
                await client.set(key, "Hello World");
                assert.equal(await client.setrange(key, 6, "Valkey"), 12);
                assert.equal(await client.get(key), "Hello Valkey");
            });

            it("pads a missing key with zero bytes", async () => {
                const key = binaryKey();
                assert.equal(await client.setrange(key, 3, BINARY), 3 + BINARY.length);
                assert.deepEqual(await client.get(key, { decoder: Decoder.Bytes }), Buffer.concat([Buffer.alloc(3), BINARY]));
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.setrange(await listKey(client), 0, "x"), WRONGTYPE);
            });
        });

        describe("append", () => {
            it("appends and returns the new length, creating a missing key", async () => {
                const key = binaryKey();
                assert.equal(await client.append(key, "ab"), 2);
                assert.equal(await client.append(key, BINARY), 2 + BINARY.length);
                assert.deepEqual(await client.get(key, { decoder: Decoder.Bytes }), Buffer.concat([Buffer.from("ab"), BINARY]));
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.append(await listKey(client), "x"), WRONGTYPE);
            });
        });

        describe("strlen", () => {
            it("returns the length in bytes, 0 for a missing key", async () => {
                const key = uniqueKey();
                assert.equal(await client.strlen(key), 0);
                await client.set(key, "héllo");
                assert.equal(await client.strlen(key), 6);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithMessage(client.strlen(await listKey(client)), WRONGTYPE);
            });
        });

        describe("incr, incrBy, decr, decrBy", () => {
            it("start a missing key from 0 and return the new value", async () => {
                const key = uniqueKey();
                assert.equal(await client.incr(key), 1);
                assert.equal(await client.incrBy(key, 41), 42);
                assert.equal(await client.incrBy(key, -2), 40);
                assert.equal(await client.decr(key), 39);
                assert.equal(await client.decrBy(key, 50), -11);
                assert.equal(await client.decrBy(uniqueKey(), 5), -5);
                assert.equal(await client.decr(uniqueKey()), -1);
                assert.equal(await client.get(key), "-11");
            });

            it("work on a binary key", async () => {
                const key = binaryKey();
                assert.equal(await client.incrBy(key, 7), 7);
                assert.equal(await client.get(key), "7");
            });

            it("reject a value that is not an integer", async () => {
                const key = uniqueKey();
                await client.set(key, "1.5");
                await rejectsWithMessage(client.incr(key), NOT_AN_INTEGER);
                await rejectsWithMessage(client.incrBy(key, 1), NOT_AN_INTEGER);
                await rejectsWithMessage(client.decr(key), NOT_AN_INTEGER);
                await rejectsWithMessage(client.decrBy(key, 1), NOT_AN_INTEGER);
            });

            it("reject a key of another type", async () => {
                const list = await listKey(client);
                await rejectsWithMessage(client.incr(list), WRONGTYPE);
                await rejectsWithMessage(client.incrBy(list, 2), WRONGTYPE);
                await rejectsWithMessage(client.decr(list), WRONGTYPE);
                await rejectsWithMessage(client.decrBy(list, 2), WRONGTYPE);
            });
        });

        describe("incrByFloat", () => {
            it("returns the new value as a number", async () => {
                const key = uniqueKey();
                assert.equal(await client.incrByFloat(key, 1.5), 1.5);
                assert.equal(await client.incrByFloat(key, -0.25), 1.25);
                await client.set(key, "5.0e3");
                assert.equal(await client.incrByFloat(key, 10), 5010);
                assert.equal(await client.get(key), "5010");
            });

            it("returns a number with a Bytes default decoder", async () => {
                const key = uniqueKey();
                assert.equal(await bytesClient.incrByFloat(key, 2.5), 2.5);
            });

            it("rejects a value that is not a number, and a key of another type", async () => {
                const key = uniqueKey();
                await client.set(key, "abc");
                await rejectsWithMessage(client.incrByFloat(key, 1), "An error was signalled by the server: - ResponseError: value is not a valid float");
                await rejectsWithMessage(client.incrByFloat(await listKey(client), 1), WRONGTYPE);
            });
        });

        describe("lcs, lcsLen, lcsIdx", () => {
            async function pair(first: string, second: string): Promise<[string, string]> {
                const key1 = uniqueKey("lcs");
                // Same hash tag: the two keys stay in one slot on a cluster too.
                const key2 = `${key1}-2`;
                await client.mset({ [key1]: first, [key2]: second });
                return [key1, key2];
            }

            it("lcs returns the longest common subsequence, empty when none or missing", async () => {
                const [key1, key2] = await pair("ohmytext", "mynewtext");
                assert.equal(await client.lcs(key1, key2), "mytext");
                assert.equal(await client.lcs(key1, uniqueKey()), "");
                const [a, b] = await pair("abc", "xyz");
                assert.equal(await client.lcs(a, b), "");
            });

            it("lcs returns a Buffer with Decoder.Bytes", async () => {
                const [key1, key2] = [binaryKey(), binaryKey()];
                await client.set(key1, Buffer.concat([Buffer.from("a"), BINARY]));
                await client.set(key2, Buffer.concat([BINARY, Buffer.from("b")]));
                assert.deepEqual(await client.lcs(key1, key2, { decoder: Decoder.Bytes }), BINARY);
            });

            it("lcsLen returns the length, 0 for missing keys", async () => {
                const [key1, key2] = await pair("ohmytext", "mynewtext");
                assert.equal(await client.lcsLen(key1, key2), 6);
                assert.equal(await client.lcsLen(uniqueKey(), uniqueKey()), 0);
            });

            it("lcsIdx returns the matches and the total length", async () => {
                const [key1, key2] = await pair("ohmytext", "mynewtext");
                assert.deepEqual(await client.lcsIdx(key1, key2), {
                    matches: [
                        [
                            [4, 7],
                            [5, 8],
                        ],
                        [
                            [2, 3],
                            [0, 1],
                        ],
                    ],
                    len: 6,
                });
            });

            it("lcsIdx withMatchLen adds each match's length", async () => {
                const [key1, key2] = await pair("ohmytext", "mynewtext");
                assert.deepEqual(await client.lcsIdx(key1, key2, { withMatchLen: true }), {
                    matches: [
                        [[4, 7], [5, 8], 4],
                        [[2, 3], [0, 1], 2],
                    ],
                    len: 6,
                });
            });

            it("lcsIdx minMatchLen drops shorter matches but not from len", async () => {
                const [key1, key2] = await pair("ohmytext", "mynewtext");
                assert.deepEqual(await client.lcsIdx(key1, key2, { minMatchLen: 3, withMatchLen: true }), {
                    matches: [[[4, 7], [5, 8], 4]],
                    len: 6,
                });
            });

            it("lcsIdx has string keys with a Bytes default decoder, and is empty for missing keys", async () => {
                assert.deepEqual(await bytesClient.lcsIdx(uniqueKey(), uniqueKey()), { matches: [], len: 0 });
            });

            it("reject a key of another type", async () => {
                const [key] = await pair("abc", "abc");
                const list = await listKey(client);
                await rejectsWithMessage(client.lcs(key, list), "An error was signalled by the server: - ResponseError: The specified keys must contain string values");
                await rejectsWithMessage(client.lcsLen(list, key), "An error was signalled by the server: - ResponseError: The specified keys must contain string values");
                await rejectsWithMessage(client.lcsIdx(key, list), "An error was signalled by the server: - ResponseError: The specified keys must contain string values");
            });
        });
    });
}
