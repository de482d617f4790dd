/** Argument builders shared by several command families. */
import type { BaseScanOptions } from "./options";
import type { GlideRecord, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** Key/value arguments, flat, from a plain object or a GlideRecord (GLIDE accepts either). */
export function keyValueArgs<V>(pairs: Record<string, V> | GlideRecord<V>): (GlideString | V)[] {
    if (Array.isArray(pairs)) return pairs.flatMap(({ key, value }) => [key, value]);
    return Object.entries(pairs).flat();
}

/** MATCH/COUNT arguments of the *SCAN commands (SSCAN, HSCAN, ZSCAN), in that order. */
export function scanOptionArgs(options?: BaseScanOptions): CommandArg[] {
    const args: CommandArg[] = [];
    // An empty text pattern is no pattern at all, as in GLIDE (an empty Buffer is still sent).
    if (options?.match !== undefined && options.match !== "") args.push("MATCH", options.match);
    if (options?.count !== undefined) args.push("COUNT", options.count);
    return args;
}
