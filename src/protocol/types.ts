import type { RequestError } from "../errors";

/**
 * What the decoder produces. RESP2 and RESP3 frames map onto one set of JS values so that reply
 * converters can treat both protocols alike:
 * - simple string: `string` (always, whatever the decoder)
 * - bulk / verbatim string: `string` or `Buffer`, chosen per reply (verbatim drops its `txt:` prefix)
 * - integer: `number` (the nearest one outside the safe-integer range, as GLIDE's); big number: `bigint`
 * - double: `number` (inf, -inf, nan included); boolean: `boolean`; null / nil bulk / nil array: `null`
 * - array: `RespValue[]`; set: `Set<RespValue>`; map: `RespMap` (entries kept flat: k, v, k, v …)
 * - error / bulk error: a `RequestError` worded as GLIDE words it (as a value, not thrown)
 * - a whole reply read as strings that are not UTF-8: one plain `Error` (GLIDE's decoding error)
 * - attribute: the value that follows it, wrapped as `RespAttributed`
 * - push: delivered through the decoder's `onPush`, never as a reply
 */
export type RespValue =
    | string
    | number
    | bigint
    | boolean
    | null
    | Buffer
    | RespValue[]
    | Set<RespValue>
    | RespMap
    | RespAttributed
    | RequestError
    | Error;

/** A RESP3 map, entries flat in server order: [k0, v0, k1, v1, …]. */
export class RespMap {
    constructor(readonly entries: RespValue[]) {}

    get size(): number {
        return this.entries.length >>> 1;
    }
}

/** A value that the server sent with RESP3 attributes attached. */
export class RespAttributed {
    constructor(
        readonly value: RespValue,
        readonly attributes: RespMap,
    ) {}
}

/** One encodable argument of a command. Numbers are written in decimal. */
export type CommandArg = string | Buffer | number;
