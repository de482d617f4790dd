/**
 * Pub/sub on the cluster client (shared cluster, read-only use): every mode with every way of
 * reading, both protocols; sharded channels over many slots; binary names and payloads; dynamic
 * (un)subscription; PUBSUB introspection combined over the nodes; a killed subscriber connection.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
    ALL_CHANNELS,
    ALL_PATTERNS,
    ALL_SHARDED_CHANNELS,
    BaseClient,
    ClosingError,
    ConfigurationError,
    Decoder,
    GlideClusterClient,
    GlideClusterClientConfiguration,
    type GlideClient,
    type GlideString,
    type ProtocolVersion,
} from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { randomBytes } from "node:crypto";
import { PROTOCOLS, newClusterClient } from "../helpers/clients";
import { waitFor } from "../helpers/wait";
import { READ_STYLES, byChannel, newReceiver, type ReadStyle } from "./pubsub-receivers";

const { Exact, Pattern, Sharded } = GlideClusterClientConfiguration.PubSubChannelModes;

type ClusterModes = GlideClusterClientConfiguration.PubSubSubscriptions["channelsAndPatterns"];

/** A receiver (see pubsub-receivers.ts) whose client is a cluster client. */
async function clusterReceiver(protocol: ProtocolVersion, style: ReadStyle, modes: ClusterModes = {}, extra = {}) {
    const receiver = await newReceiver({
        protocol,
        style,
        modes: modes as never,
        extra,
        create: (config) => newClusterClient(protocol, config as never) as unknown as Promise<GlideClient>,
    });
    return { ...receiver, cluster: receiver.client as unknown as GlideClusterClient };
}

/** A name no other test uses, without a hash tag: names built on it spread over the slots. */
function uniqueKey(prefix: string): string {
    return `${prefix}-${randomBytes(6).toString("hex")}`;
}

/** Channel names hashing to `count` different slots. */
function channelsInDistinctSlots(count: number, prefix: string): string[] {
    const bySlot = new Map<number, string>();
    for (let i = 0; bySlot.size < count; i++) {
        const name = `${prefix}:${i}`;
        if (!bySlot.has(keySlot(name))) bySlot.set(keySlot(name), name);
    }
    return [...bySlot.values()];
}

function names(set: Set<GlideString> | undefined): string[] {
    return [...(set ?? [])].map(String).sort();
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`cluster pub/sub (${name})`, () => {
        let publisher: GlideClusterClient;
        before(async () => (publisher = await newClusterClient(protocol)));
        after(() => publisher.close());

        for (const style of READ_STYLES) {
            it(`configured channels, patterns and sharded channels, read with ${style}`, async () => {
                const prefix = uniqueKey("cfg");
                const [news, alerts] = [`${prefix}:news`, `${prefix}:alerts`];
                const pattern = `${prefix}:events.*`;
                const shards = channelsInDistinctSlots(3, `${prefix}:orders`);
                const receiver = await clusterReceiver(protocol, style, {
                    [Exact]: new Set([news, alerts]),
                    [Pattern]: new Set([pattern]),
                    [Sharded]: new Set(shards),
                });
                try {
                    // createClient returns once every node confirmed the configured subscriptions.
                    await publisher.publish("one", news);
                    await publisher.publish("two", alerts);
                    await publisher.publish("three", `${prefix}:events.user`);
                    for (const shard of shards) assert.equal(await publisher.publish(`to ${shard}`, shard, true), 1);
                    const expected = [
                        { channel: news, message: "one", pattern: null },
                        { channel: alerts, message: "two", pattern: null },
                        { channel: `${prefix}:events.user`, message: "three", pattern },
                        ...shards.map((shard) => ({ channel: shard, message: `to ${shard}`, pattern: null })),
                    ];
                    assert.deepEqual(byChannel(await receiver.take(expected.length)), byChannel(expected));
                    assert.deepEqual(await receiver.leftover(), []);
                    const state = await receiver.cluster.getSubscriptions();
                    assert.deepEqual(names(state.actualSubscriptions[Exact]), [alerts, news].sort());
                    assert.deepEqual(names(state.actualSubscriptions[Pattern]), [pattern]);
                    assert.deepEqual(names(state.actualSubscriptions[Sharded]), [...shards].sort());
                } finally {
                    receiver.client.close();
                }
            });

            it(`dynamic subscriptions of every mode, read with ${style}`, async () => {
                const channel = uniqueKey("dyn");
                const receiver = await clusterReceiver(protocol, style);
                const client = receiver.cluster;
                try {
                    await client.subscribe([channel], 2000);
                    await client.psubscribe(new Set([`${channel}:*`]), 2000);
                    await client.ssubscribe([`${channel}{s}`], 2000);
                    await publisher.publish("exact", channel);
                    await publisher.publish("by pattern", `${channel}:x`);
                    assert.equal(await publisher.publish("sharded", `${channel}{s}`, true), 1);
                    assert.deepEqual(
                        byChannel(await receiver.take(3)),
                        byChannel([
                            { channel, message: "exact", pattern: null },
                            { channel: `${channel}:x`, message: "by pattern", pattern: `${channel}:*` },
                            { channel: `${channel}{s}`, message: "sharded", pattern: null },
                        ]),
                    );
                } finally {
                    receiver.client.close();
                }
            });
        }

        it("sharded channels over many slots: each on its slot's primary, every message delivered", async () => {
            const shards = channelsInDistinctSlots(200, uniqueKey("many"));
            const receiver = await clusterReceiver(protocol, "callback");
            const client = receiver.cluster;
            try {
                await client.ssubscribe(shards, 5000);
                const counts = await publisher.pubsubShardNumSub(shards);
                assert.deepEqual(
                    counts.map((entry) => entry.numSub),
                    shards.map(() => 1),
                );
                assert.deepEqual(names(new Set(await publisher.pubsubShardChannels({ pattern: `${shards[0].split(":")[0]}*` }))), [...shards].sort());
                await Promise.all(shards.map((shard, index) => publisher.publish(String(index), shard, true)));
                const got = await receiver.take(shards.length);
                assert.deepEqual(
                    got.map((msg) => msg.channel).sort(),
                    [...shards].sort(),
                );
                await client.sunsubscribe(ALL_SHARDED_CHANNELS, 5000);
                assert.deepEqual(names((await client.getSubscriptions()).actualSubscriptions[Sharded]), []);
                assert.equal(await publisher.publish("after", shards[0], true), 0);
            } finally {
                receiver.client.close();
            }
        });

        it("binary channel names and payloads with Decoder.Bytes", async () => {
            const prefix = uniqueKey("bin");
            const channel = Buffer.concat([Buffer.from(`${prefix}:`), Buffer.from([0xff, 0x00, 0xfe])]);
            const shard = Buffer.concat([Buffer.from(`${prefix}{`), Buffer.from([0xc3, 0x28]), Buffer.from("}")]);
            const pattern = Buffer.concat([Buffer.from(`${prefix}:p`), Buffer.from([0x80]), Buffer.from("*")]);
            const payload = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0d, 0x0a]);
            const receiver = await clusterReceiver(protocol, "getPubSubMessage", {}, { defaultDecoder: Decoder.Bytes });
            const client = receiver.cluster;
            try {
                await client.subscribe([channel], 2000);
                await client.psubscribe([pattern], 2000);
                await client.ssubscribe([shard], 2000);
                const patterned = Buffer.concat([pattern.subarray(0, pattern.length - 1), Buffer.from("x")]);
                await publisher.publish(payload, channel);
                await publisher.publish(payload, patterned);
                assert.equal(await publisher.publish(payload, shard, true), 1);
                const got = await receiver.take(3);
                assert.deepEqual(
                    byChannel(got),
                    byChannel([
                        { channel, message: payload, pattern: null },
                        { channel: patterned, message: payload, pattern },
                        { channel: shard, message: payload, pattern: null },
                    ]),
                );
                const state = await client.getSubscriptions();
                assert.deepEqual([...state.actualSubscriptions[Sharded]!], [shard]);
                const counts = await publisher.pubsubShardNumSub([shard], { decoder: Decoder.Bytes });
                assert.deepEqual(counts, [{ channel: shard, numSub: 1 }]);
            } finally {
                receiver.client.close();
            }
        });

        it("unsubscribing some names, then all at once, in every mode; PUBSUB counts follow", async () => {
            const prefix = uniqueKey("unsub");
            const channels = [`${prefix}:a`, `${prefix}:b`, `${prefix}:c`];
            const patterns = [`${prefix}:p1*`, `${prefix}:p2*`];
            const shards = channelsInDistinctSlots(5, `${prefix}:s`);
            const receiver = await clusterReceiver(protocol, "tryGetPubSubMessage");
            const client = receiver.cluster;
            try {
                await client.subscribe(channels, 2000);
                await client.psubscribe(patterns, 2000);
                await client.ssubscribe(shards, 2000);
                assert.deepEqual(
                    (await publisher.pubsubNumSub(channels)).map((entry) => entry.numSub),
                    [1, 1, 1],
                );
                assert.ok((await publisher.pubsubNumPat()) >= 2);
                assert.deepEqual(names(new Set(await publisher.pubsubChannels({ pattern: `${prefix}:*` }))), channels);

                await client.unsubscribe([channels[0]], 2000);
                await client.punsubscribe([patterns[0]], 2000);
                await client.sunsubscribe([shards[0]], 2000);
                let state = await client.getSubscriptions();
                assert.deepEqual(names(state.desiredSubscriptions[Exact]), channels.slice(1));
                assert.deepEqual(names(state.actualSubscriptions[Exact]), channels.slice(1));
                assert.deepEqual(names(state.actualSubscriptions[Pattern]), patterns.slice(1));
                assert.deepEqual(names(state.actualSubscriptions[Sharded]), shards.slice(1).sort());

                await client.unsubscribe(ALL_CHANNELS, 2000);
                await client.punsubscribe(ALL_PATTERNS, 2000);
                await client.sunsubscribe(null, 2000);
                state = await client.getSubscriptions();
                for (const mode of [Exact, Pattern, Sharded]) {
                    assert.deepEqual(names(state.desiredSubscriptions[mode]), []);
                    assert.deepEqual(names(state.actualSubscriptions[mode]), []);
                }
                assert.deepEqual(
                    (await publisher.pubsubNumSub(channels)).map((entry) => entry.numSub),
                    [0, 0, 0],
                );
                for (const shard of shards) assert.equal(await publisher.publish("x", shard, true), 0);
                assert.deepEqual(await receiver.leftover(), []);
            } finally {
                receiver.client.close();
            }
        });

        it("lazy variants: getSubscriptions converges from desired to actual", async () => {
            const prefix = uniqueKey("lazy");
            const receiver = await clusterReceiver(protocol, "callback");
            const client = receiver.cluster;
            try {
                await client.subscribeLazy([`${prefix}:c`]);
                await client.psubscribeLazy([`${prefix}:p*`]);
                await client.ssubscribeLazy([`${prefix}:s`]);
                const state = await client.getSubscriptions();
                assert.deepEqual(names(state.desiredSubscriptions[Sharded]), [`${prefix}:s`]);
                await waitFor("the lazy subscriptions to be confirmed", async () => {
                    const { actualSubscriptions: actual } = await client.getSubscriptions();
                    return actual[Exact]?.size === 1 && actual[Pattern]?.size === 1 && actual[Sharded]?.size === 1 ? true : JSON.stringify(actual);
                });
                await client.sunsubscribeLazy();
                await client.unsubscribeLazy();
                await client.punsubscribeLazy(null);
                await waitFor("the lazy unsubscriptions to be confirmed", async () => {
                    const { actualSubscriptions: actual } = await client.getSubscriptions();
                    return actual[Exact]?.size === 0 && actual[Pattern]?.size === 0 && actual[Sharded]?.size === 0 ? true : "not yet";
                });
            } finally {
                receiver.client.close();
            }
        });

        it("a killed subscriber connection: subscriptions come back, messages flow again", async () => {
            const prefix = uniqueKey("kill");
            const channel = `${prefix}:c`;
            const shards = channelsInDistinctSlots(6, `${prefix}:s`);
            const clientName = uniqueKey("killed");
            const receiver = await clusterReceiver(protocol, "callback", { [Exact]: new Set([channel]), [Sharded]: new Set(shards) }, {
                clientName,
                advancedConfiguration: { pubsubReconciliationIntervalMs: 200 },
            });
            const client = receiver.cluster;
            try {
                // Kill this client's subscriber connections on every node (the cluster is shared: only ours).
                // A multi-node customCommand answers with a GlideRecord by node address, as GLIDE's does.
                const lists = (await publisher.customCommand(["CLIENT", "LIST", "TYPE", "pubsub"], { route: "allNodes" })) as { key: string; value: string }[];
                const victims: [string, string][] = [];
                for (const { key: address, value: list } of lists) {
                    for (const line of list.split("\n")) {
                        if (!line.includes(` name=${clientName} `)) continue;
                        victims.push([address, /(?:^|\s)id=(\d+)/.exec(line)![1]]);
                    }
                }
                assert.equal(victims.length, new Set(victims.map(([address]) => address)).size);
                assert.ok(victims.length >= 1, "the subscriber connections are listed");
                const killedAt = performance.now();
                await Promise.all(
                    victims.map(([address, id]) => {
                        const [host, port] = address.split(":");
                        return publisher.customCommand(["CLIENT", "KILL", "ID", id], { route: { type: "routeByAddress", host, port: Number(port) } });
                    }),
                );
                let resumedAfter = 0;
                await waitFor(
                    "delivery to resume on every channel",
                    async () => {
                        await publisher.publish("probe", channel);
                        for (const shard of shards) await publisher.publish("probe", shard, true);
                        const got = await receiver.leftover(20);
                        const heard = new Set(got.map((msg) => String(msg.channel)));
                        if (heard.has(channel) && shards.every((shard) => heard.has(shard))) {
                            resumedAfter = performance.now() - killedAt;
                            return true;
                        }
                        return `heard ${[...heard].join(",")}`;
                    },
                    { timeoutMs: 10_000 },
                );
                const state = await client.getSubscriptions();
                assert.deepEqual(names(state.actualSubscriptions[Exact]), [channel]);
                assert.deepEqual(names(state.actualSubscriptions[Sharded]), [...shards].sort());
                console.log(`# cluster pub/sub (${name}): CLIENT KILL of the subscriber connections -> delivery on every channel again after ${resumedAfter.toFixed(0)} ms`);
            } finally {
                receiver.client.close();
            }
        });

        it("configuration errors; polling with a callback configured; the BaseClient methods", async () => {
            const seeds = [{ host: "127.0.0.1", port: 1 }];
            // An unknown mode (7) is ignored, as GLIDE ignores it.
            await assert.rejects(
                GlideClusterClient.createClient({ addresses: seeds, pubsubSubscriptions: { channelsAndPatterns: {}, context: {} } }),
                ConfigurationError,
            );
            const receiver = await clusterReceiver(protocol, "callback", { [Sharded]: new Set([uniqueKey("cb")]) });
            try {
                await assert.rejects(receiver.cluster.getPubSubMessage(), ConfigurationError);
                assert.throws(() => receiver.cluster.tryGetPubSubMessage(), ConfigurationError);
                // GLIDE declares the exact and pattern methods on BaseClient.
                const base: BaseClient = receiver.cluster;
                const channel = uniqueKey("base");
                await base.subscribe([channel], 2000);
                await publisher.publish("via BaseClient", channel);
                assert.deepEqual(await receiver.take(1), [{ channel, message: "via BaseClient", pattern: null }]);
                await base.unsubscribe(null, 2000);
            } finally {
                receiver.client.close();
            }
        });

        it("closing the client rejects a waiting getPubSubMessage with ClosingError", async () => {
            const receiver = await clusterReceiver(protocol, "getPubSubMessage", { [Sharded]: new Set([uniqueKey("close")]) });
            const pending = receiver.cluster.getPubSubMessage();
            receiver.client.close();
            await assert.rejects(pending, ClosingError);
            await assert.rejects(receiver.cluster.getPubSubMessage(), ClosingError);
        });
    });
}
