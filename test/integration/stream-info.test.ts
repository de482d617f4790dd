/** XINFO STREAM / GROUPS / CONSUMERS against a real server: records from RESP2 arrays and RESP3 maps alike. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Decoder } from "../../src";
import { CLIENT_KINDS, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, OTHER_BINARY, rejectsWithPrefix, suiteClients } from "../helpers/family";

/** A Unix time in ms within the last minute. */
function assertRecentTime(value: unknown, what: string): void {
    assert.equal(typeof value, "number", `${what} is not a number`);
    const age = Date.now() - (value as number);
    assert.ok(age >= -1000 && age < 60_000, `${what} ${String(value)} is not recent`);
}

/** A duration in ms of at most a minute. */
function assertShortDuration(value: unknown, what: string): void {
    assert.ok(Number.isInteger(value) && (value as number) >= 0 && (value as number) < 60_000, `${what}: ${String(value)}`);
}

for (const kind of CLIENT_KINDS) {
    describe(`stream info commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /**
         * Entries 1-0 … n-0 (field "f" = "v<i>"), 1-0 deleted; group "g" where "alice" read 2-0 and
         * 3-0 and "bob" exists with nothing pending; group "empty" at the end of the stream.
         */
        async function populatedStream(count: number): Promise<string> {
            const key = uniqueKey();
            for (let i = 1; i <= count; i++) await client.xadd(key, [["f", `v${i}`]], { id: `${i}-0` });
            assert.equal(await client.xdel(key, ["1-0"]), 1);
            await client.xgroupCreate(key, "g", "0");
            await client.xgroupCreate(key, "empty", "$");
            await client.xgroupCreateConsumer(key, "g", "bob");
            await client.xreadgroup("g", "alice", { [key]: ">" }, { count: 2 });
            return key;
        }

        describe("xinfoStream", () => {
            it("summarises a stream: its counters, first and last entries", async () => {
                const key = await populatedStream(4);
                const info = await client.xinfoStream(key);
                assert.deepEqual(Object.keys(info), [
                    "length",
                    "radix-tree-keys",
                    "radix-tree-nodes",
                    "last-generated-id",
                    "max-deleted-entry-id",
                    "entries-added",
                    "recorded-first-entry-id",
                    "groups",
                    "first-entry",
                    "last-entry",
                ]);
                assert.equal(typeof info["radix-tree-keys"], "number");
                assert.equal(typeof info["radix-tree-nodes"], "number");
                assert.deepEqual(
                    { ...info, "radix-tree-keys": 0, "radix-tree-nodes": 0 },
                    {
                        length: 3,
                        "radix-tree-keys": 0,
                        "radix-tree-nodes": 0,
                        "last-generated-id": "4-0",
                        "max-deleted-entry-id": "1-0",
                        "entries-added": 4,
                        "recorded-first-entry-id": "2-0",
                        groups: 2,
                        "first-entry": ["2-0", ["f", "v2"]],
                        "last-entry": ["4-0", ["f", "v4"]],
                    },
                );
            });

            it("gives null first and last entries for an emptied stream", async () => {
                const key = uniqueKey();
                await client.xadd(key, [["f", "v"]], { id: "5-0" });
                await client.xdel(key, ["5-0"]);
                const info = await client.xinfoStream(key);
                assert.equal(info.length, 0);
                assert.equal(info["first-entry"], null);
                assert.equal(info["last-entry"], null);
                assert.equal(info.groups, 0);
            });

            it("with fullOptions: true, details entries, groups, their pending entries and consumers", async () => {
                const key = await populatedStream(4);
                const info = await client.xinfoStream(key, { fullOptions: true });
                assert.deepEqual(Object.keys(info), [
                    "length",
                    "radix-tree-keys",
                    "radix-tree-nodes",
                    "last-generated-id",
                    "max-deleted-entry-id",
                    "entries-added",
                    "recorded-first-entry-id",
                    "entries",
                    "groups",
                ]);
                assert.equal(info.length, 3);
                assert.deepEqual(info.entries, [
                    ["2-0", ["f", "v2"]],
                    ["3-0", ["f", "v3"]],
                    ["4-0", ["f", "v4"]],
                ]);
                const groups = info.groups as Record<string, any>[];
                assert.deepEqual(
                    groups.map((group) => group.name),
                    ["empty", "g"],
                );
                assert.deepEqual(groups[0], {
                    name: "empty",
                    "last-delivered-id": "4-0",
                    // Created at "$": the server has no read counter for it until it reads.
                    "entries-read": null,
                    lag: 0,
                    "pel-count": 0,
                    pending: [],
                    consumers: [],
                });
                const group = groups[1];
                assert.deepEqual(Object.keys(group), ["name", "last-delivered-id", "entries-read", "lag", "pel-count", "pending", "consumers"]);
                assert.equal(group["last-delivered-id"], "3-0");
                assert.equal(group["entries-read"], 3);
                assert.equal(group.lag, 1);
                assert.equal(group["pel-count"], 2);
                // Pending entries: [id, consumer, delivery time, delivery count].
                assert.deepEqual(
                    group.pending.map(([id, consumer, , count]: unknown[]) => [id, consumer, count]),
                    [
                        ["2-0", "alice", 1],
                        ["3-0", "alice", 1],
                    ],
                );
                for (const entry of group.pending) assertRecentTime(entry[2], "delivery time");
                const [alice, bob] = group.consumers as Record<string, any>[];
                assert.deepEqual(Object.keys(alice), ["name", "seen-time", "active-time", "pel-count", "pending"]);
                assert.equal(alice.name, "alice");
                assert.equal(alice["pel-count"], 2);
                assertRecentTime(alice["seen-time"], "seen-time");
                assertRecentTime(alice["active-time"], "active-time");
                // A consumer's pending entries: [id, delivery time, delivery count].
                assert.deepEqual(
                    alice.pending.map(([id, , count]: unknown[]) => [id, count]),
                    [
                        ["2-0", 1],
                        ["3-0", 1],
                    ],
                );
                assert.equal(bob.name, "bob");
                assert.equal(bob["active-time"], -1);
                assert.equal(bob["pel-count"], 0);
                assert.deepEqual(bob.pending, []);
            });

            it("with a number for fullOptions, limits the entries and pending lists (0: the summary, as in GLIDE)", async () => {
                const key = await populatedStream(13);
                const entryCount = async (fullOptions: boolean | number) =>
                    ((await client.xinfoStream(key, { fullOptions })).entries as unknown[]).length;
                assert.equal(await entryCount(true), 10);
                assert.equal(await entryCount(3), 3);
                // GLIDE sends no FULL for 0 (its documentation promises FULL without a limit).
                const zero = await client.xinfoStream(key, { fullOptions: 0 });
                assert.equal(zero.entries, undefined);
                assert.equal(zero.length, 12);
                const limited = await client.xinfoStream(key, { fullOptions: 1 });
                const [group] = (limited.groups as Record<string, any>[]).filter((candidate) => candidate.name === "g");
                assert.equal(group["pel-count"], 2);
                assert.equal(group.pending.length, 1);
                assert.equal(group.consumers[0].pending.length, 1);
                assert.equal((await client.xinfoStream(key, { fullOptions: false })).length, 12);
                assert.equal((await client.xinfoStream(key, { fullOptions: false })).entries, undefined);
            });

            it("returns Buffers with Decoder.Bytes; the record keys stay text", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                await client.xadd(key, [[BINARY, OTHER_BINARY]], { id: "1-0" });
                await client.xgroupCreate(key, BINARY, "0");
                await client.xreadgroup(BINARY, OTHER_BINARY, [{ key, value: ">" }], { decoder: Decoder.Bytes });
                const summary = await client.xinfoStream(key, { decoder: Decoder.Bytes });
                assert.deepEqual(summary["last-generated-id"], Buffer.from("1-0"));
                assert.deepEqual(summary["first-entry"], [Buffer.from("1-0"), [BINARY, OTHER_BINARY]]);
                const full = await client.xinfoStream(key, { fullOptions: true, decoder: Decoder.Bytes });
                assert.deepEqual(full.entries, [[Buffer.from("1-0"), [BINARY, OTHER_BINARY]]]);
                const [group] = full.groups as Record<string, any>[];
                assert.deepEqual(group.name, BINARY);
                assert.deepEqual(group.pending[0].slice(0, 2), [Buffer.from("1-0"), OTHER_BINARY]);
                assert.deepEqual(group.consumers[0].name, OTHER_BINARY);
            });

            it("rejects a missing key and a key of another type", async () => {
                await rejectsWithPrefix(client.xinfoStream(uniqueKey()), "An error was signalled by the server: - ResponseError: no such key");
                const other = uniqueKey();
                await client.set(other, "x");
                await rejectsWithPrefix(client.xinfoStream(other, { fullOptions: true }), "WRONGTYPE");
            });
        });

        describe("xinfoGroups", () => {
            it("lists every group with its counters", async () => {
                const key = await populatedStream(4);
                assert.deepEqual(await client.xinfoGroups(key), [
                    { name: "empty", consumers: 0, pending: 0, "last-delivered-id": "4-0", "entries-read": null, lag: 0 },
                    { name: "g", consumers: 2, pending: 2, "last-delivered-id": "3-0", "entries-read": 3, lag: 1 },
                ]);
            });

            it("replies [] for a stream without groups, rejects a missing key", async () => {
                const key = uniqueKey();
                await client.xadd(key, [["f", "v"]]);
                assert.deepEqual(await client.xinfoGroups(key), []);
                await rejectsWithPrefix(client.xinfoGroups(uniqueKey()), "An error was signalled by the server: - ResponseError: no such key");
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.xgroupCreate(key, BINARY, "$", { mkStream: true });
                assert.deepEqual(await client.xinfoGroups(key, { decoder: Decoder.Bytes }), [
                    { name: BINARY, consumers: 0, pending: 0, "last-delivered-id": Buffer.from("0-0"), "entries-read": null, lag: 0 },
                ]);
            });
        });

        describe("xinfoConsumers", () => {
            it("lists a group's consumers: pending count, idle and inactive times", async () => {
                const key = await populatedStream(4);
                const consumers = await client.xinfoConsumers(key, "g");
                assert.deepEqual(
                    consumers.map((consumer) => Object.keys(consumer)),
                    [
                        ["name", "pending", "idle", "inactive"],
                        ["name", "pending", "idle", "inactive"],
                    ],
                );
                assert.deepEqual(
                    consumers.map(({ name, pending }) => [name, pending]),
                    [
                        ["alice", 2],
                        ["bob", 0],
                    ],
                );
                const [alice, bob] = consumers;
                assertShortDuration(alice.idle, "alice idle");
                assertShortDuration(alice.inactive, "alice inactive");
                assertShortDuration(bob.idle, "bob idle");
                assert.equal(bob.inactive, -1);
                assert.deepEqual(await client.xinfoConsumers(key, "empty"), []);
            });

            it("returns Buffers with Decoder.Bytes, rejects a missing group", async () => {
                const key = uniqueKey();
                await client.xgroupCreate(key, "g", "$", { mkStream: true });
                await client.xgroupCreateConsumer(key, "g", BINARY);
                const [consumer] = await client.xinfoConsumers(key, "g", { decoder: Decoder.Bytes });
                assert.deepEqual(consumer.name, BINARY);
                assert.equal(consumer.pending, 0);
                await rejectsWithPrefix(client.xinfoConsumers(key, "nope"), "NOGROUP");
            });
        });
    });
}
