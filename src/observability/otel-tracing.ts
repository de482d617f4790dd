/**
 * What the request path asks of OpenTelemetry: whether to sample (one number compared when
 * tracing is off) and, for a sampled call, its span. Spans wait in a bounded queue until the
 * next flush, so an unreachable collector cannot make memory grow.
 */
import type { CommandArg } from "../protocol/types";
import type { Exporter } from "./otel-exporter";
import { validParentContext, type ParentSpanContextProvider } from "./otel-parent";
import { maskedQueryText, operationName } from "./otel-query-text";
import { startUserSpan } from "./otel-sdk-bridge";
import { CommandSpan, type SpanSink } from "./otel-span";

/** Read on every request: 0 unless traces are configured with a sample percentage. */
export const sampling = { percentage: 0 };

/** Whether this request gets a span; call only when sampling.percentage > 0. */
export function sampleThis(): boolean {
    return Math.random() * 100 < sampling.percentage;
}

/**
 * The span of the call being dispatched, until its first request is sent: the send records the
 * node on it. Set and cleared synchronously around the dispatch; a call whose first send waits
 * (a connection still opening) keeps the client's first address.
 */
export const dispatchingSpan: { current: CommandSpan | undefined } = { current: undefined };

const MAX_QUEUED_SPANS = 2048;

export class SpanQueue implements SpanSink {
    #spans: CommandSpan[] = [];
    dropped = 0;

    constructor(readonly exporter: Exporter) {}

    add(span: CommandSpan): void {
        if (this.#spans.length >= MAX_QUEUED_SPANS) this.dropped++;
        else this.#spans.push(span);
    }

    get size(): number {
        return this.#spans.length;
    }

    flush(): void {
        if (this.#spans.length === 0) return;
        const spans = this.#spans;
        this.#spans = [];
        this.exporter.spans(spans);
    }
}

export const tracingState: { queue: SpanQueue | undefined; parentProvider: ParentSpanContextProvider | undefined } = {
    queue: undefined,
    parentProvider: undefined,
};

export interface SpanTarget {
    host: string;
    port: number;
    databaseId: number;
}

/** A sampled call's span; `batchArgs` for a batch (named Batch, its commands one per line). */
export function startSpan(name: string, args: readonly CommandArg[] | readonly (readonly CommandArg[])[], batch: boolean, target: SpanTarget): CommandSpan | undefined {
    const queue = tracingState.queue;
    if (queue === undefined) return undefined;
    const parent = validParentContext(tracingState.parentProvider);
    const commands = batch ? (args as readonly (readonly CommandArg[])[]) : undefined;
    const queryText = commands !== undefined ? commands.map(maskedQueryText).join("\n") : maskedQueryText(args as readonly CommandArg[]);
    const operation = batch ? "PIPELINE" : operationName(args as readonly CommandArg[]);
    const span = new CommandSpan(name, operation, queryText, target.databaseId, batch, target, parent, queue);
    span.external = startUserSpan(span, parent);
    return span;
}
