/** OTLP/JSON request bodies (ExportTraceServiceRequest, ExportMetricsServiceRequest) for the http(s) endpoints. */
import type { MetricsSnapshot } from "./otel-metrics";
import { NO_PARENT_SPAN_ID, type CommandSpan } from "./otel-span";
import { RESOURCE } from "./otel-file-format";

const SPAN_KIND_CLIENT = 3;
const STATUS_CODES = { Unset: 0, Ok: 1, Error: 2 } as const;
const CUMULATIVE = 2;

function attribute(key: string, value: string) {
    return { key, value: { stringValue: value } };
}

const resource = { attributes: Object.entries(RESOURCE).map(([key, value]) => attribute(key, value)) };
const scope = { name: "valkey_glide" };

function nanos(micros: number): string {
    return `${micros}000`;
}

export function otlpTraces(spans: readonly CommandSpan[]): string {
    const encoded = spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        ...(span.parentSpanId !== NO_PARENT_SPAN_ID ? { parentSpanId: span.parentSpanId } : {}),
        ...(span.traceState !== undefined ? { traceState: span.traceState } : {}),
        flags: span.traceFlags,
        name: span.name,
        kind: SPAN_KIND_CLIENT,
        startTimeUnixNano: nanos(span.startMicros),
        endTimeUnixNano: nanos(span.endMicros),
        attributes: span.attributes().map(([key, value]) => attribute(key, value)),
        status: span.status.code === "Error" ? { code: STATUS_CODES.Error, message: span.status.message } : { code: STATUS_CODES[span.status.code] },
    }));
    return JSON.stringify({ resourceSpans: [{ resource, scopeSpans: [{ scope, spans: encoded }] }] });
}

export function otlpMetrics(snapshot: MetricsSnapshot): string {
    const metrics = snapshot.metrics.map((metric) => {
        const point = { timeUnixNano: nanos(snapshot.timeMicros), asInt: String(metric.value) };
        const body =
            metric.kind === "counter"
                ? { sum: { dataPoints: [{ startTimeUnixNano: nanos(snapshot.startMicros), ...point }], aggregationTemporality: CUMULATIVE, isMonotonic: true } }
                : { gauge: { dataPoints: [point] } };
        return { name: metric.name, description: metric.description, unit: metric.unit, ...body };
    });
    return JSON.stringify({ resourceMetrics: [{ resource, scopeMetrics: [{ scope, metrics }] }] });
}
