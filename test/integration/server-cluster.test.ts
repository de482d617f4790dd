/**
 * Server and connection methods of the cluster client: clientTrackingInfo, memoryStats,
 * latencyLatest/History (records per node by default, one reply with a single-node route), reset,
 * updateConnectionPassword on every node, getStatistics, and the caching / IAM methods that reject
 * without their configuration. On a cluster of this file's own (passwords, latency settings).
 * RESP2 and RESP3.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import {
    ClientTrackingInfo,
    ConfigurationError,
    GlideClient,
    GlideClusterClient,
    GlideClusterClientConfiguration,
    LatencyEntry,
    LatencyEventInfo,
    ProtocolVersion,
    RequestError,
    type MemoryStats,
} from "../../src";
import { newStandaloneClient, PROTOCOLS, uniqueKey } from "../helpers/clients";
import { startCluster, type ClusterHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

type Statistics = { total_connections: string; total_clients: string };

const CACHE_METRICS = [
    "getCacheHitRate",
    "getCacheMissRate",
    "getCacheEntryCount",
    "getCacheEvictions",
    "getCacheExpirations",
    "getCacheTotalLookups",
] as const;

function nodeRecord<T>(value: T | Record<string, T>, nodes: number): Record<string, T> {
    assert.equal(typeof value, "object");
    assert.ok(value !== null && !Array.isArray(value) && !(value instanceof ClientTrackingInfo));
    const record = value as Record<string, T>;
    assert.equal(Object.keys(record).length, nodes, `replies from ${Object.keys(record).join(", ")}`);
    for (const address of Object.keys(record)) assert.match(address, /^[\w.-]+:\d+$/);
    return record;
}

/** A customCommand's multi-node reply (a GlideRecord by node address, as GLIDE gives it) as a record. */
function byNode(value: unknown): Record<string, unknown> {
    assert.ok(Array.isArray(value), `expected a GlideRecord by node, got ${JSON.stringify(value)}`);
    return Object.fromEntries((value as { key: string; value: unknown }[]).map(({ key, value }) => [key, value]));
}

function connections(client: { getStatistics(): object }): number {
    return Number((client.getStatistics() as Statistics).total_connections);
}

describe("cluster server and connection methods", () => {
    let cluster: ClusterHandle;
    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1 });
    });
    after(async () => cluster?.stop());

    for (const { name, protocol } of PROTOCOLS) {
        describe(name, () => {
            let client: GlideClusterClient;
            before(async () => {
                client = await GlideClusterClient.createClient({
                    addresses: [cluster.seeds[0]],
                    protocol,
                    requestTimeout: 5000,
                    clientName: "server-cluster",
                });
            });
            after(() => client?.close());

            it("clientTrackingInfo: one node by default, a record per node with a multi-node route", async () => {
                const info = await client.clientTrackingInfo();
                assert.ok(info instanceof ClientTrackingInfo);
                assert.deepEqual(info.flags, new Set(["off"]));
                assert.equal(info.redirect, -1);
                assert.deepEqual(info.prefixes, new Set());
                const perNode = nodeRecord(await client.clientTrackingInfo({ route: "allNodes" }), 6);
                for (const nodeInfo of Object.values(perNode)) assert.deepEqual(nodeInfo, info);
            });

            it("memoryStats: every primary's by default, one with a route", async () => {
                const perPrimary = nodeRecord(await client.memoryStats(), 3);
                for (const stats of Object.values(perPrimary)) {
                    assert.equal(typeof stats.peakAllocated, "number");
                    assert.ok(stats.totalAllocated > 0);
                    assert.equal(typeof stats.db, "object");
                }
                const key = uniqueKey("memory");
                await client.set(key, "v");
                const one = (await client.memoryStats({ route: { type: "primarySlotKey", key } })) as MemoryStats;
                assert.ok(one.keysCount >= 1);
                assert.ok(one.db[0].overheadHashtableMain > 0);
            });

            it("latencyLatest and latencyHistory: every primary's by default, one with a route", async () => {
                const key = uniqueKey("latency");
                const route = { type: "primarySlotKey", key } as const;
                await client.configSet({ "latency-monitor-threshold": "1" }, { route: "allNodes" });
                try {
                    await client.latencyReset(undefined, { route: "allNodes" });
                    for (const events of Object.values(nodeRecord(await client.latencyLatest(), 3))) assert.deepEqual(events, []);
                    for (const history of Object.values(nodeRecord(await client.latencyHistory("command"), 3))) assert.deepEqual(history, []);

                    const before = Math.floor(Date.now() / 1000);
                    await client.customCommand(["DEBUG", "SLEEP", "0.03"], { route });
                    const latest = (await client.latencyLatest({ route })) as LatencyEventInfo[];
                    assert.equal(latest.length, 1);
                    assert.ok(latest[0] instanceof LatencyEventInfo);
                    assert.equal(latest[0].eventName, "command");
                    assert.ok(latest[0].latestDuration >= 30);
                    assert.ok(latest[0].latestTime >= before && latest[0].latestTime <= before + 2);
                    const history = (await client.latencyHistory("command", { route })) as LatencyEntry[];
                    assert.equal(history.length, 1);
                    assert.ok(history[0] instanceof LatencyEntry);
                    assert.deepEqual({ ...history[0] }, { time: latest[0].latestTime, latency: latest[0].latestDuration });
                    // The other nodes saw nothing.
                    const everywhere = nodeRecord(await client.latencyLatest(), 3);
                    assert.equal(Object.values(everywhere).filter((events) => events.length === 1).length, 1);
                } finally {
                    await client.latencyReset(undefined, { route: "allNodes" });
                    await client.configSet({ "latency-monitor-threshold": "0" }, { route: "allNodes" });
                }
            });

            it("reset: the connection it runs on is set up again (name, protocol) and keeps working", async () => {
                for (let i = 0; i < 3; i++) assert.equal(await client.reset(), "RESET");
                const names = nodeRecord(await client.clientGetName({ route: "allPrimaries" }), 3);
                assert.deepEqual(Object.values(names), ["server-cluster", "server-cluster", "server-cluster"]);
                const protocols = nodeRecord(byNode(await client.customCommand(["CLIENT", "INFO"], { route: "allPrimaries" })), 3);
                const resp = protocol === ProtocolVersion.RESP2 ? 2 : 3;
                for (const info of Object.values(protocols)) assert.match(String(info), new RegExp(` resp=${resp} `));
                const key = uniqueKey("reset");
                assert.equal(await client.set(key, "after-reset"), "OK");
                assert.equal(await client.get(key), "after-reset");
            });

            it("getCache* reject without a client-side cache, refreshIamToken without IAM", async () => {
                for (const method of CACHE_METRICS) {
                    await assert.rejects(client[method](), (error: unknown) => {
                        assert.ok(error instanceof RequestError, `${method}: ${String(error)}`);
                        assert.match(error.message, /Client-side caching is not enabled/);
                        return true;
                    });
                }
                await assert.rejects(client.refreshIamToken(), (error: unknown) => {
                    assert.ok(error instanceof ConfigurationError);
                    assert.match(error.message, /IAM/);
                    return true;
                });
            });
        });

        describe(`updateConnectionPassword on every node (${name})`, () => {
            let client: GlideClusterClient;
            /** Keeps its connections (SKIPME) to set passwords and kill the client's connections. */
            let admin: GlideClusterClient;

            const channel = uniqueKey("password-news");

            before(async () => {
                const config = { addresses: [cluster.seeds[0]], protocol, requestTimeout: 5000 };
                admin = await GlideClusterClient.createClient(config);
                client = await GlideClusterClient.createClient({
                    ...config,
                    pubsubSubscriptions: {
                        channelsAndPatterns: { [GlideClusterClientConfiguration.PubSubChannelModes.Exact]: new Set([channel]) },
                    },
                });
            });
            after(async () => {
                await admin?.configSet({ requirepass: "", masterauth: "" }, { route: "allNodes" }).catch(() => undefined);
                client?.close();
                admin?.close();
            });

            async function setServerPassword(password: string): Promise<void> {
                assert.equal(await admin.configSet({ requirepass: password, masterauth: password }, { route: "allNodes" }), "OK");
                await admin.updateConnectionPassword(password === "" ? null : password);
            }

            async function killClientConnections(): Promise<void> {
                const killed = nodeRecord(
                    byNode(await admin.customCommand(["CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"], { route: "allNodes" })),
                    6,
                );
                assert.ok(Object.values(killed).some((count) => Number(count) > 0));
                const subscribers = nodeRecord(byNode(await admin.customCommand(["CLIENT", "KILL", "TYPE", "pubsub"], { route: "allNodes" })), 6);
                assert.equal(Object.values(subscribers).reduce<number>((sum, count) => sum + Number(count), 0), 1);
            }

            /** The subscriber connection came back (authenticated) and receives a published message. */
            async function publishedMessageArrives(): Promise<void> {
                await waitFor("the subscriber to be back", async () =>
                    (await admin.pubsubNumSub([channel]))[0].numSub === 1 ? true : "not subscribed",
                );
                const text = uniqueKey("message");
                await admin.publish(text, channel);
                let message = await client.getPubSubMessage();
                while (String(message.message) !== text) message = await client.getPubSubMessage();
            }

            async function commandsWork(label: string): Promise<void> {
                for (const prefix of ["a", "b", "c", "d", "e", "f"]) {
                    const key = uniqueKey(`${label}-${prefix}`);
                    assert.equal(await client.set(key, label), "OK");
                    assert.equal(await client.get(key), label);
                }
                assert.equal(await client.blpop([uniqueKey("blocking")], 0.05), null);
                nodeRecord(await client.clientId({ route: "allNodes" }), 6);
                await publishedMessageArrives();
            }

            it("new password for reconnects: node connections, the blocking pool and the subscriber authenticate with it", async () => {
                // Leaves an idle blocking-pool connection authenticated the old way.
                assert.equal(await client.blpop([uniqueKey("blocking")], 0.05), null);
                await setServerPassword("cluster-second");
                assert.equal(await client.updateConnectionPassword("cluster-second"), "OK");
                await killClientConnections();
                await commandsWork("second");
            });

            it("immediateAuth sends AUTH on every live connection; a refused password rejects", async () => {
                await setServerPassword("cluster-third");
                assert.equal(await client.updateConnectionPassword("cluster-third", true), "OK");
                // Authenticated now, before any reconnect: CLIENT INFO on each node shows the user.
                const infos = nodeRecord(byNode(await client.customCommand(["CLIENT", "INFO"], { route: "allNodes" })), 6);
                for (const info of Object.values(infos)) assert.match(String(info), / user=default /);
                await killClientConnections();
                await commandsWork("third");
                await assert.rejects(client.updateConnectionPassword("wrong-password", true), (error: unknown) => {
                    assert.ok(error instanceof RequestError);
                    assert.match(error.message, /^WRONGPASS/);
                    return true;
                });
                await assert.rejects(client.updateConnectionPassword("", true), RequestError);
                assert.equal(await client.updateConnectionPassword("cluster-third"), "OK");
            });

            it("null drops the password once the servers need none", async () => {
                await setServerPassword("");
                assert.equal(await client.updateConnectionPassword(null), "OK");
                await killClientConnections();
                await commandsWork("none");
            });
        });
    }

    describe("getStatistics across both clients", () => {
        /** The statistics but the time of the last subscription check, which every client's check moves. */
        const withoutSyncStamp = (statistics: object) => ({ ...statistics, subscription_last_sync_timestamp: "any" });

        it("counts the cluster client's node and blocking-pool connections, and clients, shared with GlideClient", async () => {
            const standalone: GlideClient = await newStandaloneClient(PROTOCOLS[1].protocol);
            let clusterClient: GlideClusterClient | undefined;
            try {
                const before = standalone.getStatistics() as Statistics;
                clusterClient = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 5000 });
                const nodes = Object.keys(nodeRecord(await clusterClient.clientId({ route: "allNodes" }), 6)).length;
                const during = clusterClient.getStatistics() as Statistics;
                assert.equal(Number(during.total_clients), Number(before.total_clients) + 1);
                assert.equal(Number(during.total_connections), Number(before.total_connections) + nodes);
                assert.deepEqual(withoutSyncStamp(standalone.getStatistics()), withoutSyncStamp(during));

                // A blocking call's connection stays open in the pool, and counts.
                assert.equal(await clusterClient.blpop([uniqueKey("statistics")], 0.05), null);
                assert.equal(connections(standalone), Number(during.total_connections) + 1);

                clusterClient.close();
                assert.deepEqual(withoutSyncStamp(standalone.getStatistics()), withoutSyncStamp(before));
            } finally {
                clusterClient?.close();
                standalone.close();
            }
        });
    });
});
