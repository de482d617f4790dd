import { isLogged, Level, log } from "../../observability/core-log";

/** One shard by node address: what the log compares between two topologies. */
export interface ShardAddresses {
    primary: string;
    replicas: string[];
}

/**
 * Logs the applied topology at Info, as GLIDE's core logs its slot refreshes: the first discovery,
 * then each change: failovers (a replica of before now a primary) and how many slots changed primary.
 */
export function logTopologyChange(
    before: { shards: ShardAddresses[]; slotOwners: (string | undefined)[] } | undefined,
    after: { shards: ShardAddresses[]; slotOwners: (string | undefined)[] },
): void {
    const summary = `${after.shards.length} primaries, ${after.shards.reduce((sum, shard) => sum + shard.replicas.length, 0)} replicas`;
    if (!isLogged(Level.Info)) return;
    if (before === undefined) {
        log(Level.Info, "cluster topology", `discovered ${summary}`);
        return;
    }
    const replicaOf = new Map(before.shards.flatMap((shard) => shard.replicas.map((replica) => [replica, shard.primary] as const)));
    for (const shard of after.shards) {
        const formerPrimary = replicaOf.get(shard.primary);
        if (formerPrimary !== undefined) log(Level.Info, "cluster topology", `failover: ${shard.primary} is now a primary, replacing ${formerPrimary}`);
    }
    let moved = 0;
    for (let slot = 0; slot < after.slotOwners.length; slot++) if (after.slotOwners[slot] !== before.slotOwners[slot]) moved++;
    log(Level.Info, "cluster topology", `changed: ${moved} slots changed primary; now ${summary}`);
}
