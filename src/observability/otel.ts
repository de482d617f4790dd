/**
 * GLIDE's `OpenTelemetry`: configured once per process, then every sampled command is a span and
 * the metrics are flushed to their endpoint every `flushIntervalMs`.
 */
import { ConfigurationError } from "../errors";
import { timerDelay } from "../connection/timers";
import { Level, log } from "./core-log";
import { parseEndpoint } from "./otel-endpoints";
import { exporterFor, type Exporter } from "./otel-exporter";
import { MetricsReader } from "./otel-metrics";
import type { GlideSpanContext, ParentSpanContextProvider } from "./otel-parent";
import { sampling, SpanQueue, tracingState } from "./otel-tracing";

export type { GlideSpanContext } from "./otel-parent";

/** Where traces go and what share of commands gets a span. */
export interface OpenTelemetryTracesConfig {
    /** http(s)://, grpc:// or file:// */
    endpoint: string;
    /** 0-100. GLIDE's quirk, kept: when omitted, nothing is traced until setSamplePercentage. */
    samplePercentage?: number;
}

/** Where metrics go. */
export interface OpenTelemetryMetricsConfig {
    /** http(s)://, grpc:// or file:// */
    endpoint: string;
}

/** Traces, metrics (at least one) and the export interval. */
export interface OpenTelemetryConfig {
    traces?: OpenTelemetryTracesConfig;
    metrics?: OpenTelemetryMetricsConfig;
    /** Milliseconds between exports; default 5000. */
    flushIntervalMs?: number;
}

/** What `OpenTelemetry.init` takes: the exporters, and optionally a parent span context provider. */
export interface GlideOpenTelemetryConfig extends OpenTelemetryConfig {
    /** Called synchronously for each sampled command: the span becomes a child of the context it returns. */
    parentSpanContextProvider?: () => GlideSpanContext | undefined;
}

const DEFAULT_FLUSH_INTERVAL_MS = 5000;
const IDENTIFIER = "GlideOpenTelemetry";

interface Running {
    traces: { samplePercentage?: number } | undefined;
}

/** Checks a configuration as GLIDE does, in its order, with its messages; returns the exporters. */
function validated(config: OpenTelemetryConfig): { traces?: Exporter; metrics?: Exporter; flushIntervalMs: number } {
    if (config?.traces === undefined && config?.metrics === undefined) {
        throw new ConfigurationError("At least one of traces or metrics must be provided for OpenTelemetry configuration.");
    }
    const tracesEndpoint = config.traces !== undefined ? parseEndpoint(config.traces.endpoint) : undefined;
    const metricsEndpoint = config.metrics !== undefined ? parseEndpoint(config.metrics.endpoint) : undefined;
    const flushIntervalMs = config.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
    if (!(flushIntervalMs > 0)) throw new ConfigurationError(`InvalidInput: flushIntervalMs must be a positive integer (got: ${flushIntervalMs})`);
    const percentage = config.traces?.samplePercentage;
    if (percentage !== undefined && !(percentage >= 0 && percentage <= 100)) {
        const message = "Failed to initialize OpenTelemetry: Other error: Trace sample percentage must be between 0 and 100";
        log(Level.Error, "OpenTelemetry", message);
        throw new ConfigurationError(message);
    }
    return {
        traces: tracesEndpoint && exporterFor(tracesEndpoint),
        metrics: metricsEndpoint && exporterFor(metricsEndpoint),
        flushIntervalMs,
    };
}

/**
 * Process-wide tracing and metrics, as GLIDE's: initialised once, sampling adjustable at run time.
 * See the README's Tracing section for endpoints, span names and attributes.
 */
export class OpenTelemetry {
    static #running: Running | undefined;

    /** Configures OpenTelemetry for the process; later calls are ignored with a warning, as GLIDE's. */
    static init(openTelemetryConfig: GlideOpenTelemetryConfig): void {
        if (OpenTelemetry.#running !== undefined) {
            log(Level.Warn, IDENTIFIER, "OpenTelemetry already initialized - ignoring new configuration");
            return;
        }
        const { parentSpanContextProvider, ...config } = openTelemetryConfig ?? ({} as GlideOpenTelemetryConfig);
        const { traces, metrics, flushIntervalMs } = validated(config);
        const running: Running = { traces: config.traces !== undefined ? { samplePercentage: config.traces.samplePercentage } : undefined };
        OpenTelemetry.#running = running;
        if (parentSpanContextProvider) tracingState.parentProvider = parentSpanContextProvider;
        const queue = traces !== undefined ? new SpanQueue(traces) : undefined;
        tracingState.queue = queue;
        sampling.percentage = running.traces?.samplePercentage ?? 0;
        const reader = metrics !== undefined ? new MetricsReader() : undefined;
        const flush = (): void => {
            queue?.flush();
            if (reader !== undefined) metrics!.metrics(reader.snapshot());
        };
        setInterval(flush, timerDelay(flushIntervalMs)).unref();
        // What is still queued is written when the process ends (files synchronously).
        process.once("beforeExit", () => queue?.flush());
        process.once("exit", () => queue?.flush());
        log(Level.Info, IDENTIFIER, `OpenTelemetry initialized with config: ${JSON.stringify(config)}${parentSpanContextProvider ? " (parentSpanContextProvider: set)" : ""}`);
    }

    static isInitialized(): boolean {
        return OpenTelemetry.#running !== undefined;
    }

    /** The traces' sample percentage; undefined without traces or when none was given. */
    static getSamplePercentage(): number | undefined {
        return OpenTelemetry.#running?.traces?.samplePercentage;
    }

    /** A random draw against the sample percentage. */
    static shouldSample(): boolean {
        const percentage = OpenTelemetry.getSamplePercentage();
        return percentage !== undefined && Math.random() * 100 < percentage;
    }

    /** Changes the sample percentage at run time (traces must be configured). */
    static setSamplePercentage(percentage: number): void {
        const traces = OpenTelemetry.#running?.traces;
        if (traces === undefined) throw new ConfigurationError("OpenTelemetry config traces not initialized");
        if (percentage < 0 || percentage > 100) throw new ConfigurationError("Sample percentage must be between 0 and 100");
        traces.samplePercentage = percentage;
        sampling.percentage = percentage;
    }

    /** Sets, replaces or (null) removes the parent span context provider. */
    static setParentSpanContextProvider(fn: ParentSpanContextProvider | null): void {
        tracingState.parentProvider = fn ?? undefined;
    }
}
