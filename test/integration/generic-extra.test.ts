/** SORT, OBJECT, WAIT, WATCH/UNWATCH and MIGRATE against real servers, for every client kind and protocol. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, GlideClient, RequestError, SortOrder, type GlideString, type ProtocolVersion } from "../../src";
import {
    CLIENT_KINDS,
    PROTOCOLS,
    keysInOneSlot,
    newStandaloneClient,
    uniqueKey,
    type TestClient,
} from "../helpers/clients";
import { BINARY, binaryKey, rejectsWithPrefix, suiteClients } from "../helpers/family";
import { startPrimaryWithReplica, startStandalone, type ServerHandle } from "../helpers/servers";
import { replicaPair } from "../helpers/shared";

/** Small integers are shared objects: OBJECT REFCOUNT reports INT_MAX for them. */
const SHARED_REFCOUNT = 2147483647;
const DESTINATION_PASSWORD = "migrate-secret";

function clientOf(server: ServerHandle, protocol: ProtocolVersion, databaseId = 0): Promise<GlideClient> {
    return GlideClient.createClient({
        addresses: [{ host: server.host, port: server.port }],
        protocol,
        databaseId,
        credentials: server.password === undefined ? undefined : { password: server.password },
        requestTimeout: 2000,
    });
}

/** UNWATCH is GlideClient's own method; it is installed there from standaloneGenericCommands. */
type Unwatchable = { unwatch(): Promise<"OK"> };

function hasUnwatch(client: TestClient): client is TestClient & Unwatchable {
    return typeof (client as Partial<Unwatchable>).unwatch === "function";
}

/** The MIGRATE destination without a password, started once, on first use. */
let openTarget: Promise<ServerHandle> | undefined;

function migrationTarget(): Promise<ServerHandle> {
    openTarget ??= startStandalone({ name: "migrate-target" });
    return openTarget;
}

after(async () => {
    await (await openTarget)?.stop();
});

for (const kind of CLIENT_KINDS) {
    describe(`generic extra commands (${kind.name})`, () => {
        let client: TestClient;
        /** A second client, to change watched keys behind `client`'s back. */
        let other: TestClient;

        suiteClients(kind, 2, (created) => ([client, other] = created));

        async function stringKey(value: GlideString = "x"): Promise<string> {
            const key = uniqueKey("str");
            assert.equal(await client.set(key, value), "OK");
            return key;
        }

        /**
         * A list [3, 1, 2] and, under the same hash tag (so one slot), weights w_1=30, w_2=10, w_3=20,
         * names name_1 and name_2 (none for 3), and hashes h_n with field "f".
         */
        async function sortFixture(): Promise<{ tag: string; list: string }> {
            const tag = uniqueKey("sort");
            const list = `${tag}:list`;
            await client.rpush(list, ["3", "1", "2"]);
            await client.mset({
                [`${tag}:w_1`]: "30",
                [`${tag}:w_2`]: "10",
                [`${tag}:w_3`]: "20",
                [`${tag}:name_1`]: "one",
                [`${tag}:name_2`]: "two",
            });
            for (const [n, f] of [["1", "c"], ["2", "a"], ["3", "b"]]) await client.hset(`${tag}:h_${n}`, { f });
            return { tag, list };
        }

        for (const method of ["sort", "sortReadOnly"] as const) {
            describe(method, () => {
                it("sorts numbers ascending by default, descending with orderBy DESC", async () => {
                    const { list } = await sortFixture();
                    assert.deepEqual(await client[method](list), ["1", "2", "3"]);
                    assert.deepEqual(await client[method](list, { orderBy: SortOrder.ASC }), ["1", "2", "3"]);
                    assert.deepEqual(await client[method](list, { orderBy: SortOrder.DESC }), ["3", "2", "1"]);
                    // The list itself is untouched.
                    assert.deepEqual(await client.lrange(list, 0, -1), ["3", "1", "2"]);
                });

                it("pages with limit", async () => {
                    const { list } = await sortFixture();
                    assert.deepEqual(await client[method](list, { limit: { offset: 1, count: 1 } }), ["2"]);
                    const lastTwoDesc = { limit: { offset: 1, count: 5 }, orderBy: SortOrder.DESC };
                    assert.deepEqual(await client[method](list, lastTwoDesc), ["2", "1"]);
                    assert.deepEqual(await client[method](list, { limit: { offset: 5, count: 1 } }), []);
                });

                it("compares strings with isAlpha, and rejects non-numbers without it", async () => {
                    const key = uniqueKey();
                    await client.rpush(key, ["banana", "apple", "10", "9"]);
                    assert.deepEqual(await client[method](key, { isAlpha: true }), ["10", "9", "apple", "banana"]);
                    const alphaDesc = { isAlpha: true, orderBy: SortOrder.DESC };
                    assert.deepEqual(await client[method](key, alphaDesc), ["banana", "apple", "9", "10"]);
                    const notNumbers = "An error was signalled by the server: - ResponseError: One or more scores can't be converted into double";
                    await rejectsWithPrefix(client[method](key), notNumbers);
                });

                it("sorts by the values a pattern names, and skips sorting for a pattern without *", async () => {
                    const { tag, list } = await sortFixture();
                    assert.deepEqual(await client[method](list, { byPattern: `${tag}:w_*` }), ["2", "3", "1"]);
                    assert.deepEqual(await client[method](list, { byPattern: `${tag}:h_*->f`, isAlpha: true }), [
                        "2",
                        "3",
                        "1",
                    ]);
                    assert.deepEqual(await client[method](list, { byPattern: `${tag}:nosort` }), ["3", "1", "2"]);
                });

                it("returns what getPatterns name, null where nothing is", async () => {
                    const { tag, list } = await sortFixture();
                    assert.deepEqual(await client[method](list, { getPatterns: [`${tag}:name_*`, `${tag}:w_*`] }), [
                        "one",
                        "30",
                        "two",
                        "10",
                        null,
                        "20",
                    ]);
                    const options = {
                        byPattern: `${tag}:w_*`,
                        getPatterns: [`${tag}:h_*->f`],
                        limit: { offset: 0, count: 2 },
                        orderBy: SortOrder.DESC,
                    };
                    assert.deepEqual(await client[method](list, options), ["c", "b"]);
                });

                it("gets the element itself with #, on a standalone server only", async () => {
                    const { tag, list } = await sortFixture();
                    const options = { getPatterns: [`${tag}:name_*`, "#"] };
                    if (kind.cluster) {
                        // "#" has no hash tag: a cluster cannot tell it stays in the key's slot.
                        const denied = "An error was signalled by the server: - ResponseError: GET option of SORT denied in Cluster mode";
                        return rejectsWithPrefix(client[method](list, options), denied);
                    }
                    assert.deepEqual(await client[method](list, options), ["one", "1", "two", "2", null, "3"]);
                });

                it("sorts sets and sorted sets too", async () => {
                    const [set, zset] = [uniqueKey(), uniqueKey()];
                    await client.sadd(set, ["5", "-1", "2.5"]);
                    await client.zadd(zset, { "7": 1, "3": 2 });
                    assert.deepEqual(await client[method](set), ["-1", "2.5", "5"]);
                    assert.deepEqual(await client[method](zset), ["3", "7"]);
                });

                it("returns [] for a missing key and rejects a string", async () => {
                    assert.deepEqual(await client[method](uniqueKey()), []);
                    await rejectsWithPrefix(client[method](await stringKey()), "WRONGTYPE");
                });

                it("returns Buffers with Decoder.Bytes, for a binary key", async () => {
                    const key = binaryKey();
                    await client.rpush(key, ["10", "9"]);
                    assert.deepEqual(await client[method](key, { decoder: Decoder.Bytes }), [
                        Buffer.from("9"),
                        Buffer.from("10"),
                    ]);
                });
            });
        }

        describe("sortStore", () => {
            it("stores the sorted elements as a list and returns its length, overwriting", async () => {
                const { tag, list } = await sortFixture();
                const destination = `${tag}:sorted`;
                await client.set(destination, "old");
                assert.equal(await client.sortStore(list, destination, { orderBy: SortOrder.DESC }), 3);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["3", "2", "1"]);
                const options = { byPattern: `${tag}:w_*`, limit: { offset: 1, count: 2 } };
                assert.equal(await client.sortStore(list, destination, options), 2);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["3", "1"]);
            });

            it("stores an empty string where a get pattern finds nothing", async () => {
                const { tag, list } = await sortFixture();
                const destination = `${tag}:sorted`;
                assert.equal(await client.sortStore(list, destination, { getPatterns: [`${tag}:name_*`] }), 3);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["one", "two", ""]);
                const alpha = { getPatterns: [`${tag}:w_*`], isAlpha: true, orderBy: SortOrder.DESC };
                assert.equal(await client.sortStore(list, destination, alpha), 3);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["20", "10", "30"]);
            });

            it("deletes the destination for a missing source, and rejects a string source", async () => {
                const [source, destination] = keysInOneSlot(2);
                await client.set(destination, "old");
                assert.equal(await client.sortStore(source, destination), 0);
                assert.equal(await client.exists([destination]), 0);
                await client.set(source, "x");
                await rejectsWithPrefix(client.sortStore(source, destination), "WRONGTYPE");
            });

            it("takes binary keys", async () => {
                const [source, destination] = keysInOneSlot(2).map((key) => Buffer.concat([Buffer.from(key), BINARY]));
                await client.rpush(source, ["2", "1"]);
                assert.equal(await client.sortStore(source, destination), 2);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["1", "2"]);
            });
        });

        describe("objectEncoding", () => {
            it("names the encoding, null for a missing key", async () => {
                assert.equal(await client.objectEncoding(await stringKey("short")), "embstr");
                assert.equal(await client.objectEncoding(await stringKey("12345")), "int");
                assert.equal(await client.objectEncoding(await stringKey("x".repeat(100))), "raw");
                const list = uniqueKey();
                await client.rpush(list, ["a"]);
                assert.equal(await client.objectEncoding(list), "listpack");
                const set = uniqueKey();
                await client.sadd(set, ["1", "2"]);
                assert.equal(await client.objectEncoding(set), "intset");
                assert.equal(await client.objectEncoding(uniqueKey()), null);
            });

            it("reads binary keys", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.equal(await client.objectEncoding(key), "embstr");
            });
        });

        describe("objectRefcount", () => {
            it("counts references, null for a missing key", async () => {
                assert.equal(await client.objectRefcount(await stringKey("not shared")), 1);
                assert.equal(await client.objectRefcount(await stringKey("42")), SHARED_REFCOUNT);
                assert.equal(await client.objectRefcount(uniqueKey()), null);
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.equal(await client.objectRefcount(key), 1);
            });
        });

        describe("objectIdletime", () => {
            it("counts the seconds since the last access, null for a missing key", async () => {
                const key = await stringKey();
                assert.ok((await client.objectIdletime(key))! <= 1);
                const idle = uniqueKey();
                await client.restore(idle, 0, (await client.dump(key))!, { idletime: 1000 });
                // The LRU clock ticks once a second: one may pass between RESTORE and OBJECT.
                assert.ok([1000, 1001].includes((await client.objectIdletime(idle))!));
                assert.equal(await client.objectIdletime(uniqueKey()), null);
            });
        });

        describe("objectFreq", () => {
            it("rejects when the server's maxmemory-policy is not an LFU one", async () => {
                const notLfu = "An error was signalled by the server: - ResponseError: An LFU maxmemory policy is not selected";
                await rejectsWithPrefix(client.objectFreq(await stringKey()), notLfu);
            });
        });

        describe("watch", () => {
            it("makes the next transaction fail (null) when a watched key changed", async () => {
                const [watched, written] = keysInOneSlot(2);
                assert.equal(await client.watch([watched, binaryKeyIn(watched)]), "OK");
                await other.set(watched, "changed");
                assert.equal(await client.exec(kind.newBatch(true).set(written, "v"), true), null);
                assert.equal(await client.exists([written]), 0);
            });

            it("lets the transaction run when the watched keys did not change, and is then cleared", async () => {
                const [watched, written] = keysInOneSlot(2);
                await client.set(watched, "before");
                assert.equal(await client.watch([watched]), "OK");
                assert.deepEqual(await client.exec(kind.newBatch(true).set(written, "v"), true), ["OK"]);
                // EXEC unwatched every key: a change now does not abort the next transaction.
                await other.set(watched, "changed");
                assert.deepEqual(await client.exec(kind.newBatch(true).get(written), true), ["v"]);
            });

            it("unwatch forgets the watched keys (standalone)", async (t) => {
                if (!hasUnwatch(client)) {
                    assert.ok(kind.cluster, "GlideClient must have unwatch");
                    return t.skip("unwatch on the cluster client comes with its route option");
                }
                const [watched, written] = keysInOneSlot(2);
                assert.equal(await client.watch([watched]), "OK");
                assert.equal(await client.unwatch(), "OK");
                await other.set(watched, "changed");
                assert.deepEqual(await client.exec(kind.newBatch(true).set(written, "v"), true), ["OK"]);
                assert.equal(await client.unwatch(), "OK");
            });
        });

        /** A binary key in the same slot as `key`. */
        function binaryKeyIn(key: string): Buffer {
            return Buffer.concat([Buffer.from(`${key}:`), BINARY]);
        }

        describe("wait", () => {
            it("returns the replicas that acknowledged, at once when enough did", async () => {
                const replicas = await client.wait(0, 0);
                // The shared standalone server has no replica. A cluster primary has one, which may
                // not have acknowledged this connection's last writes yet.
                if (kind.cluster) assert.ok(replicas === 0 || replicas === 1, `wait returned ${replicas}`);
                else assert.equal(replicas, 0);
            });
        });

        describe("migrate", () => {
            let target: ServerHandle;
            let guarded: ServerHandle;
            let targetDb0: GlideClient;
            let targetDb1: GlideClient;
            let guardedClient: GlideClient;

            before(async () => {
                // A password-protected target of its own: the source server keeps its MIGRATE
                // connections open (and authenticated) for a while, which would hide a missing password.
                [target, guarded] = await Promise.all([
                    migrationTarget(),
                    startStandalone({ name: "migrate-target-auth", password: DESTINATION_PASSWORD }),
                ]);
                [targetDb0, targetDb1, guardedClient] = await Promise.all([
                    clientOf(target, kind.protocol),
                    clientOf(target, kind.protocol, 1),
                    clientOf(guarded, kind.protocol),
                ]);
            });

            after(async () => {
                targetDb0?.close();
                targetDb1?.close();
                guardedClient?.close();
                await guarded?.stop();
            });

            it("moves the key to the other server, NOKEY for a missing key", async () => {
                const key = await stringKey("moved");
                assert.equal(await client.migrate(target.host, target.port, key, 0, 1000), "OK");
                assert.equal(await client.exists([key]), 0);
                assert.equal(await targetDb0.get(key), "moved");
                assert.equal(await client.migrate(target.host, target.port, uniqueKey(), 0, 1000), "NOKEY");
            });

            it("writes to the destination database, keeps the source with copy", async () => {
                const key = await stringKey("copied");
                assert.equal(await client.migrate(target.host, target.port, key, 1, 1000, { copy: true }), "OK");
                assert.equal(await client.get(key), "copied");
                assert.equal(await targetDb1.get(key), "copied");
                assert.equal(await targetDb0.exists([key]), 0);
            });

            it("refuses to overwrite an existing key unless replace is set", async () => {
                const key = await stringKey("new");
                await targetDb0.set(key, "old");
                const { host, port } = target;
                await rejectsWithPrefix(
                    client.migrate(host, port, key, 0, 1000),
                    "An error was signalled by the server: - ResponseError: Target instance replied with error: BUSYKEY",
                );
                assert.equal(await client.migrate(host, port, key, 0, 1000, { replace: true, copy: true }), "OK");
                assert.equal(await targetDb0.get(key), "new");
                assert.equal(await client.get(key), "new");
            });

            it("authenticates with password, or username and password", async () => {
                const [first, second, refused] = [await stringKey("a"), await stringKey("b"), await stringKey("c")];
                const { host, port } = guarded;
                await rejectsWithPrefix(
                    client.migrate(host, port, refused, 0, 1000),
                    "An error was signalled by the server: - ResponseError: Target instance replied with error: NOAUTH",
                );
                const withPassword = { password: DESTINATION_PASSWORD };
                assert.equal(await client.migrate(host, port, first, 0, 1000, withPassword), "OK");
                const asDefault = { username: "default", password: DESTINATION_PASSWORD };
                assert.equal(await client.migrate(host, port, second, 0, 1000, asDefault), "OK");
                assert.deepEqual(await guardedClient.mget([first, second, refused]), ["a", "b", null]);
                assert.equal(await client.get(refused), "c");
            });

            it("moves binary keys and values", async () => {
                const key = binaryKey();
                await client.set(key, BINARY);
                assert.equal(await client.migrate(target.host, target.port, key, 0, 1000), "OK");
                assert.deepEqual(await targetDb0.get(key, { decoder: Decoder.Bytes }), BINARY);
            });

            it("moves several keys at once (standalone)", async (t) => {
                if (kind.cluster) return t.skip("GLIDE takes a key list on GlideClient only");
                const keys = [await stringKey("1"), await stringKey("2")];
                const several = client.migrate as unknown as (...args: unknown[]) => Promise<string>;
                assert.equal(await several.call(client, target.host, target.port, keys, 0, 1000, { copy: true }), "OK");
                assert.deepEqual(await targetDb0.mget(keys), ["1", "2"]);
                assert.equal(await client.exists(keys), 2);
            });
        });

        describe("in a batch", () => {
            for (const atomic of [true, false]) {
                it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                    const open = await migrationTarget();
                    const { tag, list } = await sortFixture();
                    const [shared, missing] = [`${tag}:w_1`, `${tag}:missing`];
                    const batch = kind
                        .newBatch(atomic)
                        .sort(list, { orderBy: SortOrder.DESC })
                        .sortReadOnly(list, { getPatterns: [`${tag}:name_*`] })
                        .sortStore(list, `${tag}:sorted`, { limit: { offset: 0, count: 2 } })
                        .objectEncoding(list)
                        .objectEncoding(missing)
                        .objectRefcount(shared)
                        .objectIdletime(missing)
                        .objectFreq(list)
                        .wait(0, 10)
                        .migrate(open.host, open.port, missing, 0, 1000);
                    const replies = await client.exec(batch, false);
                    assert.ok(replies !== null);
                    const [freq, replicas] = [replies[7], replies[8]];
                    assert.ok(freq instanceof RequestError && freq.message.startsWith("An error was signalled by the server: - ResponseError: An LFU maxmemory policy"));
                    // See the wait test: a cluster replica may or may not have acknowledged yet.
                    const replicasSeen = kind.cluster && replicas === 1 ? 0 : replicas;
                    assert.deepEqual(
                        replies.map((reply, index) => (index === 7 ? "error" : index === 8 ? replicasSeen : reply)),
                        [
                            ["3", "2", "1"],
                            ["one", "two", null],
                            2,
                            "listpack",
                            null,
                            SHARED_REFCOUNT,
                            null,
                            "error",
                            0,
                            "NOKEY",
                        ],
                    );
                });
            }

            it("returns Buffers with Decoder.Bytes, the encoding's name too (only GLIDE's client method makes it text)", async () => {
                const key = binaryKey();
                await client.rpush(key, ["2", "1"]);
                const batch = kind
                    .newBatch(false)
                    .sort(key)
                    .sortReadOnly(key, { orderBy: SortOrder.DESC })
                    .objectEncoding(key);
                assert.deepEqual(await client.exec(batch, true, { decoder: Decoder.Bytes }), [
                    [Buffer.from("1"), Buffer.from("2")],
                    [Buffer.from("2"), Buffer.from("1")],
                    Buffer.from("listpack"),
                ]);
            });
        });
    });
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`objectFreq on an LFU server (${name})`, () => {
        let server: ServerHandle;
        let client: GlideClient;

        before(async () => {
            server = await startStandalone({ name: "lfu", args: ["--maxmemory-policy", "allkeys-lfu"] });
            client = await clientOf(server, protocol);
        });

        after(async () => {
            client?.close();
            await server?.stop();
        });

        it("returns the access frequency counter, null for a missing key", async () => {
            const key = binaryKey();
            await client.set(key, "v");
            // New keys start at 5; the first access always increments (later ones only probably).
            assert.equal(await client.objectFreq(key), 5);
            await client.get(key);
            assert.equal(await client.objectFreq(key), 6);
            const restored = uniqueKey();
            await client.restore(restored, 0, (await client.dump(key))!, { frequency: 100 });
            assert.equal(await client.objectFreq(restored), 100);
            assert.equal(await client.objectFreq(uniqueKey()), null);
        });

        it("makes objectIdletime reject: an LFU server does not track idle time", async () => {
            const key = uniqueKey();
            await client.set(key, "v");
            await rejectsWithPrefix(client.objectIdletime(key), "An error was signalled by the server: - ResponseError: An LFU maxmemory policy is selected");
        });
    });

    describe(`wait (${name})`, () => {
        it("counts the replica of a primary that acknowledged the writes", async () => {
            const { primary } = await replicaPair();
            const client = await GlideClient.createClient({
                addresses: [{ host: primary.host, port: primary.port }],
                protocol,
                requestTimeout: 2000,
            });
            try {
                await client.set(uniqueKey(), "replicated");
                assert.equal(await client.wait(1, 1000), 1);
            } finally {
                client.close();
            }
        });

        it(
            "waits for this client's own writes, not for nothing",
            async () => {
                const pair = await startPrimaryWithReplica();
                const client = await GlideClient.createClient({
                    addresses: [{ host: pair.primary.host, port: pair.primary.port }],
                    protocol,
                    requestTimeout: 2000,
                });
                try {
                    await client.set(uniqueKey(), "before");
                    assert.equal(await client.wait(1, 1000), 1);
                    pair.replica.kill("SIGSTOP");
                    await client.set(uniqueKey(), "not replicated: the replica is stopped");
                    assert.equal(await client.wait(1, 300), 0);
                } finally {
                    pair.replica.kill("SIGCONT");
                    client.close();
                    await pair.stop();
                }
            },
        );

        it("blocks up to its timeout in milliseconds, beyond the request timeout", async () => {
            const client = await newStandaloneClient(protocol, { requestTimeout: 300 });
            try {
                const started = performance.now();
                // The shared standalone server has no replica: WAIT runs out its timeout.
                assert.equal(await client.wait(1, 700), 0);
                const elapsed = performance.now() - started;
                assert.ok(elapsed >= 650 && elapsed < 2000, `waited ${elapsed} ms`);
            } finally {
                client.close();
            }
        });
    });
}
