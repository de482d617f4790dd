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
import { rawCommandParsed, startCluster, type ClusterHandle, type Reply } from "../helpers/servers";
import { sleep } from "../helpers/wait";
import { Traffic } from "./cluster-traffic";

interface Node {
    host: string;
    port: number;
    id: string;
}

const raw = (node: Node, ...args: (string | number)[]): Promise<Reply> => rawCommandParsed(node.host, node.port, args.map(String));

async function ownerOf(nodes: Node[], slot: number): Promise<Node> {
    const ranges = (await raw(nodes[0], "CLUSTER", "SLOTS")) as Reply[][];
    const range = ranges.find((entry) => (entry[0] as number) <= slot && slot <= (entry[1] as number))!;
    const port = (range[2] as Reply[])[1] as number;
    return nodes.find((node) => node.port === port)!;
}

/** Moves one slot from `source` to `target`, key batch by key batch, pausing between batches. */
async function migrateSlot(nodes: Node[], slot: number, source: Node, target: Node): Promise<number> {
    await raw(target, "CLUSTER", "SETSLOT", slot, "IMPORTING", source.id);
    await raw(source, "CLUSTER", "SETSLOT", slot, "MIGRATING", target.id);
    let moved = 0;
    for (;;) {
        const keys = (await raw(source, "CLUSTER", "GETKEYSINSLOT", slot, 5)) as string[];
        if (keys.length === 0) break;
        await raw(source, "MIGRATE", target.host, target.port, "", 0, 5000, "KEYS", ...keys);
        moved += keys.length;
        await sleep(30);
    }
    await raw(target, "CLUSTER", "SETSLOT", slot, "NODE", target.id);
    await raw(source, "CLUSTER", "SETSLOT", slot, "NODE", target.id);
    for (const node of nodes) if (node !== source && node !== target) await raw(node, "CLUSTER", "SETSLOT", slot, "NODE", target.id);
    return moved;
}

/** Redirection replies the nodes have sent, from INFO errorstats. */
async function redirectsSent(nodes: Node[]): Promise<{ ask: number; moved: number }> {
    let ask = 0;
    let moved = 0;
    for (const node of nodes) {
        const info = String(await raw(node, "INFO", "errorstats"));
        ask += Number(/^errorstat_ASK:count=(\d+)/m.exec(info)?.[1] ?? 0);
        moved += Number(/^errorstat_MOVED:count=(\d+)/m.exec(info)?.[1] ?? 0);
    }
    return { ask, moved };
}

describe("cluster resharding under traffic", () => {
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
                const movedOut = await migrateSlot(nodes, slot, source, target);
                await sleep(300);
                const movedBack = await migrateSlot(nodes, slot, target, source);
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
