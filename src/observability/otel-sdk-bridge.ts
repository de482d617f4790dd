/**
 * Spans for the user's own OpenTelemetry SDK: when `@opentelemetry/api` (an optional peer
 * dependency) is installed and a tracer provider is registered, sampled commands become spans of
 * that provider, children of the active context, with the database client semantic conventions.
 * Loaded on the first sampled command, never when OpenTelemetry is not initialised.
 */
import { LIB_VERSION } from "../version";
import type { GlideSpanContext } from "./otel-parent";
import type { CommandSpan } from "./otel-span";

/** The few members of @opentelemetry/api used here. */
interface OtelApi {
    trace: {
        getTracerProvider(): { getDelegate?(): object; constructor: { name: string } };
        getTracer(name: string, version: string): UserTracer;
        setSpanContext(context: unknown, spanContext: object): unknown;
    };
    context: { active(): unknown };
    SpanKind: { CLIENT: number };
    SpanStatusCode: { OK: number; ERROR: number };
}

interface UserSpan {
    setAttribute(key: string, value: string | number): void;
    setStatus(status: { code: number; message?: string }): void;
    end(): void;
}

interface UserTracer {
    startSpan(name: string, options: { kind: number; attributes: Record<string, string | number> }, context: unknown): UserSpan;
}

let api: OtelApi | null | undefined;

function loadApi(): OtelApi | null {
    if (api === undefined) {
        try {
            api = require("@opentelemetry/api") as OtelApi;
        } catch {
            api = null;
        }
    }
    return api;
}

const RECHECK_MS = 1000;
let checkedAt = -Infinity;
let registered: OtelApi | undefined;

/**
 * The API when a real provider is registered (its global is a proxy to a no-op one until then).
 * Checked again at most once a second: a provider registered later is picked up soon.
 */
function registeredApi(): OtelApi | undefined {
    const now = performance.now();
    if (now - checkedAt < RECHECK_MS) return registered;
    checkedAt = now;
    const loaded = loadApi();
    registered = undefined;
    if (loaded !== null) {
        const provider = loaded.trace.getTracerProvider();
        const delegate = typeof provider.getDelegate === "function" ? provider.getDelegate() : provider;
        if (delegate.constructor.name !== "NoopTracerProvider") registered = loaded;
    }
    return registered;
}

/** Starts the user's SDK span for a command span, when there is a provider to take it. */
export function startUserSpan(span: CommandSpan, parent: GlideSpanContext | undefined): CommandSpan["external"] {
    const otel = registeredApi();
    if (otel === undefined) return undefined;
    let context = otel.context.active();
    if (parent !== undefined) context = otel.trace.setSpanContext(context, { ...parent, isRemote: true });
    const attributes: Record<string, string | number> = {
        "db.system.name": "redis",
        "db.namespace": String(span.namespace),
        "db.operation.name": span.operation,
        "db.query.text": span.queryText,
    };
    const userSpan = otel.trace.getTracer("valkey_glide", LIB_VERSION).startSpan(span.name, { kind: otel.SpanKind.CLIENT, attributes }, context);
    return {
        end(reply, error) {
            userSpan.setAttribute("server.address", span.serverAddress);
            userSpan.setAttribute("server.port", span.serverPort);
            if (error !== undefined) {
                userSpan.setAttribute("error.type", error.name);
                userSpan.setStatus({ code: otel.SpanStatusCode.ERROR, message: error.message });
            } else if (reply !== "OK") {
                userSpan.setStatus({ code: otel.SpanStatusCode.OK });
            }
            userSpan.end();
        },
    };
}
