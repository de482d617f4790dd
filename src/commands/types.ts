/** Public value types and enums shared by every command family (names as in GLIDE's API). */
import type { RequestError } from "../errors";

/** Text or binary data: a `string` is sent as UTF-8, a `Buffer` as its bytes. Replies come back as one or the other per the call's `Decoder`. */
export type GlideString = string | Buffer;

/** The RESP version a client speaks. RESP3 is the default; replies have the same shapes on both. */
export enum ProtocolVersion {
    RESP2 = 1,
    RESP3 = 0,
}

/** How bulk strings in a reply are handed back: `String` decodes UTF-8 text (and rejects bytes that are not), `Bytes` gives Buffers. */
export enum Decoder {
    Bytes = 0,
    String = 1,
}

/** The per-call `decoder` option; without it the client's `defaultDecoder` applies. */
export interface DecoderOption {
    decoder?: Decoder;
}

/** A RESP map reply as a plain object (where the keys are text). */
export type ReturnTypeRecord = { [key: string]: GlideReturnType };
/** A RESP map reply as a `Map`. */
export type ReturnTypeMap = Map<string, GlideReturnType>;
/** A RESP3 reply that came with attributes: the value and the attributes beside it. */
export interface ReturnTypeAttribute {
    value: GlideReturnType;
    attributes: ReturnTypeRecord;
}

/** Any reply a command can give before it is converted: what `customCommand` and scripts return. */
export type GlideReturnType =
    | "OK"
    | string
    | number
    | null
    | boolean
    | bigint
    | Buffer
    | Set<GlideReturnType>
    | ReturnTypeRecord
    | ReturnTypeMap
    | ReturnTypeAttribute
    | RequestError
    | GlideReturnType[];

/** Key/value pairs in reply order, as an array of `{ key, value }` (keys may be Buffers, so not an object). */
export type GlideRecord<T> = { key: GlideString; value: T }[];
/** Sorted-set members with their scores, in reply order. */
export type SortedSetDataType = { element: GlideString; score: number }[];
/** Hash fields with their values, in the order given. */
export type HashDataType = { field: GlideString; value: GlideString }[];
/** Stream entries by id: each entry's field/value pairs. */
export type StreamEntryDataType = Record<string, [GlideString, GlideString][]>;
/** A sorted-set score, or one of the infinities. */
export type Score = number | "+inf" | "-inf";
/** One sorted-set member with its score. */
export type ElementAndScore = { element: GlideString; score: Score };

/** The value types a key can hold, as SCAN's `type` filter names them. */
export enum ObjectType {
    STRING = "String",
    LIST = "List",
    SET = "Set",
    ZSET = "ZSet",
    HASH = "Hash",
    STREAM = "Stream",
}
