/** Argument builders shared by several command families. */
import type { GlideRecord, GlideString } from "./types";

/** Key/value arguments, flat, from a plain object or a GlideRecord (GLIDE accepts either). */
export function keyValueArgs<V>(pairs: Record<string, V> | GlideRecord<V>): (GlideString | V)[] {
    if (Array.isArray(pairs)) return pairs.flatMap(({ key, value }) => [key, value]);
    return Object.entries(pairs).flat();
}
