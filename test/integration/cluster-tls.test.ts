/** GlideClusterClient over TLS, on a TLS-only cluster of its own. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClusterClient } from "../../src";
import { uniqueKey } from "../helpers/clients";
import { tlsSkipReason } from "../helpers/shared";
import { generateTlsFiles, makeRunSubdir, startCluster, type ClusterHandle, type TlsFiles } from "../helpers/servers";

describe("cluster over TLS", async () => {
    const skip = await tlsSkipReason();
    let cluster: ClusterHandle | undefined;
    let files: TlsFiles;

    before(async () => {
        if (skip) return;
        files = await generateTlsFiles(makeRunSubdir("cluster-tls-files"));
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0, tls: files });
    });
    after(async () => cluster?.stop());

    it("discovers the nodes and serves keyed and multi-slot commands", { skip }, async () => {
        const client = await GlideClusterClient.createClient({
            addresses: [cluster!.seeds[0]],
            useTLS: true,
            requestTimeout: 2000,
            advancedConfiguration: { tlsAdvancedConfiguration: { rootCertificates: files.ca } },
        });
        try {
            const keys = Array.from({ length: 30 }, () => uniqueKey("tls"));
            assert.equal(await client.mset(Object.fromEntries(keys.map((key) => [key, key]))), "OK");
            assert.deepEqual(await client.mget(keys), keys);
            const everyNode = (await client.echo("hi", { route: "allNodes" })) as Record<string, string>;
            assert.equal(Object.keys(everyNode).length, 3);
        } finally {
            client.close();
        }
    });
});
