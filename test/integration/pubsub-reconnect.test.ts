/** Pub/sub never loses a subscription: connection kills, server restarts, unconfirmed requests. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClient, GlideClientConfiguration, TimeoutError, type GlideClientConfiguration as Config } from "../../src";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";
import { READ_STYLES, newReceiver, type Receiver } from "./pubsub-receivers";

const { Exact, Pattern } = GlideClientConfiguration.PubSubChannelModes;

/** Desired equals actual, and the server counts this client as a subscriber of `channel` again. */
async function converged(receiver: Receiver, admin: GlideClient, channel: string): Promise<true | string> {
    const { desiredSubscriptions: desired, actualSubscriptions: actual } = await receiver.client.getSubscriptions();
    const [{ numSub }] = await admin.pubsubNumSub([channel]);
    // A mode without names may be unlisted in desiredSubscriptions (as in GLIDE) and listed, empty, in actual.
    const same = (mode: number) =>
        (desired[mode as 0]?.size ?? 0) === (actual[mode as 0]?.size ?? 0) && [...(desired[mode as 0] ?? [])].every((name) => actual[mode as 0]?.has(name));
    if (numSub !== 1) return `server counts ${numSub} subscribers of ${channel}`;
    return same(Exact) && same(Pattern) ? true : `desired ${[...(desired[Exact] ?? [])]} / actual ${[...(actual[Exact] ?? [])]}`;
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`pub/sub across connection loss (${name})`, () => {
        let server: ServerHandle;
        let admin: GlideClient;
        const create = (extra: Partial<Config>) =>
            GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], protocol, requestTimeout: 2000, ...extra });

        before(async () => {
            server = await startStandalone({ name: "pubsub" });
            admin = await create({});
        });
        after(async () => {
            admin.close();
            await server.stop();
        });

        for (const style of READ_STYLES) {
            it(`CLIENT KILL of the subscriber connection, read with ${style}`, async () => {
                const [configured, dynamic] = [uniqueKey("conf"), uniqueKey("dyn")];
                const receiver = await newReceiver({ protocol, style, create, modes: { [Exact]: new Set([configured]), [Pattern]: new Set([`${configured}.*`]) } });
                try {
                    await receiver.client.subscribe([dynamic], 2000);
                    assert.ok(((await admin.customCommand(["CLIENT", "KILL", "TYPE", "pubsub"])) as number) >= 1);
                    await waitFor("resubscription", () => converged(receiver, admin, configured));
                    await waitFor("resubscription", () => converged(receiver, admin, dynamic));
                    await admin.publish("after kill", configured);
                    await admin.publish("after kill", `${configured}.x`);
                    await admin.publish("after kill", dynamic);
                    assert.deepEqual(await receiver.take(3), [
                        { channel: configured, message: "after kill", pattern: null },
                        { channel: `${configured}.x`, message: "after kill", pattern: `${configured}.*` },
                        { channel: dynamic, message: "after kill", pattern: null },
                    ]);
                } finally {
                    receiver.client.close();
                }
            });
        }

        it("every connection of the client killed, again and again", async () => {
            const channel = uniqueKey("again");
            const receiver = await newReceiver({ protocol, style: "callback", create, modes: { [Exact]: new Set([channel]) } });
            try {
                for (let round = 0; round < 5; round++) {
                    await admin.customCommand(["CLIENT", "KILL", "TYPE", "pubsub"]);
                    await admin.customCommand(["CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"]);
                    await waitFor("resubscription", () => converged(receiver, admin, channel));
                    assert.equal(await admin.publish(`round ${round}`, channel), 1);
                    assert.deepEqual(await receiver.take(1), [{ channel, message: `round ${round}`, pattern: null }]);
                    assert.equal(await receiver.client.ping(), "PONG");
                }
            } finally {
                receiver.client.close();
            }
        });

        it("subscriptions made while the server is down are made when it is back", async () => {
            const [before, during] = [uniqueKey("before"), uniqueKey("during")];
            const receiver = await newReceiver({ protocol, style: "getPubSubMessage", create, modes: { [Exact]: new Set([before]) } });
            try {
                server.kill("SIGKILL");
                await waitFor("the client to notice", async () =>
                    (await receiver.client.getSubscriptions()).actualSubscriptions[Exact]?.size === 0 ? true : "still subscribed",
                );
                await receiver.client.subscribeLazy([during]);
                const confirmed = receiver.client.psubscribe([`${during}*`], 0);
                await server.restart();
                await confirmed;
                await waitFor("resubscription", () => converged(receiver, admin, before));
                await waitFor("resubscription", () => converged(receiver, admin, during));
                await admin.publish("1", before);
                await admin.publish("2", during);
                assert.deepEqual(await receiver.take(3), [
                    { channel: before, message: "1", pattern: null },
                    { channel: during, message: "2", pattern: null },
                    { channel: during, message: "2", pattern: `${during}*` },
                ]);
            } finally {
                receiver.client.close();
            }
        });

        it("a server that stops answering is noticed by the subscriber's PING and left for a new connection", async () => {
            const channel = uniqueKey("silent");
            const receiver = await newReceiver({
                protocol,
                style: "callback",
                create,
                modes: { [Exact]: new Set([channel]) },
                extra: { advancedConfiguration: { pubsubReconciliationIntervalMs: 100 } },
            });
            try {
                server.kill("SIGSTOP");
                try {
                    await waitFor("the subscriber to give up on the silent connection", async () =>
                        (await receiver.client.getSubscriptions()).actualSubscriptions[Exact]?.size === 0 ? true : "still subscribed",
                    { timeoutMs: 3000 });
                } finally {
                    server.kill("SIGCONT");
                }
                await waitFor("resubscription", () => converged(receiver, admin, channel));
                await admin.publish("awake", channel);
                assert.deepEqual(await receiver.take(1), [{ channel, message: "awake", pattern: null }]);
            } finally {
                receiver.client.close();
            }
        });

        it("a confirmation that comes too late rejects with TimeoutError; the subscription still happens", async () => {
            const channel = uniqueKey("late");
            const receiver = await newReceiver({ protocol, style: "tryGetPubSubMessage", create, modes: { [Exact]: new Set([uniqueKey()]) } });
            try {
                server.kill("SIGSTOP");
                try {
                    await assert.rejects(receiver.client.subscribe([channel], 100), TimeoutError);
                } finally {
                    server.kill("SIGCONT");
                }
                await waitFor("the subscription", () => converged(receiver, admin, channel));
                await admin.publish("late", channel);
                assert.deepEqual(await receiver.take(1), [{ channel, message: "late", pattern: null }]);
            } finally {
                receiver.client.close();
            }
        });
    });
}
