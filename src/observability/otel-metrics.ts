/**
 * GLIDE's metrics: three cumulative counters (timeouts, retries, MOVED redirections) and the
 * subscription figures getStatistics() reports. A counter appears once it has counted something,
 * as GLIDE's SDK exports it; the last-sync timestamp is always there.
 */
import { getStatistics } from "../commands/server-statistics";
import { telemetryCounters } from "./otel-counters";
import { epochMicros } from "./otel-span";

export interface MetricPoint {
    name: string;
    description: string;
    unit: string;
    kind: "counter" | "gauge";
    value: number;
}

export interface MetricsSnapshot {
    startMicros: number;
    timeMicros: number;
    metrics: MetricPoint[];
}

const COUNTERS = [
    { name: "glide.timeout_errors", description: "Number of timeout errors encountered", key: "timeoutErrors" },
    { name: "glide.retry_attempts", description: "Number of retry attempts made", key: "retryAttempts" },
    { name: "glide.moved_errors", description: "Number of moved errors encountered", key: "movedErrors" },
] as const;

/** A statistic by its getStatistics() key; 0 when the key is absent. */
function statistic(key: string): number {
    const value = (getStatistics() as Record<string, unknown>)[key];
    const number = Number(value ?? 0);
    return Number.isFinite(number) ? number : 0;
}

/** Counts from the moment metrics are initialised, as GLIDE's counters do. */
export class MetricsReader {
    readonly #startMicros = epochMicros();
    readonly #base = { ...telemetryCounters };

    snapshot(): MetricsSnapshot {
        const metrics: MetricPoint[] = [];
        for (const counter of COUNTERS) {
            const value = telemetryCounters[counter.key] - this.#base[counter.key];
            if (value > 0) metrics.push({ name: counter.name, description: counter.description, unit: "1", kind: "counter", value });
        }
        const outOfSync = statistic("subscription_out_of_sync_count");
        if (outOfSync > 0) {
            metrics.push({
                name: "glide.subscription_out_of_sync_count",
                description: "Number of times subscriptions were found out of sync",
                unit: "1",
                kind: "counter",
                value: outOfSync,
            });
        }
        metrics.push({
            name: "glide.subscription_last_sync_timestamp",
            description: "Unix timestamp (in milliseconds) of the last time subscriptions were in sync",
            unit: "ms",
            kind: "gauge",
            value: statistic("subscription_last_sync_timestamp"),
        });
        return { startMicros: this.#startMicros, timeMicros: epochMicros(), metrics };
    }
}
