import { RequestError, type ClosingError } from "../errors";
import type { Connection } from "../connection/connection";
import type { ConnectionOptions } from "../connection/options";
import { invokeScriptWith } from "../commands/scripting";
import type { Script } from "../commands/script";
import { callOptions, FIRST_KEY, firstKeyPosition, installMethods, type ClientMethods, type CommandDef } from "../commands/core";
import {
    clusterServerCommands,
    type ClusterBatchOptions,
    type ClusterResponse,
    type ClusterScanOptions,
    type PeriodicChecks,
    type RouteOption,
    type Routes,
} from "../commands/cluster-server";
import { customReply } from "../commands/generic-reply";
import { Decoder, type DecoderOption, type GlideReturnType, type GlideString } from "../commands/types";
import type { CommandArg, RespValue } from "../protocol/types";
import { CUSTOM_COMMAND, type ClusterBatch, type QueuedCommand } from "../batch/batch";
import { batchFrames, batchNeedsBytes, batchResult, emptyCommandError, refuseAsGlide } from "../batch/exec";
import { ClusterRouter } from "../routing/cluster/cluster-router";
import { CommandInfoCache, routingKeyPosition, type CommandFacts } from "../routing/cluster/command-info";
import { ClusterExecutor, type ExecuteOptions, type Target } from "../routing/cluster/executor";
import { multiSlotOf, splitBySlot } from "../routing/cluster/multi-slot";
import { keylessPolicy, type CommandPolicy } from "../routing/cluster/policies";
import { classifyError } from "../routing/cluster/redirect";
import { singleNodeTarget } from "../routing/cluster/route-target";
import { runPipeline, type PipelineCommand } from "../routing/cluster/pipeline";
import { clusterScanStep } from "../routing/cluster/scan";
import type { ClusterScanCursor } from "../routing/cluster/scan-cursor";
import { keySlot } from "../routing/cluster/slot";
import { ClusterPubSub } from "../pubsub/cluster-pubsub";
import { validatePubSubConfig } from "../pubsub/pubsub";
import { SubscriptionMode } from "../pubsub/modes";
import { pubsubRequestOf } from "../pubsub/requests";
import { channelCounts, sumOfCounts, unionOfChannels, type ChannelCount } from "../commands/pubsub-cluster";
import { channelsArgs } from "../commands/pubsub";
import { traceClientMethods } from "./traced-calls";
import { BaseClient, dispatchMethod } from "./base-client";
import { genericExtraCommands } from "../commands/generic-extra";
import { WatchSessions } from "../batch/watch-session";
import { transactionSlot } from "../batch/transaction-slot";
import { glideNumber, glideOptionalNumber, resolveConfig, type AdvancedBaseClientConfiguration, type BaseClientConfiguration, type PubSubMsg } from "./config";

/** The pub/sub parts of the configuration. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace GlideClusterClientConfiguration {
    /** The kinds of subscription (sharded channels included). */
    export enum PubSubChannelModes {
        Exact = 0,
        Pattern = 1,
        Sharded = 2,
    }
    /** Subscriptions made when the client connects and restored after every reconnect; messages go to `callback`, or wait for `getPubSubMessage`. */
    export interface PubSubSubscriptions {
        channelsAndPatterns: Partial<Record<PubSubChannelModes, Set<string>>>;
        callback?: (msg: PubSubMsg, context: any) => void;
        context?: any;
    }
}

/** Unsubscribe from every sharded channel (as GLIDE: `sunsubscribe(ALL_SHARDED_CHANNELS)`). */
export const ALL_SHARDED_CHANNELS = null;

/** What `getSubscriptions` reports on a cluster client: the subscriptions asked for and those the servers confirmed, per mode. */
export interface ClusterPubSubState {
    desiredSubscriptions: Partial<Record<GlideClusterClientConfiguration.PubSubChannelModes, Set<GlideString>>>;
    actualSubscriptions: Partial<Record<GlideClusterClientConfiguration.PubSubChannelModes, Set<GlideString>>>;
}

/** Advanced settings of a cluster client. */
export type AdvancedGlideClusterClientConfiguration = AdvancedBaseClientConfiguration & {
    refreshTopologyFromInitialNodes?: boolean;
};

/** The settings of `GlideClusterClient.createClient`: the shared ones plus topology checks and cluster subscriptions. */
export type GlideClusterClientConfiguration = BaseClientConfiguration & {
    periodicChecks?: PeriodicChecks;
    recoveryRequestsQueueSize?: number;
    pubsubSubscriptions?: GlideClusterClientConfiguration.PubSubSubscriptions;
    advancedConfiguration?: AdvancedGlideClusterClientConfiguration;
};

const DEFAULT_PERIODIC_CHECK_MS = 60_000;
const DEFAULT_RECOVERY_QUEUE_SIZE = 1000;
const MAX_BLOCKING_REDIRECTS = 3;

/**
 * As GLIDE reads the option: absent or "enabledDefaultConfigs" the default, "disabled" none, any
 * other value an interval in seconds (a uint32, see glideNumber). Beyond GLIDE, which throws a
 * TypeError on null: null is the default too.
 */
function periodicCheckMs(checks: PeriodicChecks | null | undefined): number | undefined {
    if (checks == null || checks === "enabledDefaultConfigs") return DEFAULT_PERIODIC_CHECK_MS;
    if (checks === "disabled") return undefined;
    return glideNumber((checks as { duration_in_sec?: number }).duration_in_sec, DEFAULT_PERIODIC_CHECK_MS / 1000) * 1000;
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
    /** WATCH on a connection per caller, so that other callers' EXEC/UNWATCH cannot clear it. */
    readonly #watches = new WatchSessions((connection, args, options) => this.send(connection, args, options));
    readonly #pubsub: ClusterPubSub;

    private constructor(options: GlideClusterClientConfiguration) {
        const config = resolveConfig(options, ["periodicChecks", "recoveryRequestsQueueSize"], ["refreshTopologyFromInitialNodes"]);
        validatePubSubConfig(options.pubsubSubscriptions);
        const periodic = periodicCheckMs(options.periodicChecks);
        const queueSize = glideOptionalNumber(options.recoveryRequestsQueueSize, DEFAULT_RECOVERY_QUEUE_SIZE);
        super(config);
        this.#router = new ClusterRouter(config, {
            periodicCheckMs: periodic,
            refreshFromInitialNodes: options.advancedConfiguration?.refreshTopologyFromInitialNodes === true,
            connectionHooks: this.countingHooks,
        });
        this.#executor = new ClusterExecutor(this.#router, { send: this.send.bind(this) }, {
            requestTimeoutMs: config.requestTimeoutMs,
            recoveryQueueSize: queueSize,
            isClosed: () => this.isClosed,
        });
        this.#commandInfo = new CommandInfoCache((args) => this.#executor.run({ kind: "random" }, args, { bytes: false }) as never);
        const router = this.#router;
        this.#pubsub = new ClusterPubSub({
            config: options.pubsubSubscriptions,
            defaultDecoder: config.defaultDecoder,
            checkIntervalMs: config.pubsubCheckIntervalMs,
            view: {
                connect: () => (router.connected ? Promise.resolve() : router.connect()),
                primaries: () => router.primaryAddresses(),
                primaryForSlot: (slot) => router.primaryAddressForSlot(slot),
                isReady: (address) => router.knows(address) && router.nodeAt(address).isReady,
                optionsFor: (address) => router.nodeAt(address).options,
                refresh: () => router.requestRefresh(),
                moved: (slot, address) => router.onMoved(slot, address),
            },
        });
    }

    /** Creates a client and, unless `lazyConnect`, discovers the cluster and connects to every node. */
    static async createClient(options: GlideClusterClientConfiguration): Promise<GlideClusterClient> {
        const client = new GlideClusterClient(options);
        return client.startUp(() => client.#router.connect(), client.#pubsub);
    }

    protected override dispatch(def: CommandDef, params: unknown[]): Promise<unknown> {
        if (def === genericExtraCommands.watch) return this.#watch(params[0] as GlideString[]);
        if (def === clusterServerCommands.unwatch) {
            const session = this.#watches.take();
            if (session !== undefined) return this.#watches.unwatch(session);
        }
        if (def.blockingSeconds?.(...params) !== undefined) return super.dispatch(def, params);
        const args = def.args.apply(undefined, params);
        const options = callOptions(def, params);
        const bytes = def.bytesReply || (!def.stringReply && (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes);
        const request: RequestShape = { bytes, convert: def.reply };
        if (options?.route !== undefined) return this.#routed(options.route as Routes, args, request);
        const keyAt = firstKeyPosition(def, args);
        if (keyAt !== undefined) return this.#keyed(args, keyAt, def.readonly === true, request, def.keys === FIRST_KEY);
        return this.#keyless(args, request, keylessPolicy(args));
    }

    /** Blocking commands: the primary of their first key's slot (BaseClient gives them their own connection). */
    protected async connectionFor(def: CommandDef, args: CommandArg[]): Promise<Connection> {
        if (!this.#router.connected) await this.#router.connect();
        const keyAt = firstKeyPosition(def, args);
        const node = keyAt !== undefined ? this.#router.nodeForSlot(keySlot(args[keyAt] as GlideString), false) : this.#router.randomPrimary();
        if (node === undefined) throw new RequestError("CLUSTERDOWN no node serves this slot; retry later");
        return node;
    }

    /** A blocking command that meets MOVED (its slot moved) blocks again on the new owner. */
    protected override async sendBlocking(def: CommandDef, args: CommandArg[], params: unknown[], bytes: boolean): Promise<unknown> {
        for (let attempt = 0; ; attempt++) {
            try {
                return await super.sendBlocking(def, args, params, bytes);
            } catch (error) {
                const redirect = classifyError(error, this.isClosed);
                if (redirect.kind !== "moved" || attempt >= MAX_BLOCKING_REDIRECTS) throw error;
                if (redirect.address.startsWith(":")) await this.#router.requestRefresh();
                else this.#router.onMoved(redirect.slot, redirect.address);
            }
        }
    }

    /** The caller's watch session goes to the primary of the keys' slot, where its transaction must run. */
    #watch(keys: GlideString[]): Promise<"OK"> {
        try {
            transactionSlot([{ def: genericExtraCommands.watch, args: ["WATCH", ...keys] }], () => undefined);
        } catch (error) {
            return Promise.reject(error);
        }
        return this.#watches.watch(() => this.connectionFor(genericExtraCommands.watch, ["WATCH", ...keys]), keys);
    }

    protected closeConnections(error: ClosingError): void {
        this.#watches.close(error);
        this.#pubsub.close(error);
        this.#router.close(error);
    }

    /**
     * PUBLISH, or with `sharded` SPUBLISH, on the primary of the channel's slot, as GLIDE routes
     * both (the cluster forwards a PUBLISH everywhere; the count is of that node's subscribers).
     */
    publish(message: GlideString, channel: GlideString, sharded = false): Promise<number> {
        const target: Target = { kind: "slot", slot: keySlot(channel), read: false };
        return this.#executor.run(target, [sharded ? "SPUBLISH" : "PUBLISH", channel, message], { bytes: false }) as Promise<number>;
    }

    /** Active channels (matching `pattern`) of every node, each once. */
    override pubsubChannels(options?: { pattern?: GlideString } & DecoderOption): Promise<GlideString[]> {
        return this.#channelsOf("CHANNELS", "allNodes", options);
    }

    /** Pattern subscriptions, summed over every node. */
    override async pubsubNumPat(): Promise<number> {
        if (!this.#router.connected) await this.#router.connect();
        return this.#executor.runOnNodes(this.#router.allAddresses(), ["PUBSUB", "NUMPAT"], { bytes: false }, "aggSum") as Promise<number>;
    }

    /** Subscribers per channel, summed over every node. */
    override pubsubNumSub(channels: GlideString[], options?: DecoderOption): Promise<ChannelCount[]> {
        return this.#countsOf("NUMSUB", "allNodes", channels, options);
    }

    /** Active shard channels (matching `pattern`) of every primary, each once. */
    pubsubShardChannels(options?: { pattern?: GlideString } & DecoderOption): Promise<GlideString[]> {
        return this.#channelsOf("SHARDCHANNELS", "allShards", options);
    }

    /** Subscribers per shard channel, summed over every primary. */
    pubsubShardNumSub(channels: GlideString[], options?: DecoderOption): Promise<ChannelCount[]> {
        return this.#countsOf("SHARDNUMSUB", "allShards", channels, options);
    }

    async #channelsOf(
        subcommand: string,
        nodes: "allNodes" | "allShards",
        options: ({ pattern?: GlideString } & DecoderOption) | undefined,
    ): Promise<GlideString[]> {
        if (!this.#router.connected) await this.#router.connect();
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const args = channelsArgs(subcommand, options?.pattern);
        const addresses = nodes === "allNodes" ? this.#router.allAddresses() : this.#router.primaryAddresses();
        const perNode = await this.#executor.runOnNodes(addresses, args, { bytes }, "special");
        return unionOfChannels(perNode as Record<string, unknown>);
    }

    async #countsOf(
        subcommand: string,
        nodes: "allNodes" | "allShards",
        channels: GlideString[],
        options: DecoderOption | undefined,
    ): Promise<ChannelCount[]> {
        if (!this.#router.connected) await this.#router.connect();
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const addresses = nodes === "allNodes" ? this.#router.allAddresses() : this.#router.primaryAddresses();
        const request = { bytes, convert: channelCounts };
        const perNode = await this.#executor.runOnNodes(addresses, ["PUBSUB", subcommand, ...(channels ?? [])], request, "special");
        return sumOfCounts(perNode as Record<string, unknown>);
    }

    protected get pubsub(): ClusterPubSub {
        return this.#pubsub;
    }

    /** Subscribes to sharded channels, each on its slot's primary. */
    async ssubscribeLazy(channels: Iterable<GlideString>, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Sharded, true, Array.from(channels));
    }

    async ssubscribe(channels: Iterable<GlideString>, timeoutMs: number, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Sharded, true, Array.from(channels), timeoutMs.toString());
    }

    /** null (ALL_SHARDED_CHANNELS) or no argument: every sharded channel. */
    async sunsubscribeLazy(channels?: Iterable<GlideString> | null, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Sharded, false, channels ? Array.from(channels) : []);
    }

    async sunsubscribe(channels: Iterable<GlideString> | null, timeoutMs: number, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Sharded, false, channels ? Array.from(channels) : [], timeoutMs.toString());
    }

    /** Desired subscriptions against those the servers confirmed, per mode. */
    getSubscriptions(): Promise<ClusterPubSubState> {
        return this.subscriptionState();
    }

    /** Sends any command as given: routed by its key, its server policy, or `route`. */
    customCommand(args: GlideString[], options?: RouteOption & DecoderOption): Promise<ClusterResponse<GlideReturnType>> {
        if (args.length === 0) return Promise.reject(emptyCommandError());
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        // Answered by the pub/sub layer wherever `route` points, as GLIDE's core does.
        const pubsub = pubsubRequestOf(args);
        if (pubsub !== undefined) return this.pubsubRequest(pubsub, bytes) as Promise<GlideReturnType>;
        // Converted once all nodes answered: GLIDE's core converts a map of nodes as a whole.
        const request: RequestShape = { bytes, unaggregated: (nodes) => nodes.toRespMap() };
        return this.#custom(args, request, options?.route).then((reply) => customReply(args, reply as RespValue, bytes));
    }

    async #custom(args: CommandArg[], request: RequestShape, route: Routes | undefined): Promise<unknown> {
        if (route !== undefined) return this.#routed(route, args, request);
        const known = keylessPolicy(args);
        if (known !== undefined) return this.#keyless(args, request, known);
        return this.#customByFacts(args, request, await this.#commandInfo.lookup(args).catch(() => undefined));
    }

    #customByFacts(args: CommandArg[], request: RequestShape, facts: CommandFacts | undefined): Promise<unknown> {
        const keyAt = routingKeyPosition(args, facts);
        if (keyAt !== undefined) return this.#keyed(args, keyAt, facts?.readonly === true, request);
        return this.#keyless(args, request, keylessPolicy(args) ?? facts?.policy);
    }

    /** Changes the database on every node (Valkey 9 clusters); the choice survives reconnects. */
    override async select(index: number): Promise<"OK"> {
        if (!this.#router.connected) await this.#router.connect();
        await this.#executor.runOnNodes(this.#router.allAddresses(), ["SELECT", index], { bytes: false }, "allSucceeded");
        this.#router.useDatabase(index);
        return "OK";
    }

    /** A script by its hash (EVAL with its code on NOSCRIPT) where `route` says, else on a random node. */
    invokeScriptWithRoute(
        script: Script,
        options?: { args?: GlideString[] } & DecoderOption & RouteOption,
    ): Promise<ClusterResponse<GlideReturnType>> {
        return invokeScriptWith((def, params) => this.dispatch(def, params), script, { ...options, keys: [] });
    }

    protected connectionSettings(): ConnectionOptions[] {
        return [...this.#router.nodes.map((node) => node.options), ...this.#pubsub.connectionSettings()];
    }

    protected async liveConnections(): Promise<Connection[]> {
        if (!this.#router.connected) await this.#router.connect();
        return this.#router.nodes.filter((node) => node.isReady);
    }

    /** One step of a cluster-wide SCAN; call again with the returned cursor until it `isFinished()`. */
    scan(cursor: ClusterScanCursor, options?: ClusterScanOptions & DecoderOption): Promise<[ClusterScanCursor, GlideString[]]> {
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        return clusterScanStep(this.#executor, cursor, options, bytes);
    }

    /**
     * Runs a batch. Atomic: MULTI … EXEC on the node of its first key's slot (or `route`), retried
     * whole when redirected. Pipeline: every command (or part of one) goes to its slot's node, each
     * node's share as one request in batch order; MOVED/ASK are followed, TRYAGAIN and lost
     * connections retried only per retryStrategy.
     */
    async exec(batch: ClusterBatch, raiseOnError: boolean, options?: ClusterBatchOptions & DecoderOption): Promise<GlideReturnType[] | null> {
        // Refused before the caller's WATCH session is taken, so that it survives the refusal.
        refuseAsGlide(batch.isAtomic, batch.commands, options);
        // Taken before any await: it is the caller's context that must forget its session.
        const watched = batch.isAtomic ? this.#watches.take() : undefined;
        const commands = batch.commands;
        const wantBytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const bytes = batchNeedsBytes(commands, wantBytes);
        const timeoutMs = options?.timeout;
        if (watched !== undefined) {
            await this.#transactionTarget(commands);
            const replies = await this.#watches.exec(watched, batchFrames(commands, true), { bytes, timeoutMs, multi: true });
            return replies === null ? null : batchResult(commands, true, replies, wantBytes, raiseOnError);
        }
        if (commands.length === 0) return [];
        if (batch.isAtomic) {
            const target = options?.route !== undefined ? await singleNodeTarget(options.route, this.#router) : await this.#transactionTarget(commands);
            const replies = await this.#executor.run(target, batchFrames(commands, true), { bytes, timeoutMs, frames: "transaction" });
            return batchResult(commands, true, replies as RespValue[], wantBytes, raiseOnError);
        }
        if (options?.route !== undefined) {
            const target = await singleNodeTarget(options.route, this.#router);
            const replies = await this.#executor.run(target, batchFrames(commands, false), { bytes, timeoutMs, frames: "pipeline" });
            return batchResult(commands, false, replies as RespValue[], wantBytes, raiseOnError);
        }
        const request: RequestShape = {
            bytes,
            timeoutMs,
            retryServerErrors: options?.retryStrategy?.retryServerError ?? false,
            retryConnectionErrors: options?.retryStrategy?.retryConnectionError ?? false,
        };
        const lookups = this.#customCommandFacts(commands);
        const facts = lookups && (await lookups);
        const plan = commands.map(({ def, args }, index): PipelineCommand => {
            const custom = def === CUSTOM_COMMAND;
            const keyAt = custom ? routingKeyPosition(args, facts?.[index]) : firstKeyPosition(def, args);
            const read = custom ? facts?.[index]?.readonly === true : def.readonly === true;
            const policy = keyAt === undefined ? (keylessPolicy(args) ?? facts?.[index]?.policy) : undefined;
            return { args, keyAt, read, policy, oneKey: def.keys === FIRST_KEY };
        });
        const replies = await runPipeline(this.#executor, plan, request);
        return batchResult(commands, false, replies as RespValue[], wantBytes, raiseOnError);
    }

    /** A transaction runs on its keys' slot (refused before sending when they span slots), else anywhere. */
    async #transactionTarget(commands: readonly QueuedCommand[]): Promise<Target> {
        const lookups = this.#customCommandFacts(commands);
        const facts = lookups && (await lookups);
        const slot = transactionSlot(commands, (index) => routingKeyPosition(commands[index].args, facts?.[index]));
        return slot === undefined ? { kind: "random" } : { kind: "slot", slot, read: false };
    }

    /** What the server's command table says of each customCommand of a batch; undefined when it has none. */
    #customCommandFacts(commands: readonly QueuedCommand[]): Promise<(CommandFacts | undefined)[]> | undefined {
        if (!commands.some(({ def }) => def === CUSTOM_COMMAND)) return undefined;
        return Promise.all(
            commands.map(({ def, args }) => (def === CUSTOM_COMMAND ? this.#commandInfo.lookup(args).catch(() => undefined) : undefined)),
        );
    }

    /** `oneKey`: the definition names a single key (most commands), so no multi-slot lookup is needed. */
    #keyed(args: CommandArg[], keyAt: number, readonly: boolean, request: RequestShape, oneKey = false): Promise<unknown> {
        const multi = multiSlotOf(args, keyAt, oneKey);
        if (multi !== undefined && splitBySlot(args, multi.step, multi.trailing).length > 1) {
            // One part per slot, each node's parts in one request: planned as a one-command pipeline.
            const { convert, ...unconverted } = request;
            return runPipeline(this.#executor, [{ args, keyAt, read: readonly, policy: undefined }], unconverted).then(([reply]) => {
                if (reply instanceof Error) throw reply;
                return convert === undefined ? reply : convert(reply as RespValue, request.bytes);
            });
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
        return this.#executor.run(await singleNodeTarget(route, this.#router), args, request);
    }
}

installMethods(GlideClusterClient.prototype, clusterServerCommands, dispatchMethod);

traceClientMethods(GlideClusterClient.prototype);
