/** Pub/sub under volume: 100k messages arrive complete and in order, per channel. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClientConfiguration, type GlideClient, type PubSubMsg } from "../../src";
import { PROTOCOLS, newStandaloneClient, uniqueKey } from "../helpers/clients";
import { newReceiver, type ReadStyle } from "./pubsub-receivers";

const { Exact, Pattern } = GlideClientConfiguration.PubSubChannelModes;
const TOTAL = 100_000;

/** Publishes message i to channels[i % channels.length], 1000 in flight at a time. */
async function publishNumbered(publisher: GlideClient, channels: string[], total: number): Promise<void> {
    for (let start = 0; start < total; start += 1000) {
        const end = Math.min(total, start + 1000);
        const sends: Promise<number>[] = [];
        for (let i = start; i < end; i++) sends.push(publisher.publish(String(i), channels[i % channels.length]));
        await Promise.all(sends);
    }
}

/** Every message once, and in each channel in publishing order. */
function assertOrderedPerChannel(messages: PubSubMsg[], channels: string[]): void {
    assert.equal(messages.length, TOTAL);
    const last = new Map<string, number>(channels.map((channel) => [channel, -1]));
    for (const msg of messages) {
        const n = Number(msg.message);
        const channel = String(msg.channel);
        assert.equal(channels[n % channels.length], channel, `message ${n} arrived on ${channel}`);
        assert.ok(n > last.get(channel)!, `message ${n} on ${channel} after ${last.get(channel)}`);
        last.set(channel, n);
    }
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`pub/sub volume (${name})`, () => {
        let publisher: GlideClient;
        before(async () => (publisher = await newStandaloneClient(protocol, { requestTimeout: 10_000 })));
        after(() => publisher.close());

        const cases: { style: ReadStyle; channels: number; pattern: boolean }[] = [
            { style: "callback", channels: 1, pattern: false },
            { style: "getPubSubMessage", channels: 10, pattern: false },
            { style: "tryGetPubSubMessage", channels: 10, pattern: true },
        ];
        for (const { style, channels: count, pattern } of cases) {
            const what = `${count} channel(s)${pattern ? " by pattern" : ""}`;
            it(`${TOTAL} messages on ${what}, read with ${style}, arrive in order`, async () => {
                const prefix = uniqueKey("volume");
                const channels = Array.from({ length: count }, (_, i) => `${prefix}:${i}`);
                const modes = pattern ? { [Pattern]: new Set([`${prefix}:*`]) } : { [Exact]: new Set(channels) };
                const receiver = await newReceiver({ protocol, style, modes });
                try {
                    const [, received] = await Promise.all([publishNumbered(publisher, channels, TOTAL), receiver.take(TOTAL, 30_000)]);
                    assertOrderedPerChannel(received, channels);
                    assert.deepEqual(await receiver.leftover(), []);
                } finally {
                    receiver.client.close();
                }
            });
        }
    });
}
