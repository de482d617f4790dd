/** Moving a slot between primaries of a test cluster, for the resharding and pub/sub move tests. */
import { rawCommandParsed, type Address, type Reply } from "./servers";
import { sleep } from "./wait";

export interface ClusterNode extends Address {
    id: string;
}

/** A raw command to one node (numbers written as text). */
export function nodeCommand(node: Address, ...args: (string | number)[]): Promise<Reply> {
    return rawCommandParsed(node.host, node.port, args.map(String));
}

/** Every seed with its node id. */
export function withNodeIds(seeds: Address[]): Promise<ClusterNode[]> {
    return Promise.all(seeds.map(async ({ host, port }) => ({ host, port, id: String(await nodeCommand({ host, port }, "CLUSTER", "MYID")) })));
}

/** The port of the primary serving `slot`, as `node` sees the slot map. */
export async function ownerPort(node: Address, slot: number): Promise<number> {
    const ranges = (await nodeCommand(node, "CLUSTER", "SLOTS")) as Reply[][];
    const range = ranges.find((entry) => (entry[0] as number) <= slot && slot <= (entry[1] as number))!;
    return (range[2] as Reply[])[1] as number;
}

/** The node serving `slot`, as the first node sees the slot map. */
export async function ownerOf(nodes: ClusterNode[], slot: number): Promise<ClusterNode> {
    const port = await ownerPort(nodes[0], slot);
    return nodes.find((node) => node.port === port)!;
}

/**
 * Moves one slot from `source` to `target`: IMPORTING/MIGRATING, its keys batch by batch with a
 * pause between batches (so traffic meets ASK), then the new owner announced to every node.
 * Returns how many keys moved.
 */
export async function migrateSlot(
    nodes: ClusterNode[],
    slot: number,
    source: ClusterNode,
    target: ClusterNode,
    { keysPerBatch = 10, pauseMs = 20 } = {},
): Promise<number> {
    await nodeCommand(target, "CLUSTER", "SETSLOT", slot, "IMPORTING", source.id);
    await nodeCommand(source, "CLUSTER", "SETSLOT", slot, "MIGRATING", target.id);
    let moved = 0;
    for (;;) {
        const keys = (await nodeCommand(source, "CLUSTER", "GETKEYSINSLOT", slot, keysPerBatch)) as string[];
        if (keys.length === 0) break;
        await nodeCommand(source, "MIGRATE", target.host, target.port, "", 0, 5000, "KEYS", ...keys);
        moved += keys.length;
        await sleep(pauseMs);
    }
    for (const node of [target, source, ...nodes.filter((n) => n !== source && n !== target)]) {
        await nodeCommand(node, "CLUSTER", "SETSLOT", slot, "NODE", target.id);
    }
    return moved;
}

/** ASK and MOVED replies the nodes have sent so far (their INFO errorstats, summed). */
export async function redirectsSent(nodes: Address[]): Promise<{ ask: number; moved: number }> {
    let ask = 0;
    let moved = 0;
    for (const node of nodes) {
        const info = String(await nodeCommand(node, "INFO", "errorstats"));
        ask += Number(/^errorstat_ASK:count=(\d+)/m.exec(info)?.[1] ?? 0);
        moved += Number(/^errorstat_MOVED:count=(\d+)/m.exec(info)?.[1] ?? 0);
    }
    return { ask, moved };
}
