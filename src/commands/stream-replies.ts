/** Reply converters of the stream commands: the same shapes from RESP2 and RESP3 replies. */
import type { RespValue } from "../protocol/types";
import { flatPairs, toGlideRecord, toNumber, toText } from "./replies";
import type { ReturnTypeXinfoStream } from "./stream-options";
import type { GlideRecord, GlideString, StreamEntryDataType } from "./types";

type FieldValuePairs = [GlideString, GlideString][];

/** Flat [field, value, …] as [field, value] pairs; null stays null (XREADGROUP: a deleted entry). */
function toFieldValuePairs(fields: RespValue): FieldValuePairs | null {
    if (fields === null) return null;
    const flat = fields as GlideString[];
    const pairs: FieldValuePairs = new Array(flat.length >>> 1);
    for (let i = 0, j = 0; i < flat.length; i += 2, j++) pairs[j] = [flat[i], flat[i + 1]];
    return pairs;
}

/** [[id, [field, value, …]], …] as { id: [[field, value], …] } (ids as text, in server order). */
export function toStreamEntries(reply: RespValue): StreamEntryDataType {
    const entries: Record<string, FieldValuePairs | null> = {};
    for (const entry of reply as RespValue[][]) entries[toText(entry[0])] = toFieldValuePairs(entry[1]);
    return entries as StreamEntryDataType;
}

/** XRANGE / XREVRANGE: null when COUNT is not positive. */
export function toNullableStreamEntries(reply: RespValue): StreamEntryDataType | null {
    return reply === null ? null : toStreamEntries(reply);
}

/** XREAD / XREADGROUP: [[key, entries], …] (RESP2) or a map key → entries (RESP3); null when nothing came. */
export function toStreamReadResult<T = StreamEntryDataType>(reply: RespValue): GlideRecord<T> | null {
    return reply === null ? null : toGlideRecord(reply, (entries) => toStreamEntries(entries) as T);
}

/** XPENDING summary: [count, smallest id, greatest id, [[consumer, count], …]] with the counts as numbers. */
export function toPendingSummary(reply: RespValue): [number, GlideString, GlideString, [GlideString, number][]] {
    const [count, smallest, greatest, consumers] = reply as RespValue[];
    // With nothing pending, the server sends nulls in place of the ids and the consumer list.
    const perConsumer =
        consumers === null ? null : (consumers as RespValue[][]).map(([name, pending]) => [name, toNumber(pending)]);
    return [toNumber(count), smallest, greatest, perConsumer] as [number, GlideString, GlideString, [GlideString, number][]];
}

/** XAUTOCLAIM: [next start id, claimed entries, deleted ids (since 7.0)]. */
export function toAutoClaimResult(reply: RespValue): [GlideString, StreamEntryDataType, GlideString[]?] {
    const [next, claimed, deleted] = reply as RespValue[];
    const result: [GlideString, StreamEntryDataType, GlideString[]?] = [next as GlideString, toStreamEntries(claimed)];
    if (deleted !== undefined) result.push(deleted as GlideString[]);
    return result;
}

/** Map lists nested in XINFO STREAM FULL (groups, and each group's consumers): records as well. */
const NESTED_RECORD_LISTS = new Set(["groups", "consumers"]);

/**
 * One XINFO map (flat on RESP2, a map on RESP3) as a record with text keys; the "groups" and
 * "consumers" lists of maps within become lists of records, every other value stays as sent.
 */
export function toInfoRecord(reply: RespValue): Record<string, unknown> {
    const flat = flatPairs(reply);
    const record: Record<string, unknown> = {};
    for (let i = 0; i < flat.length; i += 2) {
        const name = toText(flat[i]);
        const value = flat[i + 1];
        record[name] = NESTED_RECORD_LISTS.has(name) && Array.isArray(value) ? value.map(toInfoRecord) : value;
    }
    return record;
}

export function toXinfoStream(reply: RespValue): ReturnTypeXinfoStream {
    return toInfoRecord(reply) as ReturnTypeXinfoStream;
}

/** XINFO GROUPS / XINFO CONSUMERS: a list of maps as a list of records. */
export function toInfoRecords<T>(reply: RespValue): Record<string, T>[] {
    return (reply as RespValue[]).map((entry) => toInfoRecord(entry) as Record<string, T>);
}
