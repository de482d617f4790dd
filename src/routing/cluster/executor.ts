import { RequestError, serverError, serverErrorText, TimeoutError } from "../../errors";
import type { Connection } from "../../connection/connection";
import type { Convert, FailureHandler, Request, SendOptions } from "../../connection/request";
import type { CommandArg, RespValue } from "../../protocol/types";
import type { ClusterRouter } from "./cluster-router";
import { sleep } from "../../connection/backoff";
import { aggregate, type NodeReplies, type ResponsePolicy } from "./policies";
import { classifyError } from "./redirect";
import { telemetryCounters } from "../../observability/otel-counters";

/** Where one request goes; re-resolved on every attempt, so a MOVED lands on the new owner. */
export type Target =
    | { kind: "slot"; slot: number; read: boolean }
    | { kind: "replicaSlot"; slot: number }
    | { kind: "node"; address: string }
    | { kind: "random" };

export interface ExecuteOptions {
    bytes: boolean;
    convert?: Convert;
    timeoutMs?: number;
    /**
     * `args` is several commands written together, their replies returned as an array: a
     * transaction (retried whole when its commands were redirected) or a pipeline (as is).
     */
    frames?: "transaction" | "pipeline";
    /** Retry TRYAGAIN / CLUSTERDOWN (default true). */
    retryServerErrors?: boolean;
    /** Retry after a lost connection (default true). */
    retryConnectionErrors?: boolean;
    /** See SendOptions.uncounted. */
    uncounted?: boolean;
    /** What several nodes' replies that no policy combines become (runOnNodes); a record by address when absent. */
    unaggregated?: (replies: NodeReplies) => unknown;
}

/** How the executor reaches a node: the client's own send. */
export interface Transport {
    /** `onFailure` takes errors over instead of rejecting; `deadline` is absolute, on the performance.now() clock. */
    send(
        connection: Connection,
        args: CommandArg[] | CommandArg[][],
        options: SendOptions,
        onFailure?: FailureHandler,
        deadline?: number,
    ): Promise<unknown>;
}

export interface ExecutorSettings {
    requestTimeoutMs: number;
    /** Requests allowed to wait for a reconnecting node at once (0: fail fast). */
    recoveryQueueSize: number;
    isClosed: () => boolean;
}

/** Bounds the loop when the request has no deadline (timeout disabled). */
const MAX_ATTEMPTS = 32;
const RETRY_BASE_MS = 10;
const RETRY_MAX_MS = 200;

/**
 * Sends one request through the cluster, following MOVED (map patched, throttled refresh),
 * ASK (ASKING and the command in one write, map unchanged), TRYAGAIN / CLUSTERDOWN and lost
 * connections (retried with backoff), all within the request's own timeout.
 */
export class ClusterExecutor {
    #recovering = 0;

    constructor(
        readonly router: ClusterRouter,
        readonly transport: Transport,
        readonly settings: ExecutorSettings,
    ) {}

    send(connection: Connection, args: CommandArg[] | CommandArg[][], options: SendOptions): Promise<unknown> {
        return this.transport.send(connection, args, options);
    }

    run(target: Target, args: CommandArg[] | CommandArg[][], options: ExecuteOptions): Promise<unknown> {
        const deadline = performance.now() + (options.timeoutMs ?? this.settings.requestTimeoutMs);
        if (this.router.connected && options.frames === undefined) {
            const connection = this.resolve(target);
            if (connection !== undefined && connection.isReady) {
                // The common case: one request; the redirect loop only starts when it fails.
                return this.transport.send(connection, args, options, new FirstAttempt(this, target, options, connection), deadline);
            }
        }
        return this.#redirectLoop(target, args, options, deadline, undefined);
    }

    /** Continues a request whose first attempt failed, then settles it. */
    retry(request: Request, error: Error, target: Target, options: ExecuteOptions, connection: Connection): void {
        this.#redirectLoop(target, request.args, options, request.deadline, { error, connection }).then(request.resolve, (error) => request.reject(error));
    }

    async #redirectLoop(
        target: Target,
        args: CommandArg[] | CommandArg[][],
        options: ExecuteOptions,
        deadline: number,
        failed: { error: unknown; connection: Connection } | undefined,
    ): Promise<unknown> {
        if (!this.router.connected) await this.router.connect();
        let asking: string | undefined;
        /** Where the last MOVED pointed: the next attempt goes there, whatever the map says by then. */
        let movedTo: string | undefined;
        /** Transactions: nodes already tried, so keys spread over two nodes cannot bounce forever. */
        const tried = options.frames === "transaction" ? new Set<Connection>() : undefined;
        for (let attempt = 0; ; attempt++) {
            let error: unknown;
            let connection: Connection | undefined;
            if (failed !== undefined) {
                ({ error, connection } = failed);
                failed = undefined;
            } else {
                if (deadline - performance.now() <= 0) {
                    telemetryCounters.timeoutErrors++;
                    throw new TimeoutError("timed out");
                }
                const redirectedTo = asking ?? movedTo;
                connection = redirectedTo !== undefined ? this.router.nodeAt(redirectedTo) : this.resolve(target);
                if (connection === undefined) {
                    error = serverError(`CLUSTERDOWN no node serves the ${describe(target)}`);
                } else {
                    try {
                        return await this.#sendOnce(connection, args, options, deadline, asking !== undefined);
                    } catch (caught) {
                        error = caught;
                    }
                }
            }
            asking = undefined;
            movedTo = undefined;
            if (attempt >= MAX_ATTEMPTS) throw error;
            const redirect = classifyError(error, this.settings.isClosed());
            if (tried !== undefined && connection !== undefined && (redirect.kind === "moved" || redirect.kind === "ask")) {
                tried.add(connection);
                if (tried.has(this.router.nodeAt(withHost(redirect.address, connection)))) {
                    throw new RequestError(`${(error as Error).message}: the keys of one transaction must be served by one node (use a {hash tag})`);
                }
            }
            switch (redirect.kind) {
                case "moved": {
                    telemetryCounters.movedErrors++;
                    const address = withHost(redirect.address, connection);
                    this.router.onMoved(redirect.slot, address);
                    this.router.redirectLog.note("moved", redirect.slot, address);
                    movedTo = address;
                    break;
                }
                case "ask":
                    asking = withHost(redirect.address, connection);
                    this.router.redirectLog.note("ask", redirect.slot, asking);
                    break;
                case "retryLater":
                    if (options.retryServerErrors === false) throw error;
                    telemetryCounters.retryAttempts++;
                    void this.router.requestRefresh();
                    await sleep(Math.min(backoff(attempt), deadline - performance.now()));
                    break;
                case "reconnect":
                    if (options.retryConnectionErrors === false) throw error;
                    telemetryCounters.retryAttempts++;
                    void this.router.requestRefresh();
                    await sleep(Math.min(backoff(attempt), deadline - performance.now()));
                    break;
                case "fail":
                    throw error;
            }
        }
    }

    /** Runs on several nodes in parallel and combines the replies by the response policy. */
    async runOnNodes(
        addresses: string[],
        args: CommandArg[],
        options: ExecuteOptions,
        policy: ResponsePolicy | undefined,
    ): Promise<unknown> {
        // One request for the in-flight limit, as GLIDE counts it, however many nodes it goes to.
        const parts = addresses.map((address, index) => this.run({ kind: "node", address }, args, index === 0 ? options : { ...options, uncounted: true }));
        const results = await Promise.allSettled(parts);
        const replies = new Map<string, unknown>();
        let firstError: unknown;
        results.forEach((result, index) => {
            if (result.status === "fulfilled") replies.set(addresses[index], result.value);
            else firstError ??= result.reason;
        });
        if (firstError !== undefined && (policy !== "oneSucceeded" || replies.size === 0)) throw firstError;
        return aggregate(policy, replies, options.unaggregated);
    }

    /** The node a target means now, per the slot map. */
    resolve(target: Target): Connection | undefined {
        switch (target.kind) {
            case "slot":
                return this.router.nodeForSlot(target.slot, target.read);
            case "replicaSlot":
                return this.router.replicaForSlot(target.slot);
            case "node":
                return this.router.nodeAt(target.address);
            case "random":
                return this.router.randomPrimary();
        }
    }

    #sendOnce(
        connection: Connection,
        args: CommandArg[] | CommandArg[][],
        options: ExecuteOptions,
        deadline: number,
        asking: boolean,
    ): Promise<unknown> {
        const recovering = !connection.isReady && !connection.isClosed;
        if (recovering) {
            if (this.#recovering >= this.settings.recoveryQueueSize) {
                return Promise.reject(
                    new RequestError(
                        `${connection.address} is reconnecting and ${this.#recovering} requests already wait for it (recoveryRequestsQueueSize)`,
                    ),
                );
            }
            this.#recovering++;
        }
        const sent = this.#transmit(connection, args, options, deadline, asking);
        return recovering ? sent.finally(() => this.#recovering--) : sent;
    }

    #transmit(connection: Connection, args: CommandArg[] | CommandArg[][], options: ExecuteOptions, deadline: number, asking: boolean): Promise<unknown> {
        const { bytes, convert } = options;
        const withAsking = (frames: CommandArg[][]) => (asking ? [["ASKING"], ...frames] : frames);
        let send: SendOptions;
        let frames: CommandArg[] | CommandArg[][];
        if (options.frames) {
            send = { bytes, multi: true, uncounted: options.uncounted };
            frames = withAsking(args as CommandArg[][]);
        } else if (asking) {
            send = { bytes, convert: afterAsking(convert), multi: true, uncounted: options.uncounted };
            frames = withAsking([args as CommandArg[]]);
        } else {
            send = options;
            frames = args;
        }
        const sent = this.transport.send(connection, frames, send, undefined, deadline);
        if (!options.frames) return sent;
        return sent.then((replies) => {
            const own = asking ? (replies as RespValue[]).slice(1) : (replies as RespValue[]);
            return options.frames === "transaction" ? raiseRedirect(own) : own;
        });
    }
}

/** The first attempt of a request sent by `run`: its failure hands the request to the redirect loop. */
class FirstAttempt implements FailureHandler {
    constructor(
        readonly executor: ClusterExecutor,
        readonly target: Target,
        readonly options: ExecuteOptions,
        readonly connection: Connection,
    ) {}

    failed(request: Request, error: Error): void {
        this.executor.retry(request, error, this.target, this.options, this.connection);
    }
}

const REDIRECT_OR_RETRY = /^(MOVED|ASK|TRYAGAIN|CLUSTERDOWN) /;

/**
 * A transaction whose commands were redirected (EXEC then fails with EXECABORT), or whose EXEC
 * was, is retried as a whole: the redirect becomes the batch's error.
 */
function raiseRedirect(replies: RespValue[]): RespValue[] {
    for (let i = 0; i < replies.length; i++) {
        const reply = replies[i];
        if (REDIRECT_OR_RETRY.test(serverErrorText(reply) ?? "")) throw reply;
    }
    return replies;
}

/** ASKING and the command travel together; the command's reply is the second. */
function afterAsking(convert: Convert | undefined): Convert {
    return (replies, bytes) => {
        const reply = (replies as RespValue[])[1];
        if (reply instanceof Error) throw reply;
        return convert === undefined ? reply : convert(reply, bytes);
    };
}

/** A redirect to ":port" means the host of the node that answered. */
function withHost(address: string, from: Connection | undefined): string {
    if (!address.startsWith(":") || from === undefined) return address;
    return `${from.options.host}${address}`;
}

function backoff(attempt: number): number {
    return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
}

function describe(target: Target): string {
    return target.kind === "slot" || target.kind === "replicaSlot" ? `slot ${target.slot}` : target.kind;
}
