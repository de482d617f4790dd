import { ConnectionError, serverErrorText, type RequestError } from "../errors";
import { Connection, type ConnectionHooks } from "../connection/connection";
import { Fifo } from "../connection/fifo";
import { backoffDelay } from "../connection/backoff";
import { setLongTimeout, timerDelay, type LongTimer } from "../connection/timers";
import type { ConnectionOptions } from "../connection/options";
import type { RespValue } from "../protocol/types";
import { readFrame, type FrameSink } from "./frames";
import { ALL_MODES, SUBSCRIBE_COMMAND, SubscriptionMode, UNSUBSCRIBE_COMMAND } from "./modes";
import { keyBytes } from "./names";
import { keySlot } from "../routing/cluster/slot";
import type { SubscriptionRegistry } from "./registry";
import { ConfirmationWaiters } from "./waiters";
import { isLogged, Level, log } from "../observability/core-log";

/** Receives the published messages, raw, in the order the server sent them. */
export type MessageSink = (channel: Buffer, message: Buffer, pattern: Buffer | null) => void;

/** Which names this subscriber serves (a cluster splits them across nodes); all by default. */
export type Ownership = (mode: SubscriptionMode, key: string) => boolean;

/** What a cluster's pub/sub wants to hear from each of its per-node subscribers. */
export interface SubscriberEvents {
    /** A name's server-side state changed; undefined: every name's (the connection dropped). */
    onChange?(mode: SubscriptionMode, key: string | undefined): void;
    /**
     * The server sent the names elsewhere (MOVED, ASK, TRYAGAIN, CLUSTERDOWN) or dropped a
     * sharded subscription itself (its slot moved): the names stay desired, the owner is stale.
     */
    onStale?(error: RequestError | undefined): void;
    /** The connection was lost after having been ready. */
    onDisconnect?(): void;
}

const STALE_REPLIES = ["MOVED ", "ASK ", "TRYAGAIN", "CLUSTERDOWN"];

/** A command written and not yet answered: one confirmation per name, or one refusal. */
interface SentCommand {
    mode: SubscriptionMode;
    subscribed: boolean;
    keys: string[];
    unconfirmed: number;
}

/** Names per SUBSCRIBE command, so that a huge resubscription does not make one giant frame. */
const NAMES_PER_COMMAND = 1000;

/**
 * One connection dedicated to subscriptions, on RESP2 and RESP3 alike: on RESP2 a subscribed
 * connection can run nothing else, and on RESP3 it keeps a flood of messages off the connection
 * that carries commands. It tracks what the server confirmed (actual) against what the registry
 * wants (desired), and converges the two: after every confirmation, and on every reconnect.
 */
export class Subscriber implements FrameSink {
    readonly #registry: SubscriptionRegistry;
    readonly #owns: Ownership;
    readonly #events: SubscriberEvents;
    readonly #deliver: MessageSink;
    readonly #options: ConnectionOptions;
    readonly #hooks: ConnectionHooks;
    #connection: Connection;
    /** The current connection completed its handshake at least once. */
    #wasReady = false;
    readonly #actual: Set<string>[] = [new Set(), new Set(), new Set()];
    /** (Un)subscribe commands sent per name and not yet confirmed. */
    readonly #inFlight: Map<string, number>[] = [new Map(), new Map(), new Map()];
    /** The same commands in order: the server answers them in order. */
    readonly #sent = new Fifo<SentCommand>();
    readonly #waiters = new ConfirmationWaiters((mode, key, subscribed) => this.#isSettled(mode, key, subscribed));
    #started = false;
    #closed = false;
    /** The connection was lost after being ready: the next handshake restores the subscriptions. */
    #restoring = false;
    #attempt = 0;
    #retryTimer: LongTimer | undefined;
    readonly #checkIntervalMs: number;
    #checkTimer: NodeJS.Timeout | undefined;
    /** When the current connection last sent anything (performance.now()). */
    #heardAt = 0;

    /**
     * `checkIntervalMs`: how often an idle subscriber PINGs; a connection silent for two intervals
     * is taken for dead (a subscriber only ever listens, so it would not notice otherwise).
     */
    constructor(
        registry: SubscriptionRegistry,
        options: ConnectionOptions,
        deliver: MessageSink,
        { checkIntervalMs, owns = () => true, events = {} }: { checkIntervalMs: number; owns?: Ownership; events?: SubscriberEvents },
    ) {
        this.#registry = registry;
        this.#owns = owns;
        this.#events = events;
        this.#deliver = deliver;
        this.#checkIntervalMs = checkIntervalMs;
        const onFrame = (frame: RespValue): void => {
            this.#heardAt = performance.now();
            readFrame(frame, this);
        };
        this.#options = options;
        this.#hooks = {
            onPush: onFrame,
            onUnsolicitedReply: onFrame,
            onReady: () => this.#resubscribe(),
            onDisconnect: () => this.#onDisconnect(),
        };
        this.#connection = new Connection(options, this.#hooks);
    }

    get isReady(): boolean {
        return this.#connection.isReady;
    }

    /** Any name confirmed or under way, in any mode. */
    get isIdle(): boolean {
        return ALL_MODES.every((mode) => this.#actual[mode].size === 0 && this.#inFlight[mode].size === 0);
    }

    /** Names the server confirmed for a mode. */
    actual(mode: SubscriptionMode): ReadonlySet<string> {
        return this.#actual[mode];
    }

    /** Connects (once) and keeps trying until the first success; resolves on the first handshake. */
    start(): Promise<void> {
        if (!this.#started) {
            this.#started = true;
            this.#keepConnecting();
        }
        return this.#connection.connect();
    }

    /** Brings the server in line with the registry for these names. */
    sync(mode: SubscriptionMode, keys: Iterable<string>): void {
        if (!this.#connection.isReady) {
            // onReady resubscribes to everything desired.
            if (!this.#started && !this.#closed) this.start().catch(() => undefined);
            return;
        }
        const subscribe: string[] = [];
        const unsubscribe: string[] = [];
        for (const key of keys) {
            if ((this.#inFlight[mode].get(key) ?? 0) > 0) continue;
            const wanted = this.#wants(mode, key);
            if (wanted !== this.#actual[mode].has(key)) (wanted ? subscribe : unsubscribe).push(key);
        }
        this.#send(SUBSCRIBE_COMMAND[mode], mode, subscribe);
        this.#send(UNSUBSCRIBE_COMMAND[mode], mode, unsubscribe);
    }

    /** Waits until the server confirmed these names (un)subscribed; timeoutMs 0 waits forever. */
    waitFor(mode: SubscriptionMode, keys: Iterable<string>, subscribed: boolean, timeoutMs: number): Promise<void> {
        return this.#waiters.wait(mode, keys, subscribed, timeoutMs);
    }

    /** Whether a name is confirmed and no command about it is under way. */
    isSettled(mode: SubscriptionMode, key: string, subscribed: boolean): boolean {
        return this.#isSettled(mode, key, subscribed);
    }

    /** The settings every (re)connection uses. */
    get options(): ConnectionOptions {
        return this.#options;
    }

    close(error: Error): void {
        if (this.#closed) return;
        this.#closed = true;
        this.#retryTimer?.clear();
        clearInterval(this.#checkTimer);
        this.#connection.close(error);
        this.#waiters.close(error);
    }

    onMessage(channel: Buffer, message: Buffer, pattern: Buffer | null): void {
        this.#deliver(channel, message, pattern);
    }

    onConfirmation(mode: SubscriptionMode, subscribed: boolean, name: Buffer | null): void {
        if (name === null) return;
        const key = name.toString("latin1");
        const inFlight = this.#inFlight[mode];
        const head = this.#sent.peek();
        const answer = head !== undefined && head.mode === mode && head.subscribed === subscribed && inFlight.has(key);
        if (!answer) {
            // Unasked: the server dropped a sharded subscription because its slot moved away.
            if (subscribed) this.#actual[mode].add(key);
            else this.#actual[mode].delete(key);
            this.#events.onChange?.(mode, key);
            if (!subscribed && this.#wants(mode, key)) {
                // Asking the old node again is the quickest way to learn the new one: it answers MOVED.
                this.sync(mode, [key]);
                this.#events.onStale?.(undefined);
            }
            this.#waiters.check(mode, key);
            return;
        }
        if (--head.unconfirmed <= 0) this.#sent.shift();
        const left = (inFlight.get(key) ?? 1) - 1;
        if (left > 0) inFlight.set(key, left);
        else inFlight.delete(key);
        if (subscribed) this.#actual[mode].add(key);
        else this.#actual[mode].delete(key);
        // The user may have changed their mind while the command was under way.
        if (left <= 0 && this.#wants(mode, key) !== subscribed) this.sync(mode, [key]);
        this.#events.onChange?.(mode, key);
        this.#waiters.check(mode, key);
    }

    /**
     * The server refused the oldest unanswered command as a whole. As in GLIDE, refused names stay
     * desired (the server may allow them later: each periodic check asks again); whoever waits for
     * them waits on, until their timeout.
     */
    onRefusal(error: RequestError): void {
        const refused = this.#sent.shift();
        if (refused === undefined) return;
        const { mode, keys } = refused;
        const inFlight = this.#inFlight[mode];
        for (const key of keys) {
            const left = (inFlight.get(key) ?? 1) - 1;
            if (left > 0) inFlight.set(key, left);
            else inFlight.delete(key);
        }
        const text = serverErrorText(error) ?? "";
        if (STALE_REPLIES.some((prefix) => text.startsWith(prefix))) {
            // Another node serves these names now: they stay desired and move with the topology.
            for (const key of keys) this.#events.onChange?.(mode, key);
            this.#events.onStale?.(error);
            return;
        }
        // An unsubscription the user asked for in the meantime is settled by the refusal too.
        for (const key of keys) this.#waiters.check(mode, key);
    }

    #wants(mode: SubscriptionMode, key: string): boolean {
        return this.#registry.has(mode, key) && this.#owns(mode, key);
    }

    #isSettled(mode: SubscriptionMode, key: string, subscribed: boolean): boolean {
        return !this.#inFlight[mode].has(key) && this.#actual[mode].has(key) === subscribed;
    }

    #send(command: string, mode: SubscriptionMode, keys: string[]): void {
        if (mode === SubscriptionMode.Sharded && keys.length > 1) {
            // SSUBSCRIBE and SUNSUBSCRIBE take the names of one slot per command.
            const bySlot = new Map<number, string[]>();
            for (const key of keys) {
                const slot = keySlot(keyBytes(key));
                const group = bySlot.get(slot);
                if (group === undefined) bySlot.set(slot, [key]);
                else group.push(key);
            }
            if (bySlot.size > 1) {
                for (const group of bySlot.values()) this.#send(command, mode, group);
                return;
            }
        }
        const inFlight = this.#inFlight[mode];
        for (let start = 0; start < keys.length; start += NAMES_PER_COMMAND) {
            const chunk = keys.slice(start, start + NAMES_PER_COMMAND);
            if (!this.#connection.sendUnanswered([command, ...chunk.map(keyBytes)])) return;
            for (const key of chunk) inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
            this.#sent.push({ mode, subscribed: command === SUBSCRIBE_COMMAND[mode], keys: chunk, unconfirmed: chunk.length });
        }
    }

    #resubscribe(): void {
        if (this.#restoring && isLogged(Level.Info)) {
            const names = ALL_MODES.reduce((sum, mode) => sum + [...this.#registry.desired(mode)].filter((key) => this.#owns(mode, key)).length, 0);
            log(Level.Info, "pubsub", `reconnected to ${this.#connection.address}: restoring ${names} subscription(s)`);
        }
        this.#restoring = false;
        this.#attempt = 0;
        this.#wasReady = true;
        this.#heardAt = performance.now();
        if (this.#checkTimer === undefined) {
            this.#checkTimer = setInterval(() => this.#checkAlive(), timerDelay(this.#checkIntervalMs));
            this.#checkTimer.unref();
        }
        for (const mode of ALL_MODES) this.sync(mode, this.#registry.desired(mode));
    }

    #onDisconnect(): void {
        this.#forgetServerState();
        if (!this.#wasReady) return; // a failed attempt: #keepConnecting backs off and retries
        this.#wasReady = false;
        this.#restoring = true;
        // Warn, as GLIDE warns of a subscriber's disconnect: messages published meanwhile are lost.
        if (isLogged(Level.Warn)) log(Level.Warn, "pubsub", `subscriber connection to ${this.#connection.address} lost, messages might be lost; reconnecting to restore its subscriptions`);
        this.#events.onDisconnect?.();
        // Pub/sub is at-most-once: every moment offline loses messages, so the first attempt goes
        // out at once instead of after the connection's backoff. Deferred: the dropped connection
        // is still inside its close handling.
        queueMicrotask(() => {
            if (this.#closed) return;
            this.#connection.close();
            this.#connection = new Connection(this.#options, this.#hooks);
            this.#connection.replacesLost = true;
            this.#keepConnecting();
        });
    }

    #checkAlive(): void {
        if (!this.#connection.isReady) return;
        // Names the server refused earlier are asked for again (GLIDE's periodic reconciliation).
        for (const mode of ALL_MODES) this.sync(mode, this.#registry.desired(mode));
        const silentFor = performance.now() - this.#heardAt;
        if (silentFor > 2 * this.#checkIntervalMs) {
            this.#connection.destroySocket(new ConnectionError(`Subscriber connection to ${this.#connection.address} stopped answering PING`));
        } else if (silentFor >= this.#checkIntervalMs / 2) {
            // Answered by "pong" (RESP2, subscribed) or +PONG: either one counts as hearing back.
            this.#connection.sendUnanswered(["PING"]);
        }
    }

    #forgetServerState(): void {
        for (const mode of ALL_MODES) {
            this.#actual[mode].clear();
            this.#inFlight[mode].clear();
        }
        this.#sent.drain();
        this.#events.onChange?.(SubscriptionMode.Exact, undefined);
        this.#waiters.checkAll();
    }

    /**
     * Every attempt after a failed one waits the first step of the backoff (50 ms by default), not
     * a growing one: every moment a subscriber is away after its server came back loses messages,
     * as for a connection that has requests waiting. Unreachable servers still cost one attempt per
     * step (each bounded by the connection timeout).
     */
    #keepConnecting(): void {
        this.#connection.connect().catch(() => {
            if (this.#closed || this.#connection.isReady) return;
            // Every retry waits the first backoff step only: a subscriber misses what is published until it is back.
            const delay = backoffDelay(this.#connection.options.backoff, 0);
            this.#attempt++;
            if (isLogged(Level.Debug)) log(Level.Debug, "reconnect", `${this.#connection.address}: subscriber attempt ${this.#attempt} in ${delay} ms`);
            this.#retryTimer = setLongTimeout(() => this.#keepConnecting(), delay);
        });
    }
}
