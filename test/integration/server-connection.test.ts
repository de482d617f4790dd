/** updateConnectionPassword and getStatistics, on servers of this file's own. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { ConfigurationError, GlideClient, GlideClientConfiguration, RequestError } from "../../src";
import { newStandaloneClient, PROTOCOLS, uniqueKey } from "../helpers/clients";
import { rawCommand, startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const INITIAL_PASSWORD = "first-secret";

type Statistics = { total_connections: string; total_clients: string };

for (const { name, protocol } of PROTOCOLS) {
    describe(`updateConnectionPassword (${name})`, () => {
        let server: ServerHandle;
        let client: GlideClient;
        /** A connection of the test's own that keeps its authentication across password changes. */
        let adminClient: GlideClient;

        before(async () => {
            server = await startStandalone({ name: "password", password: INITIAL_PASSWORD });
            const config = {
                addresses: [{ host: server.host, port: server.port }],
                protocol,
                credentials: { password: INITIAL_PASSWORD },
                requestTimeout: 3000,
            };
            adminClient = await GlideClient.createClient(config);
            client = await GlideClient.createClient({
                ...config,
                pubsubSubscriptions: {
                    channelsAndPatterns: { [GlideClientConfiguration.PubSubChannelModes.Exact]: new Set(["password-news"]) },
                },
            });
        });

        after(async () => {
            client?.close();
            adminClient?.close();
            await server?.stop();
        });

        /** Drops every connection but the admin's: the client must reconnect and authenticate again. */
        async function killOtherConnections(): Promise<void> {
            const adminId = await adminClient.clientId();
            const list = String(await adminClient.customCommand(["CLIENT", "LIST", "TYPE", "normal"]));
            const ids = [...list.matchAll(/^id=(\d+) /gm)].map((match) => Number(match[1])).filter((id) => id !== adminId);
            assert.ok(ids.length >= 2, `expected the client's command and subscriber connections, got ${ids.length}`);
            for (const id of ids) await adminClient.customCommand(["CLIENT", "KILL", "ID", String(id)]);
            // The pub/sub connection lists as type pubsub.
            const subscribers = String(await adminClient.customCommand(["CLIENT", "LIST", "TYPE", "pubsub"]));
            for (const match of subscribers.matchAll(/^id=(\d+) /gm)) await adminClient.customCommand(["CLIENT", "KILL", "ID", match[1]]);
        }

        async function publishedMessageArrives(): Promise<void> {
            const text = uniqueKey("news");
            await waitFor("the subscriber to be back", async () =>
                (await adminClient.customCommand(["PUBSUB", "NUMSUB", "password-news"]) as { value: unknown }[])[0].value === 1 || "not subscribed",
            );
            assert.equal(await adminClient.customCommand(["PUBLISH", "password-news", text]), 1);
            let message = await client.getPubSubMessage();
            while (String(message.message) !== text) message = await client.getPubSubMessage();
        }

        it("reconnects with the new password after the server's changed and the connection dropped", async () => {
            const firstId = await client.clientId();
            // Fill the blocking pool with a connection authenticated the old way.
            assert.equal(await client.blpop([uniqueKey("blocking")], 0.05), null);
            await adminClient.configSet({ requirepass: "second-secret" });
            assert.equal(await client.updateConnectionPassword("second-secret"), "OK");
            await killOtherConnections();

            const key = uniqueKey();
            assert.equal(await client.set(key, "after"), "OK");
            assert.equal(await client.get(key), "after");
            assert.notEqual(await client.clientId(), firstId);
            assert.equal(await client.blpop([uniqueKey("blocking")], 0.05), null);
            await publishedMessageArrives();
        });

        it("with immediateAuth authenticates the open connections at once", async () => {
            await adminClient.configSet({ requirepass: "third-secret" });
            assert.equal(await client.updateConnectionPassword("third-secret", true), "OK");
            await killOtherConnections();
            assert.equal(await client.ping(), "PONG");
            await publishedMessageArrives();
        });

        it("with immediateAuth rejects a password the server refuses, and an empty one", async () => {
            await assert.rejects(client.updateConnectionPassword("not-the-password", true), (error: unknown) => {
                assert.ok(error instanceof RequestError);
                assert.match(error.message, /^WRONGPASS/);
                return true;
            });
            await assert.rejects(client.updateConnectionPassword("", true), RequestError);
            await assert.rejects(client.updateConnectionPassword(null, true), RequestError);
            // The refused password stays the one for reconnects: set the right one back.
            assert.equal(await client.updateConnectionPassword("third-secret"), "OK");
        });

        it("null removes the password once the server needs none", async () => {
            await adminClient.configSet({ requirepass: "" });
            assert.equal(await client.updateConnectionPassword(null), "OK");
            await killOtherConnections();
            assert.equal(await client.ping(), "PONG");
            const info = String(await client.customCommand(["CLIENT", "INFO"]));
            assert.match(info, / user=default /);
            await publishedMessageArrives();
        });
    });

    describe(`getStatistics (${name})`, () => {
        /** The counters this test changes (the subscription ones move with every client's periodic check). */
        const connectionCounts = (from: Statistics | GlideClient) => {
            const statistics = (from instanceof GlideClient ? from.getStatistics() : from) as Statistics;
            return { total_clients: statistics.total_clients, total_connections: statistics.total_connections };
        };

        let server: ServerHandle;

        before(async () => {
            server = await startStandalone({ name: "statistics" });
        });

        after(async () => {
            await server?.stop();
        });

        it("counts clients alive and connections open, across clients", async () => {
            const config = { addresses: [{ host: server.host, port: server.port }], protocol };
            const first = await GlideClient.createClient(config);
            let second: GlideClient | undefined;
            try {
                const before = first.getStatistics() as Statistics;
                assert.deepEqual(Object.keys(before).sort(), [
                    "compression_skipped_count",
                    "total_bytes_compressed",
                    "total_bytes_decompressed",
                    "total_clients",
                    "total_connections",
                    "total_original_bytes",
                    "total_values_compressed",
                    "total_values_decompressed",
                    "subscription_out_of_sync_count",
                    "subscription_last_sync_timestamp",
                ].sort());
                second = await GlideClient.createClient(config);
                const during = second.getStatistics() as Statistics;
                assert.equal(Number(during.total_clients), Number(before.total_clients) + 1);
                assert.equal(Number(during.total_connections), Number(before.total_connections) + 1);
                assert.deepEqual(connectionCounts(first), connectionCounts(second));

                // A dropped connection stops counting until it is back.
                const id = await second.clientId();
                await rawCommand(server.host, server.port, ["CLIENT", "KILL", "ID", String(id)]);
                const reconnected = second;
                await waitFor("the connection to be back", async () => ((await reconnected.ping()) === "PONG" ? true : "no PONG"));
                assert.deepEqual(connectionCounts(second), connectionCounts(during));

                // A blocking call's own connection stays open in the pool, and counts.
                assert.equal(await second.blpop([uniqueKey("statistics")], 0.05), null);
                assert.equal(Number((second.getStatistics() as Statistics).total_connections), Number(during.total_connections) + 1);

                second.close();
                assert.deepEqual(connectionCounts(first), connectionCounts(before));
                first.close();
                const after = first.getStatistics() as Statistics;
                assert.equal(Number(after.total_clients), Number(before.total_clients) - 1);
                assert.equal(Number(after.total_connections), Number(before.total_connections) - 1);
            } finally {
                first.close();
                second?.close();
            }
        });
    });

    describe(`client-side cache metrics and IAM refresh without their configuration (${name})`, () => {
        it("getCache* reject with RequestError (no cache), refreshIamToken with ConfigurationError (no IAM)", async () => {
            const client = await newStandaloneClient(protocol);
            try {
                const metrics = [
                    client.getCacheHitRate(),
                    client.getCacheMissRate(),
                    client.getCacheEntryCount(),
                    client.getCacheEvictions(),
                    client.getCacheExpirations(),
                    client.getCacheTotalLookups(),
                ];
                for (const metric of metrics) {
                    await assert.rejects(metric, (error: unknown) => {
                        assert.ok(error instanceof RequestError);
                        assert.match(error.message, /^Client-side caching is not enabled/);
                        return true;
                    });
                }
                await assert.rejects(client.refreshIamToken(), (error: unknown) => {
                    assert.ok(error instanceof ConfigurationError);
                    assert.match(error.message, /IAM authentication/);
                    return true;
                });
                // The client is unaffected.
                assert.equal(await client.ping(), "PONG");
            } finally {
                client.close();
            }
        });
    });
}
