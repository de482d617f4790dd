import { Connection, type ConnectionHooks } from "../connection/connection";
import type { ConnectionOptions } from "../connection/options";

/**
 * Connections reserved for blocking commands (BLPOP, XREAD BLOCK, WAIT, …), so that a command the
 * server parks for seconds never holds up the shared connection. Each blocking call takes a
 * connection of its own; a few idle ones are kept for reuse.
 */
export class BlockingPool {
    readonly #idle = new Map<string, Connection[]>();
    readonly #busy = new Set<Connection>();
    #closed = false;

    constructor(
        readonly maxIdlePerNode = 4,
        private readonly hooks: ConnectionHooks = {},
    ) {}

    /** Connections waiting for their next blocking call (busy ones are parked on the server). */
    get idleConnections(): Connection[] {
        return [...this.#idle.values()].flat().filter((connection) => !connection.isClosed);
    }

    acquire(options: ConnectionOptions): Connection {
        const key = `${options.host}:${options.port}`;
        const idle = this.#idle.get(key);
        let connection = idle?.pop();
        while (connection !== undefined && connection.isClosed) connection = idle?.pop();
        connection ??= new Connection(options, this.hooks);
        this.#busy.add(connection);
        return connection;
    }

    /** Returns a connection after its blocking call settled; closes it if the pool is full. */
    release(connection: Connection): void {
        this.#busy.delete(connection);
        const idle = this.#idle.get(connection.address) ?? [];
        // A connection whose call timed out may still be parked on the server: do not reuse it.
        if (this.#closed || connection.pending > 0 || idle.length >= this.maxIdlePerNode) {
            connection.close();
            return;
        }
        idle.push(connection);
        this.#idle.set(connection.address, idle);
    }

    close(error?: Error): void {
        this.#closed = true;
        for (const connection of this.#busy) connection.close(error);
        for (const list of this.#idle.values()) for (const connection of list) connection.close(error);
        this.#busy.clear();
        this.#idle.clear();
    }
}
