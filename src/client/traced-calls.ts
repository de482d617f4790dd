/**
 * OpenTelemetry's hooks in the client: a sampled call gets a span that ends when its promise
 * settles. Only reached once the sampling draw said yes (base-client.ts checks one number first),
 * so nothing here costs anything while tracing is off.
 */
import type { Batch } from "../batch/batch";
import type { CommandDef } from "../commands/core";
import type { CommandArg } from "../protocol/types";
import { spanNameOf } from "../observability/otel-span-names";
import { dispatchingSpan, sampling, sampleThis, startSpan, type SpanTarget } from "../observability/otel-tracing";
import type { ResolvedConfig } from "./config";

function targetOf(client: object): SpanTarget {
    const config = (client as { config: ResolvedConfig }).config;
    const first = config.addresses[0];
    return { host: first.host, port: first.port, databaseId: config.connection.databaseId ?? 0 };
}

/** GLIDE's span name per definition, found once from the argv the definition builds. */
const namesByDef = new WeakMap<CommandDef, string>();

function nameOf(def: CommandDef, args: CommandArg[]): string {
    let name = namesByDef.get(def);
    if (name === undefined) {
        name = spanNameOf(args);
        namesByDef.set(def, name);
    }
    return name;
}

/** Runs `call` with a span around it; the span learns its node from the first request sent synchronously. */
function traced(client: object, name: string, args: CommandArg[] | CommandArg[][], batch: boolean, call: () => Promise<unknown>): Promise<unknown> {
    const span = startSpan(name, args, batch, targetOf(client));
    if (span === undefined) return call();
    dispatchingSpan.current = span;
    let result: Promise<unknown>;
    try {
        result = call();
    } catch (error) {
        result = Promise.reject(error);
    } finally {
        dispatchingSpan.current = undefined;
    }
    result.then(span.succeeded, span.failed);
    return result;
}

/** A command method's call, traced (its arguments are built once more, for the span's name and text). */
export function tracedDispatch<C extends object>(
    client: C,
    def: CommandDef,
    params: unknown[],
    dispatch: (client: C, def: CommandDef, params: unknown[]) => Promise<unknown>,
): Promise<unknown> {
    const call = () => dispatch(client, def, params);
    let args: CommandArg[];
    try {
        args = def.args.apply(undefined, params);
    } catch {
        return call();
    }
    return traced(client, nameOf(def, args), args, false, call);
}

type Described = { name: string; args: CommandArg[] | CommandArg[][]; batch: boolean } | undefined;

/** Wraps a hand-written method (customCommand, exec, select) so that a sampled call is traced. */
function traceMethod(proto: object, method: string, describe: (params: unknown[]) => Described): void {
    const original = (proto as Record<string, (...params: unknown[]) => Promise<unknown>>)[method];
    Object.defineProperty(proto, method, {
        configurable: true,
        writable: true,
        enumerable: false,
        value: function (this: object, ...params: unknown[]): Promise<unknown> {
            if (!(sampling.percentage > 0 && sampleThis())) return original.apply(this, params);
            let described: Described;
            try {
                described = describe(params);
            } catch {
                described = undefined;
            }
            if (described === undefined) return original.apply(this, params);
            return traced(this, described.name, described.args, described.batch, () => original.apply(this, params));
        },
    });
}

/** The hand-written methods GLIDE makes a span for, on a client class. */
export function traceClientMethods(proto: object): void {
    traceMethod(proto, "customCommand", (params) => ({ name: "CustomCommand", args: params[0] as CommandArg[], batch: false }));
    traceMethod(proto, "exec", (params) => ({ name: "Batch", args: (params[0] as Batch).commands.map((command) => command.args), batch: true }));
    traceMethod(proto, "select", (params) => ({ name: "Select", args: ["SELECT", params[0] as number], batch: false }));
}
