import { closedClientError, ClosingError, ConnectionError } from "../../errors";
import { clusterUnreachable } from "../initial-connect";
import { Connection, type ConnectionHooks } from "../../connection/connection";
import type { ResolvedConfig } from "../../client/config";
import { ReadSelector } from "../read-from";
import { sleep } from "../../connection/backoff";
import { timerDelay } from "../../connection/timers";
import { queryNode } from "./node-query";
import { SLOT_COUNT } from "./slot";
import { RedirectLog } from "../../observability/redirect-log";
import { isLogged, Level } from "../../observability/core-log";
import { logTopologyChange, type ShardAddresses } from "./topology-log";
import { consensusView, parseClusterSlots, type TopologyView } from "./topology";

/** A refresh runs at most this often, however many MOVEDs or disconnects ask for one. */
export const MIN_REFRESH_INTERVAL_MS = 500;
/** How many nodes are asked for their view of the slots on each refresh. */
const NODES_ASKED = 3;

export interface ClusterRouterOptions {
    /** Periodic topology checks; undefined when disabled. */
    periodicCheckMs: number | undefined;
    /** Refresh from the addresses given at creation only, never from discovered nodes. */
    refreshFromInitialNodes: boolean;
    /** Told of every node connection that opens or is lost (the client's statistics). */
    connectionHooks?: ConnectionHooks;
}

interface Shard {
    primary: Connection;
    replicas: Connection[];
    selector: ReadSelector;
}

/**
 * The cluster topology: one connection per node, the slot map, and its upkeep (discovery,
 * MOVED updates, throttled refreshes on redirects and disconnects, periodic checks).
 */
export class ClusterRouter {
    readonly #config: ResolvedConfig;
    readonly #options: ClusterRouterOptions;
    readonly #nodes = new Map<string, Connection>();
    /** The topology's name of each node ("host:port" before any addressResolver). */
    readonly #addresses = new Map<Connection, string>();
    readonly #wasReady = new WeakSet<Connection>();
    #slots: (Shard | undefined)[] = new Array(SLOT_COUNT);
    #shards: Shard[] = [];
    #fingerprint = "";
    #connecting: Promise<void> | undefined;
    #discovered = false;
    #refresh: Promise<void> | undefined;
    #lastRefreshAt = -Infinity;
    #periodicTimer: NodeJS.Timeout | undefined;
    #closed = false;
    /** Completed topology refreshes (observability and tests). */
    refreshCount = 0;
    /** MOVED and ASK replies met by this client's requests, logged rate-limited. */
    readonly redirectLog = new RedirectLog();

    constructor(config: ResolvedConfig, options: ClusterRouterOptions) {
        this.#config = config;
        this.#options = options;
    }

    get connected(): boolean {
        return this.#discovered;
    }

    /** Discovers the topology from the seeds and connects to every node in parallel. */
    connect(): Promise<void> {
        if (this.#closed) return Promise.reject(closedClientError());
        this.#connecting ??= this.#discoverAndConnect().finally(() => (this.#connecting = undefined));
        return this.#connecting;
    }

    async #discoverAndConnect(): Promise<void> {
        const seeds = this.#seedAddresses();
        await this.#discover(seeds);
        await Promise.allSettled([...this.#nodes.values()].map((node) => node.connect()));
        if (new Set(seeds).size < NODES_ASKED && !this.#options.refreshFromInitialNodes) {
            // Fewer seeds than a quorum: confirm the view with the nodes it named.
            await this.#discover(this.#refreshAddresses()).catch(() => undefined);
            await Promise.allSettled([...this.#nodes.values()].map((node) => node.connect()));
        }
        this.#discovered = true;
        this.#lastRefreshAt = performance.now();
        this.#startPeriodicChecks();
    }

    #seedAddresses(): string[] {
        return this.#config.addresses.map(({ host, port }) => `${host}:${port}`);
    }

    /** The connection to a node, created on first use (replicas send READONLY). */
    nodeAt(address: string, asReplica = false): Connection {
        if (this.#closed) throw closedClientError();
        let node = this.#nodes.get(address);
        if (node === undefined) {
            const separator = address.lastIndexOf(":");
            const host = address.slice(0, separator);
            const port = Number(address.slice(separator + 1));
            const [resolvedHost, resolvedPort] = this.#config.addressResolver?.(host, port) ?? [host, port];
            node = new Connection(
                { ...this.#config.connection, host: resolvedHost, port: resolvedPort, readOnly: asReplica },
                {
                    onReady: (ready) => {
                        this.#wasReady.add(ready);
                        this.#options.connectionHooks?.onReady?.(ready);
                    },
                    // A lost node may mean a failover; a node that never answered is retried on use.
                    onDisconnect: (lost, error) => {
                        this.#options.connectionHooks?.onDisconnect?.(lost, error);
                        if (this.#wasReady.has(lost)) void this.requestRefresh();
                    },
                },
            );
            this.#nodes.set(address, node);
            this.#addresses.set(node, address);
        } else if (asReplica && !node.options.readOnly) {
            // A node first met as a primary is now a replica: reads it serves need READONLY.
            node.options.readOnly = true;
            if (node.isReady) queryNode(node, ["READONLY"], this.#config.requestTimeoutMs).catch(() => undefined);
        }
        return node;
    }

    /** The node serving a slot: its primary, or for reads the one `readFrom` picks. */
    nodeForSlot(slot: number, read: boolean): Connection | undefined {
        const shard = this.#slots[slot];
        if (shard === undefined) return undefined;
        if (!read || this.#config.readFrom === "primary" || shard.replicas.length === 0) return shard.primary;
        return shard.selector.pick(shard.primary, shard.replicas);
    }

    /** A replica of the slot's shard (round-robin), or its primary when it has none ready. */
    replicaForSlot(slot: number): Connection | undefined {
        const shard = this.#slots[slot];
        if (shard === undefined) return undefined;
        const ready = shard.replicas.filter((replica) => replica.isReady);
        if (ready.length === 0) return shard.replicas[0] ?? shard.primary;
        return ready[Math.floor(Math.random() * ready.length)];
    }

    randomPrimary(): Connection | undefined {
        const shards = this.#shards;
        return shards.length === 0 ? undefined : shards[Math.floor(Math.random() * shards.length)].primary;
    }

    /** Addresses of the primaries, in slot order. */
    primaryAddresses(): string[] {
        return this.#shards.map((shard) => this.addressOf(shard.primary));
    }

    /** Addresses of every node of the topology. */
    allAddresses(): string[] {
        return this.#shards.flatMap((shard) => [shard.primary, ...shard.replicas].map((node) => this.addressOf(node)));
    }

    /** The primary that owns a slot, by address (cluster scan). */
    primaryAddressForSlot(slot: number): string | undefined {
        const shard = this.#slots[slot];
        return shard && this.addressOf(shard.primary);
    }

    knows(address: string): boolean {
        return this.#nodes.has(address);
    }

    addressOf(node: Connection): string {
        return this.#addresses.get(node) ?? node.address;
    }

    /** A MOVED reply: the slot now lives at `address`; patch the map and refresh soon. */
    onMoved(slot: number, address: string): void {
        const current = this.#slots[slot];
        const primary = this.nodeAt(address);
        if (current?.primary !== primary) {
            const owner = this.#shards.find((shard) => shard.primary === primary);
            this.#slots[slot] = owner ?? {
                primary,
                replicas: [],
                selector: new ReadSelector(this.#config.readFrom, this.#config.clientAz),
            };
        }
        void this.requestRefresh();
    }

    /** Refreshes the topology, at most once per MIN_REFRESH_INTERVAL_MS; concurrent callers share one. */
    requestRefresh(): Promise<void> {
        if (this.#closed || !this.#discovered) return Promise.resolve();
        if (this.#refresh) return this.#refresh;
        const delay = this.#lastRefreshAt + MIN_REFRESH_INTERVAL_MS - performance.now();
        this.#refresh = sleep(delay)
            .then(() => (this.#closed ? undefined : this.#discover(this.#refreshAddresses())))
            .catch(() => undefined)
            .finally(() => {
                this.#refresh = undefined;
                this.#lastRefreshAt = performance.now();
                this.refreshCount++;
                // A primary still unreachable: keep looking until the cluster fails over.
                if (!this.#closed && this.#shards.some((shard) => !shard.primary.isReady)) void this.requestRefresh();
            });
        return this.#refresh;
    }

    #refreshAddresses(): string[] {
        if (this.#options.refreshFromInitialNodes) return this.#seedAddresses();
        const ready = [...this.#nodes].filter(([, node]) => node.isReady).map(([address]) => address);
        return ready.length > 0 ? ready : [...this.#nodes.keys(), ...this.#seedAddresses()];
    }

    /** Asks a few nodes for CLUSTER SLOTS (more if those fail) and applies the view most agree on. */
    async #discover(candidates: string[]): Promise<void> {
        const order = shuffle([...new Set(candidates)]);
        const views: TopologyView[] = [];
        const failures: { address: string; error: unknown }[] = [];
        for (let start = 0; start < order.length && views.length === 0; start += NODES_ASKED) {
            const batch = order.slice(start, start + NODES_ASKED);
            const results = await Promise.allSettled(batch.map((address) => this.#askSlots(address)));
            results.forEach((result, index) => {
                if (result.status === "fulfilled") views.push(result.value);
                else failures.push({ address: batch[index], error: result.reason });
            });
        }
        if (this.#closed) return;
        const view = consensusView(views);
        if (view === undefined || view.shards.length === 0) {
            // The first connection of the client: GLIDE's words, naming the first node that failed.
            if (!this.#discovered && failures.length > 0) throw clusterUnreachable(failures[0].address, failures[0].error);
            const reasons = failures.map(({ address, error }) => `${address}: ${(error as Error).message}`);
            throw new ConnectionError(`Could not read the cluster topology (${reasons.join("; ") || "no slots assigned"})`);
        }
        if (view.fingerprint !== this.#fingerprint || !this.#discovered) this.#apply(view);
        this.#dropNodesOutside(view);
    }

    async #askSlots(address: string): Promise<TopologyView> {
        const node = this.nodeAt(address);
        await node.connect();
        const timeout = Math.max(this.#config.requestTimeoutMs, 1000);
        const reply = await queryNode(node, ["CLUSTER", "SLOTS"], timeout);
        return parseClusterSlots(reply, address.slice(0, address.lastIndexOf(":")));
    }

    #apply(view: TopologyView): void {
        const before = this.#discovered && isLogged(Level.Info) ? this.#describe() : undefined;
        const selectorFor = () => new ReadSelector(this.#config.readFrom, this.#config.clientAz);
        const shards: Shard[] = view.shards.map((shard) => ({
            primary: this.nodeAt(shard.primary),
            replicas: shard.replicas.map((address) => this.nodeAt(address, true)),
            selector: selectorFor(),
        }));
        const slots: (Shard | undefined)[] = new Array(SLOT_COUNT);
        view.shards.forEach((shardView, index) => {
            for (const [start, end] of shardView.ranges) slots.fill(shards[index], start, end + 1);
        });
        this.#slots = slots;
        this.#shards = shards;
        this.#fingerprint = view.fingerprint;
        if (isLogged(Level.Info)) logTopologyChange(before, this.#describe());
    }

    /** The applied topology by node addresses, for the log. */
    #describe(): { shards: ShardAddresses[]; slotOwners: (string | undefined)[] } {
        const shards = this.#shards.map((shard) => ({ primary: this.addressOf(shard.primary), replicas: shard.replicas.map((replica) => this.addressOf(replica)) }));
        const slotOwners = Array.from(this.#slots, (shard) => (shard === undefined ? undefined : this.addressOf(shard.primary)));
        return { shards, slotOwners };
    }

    /**
     * Closes connections to nodes neither the topology nor the slot map (patched by MOVED) names:
     * seeds known under another name, failed nodes.
     */
    #dropNodesOutside(view: TopologyView): void {
        const members = new Set(view.shards.flatMap((shard) => [shard.primary, ...shard.replicas]));
        const inUse = new Set<Connection>();
        for (const shard of new Set(this.#slots)) if (shard) for (const node of [shard.primary, ...shard.replicas]) inUse.add(node);
        for (const [address, node] of this.#nodes) {
            if (members.has(address) || inUse.has(node)) {
                if (!node.isReady) node.connect().catch(() => undefined);
                continue;
            }
            // Requests waiting on it fail with ClosingError and are retried on the new owner.
            node.close(new ClosingError(`Node ${address} is no longer part of the cluster`));
            this.#nodes.delete(address);
            this.#addresses.delete(node);
        }
    }

    #startPeriodicChecks(): void {
        const every = this.#options.periodicCheckMs;
        if (every === undefined || this.#periodicTimer !== undefined) return;
        this.#periodicTimer = setInterval(() => void this.requestRefresh(), timerDelay(every));
        this.#periodicTimer.unref();
    }

    /** Every node connection made so far (ready or not), topology changes included. */
    get nodes(): Connection[] {
        return [...this.#nodes.values()];
    }

    /** The database every node uses from now on, reconnections and new nodes included. */
    useDatabase(index: number): void {
        this.#config.connection.databaseId = index;
        for (const node of this.#nodes.values()) node.options.databaseId = index;
    }

    close(error: Error): void {
        this.#closed = true;
        clearInterval(this.#periodicTimer);
        for (const node of this.#nodes.values()) node.close(error);
        this.#nodes.clear();
    }
}

function shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
}
