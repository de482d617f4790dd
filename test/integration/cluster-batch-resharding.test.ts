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
import { rawCommandParsed, startCluster, type ClusterHandle, type Reply } from "../helpers/servers";
import { sleep } from "../helpers/wait";

interface Node {
    host: string;
    port: number;
    id: string;
}

const SLOTS = 16384;
const raw = (node: Node, ...args: (string | number)[]): Promise<Reply> => rawCommandParsed(node.host, node.port, args.map(String));

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

async function ownerOf(nodes: Node[], slot: number): Promise<Node> {
    const ranges = (await raw(nodes[0], "CLUSTER", "SLOTS")) as Reply[][];
    const range = ranges.find((entry) => (entry[0] as number) <= slot && slot <= (entry[1] as number))!;
    return nodes.find((node) => node.port === ((range[2] as Reply[])[1] as number))!;
}

async function redirectsSent(nodes: Node[]): Promise<number> {
    let total = 0;
    for (const node of nodes) {
        const info = String(await raw(node, "INFO", "errorstats"));
        total += Number(/^errorstat_ASK:count=(\d+)/m.exec(info)?.[1] ?? 0) + Number(/^errorstat_MOVED:count=(\d+)/m.exec(info)?.[1] ?? 0);
    }
    return total;
}

/** Moves a slot a few keys at a time (with pauses, so pipelines run in the middle of it). */
async function migrateSlot(nodes: Node[], slot: number, source: Node, target: Node): Promise<number> {
    await raw(target, "CLUSTER", "SETSLOT", slot, "IMPORTING", source.id);
    await raw(source, "CLUSTER", "SETSLOT", slot, "MIGRATING", target.id);
    let moved = 0;
    for (;;) {
        const keys = (await raw(source, "CLUSTER", "GETKEYSINSLOT", slot, 10)) as string[];
        if (keys.length === 0) break;
        await raw(source, "MIGRATE", target.host, target.port, "", 0, 5000, "KEYS", ...keys);
        moved += keys.length;
        await sleep(20);
    }
    for (const node of [target, source, ...nodes.filter((n) => n !== source && n !== target)]) {
        await raw(node, "CLUSTER", "SETSLOT", slot, "NODE", target.id);
    }
    return moved;
}

describe("cluster pipeline across all slots during a slot migration", () => {
    let cluster: ClusterHandle;
    let nodes: Node[];

    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
        nodes = await Promise.all(
            cluster.seeds.map(async ({ host, port }) => ({ host, port, id: String(await rawCommandParsed(host, port, ["CLUSTER", "MYID"])) })),
        );
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
                const redirects = (await redirectsSent(nodes)) - redirectsBefore;

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
