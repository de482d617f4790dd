import { ConfigurationError, type ClosingError } from "../errors";
import type { Connection } from "../connection/connection";
import { installMethods, type ClientMethods, type CommandDef } from "../commands/core";
import { customReply } from "../commands/generic-reply";
import { standaloneServerCommands } from "../commands/server";
import { Decoder, type DecoderOption, type GlideReturnType, type GlideString } from "../commands/types";
import { StandaloneRouter } from "../routing/standalone";
import type { Batch, BatchOptions } from "../batch/batch";
import { batchFrames, batchNeedsBytes, batchResult } from "../batch/exec";
import { BaseClient } from "./base-client";
import {
    NodeDiscoveryMode,
    resolveConfig,
    type AdvancedBaseClientConfiguration,
    type BaseClientConfiguration,
    type PubSubMsg,
} from "./config";

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace GlideClientConfiguration {
    export enum PubSubChannelModes {
        Exact = 0,
        Pattern = 1,
    }
    export interface PubSubSubscriptions {
        channelsAndPatterns: Partial<Record<PubSubChannelModes, Set<string>>>;
        callback?: (msg: PubSubMsg, context: any) => void;
        context?: any;
    }
}

export type AdvancedGlideClientConfiguration = AdvancedBaseClientConfiguration & {};

export type GlideClientConfiguration = BaseClientConfiguration & {
    pubsubSubscriptions?: GlideClientConfiguration.PubSubSubscriptions;
    advancedConfiguration?: AdvancedGlideClientConfiguration;
    readOnly?: boolean;
    nodeDiscoveryMode?: NodeDiscoveryMode;
};

export interface GlideClient extends ClientMethods<typeof standaloneServerCommands> {}

/** A client for a standalone server: one primary and, optionally, replicas for reads. */
export class GlideClient extends BaseClient {
    readonly #router: StandaloneRouter;

    private constructor(options: GlideClientConfiguration) {
        const config = resolveConfig(options, ["readOnly", "nodeDiscoveryMode"]);
        if (options.pubsubSubscriptions !== undefined) {
            throw new ConfigurationError("pubsubSubscriptions are not supported by glide-ts yet");
        }
        if (options.readOnly) throw new ConfigurationError("readOnly mode is not supported by glide-ts yet");
        if (options.nodeDiscoveryMode !== undefined && options.nodeDiscoveryMode !== NodeDiscoveryMode.Standard) {
            throw new ConfigurationError("Only NodeDiscoveryMode.Standard is supported by glide-ts yet");
        }
        super(config);
        this.#router = new StandaloneRouter(config);
    }

    /** Creates a client and, unless `lazyConnect`, connects to every address before resolving. */
    static async createClient(options: GlideClientConfiguration): Promise<GlideClient> {
        const client = new GlideClient(options);
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

    protected connectionFor(def: CommandDef): Connection | Promise<Connection> {
        const router = this.#router;
        if (!router.connected) return router.connect().then(() => this.connectionFor(def));
        return def.readonly ? router.forRead() : router.primary;
    }

    protected closeConnections(error: ClosingError): void {
        this.#router.close(error);
    }

    /** Sends any command as given; the reply is shaped as GLIDE shapes generic replies. */
    async customCommand(args: GlideString[], options?: DecoderOption): Promise<GlideReturnType> {
        const bytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const connection = await this.connectionFor({ args: () => args });
        return this.send(connection, args, { bytes, convert: (reply) => customReply(args, reply) });
    }

    /**
     * Runs a batch: atomic ones as MULTI … EXEC written in one go (null when a WATCHed key changed),
     * others as a pipeline. With raiseOnError the first failed command throws; otherwise errors
     * stand in the result array in place of their replies.
     */
    async exec(batch: Batch, raiseOnError: boolean, options?: BatchOptions & DecoderOption): Promise<GlideReturnType[] | null> {
        const commands = batch.commands;
        if (commands.length === 0) return [];
        const wantBytes = (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes;
        const connection = await this.connectionFor({ args: () => [] });
        const replies = await this.send(connection, batchFrames(commands, batch.isAtomic), {
            bytes: batchNeedsBytes(commands, wantBytes),
            multi: true,
            timeoutMs: options?.timeout,
        });
        return batchResult(commands, batch.isAtomic, replies, wantBytes, raiseOnError);
    }

    /** Changes the database on every node; the choice survives reconnects. */
    async select(index: number): Promise<"OK"> {
        await this.connectionFor({ args: () => [] });
        const nodes = this.#router.nodes.filter((node) => node.isReady);
        await Promise.all(nodes.map((node) => this.send(node, ["SELECT", index], { bytes: false })));
        for (const node of this.#router.nodes) node.options.databaseId = index;
        return "OK";
    }
}

installMethods(GlideClient.prototype, standaloneServerCommands, (self: GlideClient, def, params) =>
    (self as unknown as { dispatch(def: CommandDef, params: unknown[]): Promise<unknown> }).dispatch(def, params),
);
