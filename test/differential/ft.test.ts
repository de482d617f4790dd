/**
 * GlideFt through GLIDE 2.5.2 and glide-ts on real servers with the Search module (RediSearch
 * 2.6.37 standing in for valkey-search): standalone and cluster, RESP3 and RESP2. Both sides
 * run the same scenario (ft/module-scenario.ts) and their records must be equal.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { Address } from "../helpers/standalone";
import { moduleSkipReason, startModuleCluster, startModuleStandalone } from "../helpers/module-servers";
import { GLIDE, GLIDE_TS, glideSkipReason, type Side } from "./harness/libraries";
import { runModuleScenario, ScenarioRecord } from "./ft/module-scenario";

const skip = moduleSkipReason ?? glideSkipReason;

async function recordOf(side: Side, cluster: boolean, address: Address, protocol: "RESP2" | "RESP3"): Promise<string[]> {
    const lib = side.lib;
    const Client = cluster ? lib.GlideClusterClient : lib.GlideClient;
    const client = await Client.createClient({ addresses: [address], protocol: lib.ProtocolVersion[protocol], requestTimeout: 3000 });
    try {
        const record = new ScenarioRecord(`ft-${side.name === "GLIDE" ? "g" : "t"}-${protocol}`);
        await runModuleScenario(record, lib, client);
        return record.lines;
    } finally {
        client.close();
    }
}

function compareSides(cluster: boolean, protocol: "RESP2" | "RESP3", address: () => Address): void {
    it(`${cluster ? "cluster" : "standalone"} ${protocol}: every step as GLIDE`, async () => {
        const glide = await recordOf(GLIDE, cluster, address(), protocol);
        const ours = await recordOf(GLIDE_TS, cluster, address(), protocol);
        assert.deepEqual(ours, glide);
    });
}

describe("GlideFt on the Search module, against GLIDE", { skip }, () => {
    describe("standalone", () => {
        let server: Awaited<ReturnType<typeof startModuleStandalone>> | undefined;
        before(async () => {
            server = await startModuleStandalone("ft-differential");
        });
        after(() => server?.stop());
        for (const protocol of ["RESP3", "RESP2"] as const) compareSides(false, protocol, () => ({ host: server!.host, port: server!.port }));
    });

    describe("cluster", () => {
        let cluster: Awaited<ReturnType<typeof startModuleCluster>> | undefined;
        before(async () => {
            cluster = await startModuleCluster();
        });
        after(() => cluster?.stop());
        for (const protocol of ["RESP3", "RESP2"] as const) compareSides(true, protocol, () => cluster!.seeds[0]);
    });
});
