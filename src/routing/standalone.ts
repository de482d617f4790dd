import { backoffDelay, sleep } from "../connection/backoff";
import { connectReason, connectTimedOut, isPermanentFailure } from "../connection/connect-failure";
import { Connection, type ConnectionHooks } from "../connection/connection";
import type { ResolvedConfig } from "../client/config";
import { noPrimary, standaloneUnreachable } from "./initial-connect";
import { ReadSelector } from "./read-from";

/**
 * Standalone topology: one primary and optional replicas, each behind one connection. The primary
 * is the node whose handshake reports role "master"; with a single address, that address.
 */
export class StandaloneRouter {
    readonly nodes: Connection[];
    #primary: Connection | undefined;
    #replicas: Connection[] = [];
    readonly #selector: ReadSelector;
    #connecting: Promise<void> | undefined;
    #connectedOnce = false;

    constructor(config: ResolvedConfig, hooks: ConnectionHooks = {}) {
        this.nodes = config.addresses.map(({ host, port }) => {
            const [resolvedHost, resolvedPort] = config.addressResolver?.(host, port) ?? [host, port];
            return new Connection({ ...config.connection, host: resolvedHost, port: resolvedPort }, hooks);
        });
        this.#selector = new ReadSelector(config.readFrom, config.clientAz);
        if (this.nodes.length === 1) this.#primary = this.nodes[0];
    }

    /** Connected once: until then (lazy connect) the first command makes the client's first connection, as GLIDE's. */
    get connected(): boolean {
        return this.#connectedOnce && this.#connecting === undefined;
    }

    /** Connects every node in parallel and finds the primary. */
    connect(): Promise<void> {
        this.#connecting ??= this.#connectAll()
            .then(() => {
                this.#connectedOnce = true;
            })
            .finally(() => (this.#connecting = undefined));
        return this.#connecting;
    }

    async #connectAll(): Promise<void> {
        if (this.nodes.length === 1) return this.#connectUntilDeadline(this.nodes[0]);
        const results = await Promise.allSettled(this.nodes.map((node) => node.connect()));
        const up = this.nodes.filter((_, index) => results[index].status === "fulfilled");
        const primary = up.find((node) => node.facts.role === "master");
        if (primary === undefined) {
            const failed = results.findIndex((result) => result.status === "rejected");
            if (failed < 0) throw noPrimary();
            throw standaloneUnreachable(this.nodes[failed].address, (results[failed] as PromiseRejectedResult).reason);
        }
        this.#primary = primary;
        this.#replicas = this.nodes.filter((node) => node !== primary);
    }

    /**
     * As GLIDE's core: attempts again, with the reconnect backoff, until the connection timeout has
     * passed ("timed out"), unless the server refused the credentials.
     */
    async #connectUntilDeadline(node: Connection): Promise<void> {
        const { connectionTimeoutMs, backoff } = node.options;
        const deadline = performance.now() + connectionTimeoutMs;
        for (let attempt = 0; ; attempt++) {
            try {
                return await node.connect();
            } catch (error) {
                if (node.isClosed) throw error;
                if (isPermanentFailure(error)) throw standaloneUnreachable(node.address, error);
                const delay = backoffDelay(backoff, attempt);
                if (performance.now() + delay >= deadline) {
                    // An attempt that timed out itself says why (a TLS handshake nobody answered).
                    const timedOut = connectReason(error).startsWith("timed out") ? error : connectTimedOut(node.address, connectionTimeoutMs);
                    throw standaloneUnreachable(node.address, timedOut);
                }
                await sleep(delay);
            }
        }
    }

    get primary(): Connection {
        // Before discovery (lazy connect with several addresses) the first address stands in.
        return this.#primary ?? this.nodes[0];
    }

    get replicas(): readonly Connection[] {
        return this.#replicas;
    }

    /** The node that serves a read-only command under the configured ReadFrom strategy. */
    forRead(): Connection {
        return this.#replicas.length === 0 ? this.primary : this.#selector.pick(this.primary, this.#replicas);
    }

    close(error?: Error): void {
        for (const node of this.nodes) node.close(error);
    }
}
