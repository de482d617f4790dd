/**
 * Server commands with cluster routes (scripts, functions, memory, latency, persistence) on a
 * cluster of its own, since they change server-wide state. RESP2 and RESP3.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { FlushMode, GlideClusterClient, InfoOptions } from "../../src";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { startCluster, type ClusterHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const LIBRARY = (name: string) =>
    `#!lua name=${name}\nserver.register_function('${name}_echo', function(keys, args) return args[1] end)\n` +
    `server.register_function{function_name='${name}_ro', callback=function(keys, args) return #args end, flags={'no-writes'}}`;

describe("cluster server commands", () => {
    let cluster: ClusterHandle;
    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
    });
    after(async () => cluster?.stop());

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
                assert.equal(await client.functionDelete(library), "OK");
                await assert.rejects(client.fcallWithRoute(`${library}_echo`, ["x"], { route: "randomNode" }));
                assert.equal(await client.functionFlush({ mode: FlushMode.SYNC }), "OK");
                await assert.rejects(client.functionKill(), /NOTBUSY/);
            });

            it("scripts: exists is combined with a logical and across primaries; flush and kill", async () => {
                const sha = String(await client.customCommand(["SCRIPT", "LOAD", "return 1"], { route: "allNodes" }));
                assert.deepEqual(await client.scriptExists([sha, "0".repeat(40)]), [true, false]);
                await client.customCommand(["SCRIPT", "FLUSH"], { route: { type: "primarySlotId", id: 0 } });
                assert.deepEqual(await client.scriptExists([sha]), [false], "false once one primary lacks it");
                assert.equal(await client.scriptFlush({ mode: FlushMode.ASYNC }), "OK");
                await assert.rejects(client.scriptKill(), /NOTBUSY/);
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
                assert.equal(await client.clientUnpause({ route: "allNodes" }), "OK");
                await assert.rejects(client.configRewrite({ route: "allNodes" }), /without a config file/);
                assert.equal(await client.configResetStat(), "OK");
                assert.equal(await client.unwatch(), "OK");
                assert.equal(await client.flushall({ mode: FlushMode.SYNC }), "OK");
                assert.equal(await client.dbsize(), 0);
            });
        });
    }
});
