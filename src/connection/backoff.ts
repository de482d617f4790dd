import { setLongTimeout } from "./timers";

/** Reconnect delays: jitter around factor * base^n, constant once n reaches numberOfRetries. */
export interface BackoffStrategy {
    numberOfRetries: number;
    factor: number;
    exponentBase: number;
    jitterPercent?: number;
}

export const DEFAULT_BACKOFF: Required<BackoffStrategy> = {
    numberOfRetries: 6,
    factor: 50,
    exponentBase: 2,
    jitterPercent: 20,
};

export function backoffDelay(strategy: BackoffStrategy, attempt: number, random: () => number = Math.random): number {
    const n = Math.min(attempt, strategy.numberOfRetries);
    const base = strategy.factor * Math.pow(strategy.exponentBase, n);
    const jitter = (strategy.jitterPercent ?? DEFAULT_BACKOFF.jitterPercent) / 100;
    // Spread evenly over [base * (1 - jitter), base * (1 + jitter)].
    return Math.max(0, Math.round(base * (1 - jitter + 2 * jitter * random())));
}

/** Resolves after `ms` (at once for a negative delay, never for Infinity): the wait between attempts. */
export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setLongTimeout(resolve, Math.max(0, ms)));
}
