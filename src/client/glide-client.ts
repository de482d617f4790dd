import { ConfigurationError, type ClosingError } from "../errors";
import type { Connection } from "../connection/connection";
import type { ClientMethods, CommandDef } from "../commands/core";
import { customReply } from "../commands/generic-reply";
import { genericExtraCommands, standaloneGenericCommands } from "../commands/generic-extra";
import { standaloneServerCommands } from "../commands/server";
import { standaloneServerAdminCommands } from "../commands/server-admin";
import { functionStatsOfNode, standaloneFunctionCommands } from "../commands/function";
import { standaloneScriptingCommands } from "../commands/scripting";
import type { FunctionStatsFullResponse } from "../commands/server-options";
import type { ConnectionOptions } from "../connection/options";
import { standalonePubSubCommands } from "../commands/pubsub";
import { PubSub, validatePubSubConfig } from "../pubsub/pubsub";
import { pubsubRequestOf } from "../pubsub/requests";
import { Decoder, type DecoderOption, type GlideReturnType, type GlideString } from "../commands/types";
import { StandaloneRouter } from "../routing/standalone";
import { NodeReplies } from "../routing/cluster/policies";
import type { CommandArg, RespValue } from "../protocol/types";
import type { Batch, BatchOptions } from "../batch/batch";
import { batchFrames, batchNeedsBytes, batchResult, emptyCommandError, refuseAsGlide } from "../batch/exec";
import { WatchSessions } from "../batch/watch-session";
import { traceClientMethods } from "./traced-calls";
import { BaseClient, installClientMethods } from "./base-client";
import {
    NodeDiscoveryMode,
    resolveConfig,
    type AdvancedBaseClientConfiguration,
    type BaseClientConfiguration,
    type PubSubMsg,
} from "./config";

/** The pub/sub parts of the configuration. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace GlideClientConfiguration {
    /** The kinds of subscription. */
    export enum PubSubChannelModes {
        Exact = 0,
        Pattern = 1,
    }
    /** Subscriptions made when the client connects and restored after every reconnect; messages go to `callback`, or wait for `getPubSubMessage`. */
    export interface PubSubSubscriptions {
        channelsAndPatterns: Partial<Record<PubSubChannelModes, Set<string>>>;
        callback?: (msg: PubSubMsg, context: any) => void;
        context?: any;
    }
}

/** What `getSubscriptions` reports on a standalone client: the subscriptions asked for and those the server confirmed, per mode. */
export interface StandalonePubSubState {
    desiredSubscriptions: Partial<Record<GlideClientConfiguration.PubSubChannelModes, Set<GlideString>>>;
    actualSubscriptions: Partial<Record<GlideClientConfiguration.PubSubChannelModes, Set<GlideString>>>;
}

/** Advanced settings of a standalone client. */
export type AdvancedGlideClientConfiguration = AdvancedBaseClientConfiguration & {};

/** The settings of `GlideClient.createClient`: the shared ones plus standalone subscriptions, read-only mode and node discovery. */
export type GlideClientConfiguration = BaseClientConfiguration & {
    pubsubSubscriptions?: GlideClientConfiguration.PubSubSubscriptions;
    advancedConfiguration?: AdvancedGlideClientConfiguration;
    readOnly?: boolean;
    nodeDiscoveryMode?: NodeDiscoveryMode;
};

export interface GlideClient
    extends ClientMethods<typeof standaloneServerCommands>,
        ClientMethods<typeof standaloneServerAdminCommands>,
        ClientMethods<typeof standaloneFunctionCommands>,
        ClientMethods<typeof standaloneScriptingCommands>,
        ClientMethods<Pick<typeof standalonePubSubCommands, "publish">>,
        ClientMethods<typeof standaloneGenericCommands> {}

/** A client for a standalone server: one primary and, optionally, replicas for reads. */
export class GlideClient extends BaseClient {
    readonly #router: StandaloneRouter;
    readonly #pubsub: PubSub;
    /** Connection settings handed to the subscriber, so that a password change reaches them. */
    readonly #subscriberOptions = new Set<ConnectionOptions>();
    /** WATCH on a connection per caller, so that other callers' EXEC/UNWATCH cannot clear it. */
    readonly #watches = new WatchSessions((connection, args, options) => this.send(connection, args, options));

    private constructor(options: GlideClientConfiguration) {
        const config = resolveConfig(options, ["readOnly", "nodeDiscoveryMode"]);
        validatePubSubConfig(options.pubsubSubscriptions);
        if (options.readOnly) throw new ConfigurationError("readOnly mode is not supported by glide-ts yet");
        if (options.nodeDiscoveryMode != null && options.nodeDiscoveryMode !== NodeDiscoveryMode.Standard) {
            throw new ConfigurationError("Only NodeDiscoveryMode.Standard is supported by glide-ts yet");
        }
        super(config);
        this.#router = new StandaloneRouter(config, this.countingHooks);
        // Subscriptions get a connection of their own, to the primary (see pubsub/subscriber.ts).
        this.#pubsub = new PubSub({
            config: options.pubsubSubscriptions,
            defaultDecoder: config.defaultDecoder,
            locate: async () => {
                const options = { ...(await this.connectionFor({ args: () => [] })).options };
                this.#subscriberOptions.add(options);
                return options;
            },
            checkIntervalMs: config.pubsubCheckIntervalMs,
        });
    }

    /** Creates a client and, unless `lazyConnect`, connects to every address before resolving. */
    static async createClient(options: GlideClientConfiguration): Promise<GlideClient> {
        const client = new GlideClient(options);
        return client.startUp(() => client.#router.connect(), client.#pubsub);
    }

    protected connectionFor(def: CommandDef): Connection | Promise<Connection> {
        const router = this.#router;
        if (!router.connected) return router.connect().then(() => this.connectionFor(def));
        return def.readonly ? router.forRead() : router.primary;
    }

    /** watch opens (or extends) the caller's watch session; unwatch ends it (see batch/watch-session.ts). */
    protected override dispatch(def: CommandDef, params: unknown[]): Promise<unknown> {
        if (def === genericExtraCommands.watch) {
            return this.#watches.watch(() => Promise.resolve(this.connectionFor(def)), params[0] as GlideString[]);
        }
        if (def === standaloneGenericCommands.unwatch) {
            const session = this.#watches.take();
            if (session !== undefined) return this.#watches.unwatch(session);
        }
        return super.dispatch(def, params);
    }

    protected closeConnections(error: ClosingError): void {
        this.#watches.close(error);
        this.#router.close(error);
        this.#pubsub.close(error);
    }

    /** Sends any command as given; the reply is shaped as GLIDE shapes generic replies. */
    async customCommand(args: GlideString[], options?: DecoderOption): Promise<GlideReturnType> {
        if (args.length === 0) throw emptyCommandError();
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const pubsub = pubsubRequestOf(args);
        if (pubsub !== undefined) return this.pubsubRequest(pubsub, bytes) as Promise<GlideReturnType>;
        const convert = (reply: RespValue) => customReply(args, reply, bytes);
        // As GLIDE: FUNCTION STATS goes to every node, its replies a GlideRecord by node address.
        if (isFunctionStats(args)) {
            const replies = await this.#onEveryNode(args, bytes, convert);
            return new NodeReplies(replies).toGlideRecord(bytes) as unknown as GlideReturnType;
        }
        const connection = await this.connectionFor({ args: () => args });
        return this.send(connection, args, { bytes, convert });
    }

    /** Each connected node's reply, by address. */
    async #onEveryNode(args: CommandArg[], bytes: boolean, convert?: (reply: RespValue, bytes: boolean) => unknown): Promise<Map<string, unknown>> {
        await this.connectionFor({ args: () => [] });
        const nodes = this.#router.nodes.filter((node) => node.isReady);
        const replies = await Promise.all(nodes.map((node) => this.send(node, args, { bytes, convert })));
        return new Map(nodes.map((node, index) => [node.address, replies[index]]));
    }

    /**
     * Runs a batch: atomic ones as MULTI … EXEC written in one go (null when a WATCHed key changed),
     * others as a pipeline. With raiseOnError the first failed command throws; otherwise errors
     * stand in the result array in place of their replies.
     */
    async exec(batch: Batch, raiseOnError: boolean, options?: BatchOptions & DecoderOption): Promise<GlideReturnType[] | null> {
        // Refused before the caller's WATCH session is taken, so that it survives the refusal.
        refuseAsGlide(batch.isAtomic, batch.commands, options);
        // Taken before any await: it is the caller's context that must forget its session.
        const watched = batch.isAtomic ? this.#watches.take() : undefined;
        const commands = batch.commands;
        const wantBytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const send = { bytes: batchNeedsBytes(commands, wantBytes), multi: true, timeoutMs: options?.timeout };
        if (watched !== undefined) {
            const replies = await this.#watches.exec(watched, batchFrames(commands, true), send);
            return replies === null ? null : batchResult(commands, true, replies, wantBytes, raiseOnError);
        }
        if (commands.length === 0) return [];
        const connection = await this.connectionFor({ args: () => [] });
        const replies = await this.send(connection, batchFrames(commands, batch.isAtomic), send);
        return batchResult(commands, batch.isAtomic, replies, wantBytes, raiseOnError);
    }

    protected get pubsub(): PubSub {
        return this.#pubsub;
    }

    /** What the client wants to be subscribed to, and what the server confirmed. */
    getSubscriptions(): Promise<StandalonePubSubState> {
        return this.subscriptionState();
    }

    /** FUNCTION STATS of every connected node, keyed by the node's address. */
    async functionStats(options?: DecoderOption): Promise<FunctionStatsFullResponse> {
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        return Object.fromEntries(await this.#onEveryNode(functionStatsOfNode.args(), bytes, functionStatsOfNode.reply)) as FunctionStatsFullResponse;
    }

    protected connectionSettings(): ConnectionOptions[] {
        return [...this.#router.nodes.map((node) => node.options), ...this.#subscriberOptions];
    }

    protected async liveConnections(): Promise<Connection[]> {
        await this.connectionFor({ args: () => [] });
        return this.#router.nodes.filter((node) => node.isReady);
    }
}

function isFunctionStats(args: readonly GlideString[]): boolean {
    return args.length === 2 && String(args[0]).toUpperCase() === "FUNCTION" && String(args[1]).toUpperCase() === "STATS";
}

installClientMethods(GlideClient.prototype, {
    ...standaloneServerCommands,
    // PUBSUB CHANNELS/NUMPAT/NUMSUB come from BaseClient, which runs the same definitions.
    publish: standalonePubSubCommands.publish,
    ...standaloneGenericCommands,
    ...standaloneServerAdminCommands,
    ...standaloneFunctionCommands,
    ...standaloneScriptingCommands,
});

traceClientMethods(GlideClient.prototype);
