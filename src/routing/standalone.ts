import { ConnectionError } from "../errors";
import { Connection, type ConnectionHooks } from "../connection/connection";
import type { ResolvedConfig } from "../client/config";
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

    constructor(config: ResolvedConfig, hooks: ConnectionHooks = {}) {
        this.nodes = config.addresses.map(({ host, port }) => {
            const [resolvedHost, resolvedPort] = config.addressResolver?.(host, port) ?? [host, port];
            return new Connection({ ...config.connection, host: resolvedHost, port: resolvedPort }, hooks);
        });
        this.#selector = new ReadSelector(config.readFrom, config.clientAz);
        if (this.nodes.length === 1) this.#primary = this.nodes[0];
    }

    get connected(): boolean {
        return this.#primary !== undefined && this.#connecting === undefined;
    }

    /** Connects every node in parallel and finds the primary. */
    connect(): Promise<void> {
        this.#connecting ??= this.#connectAll().finally(() => (this.#connecting = undefined));
        return this.#connecting;
    }

    async #connectAll(): Promise<void> {
        const results = await Promise.allSettled(this.nodes.map((node) => node.connect()));
        if (this.nodes.length === 1) {
            if (results[0].status === "rejected") throw results[0].reason;
            return;
        }
        const up = this.nodes.filter((_, index) => results[index].status === "fulfilled");
        const primary = up.find((node) => node.facts.role === "master");
        if (primary === undefined) {
            const reasons = results.map((result, index) =>
                result.status === "rejected" ? `${this.nodes[index].address}: ${(result.reason as Error).message}` : `${this.nodes[index].address}: ${this.nodes[index].facts.role}`,
            );
            throw new ConnectionError(`No primary among the given addresses (${reasons.join("; ")})`);
        }
        this.#primary = primary;
        this.#replicas = this.nodes.filter((node) => node !== primary);
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
