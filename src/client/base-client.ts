import { closedClientError, ClosingError, ConfigurationError, rejectionWithCallerStack, RequestError } from "../errors";
import type { Connection, ConnectionHooks } from "../connection/connection";
import { handshakeCommands } from "../connection/handshake";
import type { ConnectionOptions } from "../connection/options";
import { Request, type FailureHandler, type InflightCounter, type SendOptions } from "../connection/request";
import { callOptions, installMethods, type ClientMethods, type CommandDef, type CommandTable } from "../commands/core";
import { baseCommands } from "../commands/base-table";
import { standalonePubSubCommands } from "../commands/pubsub";
import { fcallCommands } from "../commands/function";
import { invokeScriptWith, scriptingCommands, type ScriptOptions } from "../commands/scripting";
import type { Script } from "../commands/script";
import { getStatistics, statistics } from "../commands/server-statistics";
import { Decoder, type DecoderOption, type GlideReturnType, type GlideString } from "../commands/types";
import type { PubSubMsg } from "../pubsub/delivery";
import { SubscriptionMode } from "../pubsub/modes";
import type { ClientPubSub, PubSubState } from "../pubsub/pubsub";
import { subscriptionsInSync } from "../pubsub/sync-check";
import { isLogged, Level, log } from "../observability/core-log";
import { changeSubscriptions, subscriptionState, subscriptionsReply, waitTimeout, type PubSubRequest } from "../pubsub/requests";
import type { CommandArg } from "../protocol/types";
import { timerDelay } from "../connection/timers";
import { createClientError } from "../routing/initial-connect";
import { BlockingPool } from "./blocking-pool";
import { blockingTimeoutError } from "./blocking-timeout";
import type { ResolvedConfig } from "./config";
import { dispatchingSpan, sampling, sampleThis } from "../observability/otel-tracing";
import { tracedDispatch } from "./traced-calls";

/** Extra time a blocking command gets beyond its own server-side timeout. */
const BLOCKING_GRACE_MS = 500;

/** Scripting and function calls with the same signature on both clients (clients only: batches define their own). */
export const baseClientCommands = { ...fcallCommands, ...scriptingCommands };

// The command methods are generated from the definitions in commands/ (see installMethods below).
export interface BaseClient extends ClientMethods<typeof baseCommands>, ClientMethods<typeof baseClientCommands> {}

/** A connection's settings; the client's own (config.connection) has no address. */
type ConnectionSettings = Omit<ConnectionOptions, "host" | "port">;

/** GLIDE's words when a cache metric is asked of a client without a cache. */
const NO_CACHE = "Client-side caching is not enabled- InvalidClientConfig";

/** What GlideClient and GlideClusterClient share: dispatch, timeouts, in-flight limit, close. */
export abstract class BaseClient {
    protected readonly config: ResolvedConfig;
    protected readonly defaultDecoder: Decoder;
    /** Connections counted by getStatistics while they are open. */
    readonly #openConnections = new Set<Connection>();
    /**
     * Given to every connection the client opens to serve commands (router nodes, blocking pool),
     * so that getStatistics counts it from its handshake until it is lost or closed.
     */
    protected readonly countingHooks: ConnectionHooks = {
        onReady: (connection) => {
            if (this.isClosed || this.#openConnections.has(connection)) return;
            this.#openConnections.add(connection);
            statistics.connectionOpened();
        },
        onDisconnect: (connection) => {
            if (this.#openConnections.delete(connection)) statistics.connectionClosed();
        },
    };
    protected readonly blockingPool = new BlockingPool(undefined, this.countingHooks);
    readonly #counter: InflightCounter = { inflight: 0 };
    #closed = false;
    #syncCheckTimer: NodeJS.Timeout | undefined;

    protected constructor(config: ResolvedConfig) {
        this.config = config;
        this.defaultDecoder = config.defaultDecoder;
        statistics.clientCreated();
    }

    /** Where a command goes. Standalone: primary or a replica; cluster: by slot or route. */
    protected abstract connectionFor(def: CommandDef, args: CommandArg[], params: unknown[]): Connection | Promise<Connection>;

    /** Active channels, optionally matching a pattern (PUBSUB CHANNELS). */
    pubsubChannels(options?: { pattern?: GlideString } & DecoderOption): Promise<GlideString[]> {
        return this.dispatch(standalonePubSubCommands.pubsubChannels, [options]) as Promise<GlideString[]>;
    }

    /** How many pattern subscriptions there are (PUBSUB NUMPAT). */
    pubsubNumPat(): Promise<number> {
        return this.dispatch(standalonePubSubCommands.pubsubNumPat, []) as Promise<number>;
    }

    /** Subscribers per channel (PUBSUB NUMSUB). */
    pubsubNumSub(channels: GlideString[], options?: DecoderOption): Promise<{ channel: GlideString; numSub: number }[]> {
        return this.dispatch(standalonePubSubCommands.pubsubNumSub, [channels, options]) as Promise<{ channel: GlideString; numSub: number }[]>;
    }

    /**
     * What createClient does after construction: unless lazyConnect, connect and start the
     * configured subscriptions, closing the client if either fails.
     */
    protected async startUp(connect: () => Promise<void>, pubsub: { start(timeoutMs: number): Promise<void> }): Promise<this> {
        const startedAt = performance.now();
        log(Level.Info, "Client lifetime", "construct client");
        if (this.config.lazyConnect) {
            // Configured subscriptions never wait for a first command: messages may be all the client is for.
            pubsub.start(0).catch(() => undefined);
            this.#startSyncChecks();
            return this;
        }
        try {
            await connect();
            await pubsub.start(this.config.connection.connectionTimeoutMs);
        } catch (error) {
            const creationError = createClientError(error);
            log(Level.Error, "client creation", String((creationError as Error)?.message ?? creationError));
            this.close();
            throw creationError;
        }
        if (isLogged(Level.Info)) log(Level.Info, "Client lifetime", `connected to server in ${Math.round(performance.now() - startedAt)}ms`);
        this.#startSyncChecks();
        return this;
    }

    /**
     * getStatistics' subscription counters: as GLIDE's subscription synchronizer, every
     * reconciliation interval (and once at start) compare desired with actual subscriptions.
     */
    #startSyncChecks(): void {
        const check = (): void => statistics.subscriptionsChecked(subscriptionsInSync(this.pubsub.snapshot()));
        check();
        this.#syncCheckTimer = setInterval(check, timerDelay(this.config.pubsubCheckIntervalMs));
        this.#syncCheckTimer.unref();
    }

    /**
     * Closes every connection; pending calls reject with ClosingError(errorMessage), as GLIDE's
     * (empty when none is given), and later calls with GLIDE's "the client is closed".
     */
    close(errorMessage?: string): void {
        if (this.#closed) return;
        this.#closed = true;
        log(Level.Info, "Client lifetime", "disposing of client");
        clearInterval(this.#syncCheckTimer);
        const error = new ClosingError(errorMessage || "");
        this.closeConnections(error);
        this.blockingPool.close(error);
        for (const _ of this.#openConnections) statistics.connectionClosed();
        this.#openConnections.clear();
        statistics.clientClosed();
    }

    protected abstract closeConnections(error: ClosingError): void;

    /**
     * Every settings object the client's connections (re)connect with besides the client's own
     * (config.connection, which nodes found later copy): each node's, and the subscribers' it can
     * reach. Blocking-pool connections share their node's.
     */
    protected abstract connectionSettings(): ConnectionSettings[];

    /** The node connections that are open now, once the client has connected. */
    protected abstract liveConnections(): Promise<Connection[]>;

    /** The client's pub/sub (standalone: one subscriber; cluster: one per node that needs one). */
    protected abstract get pubsub(): ClientPubSub;

    // The (un)subscribe methods read their arguments as GLIDE's do (a TypeError for a missing
    // timeout or names that are not iterable; an empty or null list unsubscribes from everything),
    // then take the path of the customCommand forms (pubsub/requests.ts). All resolve null.

    /** Subscribes to channels without waiting for the server's confirmation. */
    async subscribeLazy(channels: Iterable<GlideString>, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Exact, true, Array.from(channels));
    }

    /** Subscribes and waits (timeoutMs; 0: forever) until the server confirmed every channel. */
    async subscribe(channels: Iterable<GlideString>, timeoutMs: number, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Exact, true, Array.from(channels), timeoutMs.toString());
    }

    async psubscribeLazy(patterns: Iterable<GlideString>, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Pattern, true, Array.from(patterns));
    }

    async psubscribe(patterns: Iterable<GlideString>, timeoutMs: number, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Pattern, true, Array.from(patterns), timeoutMs.toString());
    }

    /** null (ALL_CHANNELS) or no argument: every channel. */
    async unsubscribeLazy(channels?: Iterable<GlideString> | null, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Exact, false, channels ? Array.from(channels) : []);
    }

    async unsubscribe(channels: Iterable<GlideString> | null, timeoutMs: number, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Exact, false, channels ? Array.from(channels) : [], timeoutMs.toString());
    }

    /** null (ALL_PATTERNS) or no argument: every pattern. */
    async punsubscribeLazy(patterns?: Iterable<GlideString> | null, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Pattern, false, patterns ? Array.from(patterns) : []);
    }

    async punsubscribe(patterns: Iterable<GlideString> | null, timeoutMs: number, options?: DecoderOption): Promise<void> {
        return this.subscriptionChange(SubscriptionMode.Pattern, false, patterns ? Array.from(patterns) : [], timeoutMs.toString());
    }

    /** One (un)subscription; `timeout` (as GLIDE's core reads it) when the caller waits. */
    protected subscriptionChange(mode: SubscriptionMode, subscribe: boolean, names: GlideString[], timeout?: string): Promise<void> {
        const change = { mode, subscribe, names, timeoutMs: timeout === undefined ? undefined : waitTimeout(timeout) };
        return this.pubsubRequest(change, false) as Promise<never>;
    }

    /** A request for the pub/sub layer (a method's, or a customCommand GLIDE's core answers itself). */
    protected async pubsubRequest(request: PubSubRequest, bytes: boolean): Promise<unknown> {
        if (this.#closed) throw closedClientError();
        if (request === "state") return subscriptionsReply(this.pubsub.snapshot(), bytes);
        return changeSubscriptions(this.pubsub, request);
    }

    /** What getSubscriptions answers: desired and actual names per mode, in the default decoder. */
    protected async subscriptionState(): Promise<PubSubState> {
        if (this.#closed) throw closedClientError();
        return subscriptionState(this.pubsub.snapshot(), this.defaultDecoder === Decoder.Bytes);
    }

    /** The next published message, waiting for one; not with a configured callback. Rejects with ClosingError on close. */
    async getPubSubMessage(): Promise<PubSubMsg> {
        if (this.#closed) throw closedClientError();
        return this.pubsub.nextMessage();
    }

    /** The next published message, or null when none is waiting; not with a configured callback. */
    tryGetPubSubMessage(decoder?: Decoder): PubSubMsg | null {
        if (this.#closed) throw closedClientError();
        return this.pubsub.tryNextMessage(decoder);
    }

    protected get isClosed(): boolean {
        return this.#closed;
    }

    /** Runs one command definition with the caller's parameters. */
    protected dispatch(def: CommandDef, params: unknown[]): Promise<unknown> {
        if (this.#closed) return Promise.reject(closedClientError());
        const args = def.args.apply(undefined, params);
        const options = callOptions(def, params);
        const bytes = def.bytesReply || (!def.stringReply && (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes);
        if (def.blockingSeconds?.(...params) !== undefined) return this.sendBlocking(def, args, params, bytes);
        const target = this.connectionFor(def, args, params);
        const send = { bytes, convert: def.reply };
        if (target instanceof Promise) return target.then((connection) => this.send(connection, args, send));
        return this.send(target, args, send);
    }

    /**
     * Sends on a connection, counting against the in-flight limit and the request timeout.
     * `onFailure`: errors go to it instead of rejecting (the cluster executor's redirections).
     * `deadline`: absolute, on the performance.now() clock, when the caller has computed it already.
     */
    protected send(
        connection: Connection,
        args: CommandArg[] | CommandArg[][],
        options: SendOptions,
        onFailure?: FailureHandler,
        deadline = performance.now() + (options.timeoutMs ?? this.config.requestTimeoutMs),
    ): Promise<any> {
        if (this.#closed) return Promise.reject(closedClientError());
        const request = new Request(args, options.multi === true, options.bytes, options.convert, deadline);
        if (options.uncounted !== true) {
            if (this.#counter.inflight >= this.config.inflightLimit) {
                return Promise.reject(new RequestError("Reached maximum inflight requests- ClientError"));
            }
            request.counter = this.#counter;
            this.#counter.inflight++;
        }
        request.onFailure = onFailure;
        const span = dispatchingSpan.current;
        if (span !== undefined) {
            span.sentTo(connection.options.host, connection.options.port);
            dispatchingSpan.current = undefined;
        }
        const settled = settledBy(request);
        connection.send(request);
        return settled;
    }

    /** A blocking command on a connection of its own, with its own timeout plus a grace period. */
    protected async sendBlocking(def: CommandDef, args: CommandArg[], params: unknown[], bytes: boolean): Promise<unknown> {
        const refused = blockingTimeoutError(args);
        if (refused !== undefined) throw refused;
        const seconds = def.blockingSeconds!(...params) ?? 0;
        const timeoutMs = seconds > 0 ? seconds * 1000 + BLOCKING_GRACE_MS : Infinity;
        const home = await this.connectionFor(def, args, params);
        if (def.sameConnection) return this.send(home, args, { bytes, convert: def.reply, timeoutMs });
        const connection = this.blockingPool.acquire(home.options);
        try {
            // The command's own timeout starts once its connection is open: opening one is ours to do, not the caller's wait.
            if (!connection.isReady) await connection.connect();
            return await this.send(connection, args, { bytes, convert: def.reply, timeoutMs });
        } finally {
            this.blockingPool.release(connection);
        }
    }

    /** Changes the database on every node; the choice survives reconnects. */
    async select(index: number): Promise<"OK"> {
        const connections = await this.liveConnections();
        await Promise.all(connections.map((connection) => this.send(connection, ["SELECT", index], { bytes: false })));
        for (const options of [this.config.connection, ...this.connectionSettings()]) options.databaseId = index;
        return "OK";
    }

    /**
     * Runs a script by its hash, sending its code once if the server does not have it cached.
     * The cluster client sends it to its first key's slot, or to a random node without keys.
     */
    invokeScript(script: Script, options?: ScriptOptions): Promise<GlideReturnType> {
        return invokeScriptWith((def, params) => this.dispatch(def, params), script, options);
    }

    /**
     * RESET, then the handshake again on the same connection: RESET also drops the protocol to
     * RESP2, the database, the client name and the authentication this client set up. Standalone:
     * the primary's connection; cluster: a random primary's.
     */
    async reset(): Promise<"RESET"> {
        const connection = await this.connectionFor({ args: () => [] }, [], []);
        const frames = [["RESET"], ...handshakeCommands(connection.options)];
        const [reply, hello] = (await this.send(connection, frames, { bytes: false, multi: true })) as unknown[];
        if (reply instanceof Error) throw reply;
        // Unauthenticated or on the wrong protocol, the connection would fail every later command.
        if (hello instanceof Error) throw hello;
        return reply as "RESET";
    }

    /**
     * Changes the password every connection of this client uses when it (re)connects; with
     * immediateAuth, also sends AUTH with it on every open node connection and idle blocking one.
     */
    async updateConnectionPassword(password: string | null, immediateAuth = false): Promise<GlideString> {
        if (immediateAuth && !password) {
            throw new RequestError(`${password === "" ? "Empty" : "No"} password provided for authentication- UserOperationError`);
        }
        for (const options of [this.config.connection, ...this.connectionSettings()]) {
            if (password === null) delete options.password;
            else options.password = password;
        }
        if (!immediateAuth) return "OK";
        const connections = [...(await this.liveConnections()), ...this.blockingPool.idleConnections];
        const auth = (connection: Connection) =>
            connection.options.username === undefined ? ["AUTH", password!] : ["AUTH", connection.options.username, password!];
        const replies = await Promise.all(connections.map((connection) => this.send(connection, auth(connection), { bytes: false })));
        return replies[0] as GlideString;
    }

    /** IAM authentication is not supported yet, so no client has a token to refresh. */
    async refreshIamToken(): Promise<GlideString> {
        throw new ConfigurationError("refreshIamToken is only available when IAM authentication is enabled.");
    }

    // Client-side caching is not supported yet: as GLIDE does without a cache, the metrics reject.
    async getCacheHitRate(): Promise<number> {
        throw new RequestError(NO_CACHE);
    }

    async getCacheMissRate(): Promise<number> {
        throw new RequestError(NO_CACHE);
    }

    async getCacheEntryCount(): Promise<number> {
        throw new RequestError(NO_CACHE);
    }

    async getCacheEvictions(): Promise<number> {
        throw new RequestError(NO_CACHE);
    }

    async getCacheExpirations(): Promise<number> {
        throw new RequestError(NO_CACHE);
    }

    async getCacheTotalLookups(): Promise<number> {
        throw new RequestError(NO_CACHE);
    }

    /**
     * Process-wide counters, as GLIDE's: clients alive, and connections open to servers — every
     * node connection and blocking-pool connection of every client, from its handshake until it is
     * lost or closed. Pub/sub subscriber connections are not counted.
     */
    getStatistics(): object {
        return getStatistics();
    }
}

/**
 * Runs a client method: GLIDE's methods are async, so arguments refused before anything is sent
 * (an argument builder that throws) reject the returned promise rather than throw.
 */
export function dispatchMethod(self: BaseClient, def: CommandDef, params: unknown[]): Promise<unknown> {
    // Tracing off: one number compared, nothing allocated.
    if (sampling.percentage > 0 && sampleThis()) return tracedDispatch(self, def, params, untracedDispatch);
    return untracedDispatch(self, def, params);
}

function untracedDispatch(self: BaseClient, def: CommandDef, params: unknown[]): Promise<unknown> {
    try {
        return (self as unknown as { dispatch: BaseClient["dispatch"] }).dispatch(def, params);
    } catch (error) {
        return Promise.reject(error);
    }
}

/**
 * Installs a table of command definitions as methods of a client class. GLIDE's methods are
 * async: an argument they refuse before sending rejects the promise, it does not throw.
 */
export function installClientMethods(proto: BaseClient, table: CommandTable): void {
    installMethods(proto, table, dispatchMethod);
}

installClientMethods(BaseClient.prototype, { ...baseCommands, ...baseClientCommands });

/**
 * A promise settled by the request's resolve/reject. The executor is one module-level function
 * reading a variable, not a closure per request: requests are sent at a rate where the closure
 * and its context are a measurable share of the garbage.
 */
function settledBy(request: Request): Promise<any> {
    capturing = request;
    return new Promise(captureSettlers);
}

let capturing: Request | undefined;

function captureSettlers(resolve: (value: unknown) => void): void {
    capturing!.resolve = resolve;
    capturing!.reject = rejectForCaller;
    capturing = undefined;
}

/**
 * A request's `reject` (called as its method): the caller's promise settles with an error whose
 * stack shows the caller's awaiting functions rather than only the socket callback that made it.
 */
function rejectForCaller(this: Request, error: Error): void {
    this.resolve(rejectionWithCallerStack(error));
}
