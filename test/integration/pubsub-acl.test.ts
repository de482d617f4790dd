/**
 * Subscriptions the server refuses (ACL channel permissions), as in GLIDE: they stay desired and are
 * asked for again at every check, a wait for them times out, and the others keep working.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClient, GlideClientConfiguration, TimeoutError } from "../../src";
import { PROTOCOLS } from "../helpers/clients";
import { rawCommandParsed, startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const { Exact, Pattern } = GlideClientConfiguration.PubSubChannelModes;

describe("pub/sub with ACL channel permissions", () => {
    let server: ServerHandle;
    before(async () => {
        server = await startStandalone({ name: "pubsub-acl" });
        await rawCommandParsed(server.host, server.port, ["ACL", "SETUSER", "limited", "on", ">pw", "~*", "+@all", "resetchannels", "&ok*"]);
    });
    after(() => server.stop());

    for (const { name, protocol } of PROTOCOLS) {
        it(`a refused subscription times out, stays desired, and leaves the others working (${name})`, async () => {
            const client = await GlideClient.createClient({
                addresses: [{ host: server.host, port: server.port }],
                protocol,
                credentials: { username: "limited", password: "pw" },
                pubsubSubscriptions: { channelsAndPatterns: { [Exact]: new Set(["ok1"]) } },
                advancedConfiguration: { pubsubReconciliationIntervalMs: 100 },
            });
            const timedOut = (error: Error) => error instanceof TimeoutError && error.message === "timed out";
            try {
                await assert.rejects(client.subscribe(["ok2", "forbidden"], 300), timedOut);
                await assert.rejects(client.psubscribe(["forbidden*"], 300), timedOut);
                assert.equal(await client.subscribeLazy(["forbidden-too"]), null);
                assert.equal(await client.subscribe(["ok3"], 2000), null);
                assert.deepEqual(await client.getSubscriptions(), {
                    desiredSubscriptions: { [Exact]: new Set(["ok1", "ok2", "forbidden", "forbidden-too", "ok3"]), [Pattern]: new Set(["forbidden*"]) },
                    actualSubscriptions: { [Exact]: new Set(["ok1", "ok3"]), [Pattern]: new Set() },
                });
                await client.publish("hi", "ok3");
                assert.deepEqual(await client.getPubSubMessage(), { channel: "ok3", message: "hi", pattern: null });

                // Allowed later, the refused names are subscribed by the next check.
                await rawCommandParsed(server.host, server.port, ["ACL", "SETUSER", "limited", "&forbidden*"]);
                await waitFor("the retried subscriptions", async () => {
                    const { actualSubscriptions: actual } = await client.getSubscriptions();
                    return actual[Exact]?.has("forbidden-too") && actual[Pattern]?.has("forbidden*") ? true : "not yet";
                });
            } finally {
                client.close();
                await rawCommandParsed(server.host, server.port, ["ACL", "SETUSER", "limited", "resetchannels", "&ok*"]);
            }
        });
    }
});
