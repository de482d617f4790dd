/**
 * Process-wide counters behind `getStatistics()`: connections open to servers and clients alive,
 * across every client of this module (as GLIDE's core counts them).
 */
const counters = { connections: 0, clients: 0 };

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
    /** GLIDE reports its counters as decimal strings. */
    snapshot(): { total_connections: string; total_clients: string } {
        return { total_connections: String(counters.connections), total_clients: String(counters.clients) };
    },
};

/** The process-wide counters, as GLIDE's index exports them (clients' getStatistics() gives the same). */
export function getStatistics(): object {
    return statistics.snapshot();
}
