/**
 * Reply converters of the stream commands: the same shapes from RESP2 and RESP3 replies.
 *
 * GLIDE's client methods turn the maps of stream replies (entries by id, XINFO fields) into plain
 * records with text keys; its batches leave them as the GlideRecords its core makes ({ key, value }
 * pairs in server order, keys as decoded). Each converter here has both forms: `to…` for the
 * client, `to…Record(s)` for `batchReply`.
 */
import type { RespValue } from "../protocol/types";
import { flatPairs, toGlideRecord, toText } from "./replies";
import type { ReturnTypeXinfoStream } from "./stream-options";
import type { GlideRecord, GlideString, StreamEntryDataType } from "./types";

type FieldValuePairs = [GlideString, GlideString][];
/** An entry's fields; null when XREADGROUP re-delivers a pending entry that was deleted. */
type EntryFields = FieldValuePairs | null;

/** Flat [field, value, …] as [field, value] pairs; null stays null. */
function toFieldValuePairs(fields: RespValue): EntryFields {
    if (fields === null) return null;
    const flat = fields as GlideString[];
    const pairs: FieldValuePairs = new Array(flat.length >>> 1);
    for (let i = 0, j = 0; i < flat.length; i += 2, j++) pairs[j] = [flat[i], flat[i + 1]];
    return pairs;
}

/** [[id, [field, value, …]], …] as { id: [[field, value], …] } (ids as text, in server order). */
export function toStreamEntries(reply: RespValue): StreamEntryDataType {
    const entries: Record<string, EntryFields> = {};
    for (const entry of reply as RespValue[][]) entries[toText(entry[0])] = toFieldValuePairs(entry[1]);
    return entries as StreamEntryDataType;
}

/** The batch form of `toStreamEntries`: { key: id, value: [[field, value], …] } pairs. */
export function toStreamEntryRecord(reply: RespValue): GlideRecord<EntryFields> {
    return (reply as RespValue[][]).map((entry) => ({ key: entry[0] as GlideString, value: toFieldValuePairs(entry[1]) }));
}

/** XRANGE / XREVRANGE: null when COUNT is not positive. */
export function toNullableStreamEntries(reply: RespValue): StreamEntryDataType | null {
    return reply === null ? null : toStreamEntries(reply);
}

export function toNullableStreamEntryRecord(reply: RespValue): GlideRecord<EntryFields> | null {
    return reply === null ? null : toStreamEntryRecord(reply);
}

/** XREAD / XREADGROUP: [[key, entries], …] (RESP2) or a map key → entries (RESP3); null when nothing came. */
export function toStreamReadResult<T = StreamEntryDataType>(reply: RespValue): GlideRecord<T> | null {
    return reply === null ? null : toGlideRecord(reply, (entries) => toStreamEntries(entries) as T);
}

export function toStreamReadRecord(reply: RespValue): GlideRecord<GlideRecord<EntryFields>> | null {
    return reply === null ? null : toGlideRecord(reply, toStreamEntryRecord);
}

/** XAUTOCLAIM: [next start id, claimed entries, deleted ids (since 7.0)], the entries as `entries` makes them. */
function autoClaimWith<T>(reply: RespValue, entries: (reply: RespValue) => T): [GlideString, T, GlideString[]?] {
    const [next, claimed, deleted] = reply as RespValue[];
    const result: [GlideString, T, GlideString[]?] = [next as GlideString, entries(claimed)];
    if (deleted !== undefined) result.push(deleted as GlideString[]);
    return result;
}

export function toAutoClaimResult(reply: RespValue): [GlideString, StreamEntryDataType, GlideString[]?] {
    return autoClaimWith(reply, toStreamEntries);
}

export function toAutoClaimRecord(reply: RespValue): [GlideString, GlideRecord<EntryFields>, GlideString[]?] {
    return autoClaimWith(reply, toStreamEntryRecord);
}

/** Map lists nested in XINFO STREAM FULL (groups, and each group's consumers): converted like the outer map. */
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

/** The batch form of `toInfoRecord`: a GlideRecord (names as decoded), nested lists of maps likewise. */
export function toInfoGlideRecord(reply: RespValue): GlideRecord<unknown> {
    return toGlideRecord(reply, (value) => value).map(({ key, value }) => ({
        key,
        value: NESTED_RECORD_LISTS.has(toText(key)) && Array.isArray(value) ? value.map(toInfoGlideRecord) : value,
    }));
}

export function toXinfoStream(reply: RespValue): ReturnTypeXinfoStream {
    return toInfoRecord(reply) as ReturnTypeXinfoStream;
}

/** XINFO GROUPS / XINFO CONSUMERS: a list of maps as a list of records. */
export function toInfoRecords<T>(reply: RespValue): Record<string, T>[] {
    return (reply as RespValue[]).map((entry) => toInfoRecord(entry) as Record<string, T>);
}

export function toInfoGlideRecords(reply: RespValue): GlideRecord<unknown>[] {
    return (reply as RespValue[]).map(toInfoGlideRecord);
}
