/**
 * FT.* replies in the shapes GLIDE 2.5.2 gives them. GLIDE's core converts these replies before
 * its JavaScript sees them, and refuses replies of another shape with its own RequestError
 * texts; those texts are kept here, since callers may match on them.
 */
import { RequestError } from "../../errors";
import { RespMap, type RespValue } from "../../protocol/types";
import { genericReply } from "../../commands/generic-reply";
import { toText } from "../../commands/replies";
import type { GlideRecord, GlideReturnType, GlideString } from "../../commands/types";

/** FT.INFO's reply: its fields by name, nested values as the server gives them. */
export type FtInfoReturnType = Record<string, GlideString | number | GlideString[] | Record<string, GlideString | Record<string, GlideString | number>[]>>;
/** FT.SEARCH's reply: the total, and each document's key with its fields. */
export type FtSearchReturnType = [number, GlideRecord<GlideRecord<GlideString>>];
/** FT.AGGREGATE's reply: one record per row. */
export type FtAggregateReturnType = GlideRecord<GlideReturnType>[];
export type FtProfileReturnType<R> = [R, Record<string, number>];

/** How GLIDE's core names a reply's RESP type in its conversion errors. */
function kindOf(reply: RespValue): string {
    if (reply === null) return "Nil";
    if (reply === "OK") return "OK";
    if (typeof reply === "string" || Buffer.isBuffer(reply)) return "BulkString";
    if (typeof reply === "number") return Number.isInteger(reply) ? "Int" : "Double";
    if (typeof reply === "bigint") return "BigNumber";
    if (typeof reply === "boolean") return "Boolean";
    if (reply instanceof RespMap) return "Map";
    if (reply instanceof Set) return "Set";
    return "Array";
}

function notConvertible(command: string, reply: RespValue, what = "response"): RequestError {
    return new RequestError(`Response couldn't be converted for ${command} - TypeError: (${what} was "${kindOf(reply)}")`);
}

const ODD_ITEMS = "Response has odd number of items, and cannot be entered into a map- TypeError";

/** A flat [k, v, …] array or a map's entries; an odd array is refused as GLIDE refuses it. */
function pairsOf(reply: RespValue[] | RespMap): RespValue[] {
    if (reply instanceof RespMap) return reply.entries;
    if (reply.length % 2 !== 0) throw new RequestError(ODD_ITEMS);
    return reply;
}

function isPairs(reply: RespValue): reply is RespValue[] | RespMap {
    return Array.isArray(reply) || reply instanceof RespMap;
}

/**
 * A value as GLIDE gives it: simple strings (which arrive as text whatever the decoder) become
 * Buffers for a Bytes decoder, as bulk strings do.
 */
const asGlide = genericReply as (reply: RespValue, bytes: boolean) => any;

/** A document's fields: values are text (an integer becomes its digits, as GLIDE's core makes it). */
function documentFields(reply: RespValue[] | RespMap, bytes: boolean): GlideRecord<GlideString> {
    const pairs = pairsOf(reply);
    const record: GlideRecord<GlideString> = [];
    for (let i = 0; i < pairs.length; i += 2) record.push({ key: fieldText(pairs[i], bytes), value: fieldText(pairs[i + 1], bytes) });
    return record;
}

function fieldText(value: RespValue, bytes: boolean): GlideString {
    if (typeof value === "string" || Buffer.isBuffer(value)) return asGlide(value, bytes);
    if (typeof value === "number" || typeof value === "bigint") return bytes ? Buffer.from(String(value)) : String(value);
    throw new RequestError(`Response was of incompatible type - TypeError: "Response type not string compatible." (response was ${kindOf(value)})`);
}

/**
 * [total, key, fields, key, fields, …] → [total, [{ key, value: fields }]]; keys alone (NOCONTENT,
 * RETURN 0) get no fields, nil fields stay null; a reply of the total alone stays [total].
 */
export function toSearchReply(reply: RespValue, bytes: boolean, command = "FT.SEARCH"): FtSearchReturnType {
    if (!Array.isArray(reply) || reply.length === 0) throw notConvertible(command, reply);
    const [total, ...rest] = reply;
    if (rest.length === 0) return [total] as unknown as FtSearchReturnType;
    const documents: GlideRecord<GlideRecord<GlideString>> = [];
    // A document whose key vanished before its fields were read has nil for its fields.
    if (rest.length > 1 && (isPairs(rest[1]) || rest[1] === null)) {
        if (rest.length % 2 !== 0) throw new RequestError(ODD_ITEMS);
        for (let i = 0; i < rest.length; i += 2) {
            const fields = rest[i + 1];
            documents.push({ key: asGlide(rest[i], bytes), value: fields === null ? (null as never) : documentFields(fields as RespValue[] | RespMap, bytes) });
        }
    } else {
        for (const key of rest) documents.push({ key: asGlide(key, bytes), value: [] });
    }
    return [total as number, documents];
}

/**
 * WITHSORTKEYS: [total, key, sortKey, fields?, …] → each document's value is [sortKey, fields],
 * the shape GLIDE's core gives (fields [] under NOCONTENT).
 */
export function toSearchWithSortKeysReply(reply: RespValue, bytes: boolean): FtSearchReturnType {
    if (!Array.isArray(reply) || reply.length === 0) throw notConvertible("FT.SEARCH WITHSORTKEYS", reply);
    const documents: { key: GlideString; value: unknown }[] = [];
    for (let i = 1; i < reply.length; ) {
        const key = asGlide(reply[i], bytes);
        const sortKey = asGlide(reply[i + 1], bytes);
        const fields = reply[i + 2];
        const hasFields = fields !== undefined && isPairs(fields);
        documents.push({ key, value: [sortKey, hasFields ? documentFields(fields, bytes) : []] });
        i += hasFields ? 3 : 2;
    }
    if (documents.length === 0) return [reply[0]] as unknown as FtSearchReturnType;
    return [reply[0] as number, documents as unknown as GlideRecord<GlideRecord<GlideString>>];
}

/** [total, row, row, …] → the rows, each a GlideRecord of its values as they came. */
export function toAggregateReply(reply: RespValue, bytes: boolean, command = "FT.AGGREGATE"): FtAggregateReturnType {
    if (!Array.isArray(reply) || reply.length === 0) throw notConvertible(command, reply);
    return reply.slice(1).map((row) => {
        if (!Array.isArray(row)) throw notConvertible(command, row, "`fields`");
        const pairs = pairsOf(row);
        const record: GlideRecord<GlideReturnType> = [];
        for (let i = 0; i < pairs.length; i += 2) record.push({ key: asGlide(pairs[i], bytes), value: asGlide(pairs[i + 1], bytes) });
        return record;
    });
}

/** FT.INFO's flat [name, value, …] → a record with text names; nested values as they came. */
export function toInfoReply(reply: RespValue, bytes: boolean): FtInfoReturnType {
    if (!Array.isArray(reply)) throw notConvertible("FT.INFO", reply);
    const pairs = pairsOf(reply);
    const info: FtInfoReturnType = {};
    for (let i = 0; i < pairs.length; i += 2) info[nameOf(pairs[i])] = asGlide(pairs[i + 1], bytes);
    return info;
}

function nameOf(reply: RespValue): string {
    return typeof reply === "number" ? String(reply) : toText(reply);
}

/** FT._ALIASLIST: alias → index, as a map or a flat array, as a GlideRecord. */
export function toAliasListReply(reply: RespValue, bytes: boolean): GlideRecord<GlideString> {
    if (!isPairs(reply)) throw new RequestError(`Response couldn't be converted to map - TypeError: (response was "${kindOf(reply)}")`);
    const pairs = pairsOf(reply);
    const record: GlideRecord<GlideString> = [];
    for (let i = 0; i < pairs.length; i += 2) record.push({ key: asGlide(pairs[i], bytes), value: asGlide(pairs[i + 1], bytes) });
    return record;
}

/** FT._LIST: a set (RESP3) or an array of names, as an array; FT.EXPLAIN / EXPLAINCLI as they came. */
export function toPlainReply<T>(reply: RespValue, bytes: boolean): T {
    return asGlide(reply, bytes);
}

/** FT.PROFILE: [result, profile] → [the converted result, the profile's numbers by name]. */
export function toProfileReply<R>(convertResult: (reply: RespValue, bytes: boolean) => R): (reply: RespValue, bytes: boolean) => FtProfileReturnType<R> {
    return (reply, bytes) => {
        if (!Array.isArray(reply) || reply.length !== 2 || !isPairs(reply[1])) throw notConvertible("FT.PROFILE", reply);
        const result = convertResult(reply[0], bytes);
        const pairs = profilePairs(reply[1]);
        const profile: Record<string, number> = {};
        for (let i = 0; i < pairs.length; i += 2) profile[nameOf(pairs[i])] = profileNumber(pairs[i + 1]);
        return [result, profile];
    };
}

/** valkey-search's flat [name, value, …], or RediSearch's [[name, value …], …] entries. */
function profilePairs(reply: RespValue[] | RespMap): RespValue[] {
    if (!Array.isArray(reply) || reply.length === 0 || !reply.every((entry) => Array.isArray(entry) && entry.length >= 2)) return pairsOf(reply);
    return (reply as RespValue[][]).flatMap((entry) => [entry[0], entry.length === 2 ? entry[1] : entry.slice(1)]);
}

function profileNumber(value: RespValue): number {
    if (typeof value === "number") return value;
    if (typeof value === "string" || Buffer.isBuffer(value)) {
        const text = toText(value);
        const number = Number(text);
        if (text.trim() !== "" && !Number.isNaN(number)) return number;
        throw new RequestError(`Response was of incompatible type - TypeError: "Could not convert from string." (response was ${kindOf(value)})`);
    }
    throw new RequestError(`Response was of incompatible type - TypeError: "Response type not convertible to numeric." (response was ${kindOf(value)})`);
}
