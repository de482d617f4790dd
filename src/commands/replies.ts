/** Reply converters shared by many commands: they make RESP2 and RESP3 replies look the same. */
import { RequestError } from "../errors";
import { RespMap, type RespValue } from "../protocol/types";
import type { GlideRecord, GlideString } from "./types";

/** 1/0 (RESP2) or true/false (RESP3) as a boolean. */
export function toBoolean(reply: RespValue): boolean {
    return reply === 1 || reply === true;
}

/** An integer or a textual number (RESP2 doubles arrive as bulk strings) as a number. */
export function toNumber(reply: RespValue): number {
    if (typeof reply === "number") return reply;
    if (typeof reply === "bigint") return Number(reply);
    return parseNumber(reply);
}

export function toNullableNumber(reply: RespValue): number | null {
    return reply === null ? null : toNumber(reply);
}

/** Parses a server float ("3.5", "inf", "-inf", "nan") from a string or Buffer. */
export function parseNumber(reply: RespValue): number {
    const text = typeof reply === "string" ? reply : Buffer.isBuffer(reply) ? reply.toString("latin1") : String(reply);
    switch (text) {
        case "inf":
        case "+inf":
            return Infinity;
        case "-inf":
            return -Infinity;
        case "nan":
        case "-nan":
            return NaN;
    }
    const value = Number(text);
    if (Number.isNaN(value)) throw new RequestError(`Expected a number in the reply, got ${JSON.stringify(text)}`);
    return value;
}

/** Text whatever the decoder (for replies GLIDE types as `string`). */
export function toText(reply: RespValue): string {
    return Buffer.isBuffer(reply) ? reply.toString() : (reply as string);
}

/** Key/value pairs of a RESP3 map or a flat RESP2 array, flat: [k0, v0, k1, v1, …]. */
export function flatPairs(reply: RespValue): RespValue[] {
    if (reply instanceof RespMap) return reply.entries;
    if (Array.isArray(reply)) {
        // RESP3 replies of some commands are arrays of [k, v] pairs.
        if (reply.length > 0 && Array.isArray(reply[0]) && (reply[0] as RespValue[]).length === 2) {
            return (reply as RespValue[][]).flat();
        }
        return reply;
    }
    if (reply === null) return [];
    throw new RequestError(`Expected a map in the reply, got ${typeof reply}`);
}

/** A map reply as GLIDE's `GlideRecord<T>` ({ key, value } entries in server order). */
export function toGlideRecord<T>(reply: RespValue, value: (v: RespValue) => T = (v) => v as T): GlideRecord<T> {
    const flat = flatPairs(reply);
    const record: GlideRecord<T> = new Array(flat.length >>> 1);
    for (let i = 0, j = 0; i < flat.length; i += 2, j++) {
        record[j] = { key: flat[i] as GlideString, value: value(flat[i + 1]) };
    }
    return record;
}

/** A map reply as a plain object with string keys (for replies GLIDE types as Record). */
export function toRecord<T>(reply: RespValue, value: (v: RespValue) => T = (v) => v as T): Record<string, T> {
    const flat = flatPairs(reply);
    const record: Record<string, T> = {};
    for (let i = 0; i < flat.length; i += 2) record[toText(flat[i])] = value(flat[i + 1]);
    return record;
}

/** A simple-string reply ("PONG", "OK") as a Buffer when the caller asked for bytes. */
export function statusAs(reply: RespValue, bytes: boolean): RespValue {
    return bytes && typeof reply === "string" ? Buffer.from(reply) : reply;
}

/** A *SCAN reply: the cursor as text (whatever the decoder), the items as decoded. */
export function toScanPage(reply: RespValue): [string, GlideString[]] {
    const [cursor, items] = reply as RespValue[];
    return [toText(cursor), items as GlideString[]];
}
