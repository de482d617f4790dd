/** Public value types and enums shared by every command family (names as in GLIDE's API). */
import type { RequestError } from "../errors";

export type GlideString = string | Buffer;

export enum ProtocolVersion {
    RESP2 = 1,
    RESP3 = 0,
}

export enum Decoder {
    Bytes = 0,
    String = 1,
}

export interface DecoderOption {
    decoder?: Decoder;
}

export type ReturnTypeRecord = { [key: string]: GlideReturnType };
export type ReturnTypeMap = Map<string, GlideReturnType>;
export interface ReturnTypeAttribute {
    value: GlideReturnType;
    attributes: ReturnTypeRecord;
}

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

export type GlideRecord<T> = { key: GlideString; value: T }[];
export type SortedSetDataType = { element: GlideString; score: number }[];
export type HashDataType = { field: GlideString; value: GlideString }[];
export type StreamEntryDataType = Record<string, [GlideString, GlideString][]>;
export type Score = number | "+inf" | "-inf";
export type ElementAndScore = { element: GlideString; score: Score };

export enum ObjectType {
    STRING = "String",
    LIST = "List",
    SET = "Set",
    ZSET = "ZSet",
    HASH = "Hash",
    STREAM = "Stream",
}
