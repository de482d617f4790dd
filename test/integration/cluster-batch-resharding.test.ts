/**
 * A cluster pipeline over every one of the 16384 slots, run again and again while a slot migrates
 * between primaries: the commands that meet ASK or MOVED are resent alone and their replies still
 * land in their place, in batch order. Own cluster, since it changes the slot map.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ClusterBatch, GlideClusterClient, ProtocolVersion } from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { uniqueKey } from "../helpers/clients";
import { startCluster, type ClusterHandle } from "../helpers/servers";
import { migrateSlot, ownerOf, redirectsSent, withNodeIds, type ClusterNode as Node } from "../helpers/slot-migration";

const SLOTS = 16384;

/** One key per slot, found by counting up. */
function keyPerSlot(prefix: string): string[] {
    const keys: string[] = new Array(SLOTS);
    let found = 0;
    for (let i = 0; found < SLOTS; i++) {
        if (i > 2_000_000) throw new Error(`only ${found} slots reached with prefix ${prefix}`);
        const key = `${prefix}${i}`;
        const slot = keySlot(key);
        if (keys[slot] === undefined) {
            keys[slot] = key;
            found++;
        }
    }
    return keys;
}

describe("cluster pipeline across all slots during a slot migration", () => {
    let cluster: ClusterHandle;
    let nodes: Node[];

    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
        nodes = await withNodeIds(cluster.seeds);
    });
    after(async () => cluster?.stop());

    for (const protocol of [ProtocolVersion.RESP3, ProtocolVersion.RESP2]) {
        it(`every slot's SET and GET reply in batch order while a slot moves (${ProtocolVersion[protocol]})`, async () => {
            const client = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], protocol, requestTimeout: 10_000 });
            try {
                // No hash tag here: each key must hash by its whole name.
                const prefix = `${uniqueKey("all").slice(1, -1)}-`;
                const perSlot = keyPerSlot(prefix);
                const slot = keySlot(perSlot[0]);
                // Many keys in the migrating slot, so the migration spans many pipelines.
                const tag = perSlot[0];
                const crowd = Array.from({ length: 300 }, (_, i) => `{${tag}}:${i}`);
                assert.ok(crowd.every((key) => keySlot(key) === slot));
                const keys = [...perSlot, ...crowd];

                const round = async (value: string) => {
                    const batch = new ClusterBatch(false);
                    for (const key of keys) batch.set(key, value).get(key);
                    const replies = (await client.exec(batch, true))!;
                    assert.equal(replies.length, keys.length * 2);
                    for (let i = 0; i < keys.length; i++) {
                        if (replies[2 * i] !== "OK" || replies[2 * i + 1] !== value) {
                            assert.fail(`${keys[i]} (slot ${keySlot(keys[i])}): ${String(replies[2 * i])}, ${String(replies[2 * i + 1])} instead of OK, ${value}`);
                        }
                    }
                };
                await round("start");

                const source = await ownerOf(nodes, slot);
                const target = nodes.find((node) => node !== source)!;
                const redirectsBefore = await redirectsSent(nodes);
                let migrating = true;
                const migration = (async () => {
                    try {
                        return (await migrateSlot(nodes, slot, source, target)) + (await migrateSlot(nodes, slot, target, source));
                    } finally {
                        migrating = false;
                    }
                })();
                let rounds = 0;
                while (migrating) await round(`round-${++rounds}`);
                const moved = await migration;
                await round("end");
                const redirectsAfter = await redirectsSent(nodes);
                const redirects = redirectsAfter.ask + redirectsAfter.moved - (redirectsBefore.ask + redirectsBefore.moved);

                assert.ok(moved >= 2 * crowd.length, `keys migrated: ${moved}`);
                assert.ok(rounds >= 3, `pipelines during the migration: ${rounds}`);
                assert.ok(redirects > 0, `the pipelines met ASK/MOVED ${redirects} times`);
                console.log(`pipeline resharding ${ProtocolVersion[protocol]}: ${rounds} pipelines of ${keys.length * 2} commands during the migration, ${redirects} redirections followed`);
            } finally {
                client.close();
            }
        });
    }
});
