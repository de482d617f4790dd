import { TimeoutError } from "../errors";
import type { SubscriptionMode } from "./modes";

/** Whether a name's server-side state is final and matches `subscribed`. */
export type SettledCheck = (mode: SubscriptionMode, key: string, subscribed: boolean) => boolean;

interface Waiter {
    mode: SubscriptionMode;
    subscribed: boolean;
    remaining: Set<string>;
    resolve: () => void;
    reject: (error: Error) => void;
    timer: NodeJS.Timeout | undefined;
}

/** Callers of the non-lazy (un)subscribe methods, waiting for the server's confirmations. */
export class ConfirmationWaiters {
    readonly #waiters = new Set<Waiter>();
    readonly #isSettled: SettledCheck;

    constructor(isSettled: SettledCheck) {
        this.#isSettled = isSettled;
    }

    /** Resolves once every key is settled as `subscribed`; timeoutMs 0 waits forever. */
    wait(mode: SubscriptionMode, keys: Iterable<string>, subscribed: boolean, timeoutMs: number): Promise<void> {
        const remaining = new Set<string>();
        for (const key of keys) if (!this.#isSettled(mode, key, subscribed)) remaining.add(key);
        if (remaining.size === 0) return Promise.resolve();
        return new Promise((resolve, reject) => {
            const waiter: Waiter = { mode, subscribed, remaining, resolve, reject, timer: undefined };
            if (timeoutMs > 0) {
                waiter.timer = setTimeout(() => {
                    this.#waiters.delete(waiter);
                    // GLIDE's words (its core's timed-out I/O error).
                    reject(new TimeoutError("timed out"));
                }, timeoutMs);
            }
            this.#waiters.add(waiter);
        });
    }

    /** Re-examines one key after a confirmation. */
    check(mode: SubscriptionMode, key: string): void {
        for (const waiter of this.#waiters) {
            if (waiter.mode === mode && waiter.remaining.has(key) && this.#isSettled(mode, key, waiter.subscribed)) {
                waiter.remaining.delete(key);
                if (waiter.remaining.size === 0) this.#finish(waiter);
            }
        }
    }

    /** Re-examines every key (after the connection dropped). */
    checkAll(): void {
        for (const waiter of this.#waiters) {
            for (const key of waiter.remaining) {
                if (this.#isSettled(waiter.mode, key, waiter.subscribed)) waiter.remaining.delete(key);
            }
            if (waiter.remaining.size === 0) this.#finish(waiter);
        }
    }

    close(error: Error): void {
        for (const waiter of this.#waiters) {
            clearTimeout(waiter.timer);
            waiter.reject(error);
        }
        this.#waiters.clear();
    }

    #finish(waiter: Waiter): void {
        clearTimeout(waiter.timer);
        this.#waiters.delete(waiter);
        waiter.resolve();
    }
}
