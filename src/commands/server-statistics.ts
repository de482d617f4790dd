/**
 * Process-wide counters behind `getStatistics()`: connections open to servers and clients alive,
 * across every client of this module (as GLIDE's core counts them), and the outcome of the
 * clients' periodic comparisons of desired and actual subscriptions.
 */
const counters = { connections: 0, clients: 0, subscriptionsOutOfSync: 0, subscriptionsLastInSync: 0 };

export const statistics = {
    connectionOpened(): void {
        counters.connections++;
    },
    connectionClosed(): void {
        counters.connections--;
    },
    clientCreated(): void {
        counters.clients++;
    },
    clientClosed(): void {
        counters.clients--;
    },
    /** One comparison of a client's desired and actual subscriptions: when they matched (epoch ms), or one more mismatch. */
    subscriptionsChecked(inSync: boolean): void {
        if (inSync) counters.subscriptionsLastInSync = Date.now();
        else counters.subscriptionsOutOfSync++;
    },
    /**
     * GLIDE reports its counters as decimal strings. glide-ts compresses nothing (yet), so its
     * compression counters are truly 0. The last sync is 0 until a client found its subscriptions in sync.
     */
    snapshot(): Record<string, string> {
        return {
            total_connections: String(counters.connections),
            total_clients: String(counters.clients),
            total_values_compressed: "0",
            total_values_decompressed: "0",
            total_original_bytes: "0",
            total_bytes_compressed: "0",
            total_bytes_decompressed: "0",
            compression_skipped_count: "0",
            subscription_out_of_sync_count: String(counters.subscriptionsOutOfSync),
            subscription_last_sync_timestamp: String(counters.subscriptionsLastInSync),
        };
    },
};

/** The process-wide counters, as GLIDE's index exports them (clients' getStatistics() gives the same). */
export function getStatistics(): object {
    return statistics.snapshot();
}
