/**
 * Messages lost to a server restart. Pub/sub is at-most-once: a restarted server has forgotten
 * every subscription, so what is published before the subscriber is back is lost. The subscriber
 * therefore retries at the first step of its backoff however long the server was away, instead of
 * climbing the backoff (which, after 2 s away, would keep it off for 0.5 to 1.5 s more).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClient, GlideClientConfiguration, type PubSubMsg } from "../../src";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { rawCommand, startStandalone, type ServerHandle } from "../helpers/servers";
import { sleep, waitFor } from "../helpers/wait";

const { Exact } = GlideClientConfiguration.PubSubChannelModes;

/** How often the publisher publishes, and how long the server is away. */
const PUBLISH_EVERY_MS = 10;
const DOWN_MS = 2000;
/**
 * The loss allowed once the server is back: the subscriber's retry delay (50 ms, ±20% jitter,
 * with the default backoff) and a handshake, in messages, with room for a busy machine.
 */
const MAX_LOST = 15;

for (const { name, protocol } of PROTOCOLS) {
    describe(`pub/sub messages lost to a server restart (${name})`, () => {
        let server: ServerHandle;
        before(async () => {
            server = await startStandalone({ name: "pubsub-restart" });
        });
        after(() => server.stop());

        it(`after ${DOWN_MS} ms away, at most ${MAX_LOST} messages published every ${PUBLISH_EVERY_MS} ms are lost`, async () => {
            const channel = uniqueKey("restart");
            const received: string[] = [];
            const subscriber = await GlideClient.createClient({
                addresses: [{ host: server.host, port: server.port }],
                protocol,
                pubsubSubscriptions: { channelsAndPatterns: { [Exact]: new Set([channel]) }, callback: (msg: PubSubMsg) => received.push(String(msg.message)) },
            });
            // Raw connections of the test's own: the publisher is ready the moment the server is.
            const publish = async (message: string) => Number((await rawCommand(server.host, server.port, ["PUBLISH", channel, message])).slice(1));
            try {
                assert.equal(await publish("before"), 1);
                server.kill("SIGKILL");
                await sleep(DOWN_MS);
                await server.restart();
                // Publish until the subscriber is back: each message with no subscriber is lost.
                let lost = 0;
                const deadline = performance.now() + 10_000;
                while ((await publish(`lost ${lost}`)) === 0) {
                    lost++;
                    assert.ok(performance.now() < deadline, "the subscriber never came back");
                    await sleep(PUBLISH_EVERY_MS);
                }
                // Then none is lost.
                for (let i = 0; i < 10; i++) assert.equal(await publish(`after ${i}`), 1);
                await waitFor("the messages published after the restart", async () => (received.length >= 12 ? true : `${received.length} received`));
                assert.deepEqual(received, ["before", `lost ${lost}`, ...Array.from({ length: 10 }, (_, i) => `after ${i}`)]);
                assert.ok(lost <= MAX_LOST, `${lost} messages published every ${PUBLISH_EVERY_MS} ms after the restart were lost`);
            } finally {
                subscriber.close();
            }
        });
    });
}
