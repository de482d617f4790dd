/**
 * The record helpers GLIDE's index exports at run time (its examples and user code call them):
 * between `GlideRecord` ({ key, value } entries) and plain objects, and sorted-set inputs.
 */
import type { ElementAndScore, GlideRecord, GlideString, Score, SortedSetDataType } from "./types";

/** True for a non-empty array whose first entry has `key` and `value`. */
export function isGlideRecord(value: unknown): value is GlideRecord<unknown> {
    if (!Array.isArray(value) || value.length === 0) return false;
    const first = value[0];
    return typeof first === "object" && first !== null && "key" in first && "value" in first;
}

function isGlideRecordArray(value: unknown): value is GlideRecord<unknown>[] {
    return Array.isArray(value) && value.length > 0 && isGlideRecord(value[0]);
}

/** A GlideRecord as a plain object, nested records (and arrays of them) included. Keys become strings. */
export function convertGlideRecordToRecord<T>(data: GlideRecord<T>): Record<string, T> {
    const record: Record<string, unknown> = {};
    for (const { key, value } of data) {
        record[key as string] = isGlideRecord(value)
            ? convertGlideRecordToRecord(value)
            : isGlideRecordArray(value)
              ? value.map((inner) => convertGlideRecordToRecord(inner))
              : value;
    }
    return record as Record<string, T>;
}

/** A plain object as a GlideRecord, one level deep. */
export function convertRecordToGlideRecord<T>(data: Record<string, T>): GlideRecord<T> {
    return Object.entries(data).map(([key, value]) => ({ key, value }));
}

/** A plain object as a GlideRecord; a GlideRecord as it is. */
export function convertGlideRecord<T>(keysAndValues: Record<string, T> | GlideRecord<T>): GlideRecord<T> {
    return Array.isArray(keysAndValues) ? keysAndValues : convertRecordToGlideRecord(keysAndValues);
}

/** Members and scores as a list of { element, score }, from a plain object or already as one. */
export function convertElementsAndScores(
    membersAndScores: ElementAndScore[] | Record<string, Score>,
): ElementAndScore[] | SortedSetDataType {
    if (Array.isArray(membersAndScores)) return membersAndScores;
    return Object.entries(membersAndScores).map(([element, score]) => ({ element: element as GlideString, score }));
}
