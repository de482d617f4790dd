/** Pub/sub on the standalone client: every mode, every way of reading, both protocols. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
    ALL_CHANNELS,
    ALL_PATTERNS,
    ClosingError,
    ConfigurationError,
    Decoder,
    GlideClientConfiguration,
    type GlideClient,
} from "../../src";
import { PROTOCOLS, newStandaloneClient, uniqueKey } from "../helpers/clients";
import { waitFor } from "../helpers/wait";
import { READ_STYLES, byChannel, newReceiver } from "./pubsub-receivers";

const { Exact, Pattern } = GlideClientConfiguration.PubSubChannelModes;

for (const { name, protocol } of PROTOCOLS) {
    describe(`pub/sub (${name})`, () => {
        let publisher: GlideClient;
        before(async () => (publisher = await newStandaloneClient(protocol)));
        after(() => publisher.close());

        for (const style of READ_STYLES) {
            it(`configured channels, read with ${style}`, async () => {
                const [news, alerts] = [uniqueKey("news"), uniqueKey("alerts")];
                const receiver = await newReceiver({ protocol, style, modes: { [Exact]: new Set([news, alerts]) } });
                try {
                    // createClient returns once the server confirmed the configured subscriptions.
                    assert.equal(await publisher.publish("one", news), 1);
                    assert.equal(await publisher.publish("two", alerts), 1);
                    assert.equal(await publisher.publish("three", news), 1);
                    assert.deepEqual(await receiver.take(3), [
                        { channel: news, message: "one", pattern: null },
                        { channel: alerts, message: "two", pattern: null },
                        { channel: news, message: "three", pattern: null },
                    ]);
                    assert.deepEqual(await receiver.leftover(), []);
                } finally {
                    receiver.client.close();
                }
            });

            it(`configured patterns, read with ${style}`, async () => {
                const prefix = uniqueKey("events");
                const pattern = `${prefix}.*`;
                const receiver = await newReceiver({ protocol, style, modes: { [Pattern]: new Set([pattern]) } });
                try {
                    assert.equal(await publisher.publish("created", `${prefix}.user`), 1);
                    assert.equal(await publisher.publish("unrelated", `${prefix}-user`), 0);
                    assert.equal(await publisher.publish("deleted", `${prefix}.order`), 1);
                    assert.deepEqual(await receiver.take(2), [
                        { channel: `${prefix}.user`, message: "created", pattern },
                        { channel: `${prefix}.order`, message: "deleted", pattern },
                    ]);
                    assert.deepEqual(await receiver.leftover(), []);
                } finally {
                    receiver.client.close();
                }
            });

            it(`dynamic subscriptions of both modes, read with ${style}`, async () => {
                const channel = uniqueKey("dyn");
                const receiver = await newReceiver({ protocol, style });
                try {
                    await receiver.client.subscribe([channel], 2000);
                    await receiver.client.psubscribe(new Set([`${channel}:*`]), 2000);
                    assert.equal(await publisher.publish("exact", channel), 1);
                    assert.equal(await publisher.publish("by pattern", `${channel}:x`), 1);
                    assert.deepEqual(await receiver.take(2), [
                        { channel, message: "exact", pattern: null },
                        { channel: `${channel}:x`, message: "by pattern", pattern: `${channel}:*` },
                    ]);
                } finally {
                    receiver.client.close();
                }
            });
        }

        it("with lazyConnect, configured subscriptions are made without waiting for a command", async () => {
            const channel = uniqueKey("lazy");
            const receiver = await newReceiver({ protocol, style: "callback", modes: { [Exact]: new Set([channel]) }, extra: { lazyConnect: true } });
            try {
                await waitFor("the subscription", async () => ((await publisher.pubsubNumSub([channel]))[0].numSub === 1 ? true : "not yet"));
                await publisher.publish("lazy", channel);
                assert.deepEqual(await receiver.take(1), [{ channel, message: "lazy", pattern: null }]);
            } finally {
                receiver.client.close();
            }
        });

        it("many channels and patterns at once", async () => {
            const prefix = uniqueKey("many");
            const channels = Array.from({ length: 300 }, (_, i) => `${prefix}:c${i}`);
            const patterns = Array.from({ length: 30 }, (_, i) => `${prefix}:c${i}?`);
            const receiver = await newReceiver({
                protocol,
                style: "callback",
                modes: { [Exact]: new Set(channels.slice(0, 150)), [Pattern]: new Set(patterns.slice(0, 15)) },
            });
            try {
                await receiver.client.subscribe(channels.slice(150), 5000);
                await receiver.client.psubscribe(patterns.slice(15), 5000);
                const state = await receiver.client.getSubscriptions();
                assert.deepEqual(state.actualSubscriptions[Exact], new Set(channels));
                assert.deepEqual(state.actualSubscriptions[Pattern], new Set(patterns));
                await Promise.all(channels.map((channel) => publisher.publish(`to ${channel}`, channel)));
                // c10…c29 also match the patterns c1? and c2?, c100… are too long for `c{i}?`.
                const expected = channels.map((channel) => ({ channel, message: `to ${channel}`, pattern: null as string | null }));
                for (const [i, pattern] of patterns.entries()) {
                    for (const digit of "0123456789") {
                        const channel = `${prefix}:c${i}${digit}`;
                        if (channels.includes(channel)) expected.push({ channel, message: `to ${channel}`, pattern });
                    }
                }
                const received = await receiver.take(expected.length);
                const withPattern = (list: typeof expected) => byChannel(list).map((m) => `${m.channel}|${m.pattern}`).sort();
                assert.deepEqual(withPattern(received as typeof expected), withPattern(expected));
                assert.deepEqual(await receiver.leftover(), []);
            } finally {
                receiver.client.close();
            }
        });

        it("binary channel names, patterns and payloads with Decoder.Bytes", async () => {
            const channel = Buffer.concat([Buffer.from(uniqueKey("bin")), Buffer.from([0xff, 0x00, 0xfe, 0x0a])]);
            const pattern = Buffer.concat([Buffer.from(uniqueKey("binp")), Buffer.from([0xc3, 0x28]), Buffer.from("*")]);
            const patternChannel = Buffer.concat([pattern.subarray(0, -1), Buffer.from([0x80, 0x81])]);
            const payload = Buffer.from([0x00, 0xff, 0xc0, 0xc1, 0xf5, 0x0d, 0x0a, 0x24]);
            const receiver = await newReceiver({
                protocol,
                style: "callback",
                modes: { [Exact]: new Set([channel as unknown as string]) },
                extra: { defaultDecoder: Decoder.Bytes },
            });
            try {
                await receiver.client.psubscribe([pattern], 2000);
                assert.equal(await publisher.publish(payload, channel), 1);
                assert.equal(await publisher.publish(payload, patternChannel), 1);
                assert.deepEqual(await receiver.take(2), [
                    { channel, message: payload, pattern: null },
                    { channel: patternChannel, message: payload, pattern },
                ]);
                const state = await receiver.client.getSubscriptions();
                assert.deepEqual(state.desiredSubscriptions[Exact], new Set([channel]));
                assert.deepEqual(state.actualSubscriptions[Pattern], new Set([pattern]));
            } finally {
                receiver.client.close();
            }
        });

        it("tryGetPubSubMessage decodes with the decoder it is given", async () => {
            const channel = uniqueKey("decode");
            const receiver = await newReceiver({ protocol, style: "tryGetPubSubMessage", modes: { [Exact]: new Set([channel]) } });
            try {
                await publisher.publish("héllo", channel);
                await waitFor("the message", async () => (receiver.client.tryGetPubSubMessage(Decoder.Bytes) === null ? "none yet" : true));
                await publisher.publish("héllo", channel);
                let msg = null;
                while (msg === null) msg = receiver.client.tryGetPubSubMessage(Decoder.Bytes) ?? (await new Promise((r) => setTimeout(r, 1, null)));
                assert.deepEqual(msg, { channel: Buffer.from(channel), message: Buffer.from("héllo"), pattern: null });
            } finally {
                receiver.client.close();
            }
        });

        it("unsubscribes some, then all at once, in every way", async () => {
            const [a, b, c] = [uniqueKey("a"), uniqueKey("b"), uniqueKey("c")];
            const patterns = [`${a}*`, `${b}*`];
            const receiver = await newReceiver({ protocol, style: "tryGetPubSubMessage", modes: { [Exact]: new Set([a, b]), [Pattern]: new Set(patterns) } });
            const client = receiver.client;
            try {
                await client.subscribeLazy([c]);
                await waitFor("the lazy subscription", async () =>
                    (await client.getSubscriptions()).actualSubscriptions[Exact]?.has(c) ? true : "not confirmed yet",
                );
                await client.unsubscribe([a], 2000);
                assert.equal(await publisher.publish("x", a), 1); // still matched by pattern a*
                assert.deepEqual(await receiver.take(1), [{ channel: a, message: "x", pattern: `${a}*` }]);
                await client.unsubscribe(ALL_CHANNELS, 2000);
                await client.punsubscribe([`${a}*`], 2000);
                // As GLIDE: unsubscribing from all channels unlists the mode; removing names one by one does not.
                assert.deepEqual(await client.getSubscriptions(), {
                    desiredSubscriptions: { [Pattern]: new Set([`${b}*`]) },
                    actualSubscriptions: { [Exact]: new Set(), [Pattern]: new Set([`${b}*`]) },
                });
                assert.equal(await publisher.publish("x", a), 0);
                assert.equal(await publisher.publish("x", c), 0);
                await client.punsubscribe(ALL_PATTERNS, 2000);
                assert.equal(await publisher.publish("x", b), 0);

                await client.subscribe([a, b], 2000);
                await client.psubscribeLazy(patterns);
                await client.unsubscribeLazy();
                await client.punsubscribeLazy(null);
                await waitFor("everything unsubscribed", async () => {
                    const { actualSubscriptions: actual } = await client.getSubscriptions();
                    return actual[Exact]?.size === 0 && actual[Pattern]?.size === 0 ? true : JSON.stringify(actual);
                });
                assert.deepEqual(await publisher.pubsubNumSub([a, b]), [
                    { channel: a, numSub: 0 },
                    { channel: b, numSub: 0 },
                ]);
                assert.deepEqual(await receiver.leftover(), []);
            } finally {
                client.close();
            }
        });

        it("a subscription changed back and forth settles on the last wish", async () => {
            const channel = uniqueKey("flip");
            const receiver = await newReceiver({ protocol, style: "getPubSubMessage" });
            try {
                const { client } = receiver;
                await Promise.all([client.subscribeLazy([channel]), client.unsubscribeLazy([channel]), client.subscribeLazy([channel])]);
                await client.subscribe([channel], 2000);
                await client.unsubscribeLazy([channel]);
                await client.subscribeLazy([channel]);
                await waitFor("one subscriber", async () => {
                    const [{ numSub }] = await publisher.pubsubNumSub([channel]);
                    const actual = (await client.getSubscriptions()).actualSubscriptions[Exact];
                    return numSub === 1 && actual?.has(channel) ? true : `numSub ${numSub}`;
                });
            } finally {
                receiver.client.close();
            }
        });

        it("publish and the PUBSUB introspection commands", async () => {
            const channel = uniqueKey("intro");
            const receiver = await newReceiver({ protocol, style: "callback", modes: { [Exact]: new Set([channel]), [Pattern]: new Set([`${channel}*`]) } });
            try {
                assert.ok((await publisher.pubsubChannels()).includes(channel));
                assert.deepEqual(await publisher.pubsubChannels({ pattern: channel }), [channel]);
                assert.deepEqual(await publisher.pubsubChannels({ pattern: channel, decoder: Decoder.Bytes }), [Buffer.from(channel)]);
                assert.ok((await publisher.pubsubNumPat()) >= 1);
                assert.deepEqual(await publisher.pubsubNumSub([channel, uniqueKey("none")]).then((r) => r.map((e) => e.numSub)), [1, 0]);
                assert.deepEqual(await publisher.pubsubNumSub([]), []);
                assert.equal(await publisher.publish("m", channel), 2); // the channel and the pattern
            } finally {
                receiver.client.close();
            }
        });

        it("configuration errors", async () => {
            await assert.rejects(
                newStandaloneClient(protocol, { pubsubSubscriptions: { channelsAndPatterns: {}, context: {} } }),
                ConfigurationError,
            );
            // As GLIDE: sharded names on a standalone client are desired, never subscribed; unknown modes are ignored.
            const sharded = await newStandaloneClient(protocol, { pubsubSubscriptions: { channelsAndPatterns: { 2: new Set(["s"]), 7: new Set(["x"]) } as never } });
            try {
                assert.deepEqual(await sharded.getSubscriptions(), {
                    desiredSubscriptions: { 2: new Set(["s"]) },
                    actualSubscriptions: { [Exact]: new Set(), [Pattern]: new Set() },
                });
            } finally {
                sharded.close();
            }
            const receiver = await newReceiver({ protocol, style: "callback", modes: { [Exact]: new Set([uniqueKey()]) } });
            try {
                await assert.rejects(receiver.client.getPubSubMessage(), ConfigurationError);
                assert.throws(() => receiver.client.tryGetPubSubMessage(), ConfigurationError);
            } finally {
                receiver.client.close();
            }
        });

        it("close() rejects pending getPubSubMessage() calls with ClosingError", async () => {
            const receiver = await newReceiver({ protocol, style: "getPubSubMessage", modes: { [Exact]: new Set([uniqueKey()]) } });
            const pending = [receiver.client.getPubSubMessage(), receiver.client.getPubSubMessage()];
            receiver.client.close();
            for (const promise of pending) await assert.rejects(promise, ClosingError);
            await assert.rejects(receiver.client.getPubSubMessage(), ClosingError);
            await assert.rejects(receiver.client.subscribe(["x"], 100), ClosingError);
        });
    });
}
