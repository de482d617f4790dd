import { infoField, rawCommandText } from "./resp";
import { rawTlsOptions, startStandalone, type ServerHandle } from "./standalone";
import { waitFor } from "./wait";

export interface ReplicaPair {
    primary: ServerHandle;
    replica: ServerHandle;
    stop(): Promise<void>;
}

/** A primary and one replica of it, returned once the replication link is up. */
export async function startPrimaryWithReplica(options: { args?: string[] } = {}): Promise<ReplicaPair> {
    const args = options.args ?? [];
    const primary = await startStandalone({ args, name: "primary" });
    let replica: ServerHandle | undefined;
    try {
        replica = await startStandalone({ args: [...args, "--replicaof", primary.host, String(primary.port)], name: "replica" });
        await waitForReplicationLink(replica);
    } catch (error) {
        await Promise.all([primary.stop(), replica?.stop()]);
        throw error;
    }
    const started = replica;
    return {
        primary,
        replica: started,
        stop: async () => {
            await Promise.all([primary.stop(), started.stop()]);
        },
    };
}

/** Waits until the replica reports `master_link_status:up`. */
export async function waitForReplicationLink(replica: ServerHandle, timeoutMs = 15_000): Promise<void> {
    await waitFor(
        `replica ${replica.port} to connect to its primary`,
        async () => {
            const info = await rawCommandText(replica.host, replica.port, ["INFO", "replication"], rawTlsOptions(replica.tls));
            const status = infoField(info, "master_link_status");
            return status === "up" || `master_link_status is ${status ?? "missing"}`;
        },
        { timeoutMs },
    );
}
