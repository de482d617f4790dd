import { isLogged, Level, log } from "./core-log";

/** At most one line per this many milliseconds, however many redirects a resharding causes. */
const REDIRECT_LOG_INTERVAL_MS = 1000;

/**
 * MOVED and ASK replies of one client, logged at Info without ever writing one line per request:
 * the first after a quiet interval is logged as it comes, those that follow are counted and told in
 * one line by the first redirect after the interval. Below Info it costs one comparison.
 */
export class RedirectLog {
    #moved = 0;
    #ask = 0;
    #loggedAt = -Infinity;

    note(kind: "moved" | "ask", slot: number, address: string): void {
        if (!isLogged(Level.Info)) return;
        if (kind === "moved") this.#moved++;
        else this.#ask++;
        const now = performance.now();
        if (now - this.#loggedAt < REDIRECT_LOG_INTERVAL_MS) return;
        const seconds = this.#loggedAt === -Infinity ? 0 : (now - this.#loggedAt) / 1000;
        const counted = this.#moved + this.#ask;
        const what =
            counted === 1
                ? `${kind === "moved" ? "MOVED" : "ASK"} slot ${slot} to ${address}`
                : `${this.#moved} MOVED and ${this.#ask} ASK replies in the last ${seconds.toFixed(1)} s (latest: slot ${slot} to ${address})`;
        log(Level.Info, "cluster redirects", what);
        this.#moved = 0;
        this.#ask = 0;
        this.#loggedAt = now;
    }
}
