/** Generic key commands against a real server, on RESP2 and RESP3. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, ExpireOptions, GlideClient, RequestError, TimeUnit } from "../../src";
import { newStandaloneClient, PROTOCOLS, uniqueKey } from "../helpers/clients";
import { BINARY, binaryKey, rejectsWithMessage } from "../helpers/family";
import { startStandalone, type ServerHandle } from "../helpers/servers";

/** The database that `copy` and `move` write to; the tests only use unique keys there. */
const OTHER_DB = 1;

function nowSeconds(): number {
    return Math.floor(Date.now() / 1000);
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`generic commands (${name})`, () => {
        let client: GlideClient;
        /** A client whose default decoder is Bytes. */
        let bytesClient: GlideClient;
        /** A client of database OTHER_DB. */
        let otherDb: GlideClient;

        before(async () => {
            client = await newStandaloneClient(protocol);
            bytesClient = await newStandaloneClient(protocol, { defaultDecoder: Decoder.Bytes });
            otherDb = await newStandaloneClient(protocol, { databaseId: OTHER_DB });
        });

        after(() => {
            client?.close();
            bytesClient?.close();
            otherDb?.close();
        });

        /** A new key holding a string. */
        async function stringKey(value: string | Buffer = "v"): Promise<string> {
            const key = uniqueKey();
            await client.set(key, value);
            return key;
        }

        describe("del, unlink", () => {
            for (const method of ["del", "unlink"] as const) {
                it(`${method} removes the keys and counts the existing ones`, async () => {
                    const [a, b, missing] = [await stringKey(), binaryKey(), uniqueKey()];
                    await client.set(b, BINARY);
                    assert.equal(await client[method]([a, missing, b]), 2);
                    assert.equal(await client.exists([a, b]), 0);
                    assert.equal(await client[method]([a]), 0);
                });
            }
        });

        describe("exists", () => {
            it("counts existing keys, each time a key is named", async () => {
                const key = await stringKey();
                const bin = binaryKey();
                await client.set(bin, "v");
                assert.equal(await client.exists([key, bin, uniqueKey()]), 2);
                assert.equal(await client.exists([key, key]), 2);
                assert.equal(await client.exists([uniqueKey()]), 0);
            });
        });

        describe("touch", () => {
            it("counts the keys that exist", async () => {
                const [a, b] = [await stringKey(), await stringKey()];
                assert.equal(await client.touch([a, uniqueKey(), b]), 2);
                assert.equal(await client.touch([uniqueKey()]), 0);
            });
        });

        describe("type", () => {
            it("names the type of the value, none for a missing key", async () => {
                const key = uniqueKey();
                assert.equal(await client.type(key), "none");
                await client.set(key, "v");
                assert.equal(await client.type(key), "string");
                const [list, hash, set, zset] = [uniqueKey(), uniqueKey(), uniqueKey(), uniqueKey()];
                await client.customCommand(["RPUSH", list, "a"]);
                await client.customCommand(["HSET", hash, "f", "v"]);
                await client.customCommand(["SADD", set, "m"]);
                await client.customCommand(["ZADD", zset, "1", "m"]);
                assert.deepEqual(
                    await Promise.all([list, hash, set, zset].map((k) => client.type(k))),
                    ["list", "hash", "set", "zset"],
                );
            });

            it("returns a string with a Bytes default decoder, for a binary key", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.equal(await bytesClient.type(key), "string");
            });
        });

        describe("rename", () => {
            it("moves the value to the new name", async () => {
                const [key, newKey] = [await stringKey("value"), uniqueKey()];
                assert.equal(await client.rename(key, newKey), "OK");
                assert.equal(await client.exists([key]), 0);
                assert.equal(await client.get(newKey), "value");
            });

            it("overwrites an existing destination and works on binary keys", async () => {
                const [key, newKey] = [binaryKey(), binaryKey()];
                await client.mset([
                    { key, value: BINARY },
                    { key: newKey, value: "old" },
                ]);
                assert.equal(await client.rename(key, newKey), "OK");
                assert.deepEqual(await client.get(newKey, { decoder: Decoder.Bytes }), BINARY);
            });

            it("rejects a missing key", async () => {
                await rejectsWithMessage(client.rename(uniqueKey(), uniqueKey()), "An error was signalled by the server: - ResponseError: no such key");
            });
        });

        describe("renamenx", () => {
            it("renames only when the new name is free", async () => {
                const [key, newKey, taken] = [await stringKey("value"), uniqueKey(), await stringKey("taken")];
                assert.equal(await client.renamenx(key, taken), false);
                assert.equal(await client.get(taken), "taken");
                assert.equal(await client.renamenx(key, newKey), true);
                assert.equal(await client.get(newKey), "value");
            });

            it("rejects a missing key", async () => {
                await rejectsWithMessage(client.renamenx(uniqueKey(), uniqueKey()), "An error was signalled by the server: - ResponseError: no such key");
            });
        });

        describe("expire, pexpire", () => {
            it("expire sets a timeout in seconds", async () => {
                const key = await stringKey();
                assert.equal(await client.expire(key, 100), true);
                const ttl = await client.ttl(key);
                assert.ok(ttl > 95 && ttl <= 100, `ttl ${ttl}`);
                assert.equal(await client.expire(uniqueKey(), 100), false);
            });

            it("pexpire sets a timeout in milliseconds", async () => {
                const key = binaryKey();
                await client.set(key, "v");
                assert.equal(await client.pexpire(key, 50_000), true);
                const pttl = await client.pttl(key);
                assert.ok(pttl > 45_000 && pttl <= 50_000, `pttl ${pttl}`);
                assert.equal(await client.pexpire(uniqueKey(), 50_000), false);
            });

            it("a timeout of 0 or less deletes the key", async () => {
                const [a, b] = [await stringKey(), await stringKey()];
                assert.equal(await client.expire(a, 0), true);
                assert.equal(await client.pexpire(b, -1), true);
                assert.equal(await client.exists([a, b]), 0);
            });

            it("expireOption NX and XX depend on an existing expiry", async () => {
                const key = await stringKey();
                const nx = { expireOption: ExpireOptions.HasNoExpiry };
                const xx = { expireOption: ExpireOptions.HasExistingExpiry };
                assert.equal(await client.expire(key, 100, xx), false);
                assert.equal(await client.ttl(key), -1);
                assert.equal(await client.expire(key, 100, nx), true);
                assert.equal(await client.pexpire(key, 200_000, nx), false);
                assert.equal(await client.pexpire(key, 200_000, xx), true);
                assert.ok((await client.ttl(key)) > 150);
            });

            it("expireOption GT and LT compare with the current expiry", async () => {
                const key = await stringKey();
                const gt = { expireOption: ExpireOptions.NewExpiryGreaterThanCurrent };
                const lt = { expireOption: ExpireOptions.NewExpiryLessThanCurrent };
                await client.expire(key, 100);
                assert.equal(await client.expire(key, 50, gt), false);
                assert.equal(await client.expire(key, 200, gt), true);
                assert.equal(await client.pexpire(key, 300_000, lt), false);
                assert.equal(await client.pexpire(key, 10_000, lt), true);
                const ttl = await client.ttl(key);
                assert.ok(ttl > 5 && ttl <= 10, `ttl ${ttl}`);
            });
        });

        describe("expireAt, pexpireAt", () => {
            it("expireAt sets an absolute expiry in seconds", async () => {
                const key = await stringKey();
                const at = nowSeconds() + 1000;
                assert.equal(await client.expireAt(key, at), true);
                assert.equal(await client.expiretime(key), at);
                assert.equal(await client.expireAt(uniqueKey(), at), false);
            });

            it("pexpireAt sets an absolute expiry in milliseconds and answers a boolean, as GLIDE does (it declares a number)", async () => {
                const key = await stringKey();
                const at = Date.now() + 1_000_000;
                assert.equal(await client.pexpireAt(key, at), true);
                assert.equal(await client.pexpiretime(key), at);
                assert.equal(await client.pexpireAt(uniqueKey(), at), false);
            });

            it("a time in the past deletes the key", async () => {
                const [a, b] = [await stringKey(), await stringKey()];
                assert.equal(await client.expireAt(a, nowSeconds() - 10), true);
                assert.equal(await client.pexpireAt(b, Date.now() - 10_000), true);
                assert.equal(await client.exists([a, b]), 0);
            });

            it("honour expireOption", async () => {
                const key = await stringKey();
                const at = nowSeconds() + 1000;
                const xx = { expireOption: ExpireOptions.HasExistingExpiry };
                assert.equal(await client.expireAt(key, at, xx), false);
                assert.equal(await client.pexpireAt(key, at * 1000, xx), false);
                assert.equal(await client.expireAt(key, at, { expireOption: ExpireOptions.HasNoExpiry }), true);
                const lt = { expireOption: ExpireOptions.NewExpiryLessThanCurrent };
                assert.equal(await client.pexpireAt(key, (at + 10) * 1000, lt), false);
                assert.equal(await client.pexpireAt(key, (at - 10) * 1000, lt), true);
                assert.equal(await client.expiretime(key), at - 10);
                const gt = { expireOption: ExpireOptions.NewExpiryGreaterThanCurrent };
                assert.equal(await client.expireAt(key, at - 20, gt), false);
                assert.equal(await client.expireAt(key, at + 20, gt), true);
                assert.equal(await client.expiretime(key), at + 20);
            });
        });

        describe("expiretime, pexpiretime, ttl, pttl", () => {
            it("return -2 for a missing key and -1 for a key without expiry", async () => {
                const [missing, key] = [uniqueKey(), await stringKey()];
                for (const method of ["expiretime", "pexpiretime", "ttl", "pttl"] as const) {
                    assert.equal(await client[method](missing), -2, method);
                    assert.equal(await client[method](key), -1, method);
                }
            });

            it("return the expiry of a key", async () => {
                const key = binaryKey();
                // A whole second: EXPIRETIME rounds to the nearest second.
                const at = nowSeconds() + 100;
                await client.set(key, "v", { expiry: { type: TimeUnit.UnixMilliseconds, count: at * 1000 } });
                assert.equal(await client.pexpiretime(key), at * 1000);
                assert.equal(await client.expiretime(key), at);
                const ttl = await client.ttl(key);
                assert.ok(ttl > 95 && ttl <= 100, `ttl ${ttl}`);
                const pttl = await client.pttl(key);
                assert.ok(pttl > 95_000 && pttl <= 100_000, `pttl ${pttl}`);
            });
        });

        describe("persist", () => {
            it("removes an expiry; false when there is none or no key", async () => {
                const key = await stringKey();
                assert.equal(await client.persist(key), false);
                await client.expire(key, 100);
                assert.equal(await client.persist(key), true);
                assert.equal(await client.ttl(key), -1);
                assert.equal(await client.persist(uniqueKey()), false);
            });
        });

        describe("copy", () => {
            it("copies the value, keeping the source", async () => {
                const [source, destination] = [binaryKey(), binaryKey()];
                await client.set(source, BINARY);
                assert.equal(await client.copy(source, destination), true);
                assert.deepEqual(await client.mget([source, destination], { decoder: Decoder.Bytes }), [BINARY, BINARY]);
            });

            it("does not overwrite unless replace", async () => {
                const [source, destination] = [await stringKey("new"), await stringKey("old")];
                assert.equal(await client.copy(source, destination), false);
                assert.equal(await client.get(destination), "old");
                assert.equal(await client.copy(source, destination, { replace: true }), true);
                assert.equal(await client.get(destination), "new");
            });

            it("returns false for a missing source", async () => {
                assert.equal(await client.copy(uniqueKey(), uniqueKey()), false);
            });

            it("copies to another database with destinationDB", async () => {
                const [source, destination] = [await stringKey("value"), uniqueKey()];
                try {
                    assert.equal(await client.copy(source, destination, { destinationDB: OTHER_DB }), true);
                    assert.equal(await client.exists([destination]), 0);
                    assert.equal(await otherDb.get(destination), "value");
                    await client.set(source, "newer");
                    assert.equal(await client.copy(source, destination, { destinationDB: OTHER_DB }), false);
                    const both = { destinationDB: OTHER_DB, replace: true };
                    assert.equal(await client.copy(source, destination, both), true);
                    assert.equal(await otherDb.get(destination), "newer");
                } finally {
                    await otherDb.del([destination]);
                }
            });
        });

        describe("move", () => {
            it("moves a key to another database", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                try {
                    assert.equal(await client.move(key, OTHER_DB), true);
                    assert.equal(await client.exists([key]), 0);
                    assert.deepEqual(await otherDb.get(key, { decoder: Decoder.Bytes }), BINARY);
                } finally {
                    await otherDb.del([key]);
                }
            });

            it("returns false when the key exists there or not here", async () => {
                const key = await stringKey("here");
                try {
                    await otherDb.set(key, "there");
                    assert.equal(await client.move(key, OTHER_DB), false);
                    assert.equal(await client.get(key), "here");
                    assert.equal(await otherDb.get(key), "there");
                    assert.equal(await client.move(uniqueKey(), OTHER_DB), false);
                } finally {
                    await otherDb.del([key]);
                }
            });
        });

        describe("dump, restore", () => {
            it("dump returns null for a missing key", async () => {
                assert.equal(await client.dump(uniqueKey()), null);
            });

            it("dump returns bytes whatever the decoder, and restore recreates the value", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                for (const dumper of [client, bytesClient]) {
                    const payload = await dumper.dump(key);
                    assert.ok(Buffer.isBuffer(payload), "a Buffer");
                    const copy = binaryKey();
                    assert.equal(await client.restore(copy, 0, payload), "OK");
                    assert.deepEqual(await client.get(copy, { decoder: Decoder.Bytes }), BINARY);
                    assert.equal(await client.ttl(copy), -1);
                }
            });

            it("restore of a list keeps the type and elements", async () => {
                const [list, copy] = [uniqueKey(), uniqueKey()];
                await client.customCommand(["RPUSH", list, "a", "b"]);
                assert.equal(await client.restore(copy, 0, (await client.dump(list))!), "OK");
                assert.equal(await client.type(copy), "list");
                assert.deepEqual(await client.customCommand(["LRANGE", copy, "0", "-1"]), ["a", "b"]);
            });

            it("restore rejects an existing key unless replace", async () => {
                const [key, existing] = [await stringKey("new"), await stringKey("old")];
                const payload = (await client.dump(key))!;
                await rejectsWithMessage(client.restore(existing, 0, payload), "BUSYKEY: Target key name already exists.");
                assert.equal(await client.restore(existing, 0, payload, { replace: true }), "OK");
                assert.equal(await client.get(existing), "new");
            });

            it("restore sets a relative ttl in milliseconds, or an absolute one with absttl", async () => {
                const payload = (await client.dump(await stringKey()))!;
                const [relative, absolute] = [uniqueKey(), uniqueKey()];
                assert.equal(await client.restore(relative, 50_000, payload), "OK");
                const pttl = await client.pttl(relative);
                assert.ok(pttl > 45_000 && pttl <= 50_000, `pttl ${pttl}`);
                const at = Date.now() + 1_000_000;
                assert.equal(await client.restore(absolute, at, payload, { absttl: true }), "OK");
                assert.equal(await client.pexpiretime(absolute), at);
            });

            it("restore sets the idle time", async () => {
                const payload = (await client.dump(await stringKey()))!;
                const key = uniqueKey();
                assert.equal(await client.restore(key, 0, payload, { idletime: 1000 }), "OK");
                const idle = await client.customCommand(["OBJECT", "IDLETIME", key]);
                assert.ok(idle === 1000 || idle === 1001, `idle time ${String(idle)}`);
            });

            it("restore rejects idletime with frequency, and a bad payload", async () => {
                const payload = (await client.dump(await stringKey()))!;
                // GLIDE refuses the pair itself, with a plain Error, before sending.
                await assert.rejects(client.restore(uniqueKey(), 0, payload, { idletime: 1, frequency: 1 }), (error: unknown) => {
                    assert.ok(error instanceof Error && !(error instanceof RequestError));
                    assert.equal(error.message, "syntax error: both IDLETIME and FREQ cannot be set at the same time.");
                    return true;
                });
                await rejectsWithMessage(
                    client.restore(uniqueKey(), 0, Buffer.from("not a payload")),
                    "An error was signalled by the server: - ResponseError: DUMP payload version or checksum are wrong",
                );
            });
        });
    });
}

// FREQ needs an LFU eviction policy, a server-wide setting: so a server of its own.
describe("restore frequency (own server with an LFU policy)", () => {
    let server: ServerHandle;
    let client: GlideClient;

    before(async () => {
        server = await startStandalone({ name: "generic-lfu", args: ["--maxmemory-policy", "allkeys-lfu"] });
        client = await GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }] });
    });

    after(async () => {
        client?.close();
        await server?.stop();
    });

    it("sets the access frequency", async () => {
        const key = uniqueKey();
        await client.set(key, "v");
        const payload = (await client.dump(key))!;
        const copy = uniqueKey();
        assert.equal(await client.restore(copy, 0, payload, { frequency: 100 }), "OK");
        assert.equal(await client.customCommand(["OBJECT", "FREQ", copy]), 100);
    });
});
