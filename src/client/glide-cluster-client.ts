import { ConfigurationError, RequestError, type ClosingError } from "../errors";
import type { Connection } from "../connection/connection";
import { callOptions, installMethods, type ClientMethods, type CommandDef } from "../commands/core";
import {
    clusterServerCommands,
    type ClusterResponse,
    type ClusterScanOptions,
    type PeriodicChecks,
    type RouteOption,
    type Routes,
} from "../commands/cluster-server";
import { customReply } from "../commands/generic-reply";
import { Decoder, type DecoderOption, type GlideReturnType, type GlideString } from "../commands/types";
import type { CommandArg } from "../protocol/types";
import { ClusterRouter } from "../routing/cluster/cluster-router";
import { CommandInfoCache, routingKeyPosition } from "../routing/cluster/command-info";
import { ClusterExecutor, type ExecuteOptions } from "../routing/cluster/executor";
import { combine, multiSlotCommand, splitBySlot } from "../routing/cluster/multi-slot";
import { keylessPolicy, type CommandPolicy } from "../routing/cluster/policies";
import { ClusterScanCursor, initialPosition, markDone } from "../routing/cluster/scan-cursor";
import { keySlot, SLOT_COUNT } from "../routing/cluster/slot";
import { BaseClient } from "./base-client";
import { resolveConfig, type AdvancedBaseClientConfiguration, type BaseClientConfiguration, type PubSubMsg } from "./config";

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace GlideClusterClientConfiguration {
    export enum PubSubChannelModes {
        Exact = 0,
        Pattern = 1,
        Sharded = 2,
    }
    export interface PubSubSubscriptions {
        channelsAndPatterns: Partial<Record<PubSubChannelModes, Set<string>>>;
        callback?: (msg: PubSubMsg, context: any) => void;
        context?: any;
    }
}

export type AdvancedGlideClusterClientConfiguration = AdvancedBaseClientConfiguration & {
    refreshTopologyFromInitialNodes?: boolean;
};

export type GlideClusterClientConfiguration = BaseClientConfiguration & {
    periodicChecks?: PeriodicChecks;
    recoveryRequestsQueueSize?: number;
    pubsubSubscriptions?: GlideClusterClientConfiguration.PubSubSubscriptions;
    advancedConfiguration?: AdvancedGlideClusterClientConfiguration;
};

const DEFAULT_PERIODIC_CHECK_MS = 60_000;
const DEFAULT_RECOVERY_QUEUE_SIZE = 1000;

function periodicCheckMs(checks: PeriodicChecks | undefined): number | undefined {
    if (checks === undefined || checks === "enabledDefaultConfigs") return DEFAULT_PERIODIC_CHECK_MS;
    if (checks === "disabled") return undefined;
    const seconds = typeof checks === "object" && checks !== null ? checks.duration_in_sec : undefined;
    if (typeof seconds !== "number" || !(seconds > 0)) {
        throw new ConfigurationError(
            `periodicChecks must be "enabledDefaultConfigs", "disabled" or { duration_in_sec: <positive number> }, got ${JSON.stringify(checks)}`,
        );
    }
    return seconds * 1000;
}

function recoveryQueueSize(size: number | undefined): number {
    if (size === undefined) return DEFAULT_RECOVERY_QUEUE_SIZE;
    if (!Number.isInteger(size) || size < 0) {
        throw new ConfigurationError(`recoveryRequestsQueueSize must be a non-negative integer, got ${String(size)}`);
    }
    return size;
}

type RequestShape = ExecuteOptions;

export interface GlideClusterClient extends ClientMethods<typeof clusterServerCommands> {}

/**
 * A client for a Valkey cluster: discovers the topology from any seed, routes each command by
 * slot (or by its `route`), follows redirections, splits multi-slot commands, scans every shard.
 */
export class GlideClusterClient extends BaseClient {
    readonly #router: ClusterRouter;
    readonly #executor: ClusterExecutor;
    readonly #commandInfo: CommandInfoCache;

    private constructor(options: GlideClusterClientConfiguration) {
        const config = resolveConfig(options, ["periodicChecks", "recoveryRequestsQueueSize"], ["refreshTopologyFromInitialNodes"]);
        if (options.pubsubSubscriptions !== undefined) {
            throw new ConfigurationError("pubsubSubscriptions are not supported by glide-ts yet");
        }
        const periodic = periodicCheckMs(options.periodicChecks);
        const queueSize = recoveryQueueSize(options.recoveryRequestsQueueSize);
        super(config);
        this.#router = new ClusterRouter(config, {
            periodicCheckMs: periodic,
            refreshFromInitialNodes: options.advancedConfiguration?.refreshTopologyFromInitialNodes === true,
        });
        this.#executor = new ClusterExecutor(this.#router, (connection, args, send) => this.send(connection, args, send), {
            requestTimeoutMs: config.requestTimeoutMs,
            recoveryQueueSize: queueSize,
            isClosed: () => this.isClosed,
        });
        this.#commandInfo = new CommandInfoCache((args) => this.#executor.run({ kind: "random" }, args, { bytes: false }) as never);
    }

    /** Creates a client and, unless `lazyConnect`, discovers the cluster and connects to every node. */
    static async createClient(options: GlideClusterClientConfiguration): Promise<GlideClusterClient> {
        const client = new GlideClusterClient(options);
        if (!client.config.lazyConnect) {
            try {
                await client.#router.connect();
            } catch (error) {
                client.close();
                throw error;
            }
        }
        return client;
    }

    protected override dispatch(def: CommandDef, params: unknown[]): Promise<unknown> {
        if (def.blockingSeconds !== undefined) return super.dispatch(def, params);
        const args = def.args.apply(undefined, params);
        const options = callOptions(def, params);
        const bytes = def.bytesReply || (!def.stringReply && (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes);
        const request: RequestShape = { bytes, convert: def.reply };
        if (options?.route !== undefined) return this.#routed(options.route as Routes, args, request);
        const keyAt = def.keys?.[0];
        if (keyAt !== undefined && keyAt < args.length) return this.#keyed(args, keyAt, def.readonly === true, request);
        return this.#keyless(args, request, keylessPolicy(args));
    }

    /** Blocking commands: the primary of their first key's slot (BaseClient gives them their own connection). */
    protected async connectionFor(def: CommandDef, args: CommandArg[]): Promise<Connection> {
        if (!this.#router.connected) await this.#router.connect();
        const keyAt = def.keys?.[0] ?? 1;
        const node = keyAt < args.length ? this.#router.nodeForSlot(keySlot(args[keyAt] as GlideString), false) : this.#router.randomPrimary();
        if (node === undefined) throw new RequestError("CLUSTERDOWN no node serves this slot; retry later");
        return node;
    }

    protected closeConnections(error: ClosingError): void {
        this.#router.close(error);
    }

    /** Sends any command as given: routed by its key, its server policy, or `route`. */
    async customCommand(args: GlideString[], options?: RouteOption & DecoderOption): Promise<ClusterResponse<GlideReturnType>> {
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const request: RequestShape = { bytes, convert: (reply) => customReply(args, reply) };
        if (options?.route !== undefined) return this.#routed(options.route, args, request) as Promise<GlideReturnType>;
        const known = keylessPolicy(args);
        if (known !== undefined) return this.#keyless(args, request, known) as Promise<GlideReturnType>;
        const facts = await this.#commandInfo.lookup(args).catch(() => undefined);
        const keyAt = routingKeyPosition(args, facts);
        if (keyAt !== undefined) return this.#keyed(args, keyAt, facts?.readonly === true, request) as Promise<GlideReturnType>;
        return this.#keyless(args, request, facts?.policy) as Promise<GlideReturnType>;
    }

    /** One step of a cluster-wide SCAN; call again with the returned cursor until it `isFinished()`. */
    async scan(cursor: ClusterScanCursor, options?: ClusterScanOptions & DecoderOption): Promise<[ClusterScanCursor, GlideString[]]> {
        if (cursor.isFinished()) return [cursor, []];
        if (!this.#router.connected) await this.#router.connect();
        const previous = cursor.position;
        const position = previous ? { ...previous, done: previous.done.slice() } : initialPosition();
        const router = this.#router;
        while (position.slot < SLOT_COUNT && router.primaryAddressForSlot(position.slot) === undefined) {
            if (!options?.allowNonCoveredSlots) {
                throw new RequestError(`Slot ${position.slot} is not served by any node; pass allowNonCoveredSlots to skip such slots`);
            }
            position.done[position.slot] = 1;
            position.slot++;
        }
        if (position.slot >= SLOT_COUNT) return [ClusterScanCursor.finished(), []];
        const owner = router.primaryAddressForSlot(position.slot)!;
        if (owner !== position.address) {
            position.address = owner;
            position.nodeCursor = "0";
        }
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const reply = (await this.#executor.run({ kind: "node", address: owner }, scanArgs(position.nodeCursor, options), {
            bytes,
        })) as [GlideString, GlideString[]];
        const next = reply[0].toString();
        if (next === "0") {
            position.slot = markDone(position.done, owner, (slot) => router.primaryAddressForSlot(slot));
            position.address = undefined;
        }
        position.nodeCursor = next;
        const done = position.slot >= SLOT_COUNT;
        return [done ? ClusterScanCursor.finished() : new ClusterScanCursor(undefined, position), reply[1]];
    }

    #keyed(args: CommandArg[], keyAt: number, readonly: boolean, request: RequestShape): Promise<unknown> {
        const name = typeof args[0] === "string" ? args[0].toUpperCase() : args[0];
        const multi = keyAt === 1 ? multiSlotCommand(name) : undefined;
        if (multi !== undefined) {
            const groups = splitBySlot(args, multi.step);
            if (groups.length > 1) {
                const sent = groups.map((group) => this.#executor.run({ kind: "slot", slot: group.slot, read: readonly }, group.args, request));
                return Promise.all(sent).then((replies) => combine(multi, groups, replies));
            }
        }
        const slot = keySlot(args[keyAt] as GlideString);
        return this.#executor.run({ kind: "slot", slot, read: readonly }, args, request);
    }

    async #keyless(args: CommandArg[], request: RequestShape, policy: CommandPolicy | undefined): Promise<unknown> {
        if (policy === undefined) return this.#executor.run({ kind: "random" }, args, request);
        if (!this.#router.connected) await this.#router.connect();
        const addresses = policy.request === "allNodes" ? this.#router.allAddresses() : this.#router.primaryAddresses();
        return this.#executor.runOnNodes(addresses, args, request, policy.response);
    }

    async #routed(route: Routes, args: CommandArg[], request: RequestShape): Promise<unknown> {
        if (route === "allPrimaries" || route === "allNodes") {
            if (!this.#router.connected) await this.#router.connect();
            const addresses = route === "allNodes" ? this.#router.allAddresses() : this.#router.primaryAddresses();
            return this.#executor.runOnNodes(addresses, args, request, keylessPolicy(args)?.response);
        }
        if (route === "randomNode") return this.#executor.run({ kind: "random" }, args, request);
        if (typeof route !== "object" || route === null) throw new RequestError(`Unknown route ${JSON.stringify(route)}`);
        switch (route.type) {
            case "primarySlotKey":
            case "replicaSlotKey": {
                const slot = keySlot(route.key);
                return this.#executor.run(route.type === "primarySlotKey" ? { kind: "slot", slot, read: false } : { kind: "replicaSlot", slot }, args, request);
            }
            case "primarySlotId":
            case "replicaSlotId": {
                const slot = route.id;
                if (!Number.isInteger(slot) || slot < 0 || slot >= SLOT_COUNT) throw new RequestError(`Slot id must be 0..${SLOT_COUNT - 1}, got ${slot}`);
                return this.#executor.run(route.type === "primarySlotId" ? { kind: "slot", slot, read: false } : { kind: "replicaSlot", slot }, args, request);
            }
            case "routeByAddress": {
                const address = this.#addressOf(route.host, route.port);
                if (!this.#router.connected) await this.#router.connect();
                if (!this.#router.knows(address)) throw new RequestError(`No node at ${address} in the cluster topology`);
                return this.#executor.run({ kind: "node", address }, args, request);
            }
            default:
                throw new RequestError(`Unknown route ${JSON.stringify(route)}`);
        }
    }

    #addressOf(host: string, port: number | undefined): string {
        if (port !== undefined) return `${host}:${port}`;
        if (!/:\d+$/.test(host)) throw new RequestError(`routeByAddress needs a port, or a host written as "host:port"; got "${host}"`);
        return host;
    }
}

function scanArgs(cursor: string, options?: ClusterScanOptions): CommandArg[] {
    const args: CommandArg[] = ["SCAN", cursor];
    if (options?.match !== undefined) args.push("MATCH", options.match);
    if (options?.count !== undefined) args.push("COUNT", options.count);
    if (options?.type !== undefined) args.push("TYPE", options.type.toLowerCase());
    return args;
}

installMethods(GlideClusterClient.prototype, clusterServerCommands, (self: GlideClusterClient, def, params) =>
    (self as unknown as { dispatch(def: CommandDef, params: unknown[]): Promise<unknown> }).dispatch(def, params),
);
