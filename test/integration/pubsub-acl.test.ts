/** Subscriptions the server refuses (ACL channel permissions) fail loudly and are not retried. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClient, GlideClientConfiguration, RequestError } from "../../src";
import { PROTOCOLS } from "../helpers/clients";
import { rawCommandParsed, startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const { Exact, Pattern } = GlideClientConfiguration.PubSubChannelModes;

const NOPERM = "An error was signalled by the server: - PermissionDenied: No permissions to access a channel";

describe("pub/sub with ACL channel permissions", () => {
    let server: ServerHandle;
    before(async () => {
        server = await startStandalone({ name: "pubsub-acl" });
        await rawCommandParsed(server.host, server.port, ["ACL", "SETUSER", "limited", "on", ">pw", "~*", "+@all", "resetchannels", "&ok*"]);
    });
    after(() => server.stop());

    for (const { name, protocol } of PROTOCOLS) {
        it(`a refused subscription rejects with the server's error and leaves the others working (${name})`, async () => {
            const client = await GlideClient.createClient({
                addresses: [{ host: server.host, port: server.port }],
                protocol,
                credentials: { username: "limited", password: "pw" },
                pubsubSubscriptions: { channelsAndPatterns: { [Exact]: new Set(["ok1"]) } },
            });
            try {
                await assert.rejects(client.subscribe(["ok2", "forbidden"], 2000), (error: Error) => error instanceof RequestError && error.message === NOPERM);
                await assert.rejects(client.psubscribe(["forbidden*"], 2000), (error: Error) => error.message === NOPERM);
                await client.subscribeLazy(["forbidden-too"]);
                await client.subscribe(["ok3"], 2000);
                await waitFor("the lazy refusal", async () =>
                    (await client.getSubscriptions()).desiredSubscriptions[Exact]?.has("forbidden-too") ? "still desired" : true,
                );
                assert.deepEqual(await client.getSubscriptions(), {
                    desiredSubscriptions: { [Exact]: new Set(["ok1", "ok3"]), [Pattern]: new Set() },
                    actualSubscriptions: { [Exact]: new Set(["ok1", "ok3"]), [Pattern]: new Set() },
                });
                await client.publish("hi", "ok3");
                assert.deepEqual(await client.getPubSubMessage(), { channel: "ok3", message: "hi", pattern: null });
            } finally {
                client.close();
            }
        });
    }
});
