/** Option and reply types of the JSON module's commands (GlideJson, JsonBatch), as GLIDE declares them. */
import type { GlideString } from "../commands/types";

/**
 * A reply of a command that answers per path: one value (or null) for a legacy path ("." or
 * "a.b"), an array of values (null where a match is of another type) for a JSONPath ("$…").
 */
export type ReturnTypeJson<T> = T | null | (T | null)[];
/** A reply that is one value for a legacy path and an array for a JSONPath. */
export type UniversalReturnTypeJson<T> = T | T[];

/** The options of JSON.GET: which paths, and how to format the JSON text. */
export interface JsonGetOptions {
    /** One path, or several (the reply is then an object by path). */
    path?: GlideString | GlideString[];
    indent?: GlideString;
    newline?: GlideString;
    space?: GlideString;
    noescape?: boolean;
}

/** The options of JSON.ARRPOP: the array's path and which element. */
export interface JsonArrPopOptions {
    path: GlideString;
    /** Which element; the last when absent. */
    index?: number;
}

/** The options of most JSON commands: the path, or the root when absent. */
export interface JsonPathOption {
    path: GlideString;
}
