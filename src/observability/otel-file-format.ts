/**
 * The JSON lines GLIDE's file exporters write: one object per span, one object per metrics flush,
 * keys in the order GLIDE's serializer gives them, times in epoch microseconds as strings.
 */
import type { CommandSpan, SpanStatus } from "./otel-span";
import type { MetricsSnapshot } from "./otel-metrics";
import { LIB_VERSION } from "../version";

/** A string as Rust's `{:?}` writes it (GLIDE's error status is `Error { description: "…" }`). */
function rustDebugString(value: string): string {
    let out = '"';
    for (const char of value) {
        const code = char.codePointAt(0)!;
        if (char === '"' || char === "\\") out += `\\${char}`;
        else if (char === "\n") out += "\\n";
        else if (char === "\r") out += "\\r";
        else if (char === "\t") out += "\\t";
        else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
        else out += char;
    }
    return `${out}"`;
}

function statusText(status: SpanStatus): string {
    return status.code === "Error" ? `Error { description: ${rustDebugString(status.message)} }` : status.code;
}

/** Built as text rather than through JSON.stringify of an object: this runs for every exported span. */
export function spanFileLine(span: CommandSpan): string {
    let attributes = "";
    for (const [key, value] of span.attributes()) attributes += `${attributes === "" ? "" : ","}{"${key}":${JSON.stringify(value)}}`;
    return (
        `{"end_time":"${span.endMicros}","events":[],"kind":"Client","links":[],"name":${JSON.stringify(span.name)},` +
        `"parent_span_id":"${span.parentSpanId}","scope":"valkey_glide","scope_attributes":[],"span_attributes":[${attributes}],` +
        `"span_id":"${span.spanId}","start_time":"${span.startMicros}","status":${JSON.stringify(statusText(span.status))},"trace_id":"${span.traceId}"}`
    );
}

/** The resource GLIDE's files carry, with this library named as the SDK that wrote them. */
export const RESOURCE = {
    "service.name": "unknown_service:node",
    "telemetry.sdk.language": "nodejs",
    "telemetry.sdk.name": "glide-ts",
    "telemetry.sdk.version": LIB_VERSION,
};

export function metricsFileLine(snapshot: MetricsSnapshot): string {
    const metrics = snapshot.metrics.map((metric) => ({
        data_points: [
            metric.kind === "counter"
                ? { attributes: {}, start_time: String(snapshot.startMicros), time: String(snapshot.timeMicros), value: metric.value }
                : { attributes: {}, time: String(snapshot.timeMicros), value: metric.value },
        ],
        description: metric.description,
        name: metric.name,
        unit: metric.unit,
    }));
    return JSON.stringify({ resource: RESOURCE, scope_metrics: [{ metrics, scope: { name: "valkey_glide" } }] });
}
