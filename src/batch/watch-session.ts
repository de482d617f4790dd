/**
 * WATCH without a second client. GLIDE multiplexes every caller on one connection per node, so a
 * WATCH set by one caller is cleared by any other caller's EXEC or UNWATCH on that connection
 * (and the other caller's transaction is aborted by keys it never watched). Here `watch` opens a
 * session: the WATCH goes out on a connection of its own, and the same caller's next atomic
 * `exec` (or `unwatch`) runs on that connection and ends the session. The shared connection never
 * carries a WATCH, so nothing another caller sends can disturb it.
 *
 * "The same caller" is the async call chain that called `watch`: the session is kept in Node's
 * AsyncLocalStorage, which follows awaits, callbacks and timers started from that chain. A chain
 * whose session was ended by someone else (a sibling started in the same synchronous stretch
 * inherits its context once it has awaited), or whose session connection dropped (the server forgot the WATCH), gets
 * `null` from exec, as if a watched key had changed: never a transaction run unguarded.
 */
import { AsyncLocalStorage, createHook, executionAsyncId } from "node:async_hooks";
import { Connection } from "../connection/connection";
import type { ConnectionOptions } from "../connection/options";
import type { CommandArg, RespValue } from "../protocol/types";
import type { SendOptions } from "../connection/request";

type Send = (connection: Connection, args: CommandArg[] | CommandArg[][], options: SendOptions) => Promise<any>;

/** One caller's WATCH: its connection, and whether it still guards anything. */
export class WatchSession {
    ended = false;
    /** The connection dropped after WATCH: the server no longer watches anything for it. */
    dropped = false;
    /**
     * True until the synchronous stretch that opened it ends. Callers started in that stretch
     * (`Promise.all([a(), b()])`) share its context; a session this fresh is not theirs to extend
     * or end, since its own caller can only reach exec after an await.
     */
    fresh = true;
    constructor(readonly connection: Promise<Connection>) {
        queueMicrotask(() => (this.fresh = false));
    }
}

/** Per caller context: the session each client opened in it. */
const contexts = new AsyncLocalStorage<ReadonlyMap<WatchSessions, WatchSession>>();

type Store = ReadonlyMap<WatchSessions, WatchSession> | undefined;

/**
 * Setting the session on the calling context also sets it on everything that synchronous stretch
 * starts afterwards (`Promise.all([a(), b()])`: b would inherit a's session). So the context is
 * set just before watch returns its promise and set back as soon as the caller's `await` of that
 * promise has captured it: the promise-init hook sees the await's promise (triggered by ours) be
 * created in the same execution. Node's promise-hook based AsyncLocalStorage (Node 20 and 22)
 * copies the context before this hook runs; with AsyncContextFrame (Node 24) the order is not
 * the same, so there the context stays set (siblings share it; see WatchSession.fresh).
 */
const CAN_HAND_OVER = Number(process.versions.node.split(".")[0]) < 24 && !process.execArgv.includes("--experimental-async-context-frame");
let handOver: { execution: number; previous: Store; promiseId?: number } | undefined;
let lastPromiseId = -1;
const handOverHook = createHook({
    init(asyncId, type, triggerAsyncId) {
        if (type !== "PROMISE") return;
        lastPromiseId = asyncId;
        const pending = handOver;
        if (pending?.promiseId === undefined || triggerAsyncId !== pending.promiseId || executionAsyncId() !== pending.execution) return;
        handOver = undefined;
        handOverHook.disable();
        contexts.enterWith(pending.previous as ReadonlyMap<WatchSessions, WatchSession>);
    },
});

/** Sets `store` on the calling context for the promise `create` makes (and its awaiter) only. */
function enterFor<T>(store: ReadonlyMap<WatchSessions, WatchSession>, create: () => Promise<T>): Promise<T> {
    const previous = contexts.getStore();
    contexts.enterWith(store);
    if (!CAN_HAND_OVER) return create();
    const pending: NonNullable<typeof handOver> = { execution: executionAsyncId(), previous };
    handOver = pending;
    handOverHook.enable();
    const promise = create();
    pending.promiseId = lastPromiseId;
    queueMicrotask(() => {
        // Not awaited in the same stretch: the context keeps the session.
        if (handOver !== pending) return;
        handOver = undefined;
        handOverHook.disable();
    });
    return promise;
}

/** The watch sessions of one client, with a few idle connections kept for the next ones. */
export class WatchSessions {
    readonly #idle = new Map<string, Connection[]>();
    readonly #open = new Set<WatchSession>();
    /** Which session a dedicated connection currently serves (its drop hook marks it). */
    readonly #sessionOf = new Map<Connection, WatchSession>();
    #closedError: Error | undefined;

    constructor(
        readonly send: Send,
        readonly maxIdlePerNode = 2,
    ) {}

    /** The calling context's session of this client, if it opened one that no exec/unwatch ended. */
    current(): WatchSession | undefined {
        const session = contexts.getStore()?.get(this);
        return session !== undefined && !session.ended && !session.fresh ? session : undefined;
    }

    /**
     * The calling context's session, detached from the context (call before any await, so that
     * it is this caller's context that forgets it). A session ended by another caller is returned
     * too: its exec must report the lost WATCH.
     */
    take(): WatchSession | undefined {
        const store = contexts.getStore();
        const session = store?.get(this);
        if (session === undefined || session.fresh) return undefined;
        const rest = new Map(store);
        rest.delete(this);
        contexts.enterWith(rest);
        return session;
    }

    /**
     * WATCH keys for the calling context, on its session's connection (opened to `home`'s node
     * when the context has none). Must be called synchronously from the public method.
     */
    watch(home: () => Promise<Connection>, keys: CommandArg[]): Promise<"OK"> {
        const existing = this.current();
        const session: WatchSession = existing ?? new WatchSession(home().then((node) => this.#acquire(node.options, session)));
        const sendWatch = () =>
            session.connection.then(async (connection) => {
                try {
                    return (await this.send(connection, ["WATCH", ...keys], { bytes: false })) as "OK";
                } catch (error) {
                    this.end(session);
                    throw error;
                }
            });
        if (existing !== undefined) return sendWatch();
        this.#open.add(session);
        return enterFor(new Map(contexts.getStore()).set(this, session), sendWatch);
    }

    /** Runs frames (MULTI … EXEC) on a session's connection and ends it; null when its WATCH is gone. */
    async exec(session: WatchSession, frames: CommandArg[][], options: SendOptions): Promise<RespValue[] | null> {
        if (session.ended) return null;
        try {
            const connection = await session.connection;
            if (session.dropped) return null;
            return await this.send(connection, frames, options);
        } finally {
            this.end(session);
        }
    }

    /** UNWATCH on a session's connection, ending it. */
    async unwatch(session: WatchSession): Promise<"OK"> {
        if (session.ended) return "OK";
        try {
            const connection = await session.connection;
            if (session.dropped) return "OK";
            return await this.send(connection, ["UNWATCH"], { bytes: false });
        } finally {
            this.end(session);
        }
    }

    /** Ends a session; its connection goes back to the idle list (or is closed). */
    end(session: WatchSession): void {
        if (session.ended) return;
        session.ended = true;
        this.#open.delete(session);
        session.connection.then((connection) => this.#release(connection, session), () => undefined);
    }

    close(error: Error): void {
        this.#closedError = error;
        for (const session of this.#open) {
            session.ended = true;
            session.connection.then((connection) => connection.close(error), () => undefined);
        }
        this.#open.clear();
        for (const list of this.#idle.values()) for (const connection of list) connection.close(error);
        this.#idle.clear();
    }

    #acquire(options: ConnectionOptions, session: WatchSession): Connection {
        if (this.#closedError !== undefined) throw this.#closedError;
        const idle = this.#idle.get(`${options.host}:${options.port}`);
        let connection = idle?.pop();
        while (connection !== undefined && (connection.isClosed || !connection.isReady)) {
            connection.close();
            connection = idle?.pop();
        }
        connection ??= new Connection(options, {
            onDisconnect: (dropped) => {
                const owner = this.#sessionOf.get(dropped);
                if (owner !== undefined) owner.dropped = true;
            },
        });
        this.#sessionOf.set(connection, session);
        return connection;
    }

    #release(connection: Connection, session: WatchSession): void {
        if (this.#sessionOf.get(connection) === session) this.#sessionOf.delete(connection);
        const idle = this.#idle.get(connection.address) ?? [];
        // A connection still owing replies (a timed-out EXEC) could still be inside MULTI: drop it.
        if (this.#closedError !== undefined || session.dropped || connection.pending > 0 || idle.length >= this.maxIdlePerNode) {
            connection.close();
            return;
        }
        idle.push(connection);
        this.#idle.set(connection.address, idle);
    }
}
