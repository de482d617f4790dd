import * as net from "node:net";
import * as tls from "node:tls";
import { ClosingError, ConnectionError, TimeoutError, type ProtocolError } from "../errors";
import { RespDecoder } from "../protocol/decoder";
import { CommandWriter } from "../protocol/encoder";
import type { CommandArg, RespValue } from "../protocol/types";
import { backoffDelay } from "./backoff";
import { Fifo } from "./fifo";
import { connectReason, connectTimedOut, isPermanentFailure, NO_TLS_ANSWER, socketFailed } from "./connect-failure";
import { isLogged, Level, log } from "../observability/core-log";
import { handshakeCommands, interpretHandshake } from "./handshake";
import type { ConnectionOptions, ServerFacts } from "./options";
import { Request } from "./request";
import { MAX_TIMER_MS, setLongTimeout, type LongTimer } from "./timers";
import { telemetryCounters } from "../observability/otel-counters";

type State = "idle" | "connecting" | "ready" | "reconnecting" | "closed";

/**
 * A tick's commands leave in one write, except that once this many bytes wait while fewer than
 * SERVER_RUNNING_DRY written requests are unanswered, they leave at once: the server then works on
 * them while the client is still turning replies into new commands, instead of the two taking
 * turns. (Measured with `npm run bench`, standalone, 100 tasks: ~400k -> ~760-890k ops/s, p99
 * halved; 1 and 10 tasks never reach it; 1000 tasks keep the server busy, so they batch as before.)
 */
const EARLY_FLUSH_BYTES = 1024;
const SERVER_RUNNING_DRY = 64;

export interface ConnectionHooks {
    /** RESP3 push frames (pub/sub messages, invalidations). */
    onPush?: (items: RespValue[]) => void;
    /** The connection (re)completed its handshake. */
    onReady?: (connection: Connection) => void;
    /** The socket dropped; the connection will reconnect by itself unless closed. */
    onDisconnect?: (connection: Connection, error: Error) => void;
    /**
     * Replies that arrive with no request pending (a RESP2 subscriber's messages), decoded raw
     * (bulk strings as Buffers). Without this hook such a reply is a protocol violation.
     */
    onUnsolicitedReply?: (reply: RespValue) => void;
}

/**
 * One multiplexed, auto-pipelined connection to one node. Commands issued in the same tick leave
 * in one socket write (or a few, see EARLY_FLUSH_BYTES); replies are matched to requests in order
 * through a ring-buffer FIFO; one timer per connection enforces deadlines; the socket reconnects
 * with backoff until closed.
 */
export class Connection {
    readonly address: string;
    facts: ServerFacts = {};
    /** Opened in place of a lost connection (a subscriber's): its failures are reconnect attempts, for the log. */
    replacesLost = false;

    readonly #options: ConnectionOptions;
    readonly #hooks: ConnectionHooks;
    readonly #decoder: RespDecoder;
    #writer = new CommandWriter();
    readonly #inflight = new Fifo<Request>();
    #waiting: Request[] = [];
    #socket: net.Socket | undefined;
    #state: State = "idle";
    #everReady = false;
    #attempt = 0;
    #flushScheduled = false;
    /** Requests written to the writer since the last flush (their bytes are not on the socket yet). */
    #unflushed = 0;
    #timer: NodeJS.Timeout | undefined;
    #timerAt = Infinity;
    #reconnectTimer: LongTimer | undefined;
    #opening: { resolve: () => void; reject: (error: Error) => void } | undefined;
    #openPromise: Promise<void> | undefined;

    constructor(options: ConnectionOptions, hooks: ConnectionHooks = {}) {
        this.#options = options;
        this.#hooks = hooks;
        this.address = `${options.host}:${options.port}`;
        this.#decoder = new RespDecoder({
            bytesForNextReply: () => this.#inflight.peek()?.bytes ?? this.#hooks.onUnsolicitedReply !== undefined,
            onReply: (reply) => this.#onReply(reply),
            onPush: (items) => this.#hooks.onPush?.(items),
            onProtocolError: (error) => this.#onProtocolError(error),
        });
    }

    get options(): ConnectionOptions {
        return this.#options;
    }

    get isReady(): boolean {
        return this.#state === "ready";
    }

    get isClosed(): boolean {
        return this.#state === "closed";
    }

    /** Requests written and awaiting replies, plus those waiting for the connection. */
    get pending(): number {
        return this.#inflight.length + this.#waiting.length;
    }

    /** Opens the connection (once); resolves when the handshake is done, rejects on the first failure. */
    connect(): Promise<void> {
        if (this.#state === "closed") return Promise.reject(new ClosingError("Connection closed"));
        if (this.#state === "ready") return Promise.resolve();
        if (this.#openPromise === undefined) {
            this.#openPromise = new Promise((resolve, reject) => (this.#opening = { resolve, reject }));
            if (this.#state === "idle") this.#open();
        }
        return this.#openPromise;
    }

    /** Sends one command; settles with its converted reply, its error, or a timeout. */
    send(request: Request): void {
        switch (this.#state) {
            case "ready":
                this.#write(request);
                break;
            case "closed":
                request.fail(new ClosingError("Connection closed"));
                return;
            case "idle":
                this.#waiting.push(request);
                this.#open();
                break;
            default:
                this.#waiting.push(request);
        }
        if (request.deadline < this.#timerAt) this.#armTimer(request.deadline);
    }

    /**
     * Writes a command that takes no place in the FIFO because the server answers it out of band
     * (RESP3 SUBSCRIBE family: pushes) or through onUnsolicitedReply. False when not ready: the
     * caller repeats it from onReady.
     */
    sendUnanswered(args: CommandArg[]): boolean {
        if (this.#state !== "ready") return false;
        this.#writer.write(args);
        if (!this.#flushScheduled) {
            this.#flushScheduled = true;
            process.nextTick(this.#flush);
        }
        return true;
    }

    /** Closes for good: every pending request is rejected with `error`. */
    close(error: Error = new ClosingError("Connection closed")): void {
        if (this.#state === "closed") return;
        this.#state = "closed";
        clearTimeout(this.#timer);
        this.#reconnectTimer?.clear();
        this.#failAll(error);
        this.#opening?.reject(error);
        this.#opening = undefined;
        this.#socket?.destroy();
        this.#socket = undefined;
    }

    /** Drops the socket as if the network failed (tests and health checks); it reconnects. */
    destroySocket(error?: Error): void {
        this.#socket?.destroy(error);
    }

    #write(request: Request): void {
        const writtenBefore = this.#writer.pendingBytes;
        try {
            if (request.multi) {
                for (const args of request.args as CommandArg[][]) this.#writer.write(args);
            } else {
                this.#writer.write(request.args as CommandArg[]);
            }
        } catch (error) {
            // Nothing of a request that cannot be encoded whole may leave: its replies would be taken for the next one's.
            this.#writer.truncate(writtenBefore);
            request.fail(error as Error);
            return;
        }
        this.#inflight.push(request);
        this.#unflushed++;
        if (this.#writer.pendingBytes >= EARLY_FLUSH_BYTES && this.#inflight.length - this.#unflushed < SERVER_RUNNING_DRY) {
            // The server is about to run out of work while this tick is still producing commands:
            // hand it what is there now, so that it works while the client goes on.
            this.#writeOut();
            return;
        }
        if (!this.#flushScheduled) {
            this.#flushScheduled = true;
            process.nextTick(this.#flush);
        }
    }

    readonly #flush = (): void => {
        this.#flushScheduled = false;
        this.#writeOut();
    };

    /** Puts what the writer holds on the socket; a flush already scheduled then finds less or nothing. */
    #writeOut(): void {
        this.#unflushed = 0;
        const bytes = this.#writer.take();
        if (bytes !== null) this.#socket?.write(bytes);
    }

    #open(): void {
        this.#state = this.#everReady ? "reconnecting" : "connecting";
        if (!this.#everReady && !this.replacesLost && isLogged(Level.Debug)) {
            log(Level.Debug, "connection creation", `Attempting connection to Host: \`${this.#options.host}\`, Port: ${this.#options.port}`);
        }
        const { host, port, tls: tlsOptions, connectionTimeoutMs } = this.#options;
        const socket = tlsOptions
            ? tls.connect({
                  host,
                  port,
                  ca: tlsOptions.ca,
                  rejectUnauthorized: !tlsOptions.insecure,
                  servername: tlsOptions.servername ?? (net.isIP(host) ? undefined : host),
              })
            : net.connect({ host, port });
        this.#socket = socket;
        let failure: Error | undefined;
        // TCP open, TLS handshake unanswered: a plain-text server reads the hello as the start of a command line and waits.
        let tlsUnanswered = false;
        if (tlsOptions) {
            socket.once("connect", () => (tlsUnanswered = true));
            socket.once("secureConnect", () => (tlsUnanswered = false));
        }
        const deadline = setLongTimeout(() => {
            failure = connectTimedOut(this.address, connectionTimeoutMs, tlsUnanswered ? NO_TLS_ANSWER : undefined);
            socket.destroy();
        }, connectionTimeoutMs);
        socket.once(tlsOptions ? "secureConnect" : "connect", () => {
            socket.setNoDelay(this.#options.tcpNoDelay);
            socket.setKeepAlive(true, 10_000);
            this.#startHandshake(socket, deadline, (error) => {
                failure = error;
                socket.destroy();
            });
        });
        socket.on("data", (chunk: Buffer) => {
            if (socket === this.#socket) this.#decoder.feed(chunk);
        });
        socket.on("error", (error) => {
            failure ??= socketFailed(this.address, error);
        });
        socket.once("close", () => {
            deadline.clear();
            if (socket !== this.#socket) return;
            this.#onSocketClosed(failure ?? new ConnectionError(`Connection to ${this.address} closed`));
        });
    }

    #startHandshake(socket: net.Socket, deadline: LongTimer, fail: (error: Error) => void): void {
        const request = new Request(handshakeCommands(this.#options), true, false, undefined, Infinity);
        request.resolve = (replies) => {
            deadline.clear();
            try {
                this.facts = interpretHandshake(this.#options, replies as RespValue[]);
            } catch (error) {
                fail(error as Error);
                return;
            }
            if (socket === this.#socket) this.#becomeReady();
        };
        request.reject = fail;
        this.#write(request);
    }

    #becomeReady(): void {
        if (isLogged(Level.Debug)) {
            if (this.#state === "reconnecting" || this.replacesLost) log(Level.Debug, "reconnect", `${this.address}: completed successfully after ${this.#attempt} attempt(s)`);
            else log(Level.Debug, "connection creation", `Connection to ${this.address} created`);
        }
        this.#state = "ready";
        this.#everReady = true;
        this.#attempt = 0;
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const request of waiting) if (!request.dead) this.#write(request);
        this.#opening?.resolve();
        this.#opening = undefined;
        this.#openPromise = undefined;
        this.#hooks.onReady?.(this);
    }

    #onSocketClosed(error: Error): void {
        this.#socket = undefined;
        this.#decoder.reset();
        this.#writer = new CommandWriter();
        this.#flushScheduled = false;
        this.#unflushed = 0;
        const inflight = this.#inflight.drain();
        for (const request of inflight) request.fail(error);
        if (this.#state === "closed") return;
        this.#logClosed(error);
        this.#hooks.onDisconnect?.(this, error);
        if (this.#opening) {
            // The first connection attempt of connect(): the caller decides what to do.
            this.#opening.reject(error);
            this.#opening = undefined;
            this.#openPromise = undefined;
        }
        if (!this.#everReady) {
            // Never connected: nothing to wait for, report the failure to whoever is waiting.
            const waiting = this.#waiting;
            this.#waiting = [];
            for (const request of waiting) request.fail(error);
            this.#state = "idle";
            return;
        }
        this.#state = "reconnecting";
        // The first attempt after a drop is immediate (a killed connection comes back at once);
        // backoff applies from the first failed attempt on.
        const delay = this.#attempt === 0 ? 0 : backoffDelay(this.#options.backoff, this.#attempt - 1);
        this.#attempt++;
        if (isLogged(Level.Debug)) log(Level.Debug, "reconnect", `${this.address}: attempt ${this.#attempt} in ${delay} ms`);
        this.#reconnectTimer = setLongTimeout(() => {
            if (this.#state === "reconnecting") this.#open();
        }, delay);
    }

    /**
     * A first connection that failed, or refused credentials at any time, warns as GLIDE's core
     * does; a drop and each failed reconnect attempt are debug lines. Reasons are the socket's or
     * the server's words, which never hold the password.
     */
    #logClosed(error: Error): void {
        const permanent = isPermanentFailure(error);
        if (((!this.#everReady && !this.replacesLost) || permanent) && isLogged(Level.Warn)) {
            log(Level.Warn, "connection creation", `Failed connecting to ${this.address}, due to ${connectReason(error)}`);
        } else if (isLogged(Level.Debug)) {
            if (this.#state === "ready") log(Level.Debug, "reconnect", `${this.address}: connection lost (${error.message}), reconnecting`);
            else log(Level.Debug, "reconnect", `${this.address}: attempt ${this.#attempt} failed, due to ${connectReason(error)}`);
        }
    }

    #onReply(reply: RespValue): void {
        const head = this.#inflight.peek();
        if (head === undefined) {
            if (this.#hooks.onUnsolicitedReply !== undefined) return this.#hooks.onUnsolicitedReply(reply);
            this.#socket?.destroy(new ConnectionError(`Unexpected reply from ${this.address} with no request pending`));
            return;
        }
        if (head.accept(reply)) this.#inflight.shift();
    }

    #onProtocolError(error: ProtocolError): void {
        const socket = this.#socket;
        if (socket === undefined) return;
        this.#onSocketClosed(error);
        socket.destroy();
    }

    #failAll(error: Error): void {
        for (const request of this.#inflight.drain()) request.fail(error);
        const waiting = this.#waiting;
        this.#waiting = [];
        for (const request of waiting) request.fail(error);
    }

    #armTimer(at: number): void {
        clearTimeout(this.#timer);
        this.#timerAt = at;
        // Kept referenced: a caller awaiting a request keeps the process alive until it settles.
        // A deadline beyond one Node timer (GLIDE accepts them) is reached in steps: #expire re-arms.
        this.#timer = setTimeout(this.#expire, Math.min(Math.max(0, at - performance.now()) + 1, MAX_TIMER_MS));
    }

    /** Fails the requests whose deadline passed; written ones keep their FIFO slot, marked dead. */
    readonly #expire = (): void => {
        this.#timer = undefined;
        this.#timerAt = Infinity;
        const now = performance.now();
        let next = Infinity;
        const check = (request: Request): void => {
            if (request.dead) return;
            if (request.deadline <= now) {
                telemetryCounters.timeoutErrors++;
                request.fail(new TimeoutError("timed out"));
            }
            else if (request.deadline < next) next = request.deadline;
        };
        this.#inflight.forEach(check);
        this.#waiting.forEach(check);
        if (this.#waiting.length > 0) this.#waiting = this.#waiting.filter((request) => !request.dead);
        if (next !== Infinity) this.#armTimer(next);
    };
}
