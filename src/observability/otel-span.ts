/**
 * One sampled command's span, as GLIDE records it: kind Client, scope valkey_glide, the database
 * attributes, and a status: Unset when the reply is a plain OK (GLIDE's core leaves it so), Ok for
 * any other reply, an error with the message for a failed call.
 */
import type { GlideSpanContext } from "./otel-parent";

export const NO_PARENT_SPAN_ID = "0000000000000000";

export type SpanStatus = { code: "Unset" | "Ok" } | { code: "Error"; message: string };

/** Where finished spans go (the exporter queue, or the user's SDK). */
export interface SpanSink {
    add(span: CommandSpan): void;
}

/** 8 random hex digits. Math.random, as OpenTelemetry's JS SDK draws its ids: no system call per span. */
function hex8(): string {
    return ((Math.random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, "0");
}

function randomIds(): [traceId: string, spanId: string] {
    let spanId = hex8() + hex8();
    // All-zero ids mean "none" in W3C Trace Context.
    while (spanId === "0000000000000000") spanId = hex8() + hex8();
    return [hex8() + hex8() + hex8() + hex8(), spanId];
}

/** Microseconds since the epoch, from the monotonic clock. */
export function epochMicros(): number {
    return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

export class CommandSpan {
    readonly traceId: string;
    readonly spanId: string;
    readonly parentSpanId: string;
    readonly traceFlags: number;
    readonly traceState: string | undefined;
    readonly startMicros = epochMicros();
    endMicros = 0;
    status: SpanStatus = { code: "Unset" };
    serverAddress: string;
    serverPort: number;
    /** The user's SDK span when spans go to their tracer provider. */
    external: { end(reply: unknown, error: Error | undefined): void } | undefined;

    constructor(
        readonly name: string,
        readonly operation: string,
        readonly queryText: string,
        readonly namespace: number,
        /** Batches write db.query.text before db.operation.name, as GLIDE's do. */
        readonly batch: boolean,
        server: { host: string; port: number },
        parent: GlideSpanContext | undefined,
        readonly sink: SpanSink,
    ) {
        const [traceId, spanId] = randomIds();
        this.traceId = parent?.traceId ?? traceId;
        this.spanId = spanId;
        this.parentSpanId = parent?.spanId ?? NO_PARENT_SPAN_ID;
        this.traceFlags = parent?.traceFlags ?? 1;
        this.traceState = parent?.traceState;
        this.serverAddress = server.host;
        this.serverPort = server.port;
    }

    /** The node a request of this call was sent to. */
    sentTo(host: string, port: number): void {
        this.serverAddress = host;
        this.serverPort = port;
    }

    /** Attributes in GLIDE's order. */
    attributes(): [string, string][] {
        const attributes: [string, string][] = [
            ["db.system.name", "redis"],
            ["server.address", this.serverAddress],
            ["server.port", String(this.serverPort)],
            ["db.namespace", String(this.namespace)],
        ];
        if (this.batch) attributes.push(["db.query.text", this.queryText], ["db.operation.name", this.operation]);
        else attributes.push(["db.operation.name", this.operation], ["db.query.text", this.queryText]);
        return attributes;
    }

    readonly succeeded = (reply: unknown): void => {
        this.status = reply === "OK" ? { code: "Unset" } : { code: "Ok" };
        this.#end(reply, undefined);
    };

    readonly failed = (error: unknown): void => {
        const failure = error instanceof Error ? error : new Error(String(error));
        this.status = { code: "Error", message: failure.message };
        this.#end(undefined, failure);
    };

    #end(reply: unknown, error: Error | undefined): void {
        this.endMicros = epochMicros();
        if (this.external !== undefined) this.external.end(reply, error);
        else this.sink.add(this);
    }
}
