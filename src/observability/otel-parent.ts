/** The parent span context a user's provider returns, checked as W3C Trace Context defines it. */
import { Level, log } from "./core-log";

/** A remote span's context, as GLIDE's `GlideSpanContext`. */
export interface GlideSpanContext {
    /** 32 lowercase hex characters. */
    traceId: string;
    /** 16 lowercase hex characters. */
    spanId: string;
    /** W3C trace flags (1: sampled), an integer 0-255. */
    traceFlags: number;
    /** W3C `tracestate` header value ("vendor1=value1,vendor2=value2"). */
    traceState?: string;
}

export type ParentSpanContextProvider = () => GlideSpanContext | undefined;

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const TRACE_STATE_KEY = /^(?:[a-z][a-z0-9_\-*/]{0,255}|[a-z0-9][a-z0-9_\-*/]{0,240}@[a-z][a-z0-9_\-*/]{0,13})$/;
const TRACE_STATE_VALUE = /^[\x20-\x2b\x2d-\x3c\x3e-\x7e]{0,255}[\x21-\x2b\x2d-\x3c\x3e-\x7e]$/;
const MAX_TRACE_STATE_MEMBERS = 32;

function fallBack(message: string): undefined {
    log(Level.Warn, "GlideOpenTelemetry", `${message} Falling back to standalone span.`);
    return undefined;
}

/** W3C tracestate: up to 32 `key=value` members separated by commas (optional whitespace), keys unique. */
export function isValidTraceState(traceState: string): boolean {
    if (traceState.trim() === "") return true;
    const members = traceState.split(",").map((member) => member.trim()).filter((member) => member !== "");
    if (members.length > MAX_TRACE_STATE_MEMBERS) return false;
    const keys = new Set<string>();
    for (const member of members) {
        const equals = member.indexOf("=");
        if (equals <= 0) return false;
        const key = member.slice(0, equals);
        if (!TRACE_STATE_KEY.test(key) || !TRACE_STATE_VALUE.test(member.slice(equals + 1)) || keys.has(key)) return false;
        keys.add(key);
    }
    return true;
}

/** The provider's context when it is valid; otherwise undefined, with GLIDE's warning. */
export function validParentContext(provider: ParentSpanContextProvider | undefined): GlideSpanContext | undefined {
    if (provider === undefined) return undefined;
    let context: GlideSpanContext | undefined;
    try {
        context = provider();
    } catch (error) {
        return fallBack(`parentSpanContextProvider threw: ${error}.`);
    }
    if (context === undefined || context === null) return undefined;
    const { traceId, spanId, traceFlags, traceState } = context;
    // All-zero ids are invalid in W3C Trace Context: they mean "no trace".
    if (typeof traceId !== "string" || !TRACE_ID.test(traceId) || /^0+$/.test(traceId)) {
        return fallBack(`Invalid traceId "${traceId}" — expected 32 lowercase hex chars.`);
    }
    if (typeof spanId !== "string" || !SPAN_ID.test(spanId) || /^0+$/.test(spanId)) {
        return fallBack(`Invalid spanId "${spanId}" — expected 16 lowercase hex chars.`);
    }
    if (!Number.isInteger(traceFlags) || traceFlags < 0 || traceFlags > 255) {
        return fallBack(`Invalid traceFlags "${traceFlags}" — expected integer 0-255.`);
    }
    if (traceState !== undefined && (typeof traceState !== "string" || !isValidTraceState(traceState))) {
        return fallBack(`Invalid traceState "${traceState}" — expected W3C tracestate format.`);
    }
    return context;
}
