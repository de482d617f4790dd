/** Argument builders shared by several command families. */
import type { BaseScanOptions } from "./options";
import type { GlideRecord, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** Key/value arguments, flat, from a plain object or a GlideRecord (GLIDE accepts either). */
export function keyValueArgs<V>(pairs: Record<string, V> | GlideRecord<V>): (GlideString | V)[] {
    if (Array.isArray(pairs)) return pairs.flatMap(({ key, value }) => [key, value]);
    return Object.entries(pairs).flat();
}

/**
 * MATCH/COUNT arguments of the *SCAN commands (SSCAN, HSCAN, ZSCAN), in that order. As in GLIDE,
 * an empty pattern sends no MATCH (it scans everything, not the empty name only).
 */
export function scanOptionArgs(options?: BaseScanOptions): CommandArg[] {
    const args: CommandArg[] = [];
    // Truthy, as GLIDE checks it: an empty string (or null) sends no MATCH; an empty Buffer still does.
    if (options?.match) args.push("MATCH", options.match);
    if (options?.count !== undefined) args.push("COUNT", options.count);
    return args;
}
