/**
 * The batch forms GLIDE's Batch spells differently from its client (bare count, reverse flag,
 * fullOptions, expiry value, batch-only names): each queued in a batch gives the reply the client
 * form gives, on every client kind and protocol; except that stream replies keep GLIDE's batch
 * shape, GlideRecords ({ key, value } pairs) where the client method gives records.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ClusterBatch, GeoUnit, InfBoundary, ListDirection, ScoreFilter, TimeUnit, type Batch, type GlideRecord } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, type TestClient } from "../helpers/clients";
import { suiteClients } from "../helpers/family";

for (const kind of CLIENT_KINDS) {
    describe(`batch forms (${kind.name})`, () => {
        let client: TestClient;
        suiteClients(kind, 1, (created) => ([client] = created));

        for (const atomic of [true, false]) {
            it(`${atomic ? "atomic" : "pipeline"}: counts, flags and expiries passed bare`, async () => {
                const [zset, list, stream, plain, geo, dest] = keysInOneSlot(6, "forms");
                await client.zadd(zset, { a: 1, b: 2, c: 3, d: 4, e: 5 });
                await client.rpush(list, ["1", "2", "3", "4"]);
                await client.xadd(stream, [["f", "1"]], { id: "1-0" });
                await client.xadd(stream, [["f", "2"]], { id: "2-0" });
                await client.set(plain, "v");
                await client.geoadd(geo, new Map([["here", { longitude: 13.361389, latitude: 38.115556 }]]));
                const batch = kind
                    .newBatch(atomic)
                    .zrange(zset, { start: 0, end: 1 }, true)
                    .zrangeWithScores(zset, { start: 0, end: 0 }, true)
                    .zpopmin(zset, 2)
                    .zpopmax(zset, 1)
                    .zmpop([zset], ScoreFilter.MIN, 1)
                    .bzmpop([zset], ScoreFilter.MAX, 0.1, 5)
                    .lmpop([list], ListDirection.LEFT, 2)
                    .blmpop([list], ListDirection.RIGHT, 0.1, 1)
                    .xrange(stream, InfBoundary.NegativeInfinity, InfBoundary.PositiveInfinity, 1)
                    .xrevrange(stream, InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity, 1)
                    .getex(plain, { type: TimeUnit.Seconds, duration: 100 })
                    .expireTime(plain)
                    .getex(plain, "persist")
                    .pexpireTime(plain)
                    .geosearch(geo, { member: "here" }, { radius: 1, unit: GeoUnit.KILOMETERS }, { withDist: true })
                    .geosearchstore(dest, geo, { member: "here" }, { radius: 1, unit: GeoUnit.KILOMETERS }, { storeDist: true });
                const result = (await client.exec(batch, true))!;
                assert.deepEqual(result.slice(0, 8), [
                    ["e", "d"],
                    [{ key: "e", value: 5 }],
                    [
                        { key: "a", value: 1 },
                        { key: "b", value: 2 },
                    ],
                    [{ key: "e", value: 5 }],
                    [zset, [{ key: "c", value: 3 }]],
                    [zset, [{ key: "d", value: 4 }]],
                    [{ key: list, value: ["1", "2"] }],
                    [{ key: list, value: ["4"] }],
                ]);
                assert.deepEqual(result.slice(8, 10), [[{ key: "1-0", value: [["f", "1"]] }], [{ key: "2-0", value: [["f", "2"]] }]]);
                assert.equal(result[10], "v");
                const expireAt = result[11] as number;
                assert.ok(expireAt > Date.now() / 1000 + 90 && expireAt < Date.now() / 1000 + 110, `expireTime ${expireAt}`);
                assert.deepEqual(result.slice(12, 14), ["v", -1]);
                assert.deepEqual(result[14], [["here", [0]]]);
                assert.equal(result[15], 1);
            });
        }

        it("xinfoStream takes fullOptions bare (true or a count)", async () => {
            const [stream] = keysInOneSlot(1, "forms-xinfo");
            await client.xadd(stream, [["f", "1"]], { id: "1-0" });
            const replies = (await client.exec(kind.newBatch(false).xinfoStream(stream).xinfoStream(stream, true).xinfoStream(stream, 1), true))!;
            // A batch gives XINFO STREAM as a GlideRecord, as in GLIDE.
            const [plain, full, fullCounted] = (replies as GlideRecord<unknown>[]).map((record) =>
                Object.fromEntries(record.map(({ key, value }) => [key, value])),
            );
            assert.equal(plain.length, 1);
            assert.deepEqual(plain["first-entry"], ["1-0", ["f", "1"]]);
            assert.deepEqual(full.entries, [["1-0", ["f", "1"]]]);
            assert.deepEqual(fullCounted.entries, [["1-0", ["f", "1"]]]);
            assert.ok(!("entries" in plain));
        });

        // In a batch, the per-channel counts are GLIDE's { key, value } entries, not the client method's { channel, numSub }.
        it("publish and PUBSUB introspection", async () => {
            const [channel] = keysInOneSlot(1, "forms-chan");
            const batch = kind.newBatch(false).publish("message", channel).pubsubChannels(channel).pubsubNumPat().pubsubNumSub([channel]);
            assert.deepEqual(await client.exec(batch, true), [0, [], await client.exec(kind.newBatch(false).pubsubNumPat(), true).then((r) => r![0]), [{ key: channel, value: 0 }]]);
            if (kind.cluster) {
                const shard = (new ClusterBatch(false) as ClusterBatch).publish("m", channel, true).pubsubShardChannels(channel).pubsubShardNumSub([channel]);
                assert.deepEqual(await client.exec(shard as unknown as Batch, true), [0, [], [{ key: channel, value: 0 }]]);
            }
        });
    });
}
