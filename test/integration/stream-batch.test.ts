/**
 * Every stream command in a batch (transaction and pipeline): replies in GLIDE's batch shapes, where
 * the maps the client methods give as records (entries by id, XINFO fields) stay GlideRecords.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import { Decoder, InfBoundary, RequestError, type GlideRecord } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, type TestClient } from "../helpers/clients";
import { BINARY, suiteClients } from "../helpers/family";

const ALL = [InfBoundary.NegativeInfinity, InfBoundary.PositiveInfinity] as const;
const ALL_REVERSED = [InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity] as const;

/** Replaces a time-dependent number (after checking it is one) so a reply can be compared exactly. */
function timeless(value: unknown): string {
    assert.ok(Number.isInteger(value), `expected an integer, got ${String(value)}`);
    return "<time>";
}

/** The GlideRecord of an object literal (in its order): the batch shape of a stream map. */
function glideRecord(object: Record<string, unknown>): GlideRecord<unknown> {
    return Object.entries(object).map(([key, value]) => ({ key, value }));
}

/** A GlideRecord with the values of `fields` made timeless (an `inactive` of -1, never active, stays). */
function timelessFields(record: GlideRecord<unknown>, fields: string[]): GlideRecord<unknown> {
    return record.map(({ key, value }) => ({
        key,
        value: fields.includes(String(key)) && !(key === "inactive" && value === -1) ? timeless(value) : value,
    }));
}

/** A GlideRecord's value under `name` (keys compared as text, Buffers included). */
function field(record: unknown, name: string): unknown {
    return (record as GlideRecord<unknown>).find(({ key }) => key.toString() === name)?.value;
}

for (const kind of CLIENT_KINDS) {
    describe(`stream commands in a batch (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        for (const atomic of [true, false]) {
            it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                const [key, other, missing] = keysInOneSlot(3);
                const batch = kind
                    .newBatch(atomic)
                    .xadd(key, [["a", "1"]], { id: "1-0" })
                    .xadd(key, [["b", "2"]], { id: "2-0" })
                    .xadd(key, [["c", "3"]], { id: "3-0" })
                    .xadd(missing, [["x", "y"]], { makeStream: false })
                    .xadd(other, [["o", "v"]], { id: "1-0" })
                    .xlen(key)
                    .xrange(key, ...ALL)
                    .xrevrange(key, ...ALL_REVERSED, 1)
                    .xrange(key, { value: "1-0", isInclusive: false }, { value: "2-0" })
                    .xread({ [key]: "2-0", [missing]: "0" })
                    .xgroupCreate(key, "g", "0")
                    .xgroupCreateConsumer(key, "g", "idle")
                    .xreadgroup("g", "alice", { [key]: ">" }, { count: 2 })
                    .xpending(key, "g")
                    .xpendingWithOptions(key, "g", { start: InfBoundary.NegativeInfinity, end: InfBoundary.PositiveInfinity, count: 10 })
                    .xclaim(key, "g", "bob", 0, ["1-0"])
                    .xclaimJustId(key, "g", "bob", 0, ["2-0"])
                    .xautoclaim(key, "g", "carol", 0, "0-0", { count: 1 })
                    .xautoclaimJustId(key, "g", "dave", 0, "0-0")
                    .xack(key, "g", ["1-0"])
                    .xinfoGroups(key)
                    .xinfoConsumers(key, "g")
                    .xgroupDelConsumer(key, "g", "dave")
                    .xgroupSetId(key, "g", "0", { entriesRead: 0 })
                    .xinfoStream(key)
                    .xinfoStream(other, true)
                    .xdel(key, ["3-0"])
                    .xtrim(key, { method: "maxlen", threshold: 1, exact: true })
                    .xgroupDestroy(key, "g")
                    .xread({ [key]: "0" }, { block: 100 });
                const replies = (await client.exec(batch, true)) as unknown[];
                assert.equal(replies.length, 30);

                const pendingWithIdle = replies[14] as unknown[][];
                replies[14] = pendingWithIdle.map(([id, consumer, idle, deliveries]) => [id, consumer, timeless(idle), deliveries]);
                replies[21] = (replies[21] as GlideRecord<unknown>[]).map((consumer) => timelessFields(consumer, ["idle", "inactive"]));
                for (const at of [24, 25]) replies[at] = timelessFields(replies[at] as GlideRecord<unknown>, ["radix-tree-keys", "radix-tree-nodes"]);

                assert.deepEqual(replies, [
                    "1-0",
                    "2-0",
                    "3-0",
                    null,
                    "1-0",
                    3,
                    glideRecord({ "1-0": [["a", "1"]], "2-0": [["b", "2"]], "3-0": [["c", "3"]] }),
                    glideRecord({ "3-0": [["c", "3"]] }),
                    glideRecord({ "2-0": [["b", "2"]] }),
                    [{ key, value: glideRecord({ "3-0": [["c", "3"]] }) }],
                    "OK",
                    true,
                    [{ key, value: glideRecord({ "1-0": [["a", "1"]], "2-0": [["b", "2"]] }) }],
                    // The consumers' counts as the server sends them (text), as in GLIDE.
                    [2, "1-0", "2-0", [["alice", "2"]]],
                    [
                        ["1-0", "alice", "<time>", 1],
                        ["2-0", "alice", "<time>", 1],
                    ],
                    glideRecord({ "1-0": [["a", "1"]] }),
                    ["2-0"],
                    ["2-0", glideRecord({ "1-0": [["a", "1"]] }), []],
                    ["0-0", ["1-0", "2-0"], []],
                    1,
                    [glideRecord({ name: "g", consumers: 5, pending: 1, "last-delivered-id": "2-0", "entries-read": 2, lag: 1 })],
                    [
                        glideRecord({ name: "alice", pending: 0, idle: "<time>", inactive: "<time>" }),
                        glideRecord({ name: "bob", pending: 0, idle: "<time>", inactive: "<time>" }),
                        glideRecord({ name: "carol", pending: 0, idle: "<time>", inactive: "<time>" }),
                        glideRecord({ name: "dave", pending: 1, idle: "<time>", inactive: "<time>" }),
                        glideRecord({ name: "idle", pending: 0, idle: "<time>", inactive: -1 }),
                    ],
                    1,
                    "OK",
                    glideRecord({
                        length: 3,
                        "radix-tree-keys": "<time>",
                        "radix-tree-nodes": "<time>",
                        "last-generated-id": "3-0",
                        "max-deleted-entry-id": "0-0",
                        "entries-added": 3,
                        "recorded-first-entry-id": "1-0",
                        groups: 1,
                        "first-entry": ["1-0", ["a", "1"]],
                        "last-entry": ["3-0", ["c", "3"]],
                    }),
                    glideRecord({
                        length: 1,
                        "radix-tree-keys": "<time>",
                        "radix-tree-nodes": "<time>",
                        "last-generated-id": "1-0",
                        "max-deleted-entry-id": "0-0",
                        "entries-added": 1,
                        "recorded-first-entry-id": "1-0",
                        entries: [["1-0", ["o", "v"]]],
                        groups: [],
                    }),
                    1,
                    1,
                    true,
                    [{ key, value: glideRecord({ "2-0": [["b", "2"]] }) }],
                ]);
            });
        }

        it("takes GLIDE's batch forms: a bare count (xrange, xrevrange) and a bare fullOptions (xinfoStream)", async () => {
            const [key] = keysInOneSlot(1);
            const batch = kind
                .newBatch(true)
                .xadd(key, [["a", "1"]], { id: "1-0" })
                .xadd(key, [["b", "2"]], { id: "2-0" })
                .xrange(key, ...ALL, 1)
                .xrevrange(key, ...ALL_REVERSED, 1)
                .xrange(key, ...ALL, 0)
                .xinfoStream(key, true)
                .xinfoStream(key, 1)
                .xinfoStream(key, false);
            const replies = (await client.exec(batch, true)) as unknown[];
            assert.deepEqual(replies.slice(0, 5), ["1-0", "2-0", glideRecord({ "1-0": [["a", "1"]] }), glideRecord({ "2-0": [["b", "2"]] }), null]);
            const [full, limited, summary] = replies.slice(5);
            assert.deepEqual(field(full, "entries"), [
                ["1-0", ["a", "1"]],
                ["2-0", ["b", "2"]],
            ]);
            assert.deepEqual(field(limited, "entries"), [["1-0", ["a", "1"]]]);
            assert.equal(field(summary, "entries"), undefined);
            assert.deepEqual(field(summary, "last-entry"), ["2-0", ["b", "2"]]);
        });

        it("returns Buffers with Decoder.Bytes", async () => {
            const [key] = keysInOneSlot(1);
            const binaryKey = Buffer.concat([Buffer.from(key), BINARY]);
            const batch = kind
                .newBatch(false)
                .xadd(binaryKey, [[BINARY, BINARY]], { id: "1-0" })
                .xrange(binaryKey, ...ALL)
                .xread([{ key: binaryKey, value: "0" }])
                .xinfoStream(binaryKey);
            const [id, range, read, info] = (await client.exec(batch, true, { decoder: Decoder.Bytes })) as unknown[];
            assert.deepEqual(id, Buffer.from("1-0"));
            // The GlideRecords' keys follow the decoder too.
            assert.deepEqual(range, [{ key: Buffer.from("1-0"), value: [[BINARY, BINARY]] }]);
            assert.deepEqual(read, [{ key: binaryKey, value: [{ key: Buffer.from("1-0"), value: [[BINARY, BINARY]] }] }]);
            assert.ok(Buffer.isBuffer((info as GlideRecord<unknown>)[0].key));
            assert.deepEqual(field(info, "first-entry"), [Buffer.from("1-0"), [BINARY, BINARY]]);
        });

        it("a server error stays in its slot when raiseOnError is false", async () => {
            const [text, key] = keysInOneSlot(2);
            await client.set(text, "v");
            const batch = kind.newBatch(false).xlen(text).xadd(key, [["f", "v"]], { id: "1-0" }).xinfoGroups(key);
            const [error, id, groups] = (await client.exec(batch, false)) as unknown[];
            assert.ok(error instanceof RequestError);
            assert.match(error.message, /^WRONGTYPE/);
            assert.deepEqual([id, groups], ["1-0", []]);
        });
    });
}
