/**
 * A slot migrates between primaries (CLUSTER SETSLOT IMPORTING/MIGRATING, MIGRATE, SETSLOT NODE)
 * while traffic runs on it: ASK and MOVED redirections must never reach the caller. Uses a
 * cluster of its own, since it changes the slot map.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClusterClient, ProtocolVersion } from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { uniqueKey } from "../helpers/clients";
import { startCluster, type ClusterHandle } from "../helpers/servers";
import { migrateSlot, ownerOf, redirectsSent, withNodeIds, type ClusterNode as Node } from "../helpers/slot-migration";
import { sleep } from "../helpers/wait";
import { Traffic } from "./cluster-traffic";

/** Five keys at a time, 30 ms apart: a long window of ASKs under traffic. */
const SLOW_MIGRATION = { keysPerBatch: 5, pauseMs: 30 };

describe("cluster resharding under traffic", () => {
    let cluster: ClusterHandle;
    let nodes: Node[];

    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
        nodes = await withNodeIds(cluster.seeds);
    });
    after(async () => cluster?.stop());

    for (const protocol of [ProtocolVersion.RESP3, ProtocolVersion.RESP2]) {
        it(`a slot moves back and forth without errors reaching the caller (${ProtocolVersion[protocol]})`, async () => {
            const client = await GlideClusterClient.createClient({
                addresses: [cluster.seeds[0]],
                protocol,
                requestTimeout: 2000,
            });
            try {
                const tag = uniqueKey("migrating");
                const slot = keySlot(tag);
                const migrating = Array.from({ length: 8 }, (_, worker) => Array.from({ length: 10 }, (_, i) => `${tag}:${worker}:${i}`));
                const elsewhere = Array.from({ length: 4 }, () => Array.from({ length: 10 }, () => uniqueKey("steady")));
                const traffic = new Traffic(client);
                traffic.start([...migrating, ...elsewhere], 2);
                await sleep(200);

                const source = await ownerOf(nodes, slot);
                const target = nodes.find((node) => node !== source)!;
                const redirectsBefore = await redirectsSent(nodes);
                const started = performance.now();
                const movedOut = await migrateSlot(nodes, slot, source, target, SLOW_MIGRATION);
                await sleep(300);
                const movedBack = await migrateSlot(nodes, slot, target, source, SLOW_MIGRATION);
                const migrationMs = performance.now() - started;
                await sleep(300);
                await traffic.stop();
                const redirectsAfter = await redirectsSent(nodes);
                const asks = redirectsAfter.ask - redirectsBefore.ask;
                const moves = redirectsAfter.moved - redirectsBefore.moved;

                assert.equal((await ownerOf(nodes, slot)).id, source.id);
                assert.ok(movedOut > 0 && movedBack > 0, `keys moved: ${movedOut} out, ${movedBack} back`);
                assert.ok(asks > 0 && moves > 0, `the client met ASK (${asks}) and MOVED (${moves}) replies`);
                assert.deepEqual(traffic.errors.map((entry) => entry.error.message), []);
                assert.deepEqual(await traffic.lostWrites(), []);
                console.log(
                    `resharding ${ProtocolVersion[protocol]}: ${traffic.ops} ops, ${movedOut}+${movedBack} keys migrated in ${Math.round(migrationMs)} ms, ${asks} ASK and ${moves} MOVED followed, 0 errors`,
                );
            } finally {
                client.close();
            }
        });
    }
});
