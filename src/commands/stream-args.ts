/** Argument builders of the stream commands: id range ends, trimming, reads, claims. */
import type { Boundary } from "./options";
import type {
    StreamAddOptions,
    StreamClaimOptions,
    StreamPendingOptions,
    StreamReadGroupOptions,
    StreamTrimOptions,
} from "./stream-options";
import type { GlideRecord, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** An id range end: "(id" (exclusive) or "id"; a bare string ("-", "+", or an id) goes as it is. */
export function streamBoundaryArg(boundary: Boundary<string>): string {
    if (typeof boundary === "string") return boundary;
    return boundary.isInclusive === false ? `(${boundary.value}` : boundary.value;
}

/** MAXLEN|MINID =|~ threshold [LIMIT n]; a limit of 0 is no limit option at all, as in GLIDE. */
export function trimArgs(options: StreamTrimOptions): CommandArg[] {
    const method = options.method === "maxlen" ? "MAXLEN" : "MINID";
    const args: CommandArg[] = [method, options.exact ? "=" : "~", options.threshold];
    if (options.limit) args.push("LIMIT", options.limit);
    return args;
}

export function xaddArgs(key: GlideString, values: [GlideString, GlideString][], options?: StreamAddOptions): CommandArg[] {
    const args: CommandArg[] = ["XADD", key];
    if (options?.makeStream === false) args.push("NOMKSTREAM");
    if (options?.trim !== undefined) args.push(...trimArgs(options.trim));
    // An empty id is no id: the server generates one.
    args.push(options?.id || "*");
    for (const [field, value] of values) args.push(field, value);
    return args;
}

/** XRANGE / XREVRANGE take GLIDE's client form `{ count }` and its Batch form, a bare count. */
export type RangeCountOption = { count?: number } | number | undefined;

export function rangeCountArgs(options: RangeCountOption): CommandArg[] {
    const count = typeof options === "number" ? options : options?.count;
    return count === undefined ? [] : ["COUNT", count];
}

/** [COUNT n] [BLOCK ms] [NOACK] STREAMS key … id … */
export function readArgs(
    keysAndIds: Record<string, string> | GlideRecord<string>,
    options?: StreamReadGroupOptions,
): CommandArg[] {
    const args: CommandArg[] = [];
    if (options?.count !== undefined) args.push("COUNT", options.count);
    if (options?.block !== undefined) args.push("BLOCK", options.block);
    if (options?.noAck) args.push("NOACK");
    args.push("STREAMS");
    const pairs: [GlideString, string][] = Array.isArray(keysAndIds)
        ? keysAndIds.map(({ key, value }) => [key, value])
        : Object.entries(keysAndIds);
    for (const [key] of pairs) args.push(key);
    for (const [, id] of pairs) args.push(id);
    return args;
}

/** XREAD / XREADGROUP block only when `block` is given: BLOCK is in milliseconds. */
export function blockSeconds(optionsAt: number): (...params: unknown[]) => number | undefined {
    return (...params) => {
        const block = (params[optionsAt] as { block?: number } | undefined)?.block;
        return block === undefined ? undefined : block / 1000;
    };
}

/** [IDLE ms] start end count [consumer]; an empty consumer name is no consumer filter, as in GLIDE. */
export function pendingRangeArgs(options: StreamPendingOptions): CommandArg[] {
    const args: CommandArg[] = [];
    if (options.minIdleTime !== undefined) args.push("IDLE", options.minIdleTime);
    args.push(streamBoundaryArg(options.start), streamBoundaryArg(options.end), options.count);
    if (options.consumer) args.push(options.consumer);
    return args;
}

/** XCLAIM key group consumer min-idle-time id … [IDLE ms] [TIME ms] [RETRYCOUNT n] [FORCE] [JUSTID] */
export function xclaimArgs(
    key: GlideString,
    group: GlideString,
    consumer: GlideString,
    minIdleTime: number,
    ids: string[],
    options: StreamClaimOptions | undefined,
    justId: boolean,
): CommandArg[] {
    const args: CommandArg[] = ["XCLAIM", key, group, consumer, minIdleTime, ...ids];
    if (options?.idle !== undefined) args.push("IDLE", options.idle);
    if (options?.idleUnixTime !== undefined) args.push("TIME", options.idleUnixTime);
    if (options?.retryCount !== undefined) args.push("RETRYCOUNT", options.retryCount);
    if (options?.isForce) args.push("FORCE");
    if (justId) args.push("JUSTID");
    return args;
}

/** XAUTOCLAIM key group consumer min-idle-time start [COUNT n] [JUSTID] */
export function xautoclaimArgs(
    key: GlideString,
    group: GlideString,
    consumer: GlideString,
    minIdleTime: number,
    start: string,
    count: number | undefined,
    justId: boolean,
): CommandArg[] {
    const args: CommandArg[] = ["XAUTOCLAIM", key, group, consumer, minIdleTime, start];
    if (count !== undefined) args.push("COUNT", count);
    if (justId) args.push("JUSTID");
    return args;
}
