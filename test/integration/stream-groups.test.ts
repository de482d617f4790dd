/** Stream consumer-group commands (XGROUP, XREADGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM) against a real server. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, InfBoundary, TimeoutError } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, newStandaloneClient, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, OTHER_BINARY, rejectsWithPrefix, stringKey, suiteClients } from "../helpers/family";
import { sleep } from "../helpers/wait";

for (const kind of CLIENT_KINDS) {
    describe(`stream group commands (${kind.name})`, () => {
        let client: TestClient;
        /** A second client, to add entries while `client` is blocked. */
        let writer: TestClient;

        suiteClients(kind, 2, (created) => ([client, writer] = created));

        /** A stream with entries 1-0 … n-0 (field "f" = "v<i>") and a group "g" that has read none. */
        async function streamWithGroup(key: string, count: number): Promise<string> {
            for (let i = 1; i <= count; i++) await client.xadd(key, [["f", `v${i}`]], { id: `${i}-0` });
            assert.equal(await client.xgroupCreate(key, "g", "0-0", { mkStream: true }), "OK");
            return key;
        }

        /** The ids a consumer of "g" has pending, with their delivery counts. */
        async function pendingOf(key: string, consumer: string): Promise<[string, number][]> {
            const pending = await client.xpendingWithOptions(key, "g", {
                start: InfBoundary.NegativeInfinity,
                end: InfBoundary.PositiveInfinity,
                count: 100,
                consumer,
            });
            return pending.map(([id, , , deliveries]) => [id as string, deliveries]);
        }

        describe("xgroupCreate / xgroupDestroy", () => {
            it("create a group at an id and destroy it once", async () => {
                const key = await streamWithGroup(uniqueKey(), 2);
                assert.equal(await client.xgroupCreate(key, "at-end", "$"), "OK");
                assert.deepEqual(await client.xreadgroup("at-end", "c", { [key]: ">" }), null);
                assert.deepEqual(await client.xreadgroup("g", "c", { [key]: ">" }, { count: 1 }), [
                    { key, value: { "1-0": [["f", "v1"]] } },
                ]);
                assert.equal(await client.xgroupDestroy(key, "at-end"), true);
                assert.equal(await client.xgroupDestroy(key, "at-end"), false);
                assert.equal(await client.xgroupDestroy(key, "g"), true);
            });

            it("create the stream with mkStream, reject a missing one without it", async () => {
                const key = uniqueKey();
                await rejectsWithPrefix(client.xgroupCreate(key, "g", "$"), "An error was signalled by the server: - ResponseError: The XGROUP subcommand requires the key to exist");
                assert.equal(await client.xgroupCreate(key, "g", "$", { mkStream: true }), "OK");
                assert.equal(await client.xlen(key), 0);
                assert.equal(await client.type(key), "stream");
            });

            it("set the group's read counter with entriesRead", async () => {
                const key = await streamWithGroup(uniqueKey(), 3);
                assert.equal(await client.xgroupCreate(key, "counted", "2-0", { entriesRead: "2" }), "OK");
                const groups = await client.xinfoGroups(key);
                // The server lists groups by name.
                assert.deepEqual(
                    groups.map((group) => [group.name, group["entries-read"], group.lag]),
                    [
                        ["counted", 2, 1],
                        ["g", null, 3],
                    ],
                );
            });

            it("reject a group that exists and a key of another type", async () => {
                const key = await streamWithGroup(uniqueKey(), 1);
                await rejectsWithPrefix(client.xgroupCreate(key, "g", "0"), "BUSYGROUP");
                const other = await stringKey(client);
                await rejectsWithPrefix(client.xgroupCreate(other, "g", "0"), "WRONGTYPE");
                await rejectsWithPrefix(client.xgroupDestroy(other, "g"), "WRONGTYPE");
            });
        });

        describe("xgroupCreateConsumer / xgroupDelConsumer", () => {
            it("create a consumer once; deleting one replies how many entries it had pending", async () => {
                const key = await streamWithGroup(uniqueKey(), 3);
                assert.equal(await client.xgroupCreateConsumer(key, "g", "idle"), true);
                assert.equal(await client.xgroupCreateConsumer(key, "g", "idle"), false);
                await client.xreadgroup("g", "busy", { [key]: ">" }, { count: 2 });
                assert.equal(await client.xgroupDelConsumer(key, "g", "busy"), 2);
                assert.equal(await client.xgroupDelConsumer(key, "g", "idle"), 0);
                assert.equal(await client.xgroupDelConsumer(key, "g", "never-there"), 0);
                assert.deepEqual(await client.xinfoConsumers(key, "g"), []);
            });

            it("reject a missing group", async () => {
                const key = await streamWithGroup(uniqueKey(), 1);
                await rejectsWithPrefix(client.xgroupCreateConsumer(key, "nope", "c"), "NOGROUP");
                await rejectsWithPrefix(client.xgroupDelConsumer(key, "nope", "c"), "NOGROUP");
            });
        });

        describe("xgroupSetId", () => {
            it("moves the group's last delivered id, with entriesRead if given", async () => {
                const key = await streamWithGroup(uniqueKey(), 4);
                assert.equal(await client.xgroupSetId(key, "g", "2-0"), "OK");
                assert.deepEqual(await client.xreadgroup("g", "c", { [key]: ">" }, { count: 1 }), [
                    { key, value: { "3-0": [["f", "v3"]] } },
                ]);
                assert.equal(await client.xgroupSetId(key, "g", "1-0", { entriesRead: 1 }), "OK");
                const [group] = await client.xinfoGroups(key);
                assert.equal(group["last-delivered-id"], "1-0");
                assert.equal(group["entries-read"], 1);
                assert.equal(group.lag, 3);
                await rejectsWithPrefix(client.xgroupSetId(key, "nope", "0"), "NOGROUP");
            });
        });

        describe("xreadgroup", () => {
            it("delivers new entries (>) per stream, then the consumer's pending ones by id", async () => {
                const [first, second] = keysInOneSlot(2);
                await streamWithGroup(first, 3);
                await streamWithGroup(second, 1);
                assert.deepEqual(await client.xreadgroup("g", "c1", { [first]: ">", [second]: ">" }, { count: 2 }), [
                    { key: first, value: { "1-0": [["f", "v1"]], "2-0": [["f", "v2"]] } },
                    { key: second, value: { "1-0": [["f", "v1"]] } },
                ]);
                assert.deepEqual(await client.xreadgroup("g", "c2", [{ key: first, value: ">" }]), [
                    { key: first, value: { "3-0": [["f", "v3"]] } },
                ]);
                assert.equal(await client.xreadgroup("g", "c2", { [first]: ">" }), null);
                assert.deepEqual(await client.xreadgroup("g", "c1", { [first]: "0", [second]: "1-0" }), [
                    { key: first, value: { "1-0": [["f", "v1"]], "2-0": [["f", "v2"]] } },
                    { key: second, value: {} },
                ]);
            });

            it("gives a pending entry deleted from the stream as null", async () => {
                const key = await streamWithGroup(uniqueKey(), 2);
                await client.xreadgroup("g", "c", { [key]: ">" });
                assert.equal(await client.xdel(key, ["1-0"]), 1);
                assert.deepEqual(await client.xreadgroup("g", "c", { [key]: "0" }), [
                    { key, value: { "1-0": null, "2-0": [["f", "v2"]] } },
                ]);
            });

            it("with noAck, leaves nothing pending", async () => {
                const key = await streamWithGroup(uniqueKey(), 2);
                assert.deepEqual(await client.xreadgroup("g", "c", { [key]: ">" }, { noAck: true }), [
                    { key, value: { "1-0": [["f", "v1"]], "2-0": [["f", "v2"]] } },
                ]);
                assert.deepEqual(await client.xpending(key, "g"), [0, null, null, null]);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                await client.xadd(key, [[BINARY, OTHER_BINARY]], { id: "1-0" });
                await client.xgroupCreate(key, "g", "0");
                assert.deepEqual(await client.xreadgroup("g", "c", [{ key, value: ">" }], { decoder: Decoder.Bytes }), [
                    { key, value: { "1-0": [[BINARY, OTHER_BINARY]] } },
                ]);
            });

            it("rejects a missing group and a key of another type", async () => {
                const key = await streamWithGroup(uniqueKey(), 1);
                await rejectsWithPrefix(client.xreadgroup("nope", "c", { [key]: ">" }), "NOGROUP");
                await rejectsWithPrefix(client.xreadgroup("g", "c", { [uniqueKey()]: ">" }), "NOGROUP");
                await rejectsWithPrefix(client.xreadgroup("g", "c", { [await stringKey(client)]: ">" }), "WRONGTYPE");
            });

            it("with block, waits for an entry another client adds", async () => {
                const key = await streamWithGroup(uniqueKey(), 0);
                const waiting = client.xreadgroup("g", "c", { [key]: ">" }, { block: 5000, count: 1 });
                await sleep(100);
                assert.equal(await writer.xadd(key, [["late", "entry"]], { id: "9-0" }), "9-0");
                assert.deepEqual(await waiting, [{ key, value: { "9-0": [["late", "entry"]] } }]);
                assert.deepEqual(await pendingOf(key, "c"), [["9-0", 1]]);
            });

            it("with block, does not hold up other commands and replies null at its own timeout", async () => {
                const key = await streamWithGroup(uniqueKey(), 0);
                const finished: string[] = [];
                const started = Date.now();
                const blocked = client.xreadgroup("g", "c", { [key]: ">" }, { block: 2200 }).then((reply) => {
                    finished.push("xreadgroup");
                    return reply;
                });
                for (let i = 0; i < 10; i++) assert.equal(await client.xlen(key), 0);
                finished.push("ordinary");
                const reply = await blocked.catch((error: unknown) => {
                    assert.ok(!(error instanceof TimeoutError), "the blocking xreadgroup timed out client-side");
                    throw error;
                });
                const elapsed = Date.now() - started;
                assert.equal(reply, null);
                assert.deepEqual(finished, ["ordinary", "xreadgroup"]);
                assert.ok(elapsed >= 2100, `settled after ${elapsed} ms, before the server timeout`);
            });
        });

        describe("xack", () => {
            it("acknowledges pending entries once", async () => {
                const key = await streamWithGroup(uniqueKey(), 3);
                await client.xreadgroup("g", "c", { [key]: ">" });
                assert.equal(await client.xack(key, "g", ["1-0", "3-0", "7-0"]), 2);
                assert.equal(await client.xack(key, "g", ["1-0"]), 0);
                assert.deepEqual(await pendingOf(key, "c"), [["2-0", 1]]);
                assert.equal(await client.xack(uniqueKey(), "g", ["1-0"]), 0);
                await rejectsWithPrefix(client.xack(await stringKey(client), "g", ["1-0"]), "WRONGTYPE");
            });
        });

        describe("xpending / xpendingWithOptions", () => {
            it("summarise the pending entries: count, id range, per-consumer counts as the server's text (as in GLIDE)", async () => {
                const key = await streamWithGroup(uniqueKey(), 5);
                assert.deepEqual(await client.xpending(key, "g"), [0, null, null, null]);
                await client.xreadgroup("g", "alice", { [key]: ">" }, { count: 1 });
                await client.xreadgroup("g", "bob", { [key]: ">" }, { count: 3 });
                assert.deepEqual(await client.xpending(key, "g"), [
                    4,
                    "1-0",
                    "4-0",
                    [
                        ["alice", "1"],
                        ["bob", "3"],
                    ],
                ]);
                await rejectsWithPrefix(client.xpending(key, "nope"), "NOGROUP");
                await rejectsWithPrefix(client.xpending(await stringKey(client), "g"), "WRONGTYPE");
            });

            it("list pending entries in a range: [id, consumer, idle ms, deliveries]", async () => {
                const key = await streamWithGroup(uniqueKey(), 4);
                await client.xreadgroup("g", "alice", { [key]: ">" }, { count: 1 });
                await client.xreadgroup("g", "bob", { [key]: ">" });
                await client.xreadgroup("g", "bob", { [key]: "0" }, { count: 1 });
                const all = await client.xpendingWithOptions(key, "g", {
                    start: InfBoundary.NegativeInfinity,
                    end: InfBoundary.PositiveInfinity,
                    count: 10,
                });
                assert.deepEqual(
                    all.map(([id, consumer, , deliveries]) => [id, consumer, deliveries]),
                    [
                        ["1-0", "alice", 1],
                        ["2-0", "bob", 2],
                        ["3-0", "bob", 1],
                        ["4-0", "bob", 1],
                    ],
                );
                for (const [, , idle] of all) assert.ok(Number.isInteger(idle) && idle >= 0 && idle < 5000, `idle ${idle}`);
                const some = await client.xpendingWithOptions(key, "g", {
                    start: { value: "2-0", isInclusive: false },
                    end: { value: "4-0" },
                    count: 1,
                    consumer: "bob",
                });
                assert.deepEqual(
                    some.map(([id]) => id),
                    ["3-0"],
                );
            });

            it("filter by minimum idle time", async () => {
                const key = await streamWithGroup(uniqueKey(), 2);
                await client.xreadgroup("g", "c", { [key]: ">" }, { count: 1 });
                await sleep(120);
                await client.xreadgroup("g", "c", { [key]: ">" }, { count: 1 });
                const range = { start: InfBoundary.NegativeInfinity, end: InfBoundary.PositiveInfinity, count: 10 } as const;
                const idle = await client.xpendingWithOptions(key, "g", { ...range, minIdleTime: 100 });
                assert.deepEqual(
                    idle.map(([id]) => id),
                    ["1-0"],
                );
                assert.ok(idle[0][2] >= 100);
                assert.deepEqual(await client.xpendingWithOptions(key, "g", { ...range, minIdleTime: 60_000 }), []);
            });
        });

        describe("xclaim / xclaimJustId", () => {
            it("move pending entries to another consumer: entries, or only their ids", async () => {
                const key = await streamWithGroup(uniqueKey(), 3);
                await client.xreadgroup("g", "alice", { [key]: ">" });
                assert.deepEqual(await client.xclaim(key, "g", "bob", 0, ["1-0", "2-0"]), {
                    "1-0": [["f", "v1"]],
                    "2-0": [["f", "v2"]],
                });
                assert.deepEqual(await client.xclaimJustId(key, "g", "bob", 0, ["3-0", "8-0"]), ["3-0"]);
                assert.deepEqual(await pendingOf(key, "bob"), [
                    ["1-0", 2],
                    ["2-0", 2],
                    // JUSTID does not count as a delivery.
                    ["3-0", 1],
                ]);
                assert.deepEqual(await pendingOf(key, "alice"), []);
            });

            it("claim nothing younger than minIdleTime", async () => {
                const key = await streamWithGroup(uniqueKey(), 1);
                await client.xreadgroup("g", "alice", { [key]: ">" });
                assert.deepEqual(await client.xclaim(key, "g", "bob", 60_000, ["1-0"]), {});
                assert.deepEqual(await client.xclaimJustId(key, "g", "bob", 60_000, ["1-0"]), []);
                assert.deepEqual(await pendingOf(key, "alice"), [["1-0", 1]]);
            });

            it("take idle, retryCount and isForce options", async () => {
                const key = await streamWithGroup(uniqueKey(), 3);
                await client.xreadgroup("g", "alice", { [key]: ">" }, { count: 2 });
                assert.deepEqual(
                    await client.xclaimJustId(key, "g", "bob", 0, ["1-0"], { idle: 50_000, retryCount: 7 }),
                    ["1-0"],
                );
                const [[, , idle, deliveries]] = await client.xpendingWithOptions(key, "g", {
                    start: { value: "1-0" },
                    end: { value: "1-0" },
                    count: 1,
                });
                assert.equal(deliveries, 7);
                assert.ok(idle >= 50_000 && idle < 55_000, `idle ${idle}`);
                // 3-0 was never delivered: only FORCE claims it.
                assert.deepEqual(await client.xclaim(key, "g", "bob", 0, ["3-0"]), {});
                assert.deepEqual(await client.xclaim(key, "g", "bob", 0, ["3-0"], { isForce: true }), { "3-0": [["f", "v3"]] });
                assert.deepEqual(
                    await client.xclaimJustId(key, "g", "carol", 0, ["2-0"], { idleUnixTime: Date.now() - 30_000 }),
                    ["2-0"],
                );
                const [[, owner, sinceTime]] = await client.xpendingWithOptions(key, "g", {
                    start: { value: "2-0" },
                    end: { value: "2-0" },
                    count: 1,
                });
                assert.equal(owner, "carol");
                assert.ok(sinceTime >= 30_000 && sinceTime < 35_000, `idle ${sinceTime}`);
            });

            it("return Buffers with Decoder.Bytes (xclaim), ids as text (xclaimJustId)", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                await client.xadd(key, [[BINARY, OTHER_BINARY]], { id: "1-0" });
                await client.xgroupCreate(key, "g", "0");
                await client.xreadgroup("g", "alice", [{ key, value: ">" }], { decoder: Decoder.Bytes });
                assert.deepEqual(await client.xclaim(key, "g", "bob", 0, ["1-0"], { decoder: Decoder.Bytes }), {
                    "1-0": [[BINARY, OTHER_BINARY]],
                });
                assert.deepEqual(await client.xclaimJustId(key, "g", "carol", 0, ["1-0"]), ["1-0"]);
            });

            it("reject a missing group and a key of another type", async () => {
                const key = await streamWithGroup(uniqueKey(), 1);
                await rejectsWithPrefix(client.xclaim(key, "nope", "c", 0, ["1-0"]), "NOGROUP");
                await rejectsWithPrefix(client.xclaimJustId(await stringKey(client), "g", "c", 0, ["1-0"]), "WRONGTYPE");
            });
        });

        describe("xautoclaim / xautoclaimJustId", () => {
            it("claim idle pending entries from a start id: [next start, claimed, deleted ids]", async () => {
                const key = await streamWithGroup(uniqueKey(), 4);
                await client.xreadgroup("g", "alice", { [key]: ">" });
                assert.equal(await client.xdel(key, ["2-0"]), 1);
                assert.deepEqual(await client.xautoclaim(key, "g", "bob", 0, "0-0", { count: 2 }), [
                    "3-0",
                    { "1-0": [["f", "v1"]] },
                    ["2-0"],
                ]);
                assert.deepEqual(await client.xautoclaimJustId(key, "g", "carol", 0, "3-0"), ["0-0", ["3-0", "4-0"], []]);
                assert.deepEqual(await client.xautoclaim(key, "g", "dave", 60_000, "0-0"), ["0-0", {}, []]);
                assert.deepEqual(await pendingOf(key, "bob"), [["1-0", 2]]);
                assert.deepEqual(await pendingOf(key, "carol"), [
                    ["3-0", 1],
                    ["4-0", 1],
                ]);
            });

            it("return Buffers with Decoder.Bytes (xautoclaim), ids as text (xautoclaimJustId)", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                await client.xadd(key, [[BINARY, OTHER_BINARY]], { id: "1-0" });
                await client.xgroupCreate(key, "g", "0");
                await client.xreadgroup("g", "alice", [{ key, value: ">" }], { decoder: Decoder.Bytes });
                assert.deepEqual(await client.xautoclaim(key, "g", "bob", 0, "0", { decoder: Decoder.Bytes }), [
                    Buffer.from("0-0"),
                    { "1-0": [[BINARY, OTHER_BINARY]] },
                    [],
                ]);
                assert.deepEqual(await client.xautoclaimJustId(key, "g", "carol", 0, "0"), ["0-0", ["1-0"], []]);
            });

            it("reject a missing group and a key of another type", async () => {
                const key = await streamWithGroup(uniqueKey(), 1);
                await rejectsWithPrefix(client.xautoclaim(key, "nope", "c", 0, "0"), "NOGROUP");
                await rejectsWithPrefix(client.xautoclaimJustId(await stringKey(client), "g", "c", 0, "0"), "WRONGTYPE");
            });
        });

        if (!kind.cluster) {
            it("ids are text whatever the client's default decoder (xclaimJustId, xautoclaimJustId)", async () => {
                const bytesClient = await newStandaloneClient(kind.protocol, { defaultDecoder: Decoder.Bytes });
                try {
                    const key = await streamWithGroup(uniqueKey(), 1);
                    await client.xreadgroup("g", "alice", { [key]: ">" });
                    assert.deepEqual(await bytesClient.xclaimJustId(key, "g", "bob", 0, ["1-0"]), ["1-0"]);
                    assert.deepEqual(await bytesClient.xautoclaimJustId(key, "g", "carol", 0, "0"), ["0-0", ["1-0"], []]);
                    // Other replies follow that decoder.
                    assert.deepEqual(await bytesClient.xpending(key, "g"), [
                        1,
                        Buffer.from("1-0"),
                        Buffer.from("1-0"),
                        [[Buffer.from("carol"), Buffer.from("1")]],
                    ]);
                } finally {
                    bytesClient.close();
                }
            });
        }
    });
}
