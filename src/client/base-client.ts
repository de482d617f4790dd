import { ClosingError, RequestError } from "../errors";
import type { Connection } from "../connection/connection";
import { Request, type Convert, type InflightCounter } from "../connection/request";
import { callOptions, installMethods, type ClientMethods, type CommandDef, type CommandTable } from "../commands/core";
import { baseCommands } from "../commands/base-table";
import { Decoder } from "../commands/types";
import type { CommandArg } from "../protocol/types";
import { BlockingPool } from "./blocking-pool";
import type { ResolvedConfig } from "./config";

/** Extra time a blocking command gets beyond its own server-side timeout. */
const BLOCKING_GRACE_MS = 500;

export interface SendOptions {
    bytes: boolean;
    convert?: Convert;
    timeoutMs?: number;
    /** Several commands written back to back, their replies collected in one array. */
    multi?: boolean;
}

// The command methods are generated from the definitions in commands/ (see installMethods below).
export interface BaseClient extends ClientMethods<typeof baseCommands> {}

/** What GlideClient and GlideClusterClient share: dispatch, timeouts, in-flight limit, close. */
export abstract class BaseClient {
    protected readonly config: ResolvedConfig;
    protected readonly defaultDecoder: Decoder;
    protected readonly blockingPool = new BlockingPool();
    readonly #counter: InflightCounter = { inflight: 0 };
    #closedError: ClosingError | undefined;

    protected constructor(config: ResolvedConfig) {
        this.config = config;
        this.defaultDecoder = config.defaultDecoder;
    }

    /** Where a command goes. Standalone: primary or a replica; cluster: by slot or route. */
    protected abstract connectionFor(def: CommandDef, args: CommandArg[], params: unknown[]): Connection | Promise<Connection>;

    /** Closes every connection; pending and later calls reject with ClosingError. */
    close(errorMessage?: string): void {
        if (this.#closedError) return;
        this.#closedError = new ClosingError(errorMessage ?? "Client closed");
        this.closeConnections(this.#closedError);
        this.blockingPool.close(this.#closedError);
    }

    protected abstract closeConnections(error: ClosingError): void;

    protected get isClosed(): boolean {
        return this.#closedError !== undefined;
    }

    /** Runs one command definition with the caller's parameters. */
    protected dispatch(def: CommandDef, params: unknown[]): Promise<unknown> {
        const args = def.args.apply(undefined, params);
        const options = callOptions(def, params);
        const bytes = def.bytesReply || (!def.stringReply && (options?.decoder ?? this.defaultDecoder) === Decoder.Bytes);
        if (def.blockingSeconds?.(...params) !== undefined) {
            return this.sendBlocking(def, args, params, bytes);
        }
        const target = this.connectionFor(def, args, params);
        const send = { bytes, convert: def.reply };
        if (target instanceof Promise) return target.then((connection) => this.send(connection, args, send));
        return this.send(target, args, send);
    }

    /** Sends on a connection, counting against the in-flight limit and the request timeout. */
    protected send(connection: Connection, args: CommandArg[] | CommandArg[][], options: SendOptions): Promise<any> {
        if (this.#closedError) return Promise.reject(this.#closedError);
        if (this.#counter.inflight >= this.config.inflightLimit) {
            return Promise.reject(
                new RequestError(
                    `Reached the limit of ${this.config.inflightLimit} requests in flight (inflightRequestsLimit); wait for some to complete`,
                ),
            );
        }
        const timeoutMs = options.timeoutMs ?? this.config.requestTimeoutMs;
        const deadline = timeoutMs === Infinity ? Infinity : performance.now() + timeoutMs;
        const request = new Request(args, options.multi === true, options.bytes, options.convert, deadline);
        request.counter = this.#counter;
        this.#counter.inflight++;
        return new Promise((resolve, reject) => {
            request.resolve = resolve;
            request.reject = reject;
            connection.send(request);
        });
    }

    /** A blocking command on a connection of its own, with its own timeout plus a grace period. */
    protected async sendBlocking(def: CommandDef, args: CommandArg[], params: unknown[], bytes: boolean): Promise<unknown> {
        const seconds = def.blockingSeconds!(...params) ?? 0;
        const timeoutMs = seconds > 0 ? seconds * 1000 + BLOCKING_GRACE_MS : Infinity;
        const home = await this.connectionFor(def, args, params);
        if (def.sameConnection) return this.send(home, args, { bytes, convert: def.reply, timeoutMs });
        const connection = this.blockingPool.acquire(home.options);
        try {
            return await this.send(connection, args, { bytes, convert: def.reply, timeoutMs });
        } finally {
            this.blockingPool.release(connection);
        }
    }
}

/** Installs a table of command definitions as methods of a client class. */
export function installClientMethods(proto: BaseClient, table: CommandTable): void {
    installMethods(proto, table, (self: BaseClient, def, params) =>
        (self as unknown as { dispatch: BaseClient["dispatch"] }).dispatch(def, params),
    );
}

installClientMethods(BaseClient.prototype, baseCommands);
