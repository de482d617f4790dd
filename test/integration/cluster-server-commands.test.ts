/**
 * Server commands with cluster routes (scripts, functions, memory, latency, persistence) and
 * AZ-affinity reads, on a cluster of its own since they change server-wide state. RESP2 and RESP3.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ClientPauseMode, FlushMode, FunctionRestorePolicy, GlideClusterClient, InfoOptions } from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { startCluster, type ClusterHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const LIBRARY = (name: string) =>
    `#!lua name=${name}\nserver.register_function('${name}_echo', function(keys, args) return args[1] end)\n` +
    `server.register_function{function_name='${name}_ro', callback=function(keys, args) return #args end, flags={'no-writes'}}`;

describe("cluster server commands", () => {
    let cluster: ClusterHandle;
    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1 });
    });
    after(async () => cluster?.stop());

    it("AZAffinityReplicasAndPrimary reads go to the primary when it alone shares the client's zone", async () => {
        const probe = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 5000 });
        const key = uniqueKey("az");
        let localPrimary: number;
        let otherZoneReplica: number;
        try {
            await probe.set(key, "v");
            const ranges = (await probe.customCommand(["CLUSTER", "SLOTS"])) as unknown[][];
            const shard = ranges.find((range) => (range[0] as number) <= keySlot(key) && keySlot(key) <= (range[1] as number))!;
            localPrimary = (shard[2] as unknown[])[1] as number;
            otherZoneReplica = (shard[3] as unknown[])[1] as number;
            for (const node of cluster.seeds) {
                const zone = node.port === localPrimary ? "zone-b" : "zone-a";
                await probe.configSet({ "availability-zone": zone }, { route: { type: "routeByAddress", host: node.host, port: node.port } });
            }
            await probe.customCommand(["WAIT", "1", "1000"], { route: { type: "primarySlotKey", key } });
        } finally {
            probe.close();
        }
        const reader = await GlideClusterClient.createClient({
            addresses: [cluster.seeds[0]],
            requestTimeout: 5000,
            readFrom: "AZAffinityReplicasAndPrimary",
            clientAz: "zone-b",
        });
        try {
            const calls = async (port: number) =>
                Number(
                    /^cmdstat_get:calls=(\d+)/m.exec(
                        (await reader.info({
                            sections: [InfoOptions.Commandstats],
                            route: { type: "routeByAddress", host: cluster.seeds[0].host, port },
                        })) as string,
                    )?.[1] ?? 0,
                );
            const [primaryBefore, replicaBefore] = [await calls(localPrimary), await calls(otherZoneReplica)];
            for (let i = 0; i < 10; i++) assert.equal(await reader.get(key), "v");
            assert.equal((await calls(localPrimary)) - primaryBefore, 10);
            assert.equal(await calls(otherZoneReplica), replicaBefore);
        } finally {
            reader.close();
        }
    });

    for (const { name, protocol } of PROTOCOLS) {
        describe(name, () => {
            let client: GlideClusterClient;
            before(async () => {
                client = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], protocol, requestTimeout: 5000 });
            });
            after(() => client?.close());

            it("functions: load on every primary, call with a route, dump, delete, flush", async () => {
                const library = `lib${uniqueKey().replace(/[^a-z0-9]/g, "")}`;
                assert.equal(await client.functionLoad(LIBRARY(library)), library);
                assert.equal(await client.functionLoad(LIBRARY(library), { replace: true }), library);
                assert.equal(await client.fcallWithRoute(`${library}_echo`, ["hello"], { route: "randomNode" }), "hello");
                const everywhere = (await client.fcallReadonlyWithRoute(`${library}_ro`, ["a", "b"], { route: "allPrimaries" })) as Record<string, number>;
                assert.deepEqual(Object.values(everywhere), [2, 2, 2]);
                const dump = await client.functionDump({ route: "randomNode" });
                assert.ok(Buffer.isBuffer(dump) && dump.length > 0);
                assert.equal(await client.functionFlush({ route: "allPrimaries" }), "OK");
                assert.equal(await client.functionRestore(dump as Buffer, { route: "allPrimaries" }), "OK");
                await assert.rejects(client.functionRestore(dump as Buffer, { route: "allPrimaries" }), /already exists/);
                assert.equal(await client.functionRestore(dump as Buffer, { policy: FunctionRestorePolicy.REPLACE, route: "allPrimaries" }), "OK");
                assert.equal(await client.fcallWithRoute(`${library}_echo`, ["restored"], { route: "randomNode" }), "restored");
                assert.equal(await client.functionDelete(library), "OK");
                await assert.rejects(client.fcallWithRoute(`${library}_echo`, ["x"], { route: "randomNode" }));
                assert.equal(await client.functionFlush({ mode: FlushMode.SYNC }), "OK");
                await assert.rejects(client.functionKill(), { message: "An error was signalled by the server: - NotBusy: No scripts in execution right now." });
            });

            it("scripts: exists is combined with a logical and across primaries; flush and kill", async () => {
                const sha = String(await client.customCommand(["SCRIPT", "LOAD", "return 1"], { route: "allNodes" }));
                assert.deepEqual(await client.scriptExists([sha, "0".repeat(40)]), [true, false]);
                await client.customCommand(["SCRIPT", "FLUSH"], { route: { type: "primarySlotId", id: 0 } });
                assert.deepEqual(await client.scriptExists([sha]), [false], "false once one primary lacks it");
                assert.equal(await client.scriptFlush({ mode: FlushMode.ASYNC }), "OK");
                await assert.rejects(client.scriptKill(), { message: "An error was signalled by the server: - NotBusy: No scripts in execution right now." });
            });

            it("memory, latency and persistence commands", async () => {
                const doctor = (await client.memoryDoctor()) as Record<string, string>;
                assert.equal(Object.keys(doctor).length, 3);
                assert.equal(typeof (await client.memoryMallocStats({ route: "randomNode" })), "string");
                assert.equal(await client.memoryPurge(), "OK");
                assert.equal(await client.latencyReset(), 0);
                assert.equal(await client.save({ route: "allPrimaries" }), "OK");
                const bgsave = (await client.bgsave({ route: "allPrimaries" })) as Record<string, string>;
                assert.ok(Object.values(bgsave).every((reply) => /Background saving/.test(reply)));
                await waitFor("background saves to end", async () => {
                    const infos = (await client.info({ sections: [InfoOptions.Persistence] })) as Record<string, string>;
                    return Object.values(infos).every((info) => /^rdb_bgsave_in_progress:0/m.test(info)) || "still saving";
                });
                assert.equal(typeof (await client.lastsave()), "number");
                assert.equal(await client.clientPause(100, ClientPauseMode.WRITE, { route: "allNodes" }), "OK");
                assert.equal(await client.clientUnpause({ route: "allNodes" }), "OK");
                assert.match(String(await client.lolwut({ version: 5, parameters: [10, 2], route: "randomNode" })), /ver/i);
                const everyLolwut = (await client.lolwut({ route: "allPrimaries" })) as Record<string, string>;
                assert.equal(Object.keys(everyLolwut).length, 3);
                await assert.rejects(client.configRewrite({ route: "allNodes" }), /without a config file/);
                assert.equal(await client.configResetStat(), "OK");
                assert.equal(await client.unwatch(), "OK");
                assert.equal(await client.flushall({ mode: FlushMode.SYNC }), "OK");
                assert.equal(await client.dbsize(), 0);
            });
        });
    }
});
