/**
 * One sampled command's span, as GLIDE records it: kind Client, scope valkey_glide, the database
 * attributes, and a status: Unset when the reply is a plain OK (GLIDE's core leaves it so), Ok for
 * any other reply, an error with the message for a failed call.
 */
import { randomFillSync } from "node:crypto";

import type { GlideSpanContext } from "./otel-parent";

export const NO_PARENT_SPAN_ID = "0000000000000000";

export type SpanStatus = { code: "Unset" | "Ok" } | { code: "Error"; message: string };

/** Where finished spans go (the exporter queue, or the user's SDK). */
export interface SpanSink {
    add(span: CommandSpan): void;
}

const ID_BYTES = 24;
// Random bytes for ids are drawn in bulk: one getrandom call per span was most of a span's cost.
const idPool = Buffer.alloc(ID_BYTES * 256);
let idPoolAt = idPool.length;

function randomIds(): [traceId: string, spanId: string] {
    if (idPoolAt === idPool.length) {
        randomFillSync(idPool);
        idPoolAt = 0;
    }
    const at = idPoolAt;
    idPoolAt += ID_BYTES;
    return [idPool.toString("hex", at, at + 16), idPool.toString("hex", at + 16, at + ID_BYTES)];
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
