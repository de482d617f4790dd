/**
 * Node's timers hold at most 2^31 - 1 ms: a longer delay fires after 1 ms, with a
 * TimeoutOverflowWarning. GLIDE accepts longer ones (timeouts up to 2^32 - 1 ms, blocking
 * timeouts up to 2^32 - 1 s, any backoff), so every timer whose delay comes from the user goes
 * through here.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A delay for setInterval / one link of a chain: at most what a Node timer holds. */
export function timerDelay(ms: number): number {
    return ms > MAX_TIMER_MS ? MAX_TIMER_MS : ms > 0 ? ms : 0;
}

export interface LongTimer {
    clear(): void;
}

class ChainedTimeout implements LongTimer {
    #handle: NodeJS.Timeout | undefined;
    readonly #at: number;
    readonly #callback: () => void;
    readonly #ref: boolean;

    constructor(callback: () => void, delayMs: number, ref: boolean) {
        this.#callback = callback;
        this.#ref = ref;
        this.#at = performance.now() + delayMs;
        this.#arm(delayMs);
    }

    #arm(left: number): void {
        const handle = left > MAX_TIMER_MS ? setTimeout(this.#next, MAX_TIMER_MS) : setTimeout(this.#callback, Math.max(0, left));
        if (!this.#ref) handle.unref();
        this.#handle = handle;
    }

    readonly #next = (): void => this.#arm(this.#at - performance.now());

    clear(): void {
        clearTimeout(this.#handle);
        this.#handle = undefined;
    }
}

const NEVER: LongTimer = { clear() {} };

/**
 * setTimeout for any delay: a delay beyond one timer is a chain of timers; Infinity (or NaN:
 * no deadline) schedules nothing. `ref: false` lets the process exit while it waits.
 */
export function setLongTimeout(callback: () => void, delayMs: number, { ref = true }: { ref?: boolean } = {}): LongTimer {
    if (!(delayMs < Infinity)) return NEVER;
    return new ChainedTimeout(callback, delayMs, ref);
}
