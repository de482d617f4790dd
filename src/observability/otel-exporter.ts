/** Writes finished spans and metrics snapshots to one endpoint: a file's JSON lines, OTLP/HTTP JSON, or OTLP/gRPC. */
import * as fs from "node:fs";

import { Level, log } from "./core-log";
import { GrpcExporter } from "./otel-grpc";
import type { Endpoint } from "./otel-endpoints";
import { metricsFileLine, spanFileLine } from "./otel-file-format";
import type { MetricsSnapshot } from "./otel-metrics";
import { otlpMetrics, otlpTraces } from "./otel-otlp-json";
import type { CommandSpan } from "./otel-span";

const EXPORT_TIMEOUT_MS = 10_000;

export interface Exporter {
    spans(spans: readonly CommandSpan[]): void;
    metrics(snapshot: MetricsSnapshot): void;
}

function reportFailure(error: unknown): void {
    log(Level.Warn, "GlideOpenTelemetry", `Failed to export telemetry: ${error instanceof Error ? error.message : String(error)}`);
}

class FileExporter implements Exporter {
    constructor(readonly file: string) {}

    spans(spans: readonly CommandSpan[]): void {
        this.#append(spans.map(spanFileLine));
    }

    metrics(snapshot: MetricsSnapshot): void {
        this.#append([metricsFileLine(snapshot)]);
    }

    // Synchronous, so that what was flushed is on disk when the process exits.
    #append(lines: string[]): void {
        try {
            fs.appendFileSync(this.file, `${lines.join("\n")}\n`);
        } catch (error) {
            reportFailure(error);
        }
    }
}

/** OTLP/HTTP with JSON bodies; an endpoint without a path gets the signal's standard one (/v1/traces). */
class HttpExporter implements Exporter {
    constructor(readonly url: URL) {}

    spans(spans: readonly CommandSpan[]): void {
        this.#post("/v1/traces", otlpTraces(spans));
    }

    metrics(snapshot: MetricsSnapshot): void {
        this.#post("/v1/metrics", otlpMetrics(snapshot));
    }

    #post(standardPath: string, body: string): void {
        const url = new URL(this.url);
        if (url.pathname === "/" || url.pathname === "") url.pathname = standardPath;
        fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS) })
            .then((response) => {
                if (!response.ok) reportFailure(new Error(`${url} answered ${response.status}`));
                return response.body?.cancel();
            })
            .catch(reportFailure);
    }
}

export function exporterFor(endpoint: Endpoint): Exporter {
    if (endpoint.kind === "file") return new FileExporter(endpoint.file);
    if (endpoint.kind === "http") return new HttpExporter(endpoint.url);
    return new GrpcExporter(endpoint.url);
}
