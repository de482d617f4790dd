import { RequestError } from "../errors";
import type { CommandArg, RespValue } from "../protocol/types";

export type Convert = (reply: RespValue, bytes: boolean) => unknown;

/** How a caller wants one request sent and its reply read. */
export interface SendOptions {
    bytes: boolean;
    convert?: Convert;
    timeoutMs?: number;
    /** Several commands written back to back, their replies collected in one array. */
    multi?: boolean;
    /** A part of a request already counted against the in-flight limit (a command sent to several nodes). */
    uncounted?: boolean;
}

/**
 * Takes over a request that failed instead of rejecting it at once: the cluster executor follows
 * redirections this way, then settles the request itself (resolve / reject).
 */
export interface FailureHandler {
    failed(request: Request, error: Error): void;
}

/** Counts a client's requests in flight; each request gives its place back once, when it settles. */
export interface InflightCounter {
    inflight: number;
}

/**
 * One request on a connection. It may span several frames (a batch: MULTI … EXEC, or a pipeline);
 * `frames` commands are written and `replies` replies are consumed for it.
 */
export class Request {
    /** Timed out or abandoned: its replies are still consumed, then dropped. */
    dead = false;
    /** Replies collected so far when the request expects more than one. */
    collected: RespValue[] | undefined;
    resolve!: (value: unknown) => void;
    /** Called as a method (`request.reject(error)`): the client's reads `this` (base-client.ts). */
    reject!: (error: Error) => void;
    counter: InflightCounter | undefined;
    onFailure: FailureHandler | undefined = undefined;

    constructor(
        /** One command's argv, or several (batch) when `multi` is true. */
        readonly args: CommandArg[] | CommandArg[][],
        readonly multi: boolean,
        readonly bytes: boolean,
        readonly convert: Convert | undefined,
        /** Absolute deadline on the `performance.now()` clock; Infinity for none. */
        readonly deadline: number,
    ) {}

    /** How many replies this request consumes. */
    get replies(): number {
        return this.multi ? this.args.length : 1;
    }

    /** Settles with a reply; errors sent by the server (or undecodable replies) reject with their error. */
    settle(reply: RespValue): void {
        if (this.counter !== undefined) this.counter.inflight--;
        if (reply instanceof Error && !this.multi) {
            this.#failWith(reply);
            return;
        }
        const convert = this.convert;
        if (convert === undefined) {
            this.resolve(reply);
            return;
        }
        try {
            this.resolve(convert(reply, this.bytes));
        } catch (error) {
            this.#failWith(error instanceof Error ? error : new RequestError(String(error)));
        }
    }

    /** Takes one reply; returns true when the request is complete. */
    accept(reply: RespValue): boolean {
        if (!this.multi) {
            if (!this.dead) this.settle(reply);
            return true;
        }
        (this.collected ??= []).push(reply);
        if (this.collected.length < this.args.length) return false;
        if (!this.dead) this.settle(this.collected);
        return true;
    }

    fail(error: Error): void {
        if (this.dead) return;
        this.dead = true;
        if (this.counter !== undefined) this.counter.inflight--;
        this.#failWith(error);
    }

    #failWith(error: Error): void {
        if (this.onFailure === undefined) this.reject(error);
        else this.onFailure.failed(this, error);
    }
}
