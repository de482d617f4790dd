/** Stream commands: entries, ranges, trimming, reads, consumer groups, claims and XINFO. */
import { BIN, K, type Family, type SetupCommand } from "./types";

/** A binary key in the `{dk}` slot. */
const BIN_KEY = Buffer.concat([Buffer.from("{dk}"), BIN]);

const stream3: SetupCommand[] = [
    ["XADD", K.a, "1-0", "f1", "v1"],
    ["XADD", K.a, "2-0", "f2", "v2", "f3", "v3"],
    ["XADD", K.a, "3-0", "f4", "v4"],
];
const withGroup: SetupCommand[] = [...stream3, ["XGROUP", "CREATE", K.a, "g", "0"]];
/** All three entries delivered to consumer c1 of group g (in its pending list). */
const withPending: SetupCommand[] = [...withGroup, ["XREADGROUP", "GROUP", "g", "c1", "STREAMS", K.a, ">"]];
/** As `withPending`, with entry 2-0 deleted from the stream (still pending). */
const withPendingDeleted: SetupCommand[] = [...withPending, ["XDEL", K.a, "2-0"]];
/** Two groups, g read by c1 (1 entry) and c2 (2 entries), h untouched. */
const twoGroups: SetupCommand[] = [
    ...withGroup,
    ["XGROUP", "CREATE", K.a, "h", "$"],
    ["XREADGROUP", "GROUP", "g", "c1", "COUNT", "1", "STREAMS", K.a, ">"],
    ["XREADGROUP", "GROUP", "g", "c2", "STREAMS", K.a, ">"],
];
const emptyStream: SetupCommand[] = [["XGROUP", "CREATE", K.a, "g", "$", "MKSTREAM"]];
const withString: SetupCommand[] = [["SET", K.a, "x"]];
const binStream: SetupCommand[] = [["XADD", BIN_KEY, "1-0", BIN, BIN]];
// Setup replies must be text (the admin client decodes them as strings): binary names get pending
// entries through XCLAIM … FORCE JUSTID, which answers ids only, rather than XREADGROUP.

/** A stream id: text, or its bytes with the Bytes decoder. */
function idText(value: unknown): string | undefined {
    const text = typeof value === "string" ? value : Buffer.isBuffer(value) ? value.toString() : undefined;
    return text !== undefined && /^\d+-\d+$/.test(text) ? text : undefined;
}

/** An id the server generated from its clock ("*"): the milliseconds part differs between runs. */
function generatedId(value: unknown): unknown {
    const text = idText(value);
    if (text === undefined) return value;
    const masked = text.replace(/^\d+/, "<ms>");
    return Buffer.isBuffer(value) ? Buffer.from(masked) : masked;
}

/** Fields of XINFO replies that are clocks or durations. */
const TIME_FIELDS = new Set(["idle", "inactive", "seen-time", "active-time"]);
/** Unix times in milliseconds (delivery times in XINFO STREAM FULL's pending lists). */
const UNIX_MS = 1e12;

function fieldName(key: unknown): string {
    return Buffer.isBuffer(key) ? key.toString() : String(key);
}

/**
 * Times in stream replies (idle and inactive durations, seen and active times, delivery times)
 * masked wherever they are: in records, in { key, value } entries and in nested lists.
 */
function streamTimes(value: unknown): unknown {
    if (typeof value === "number") return value >= UNIX_MS ? "<unix ms>" : value;
    if (Array.isArray(value)) return value.map(streamTimes);
    if (value === null || typeof value !== "object" || Buffer.isBuffer(value)) return value;
    if (value instanceof Map) {
        return new Map([...value].map(([k, v]) => [k, TIME_FIELDS.has(fieldName(k)) ? "<time>" : streamTimes(v)]));
    }
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.length === 2 && "key" in object && "value" in object) {
        return { key: object.key, value: TIME_FIELDS.has(fieldName(object.key)) ? "<time>" : streamTimes(object.value) };
    }
    return Object.fromEntries(keys.map((k) => [k, TIME_FIELDS.has(k) ? "<time>" : streamTimes(object[k])]));
}

/** XPENDING's extended form: [id, consumer, idle ms, deliveries]; the idle time is masked. */
function pendingIdle(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    return value.map((entry) => (Array.isArray(entry) && entry.length === 4 ? [entry[0], entry[1], "<idle>", entry[3]] : entry));
}

const all = ({ lib }: { lib: any }) => [lib.InfBoundary.NegativeInfinity, lib.InfBoundary.PositiveInfinity];
const allReversed = ({ lib }: { lib: any }) => [lib.InfBoundary.PositiveInfinity, lib.InfBoundary.NegativeInfinity];

export const streamFamily: Family = {
    name: "stream",
    cases: [
        // XADD
        { method: "xadd", title: "explicit id", args: [K.a, [["f", "v"]], { id: "1-0" }] },
        { method: "xadd", title: "several fields", setup: stream3, args: [K.a, [["a", "1"], ["b", "2"], ["a", "3"]], { id: "4-0" }] },
        { method: "xadd", title: "generated id", args: [K.a, [["f", "v"]]], normalize: generatedId },
        { method: "xadd", title: "generated id, null options", args: [K.a, [["f", "v"]], null], normalize: generatedId },
        { method: "xadd", title: "generated id, undefined id", args: [K.a, [["f", "v"]], { id: undefined }], normalize: generatedId },
        { method: "xadd", title: "empty id", args: [K.a, [["f", "v"]], { id: "" }], normalize: generatedId },
        { method: "xadd", title: "explicit id star", args: [K.a, [["f", "v"]], { id: "*" }], normalize: generatedId },
        { method: "xadd", title: "generated sequence", setup: stream3, args: [K.a, [["f", "v"]], { id: "3-*" }] },
        { method: "xadd", title: "id not above the top", setup: stream3, args: [K.a, [["f", "v"]], { id: "2-0" }] },
        { method: "xadd", title: "id 0-0", args: [K.a, [["f", "v"]], { id: "0-0" }] },
        { method: "xadd", title: "invalid id", args: [K.a, [["f", "v"]], { id: "abc" }] },
        { method: "xadd", title: "no fields", args: [K.a, [], { id: "1-0" }] },
        { method: "xadd", title: "binary key, field and value", args: [BIN_KEY, [[BIN, BIN]], { id: "1-0" }] },
        { method: "xadd", title: "Buffer field and value", args: [K.a, [[Buffer.from("f"), Buffer.from("v")]], { id: "1-0" }] },
        { method: "xadd", title: "wrong type", setup: withString, args: [K.a, [["f", "v"]], { id: "1-0" }] },
        { method: "xadd", title: "makeStream false, missing stream", args: [K.a, [["f", "v"]], { id: "1-0", makeStream: false }] },
        { method: "xadd", title: "makeStream false, existing stream", setup: stream3, args: [K.a, [["f", "v"]], { id: "4-0", makeStream: false }] },
        { method: "xadd", title: "makeStream true", args: [K.a, [["f", "v"]], { id: "1-0", makeStream: true }] },
        {
            method: "xadd",
            title: "trim maxlen exact",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", trim: { method: "maxlen", threshold: 2, exact: true } }],
        },
        {
            method: "xadd",
            title: "trim maxlen approximate with limit",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", trim: { method: "maxlen", threshold: 1, exact: false, limit: 10 } }],
        },
        {
            method: "xadd",
            title: "trim minid exact",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", trim: { method: "minid", threshold: "3-0", exact: true } }],
        },
        {
            method: "xadd",
            title: "trim minid approximate",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", trim: { method: "minid", threshold: "3", exact: false } }],
        },
        {
            method: "xadd",
            title: "trim exact with limit",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", trim: { method: "maxlen", threshold: 1, exact: true, limit: 5 } }],
        },
        {
            method: "xadd",
            title: "trim with limit 0",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", trim: { method: "maxlen", threshold: 1, exact: true, limit: 0 } }],
        },
        {
            method: "xadd",
            title: "makeStream false and trim",
            setup: stream3,
            args: [K.a, [["f", "v"]], { id: "4-0", makeStream: false, trim: { method: "maxlen", threshold: 0, exact: true } }],
        },
        { method: "xadd", title: "bytes decoder", args: ({ lib }) => [K.a, [["f", "v"]], { id: "1-0", decoder: lib.Decoder.Bytes }] },
        { method: "xadd", title: "string decoder", args: ({ lib }) => [K.a, [["f", "v"]], { id: "1-0", decoder: lib.Decoder.String }] },

        // XDEL
        { method: "xdel", title: "existing ids", setup: stream3, args: [K.a, ["1-0", "3-0"]] },
        { method: "xdel", title: "existing and missing ids", setup: stream3, args: [K.a, ["2-0", "9-0"]] },
        { method: "xdel", title: "missing key", args: [K.missing, ["1-0"]] },
        { method: "xdel", title: "invalid id", setup: stream3, args: [K.a, ["abc"]] },
        { method: "xdel", title: "empty list", setup: stream3, args: [K.a, []] },
        { method: "xdel", title: "wrong type", setup: withString, args: [K.a, ["1-0"]] },

        // XLEN
        { method: "xlen", title: "three entries", setup: stream3, args: [K.a] },
        { method: "xlen", title: "empty stream", setup: emptyStream, args: [K.a] },
        { method: "xlen", title: "missing key", args: [K.missing] },
        { method: "xlen", title: "wrong type", setup: withString, args: [K.a] },
        { method: "xlen", title: "binary key", setup: binStream, args: [BIN_KEY] },

        // XTRIM
        { method: "xtrim", title: "maxlen exact", setup: stream3, args: [K.a, { method: "maxlen", threshold: 1, exact: true }] },
        { method: "xtrim", title: "maxlen approximate", setup: stream3, args: [K.a, { method: "maxlen", threshold: 1, exact: false }] },
        { method: "xtrim", title: "maxlen approximate with limit", setup: stream3, args: [K.a, { method: "maxlen", threshold: 0, exact: false, limit: 1 }] },
        { method: "xtrim", title: "maxlen 0", setup: stream3, args: [K.a, { method: "maxlen", threshold: 0, exact: true }] },
        { method: "xtrim", title: "negative maxlen", setup: stream3, args: [K.a, { method: "maxlen", threshold: -1, exact: true }] },
        { method: "xtrim", title: "minid exact", setup: stream3, args: [K.a, { method: "minid", threshold: "2-0", exact: true }] },
        { method: "xtrim", title: "minid approximate with limit", setup: stream3, args: [K.a, { method: "minid", threshold: "3-0", exact: false, limit: 100 }] },
        { method: "xtrim", title: "minid Buffer threshold", setup: stream3, args: [K.a, { method: "minid", threshold: Buffer.from("3-0"), exact: true }] },
        { method: "xtrim", title: "minid invalid id", setup: stream3, args: [K.a, { method: "minid", threshold: "abc", exact: true }] },
        { method: "xtrim", title: "exact with limit", setup: stream3, args: [K.a, { method: "minid", threshold: "3-0", exact: true, limit: 1 }] },
        { method: "xtrim", title: "limit 0", setup: stream3, args: [K.a, { method: "maxlen", threshold: 0, exact: true, limit: 0 }] },
        { method: "xtrim", title: "missing key", args: [K.missing, { method: "maxlen", threshold: 0, exact: true }] },
        { method: "xtrim", title: "wrong type", setup: withString, args: [K.a, { method: "maxlen", threshold: 0, exact: true }] },

        // XRANGE (GLIDE's Batch takes a bare count)
        { method: "xrange", title: "everything", setup: stream3, args: ({ lib }) => [K.a, ...all({ lib })] },
        { method: "xrange", title: "inclusive ids", setup: stream3, args: [K.a, { value: "1-0" }, { value: "2-0", isInclusive: true }] },
        { method: "xrange", title: "exclusive ids", setup: stream3, args: [K.a, { value: "1-0", isInclusive: false }, { value: "3-0", isInclusive: false }] },
        { method: "xrange", title: "milliseconds-only ids", setup: stream3, args: [K.a, { value: "2" }, { value: "3" }] },
        { method: "xrange", title: "bare string ids", setup: stream3, args: [K.a, "2-0", "+"] },
        {
            method: "xrange",
            title: "count 2",
            setup: stream3,
            args: ({ lib }) => [K.a, ...all({ lib }), { count: 2 }],
            batch: ({ lib }) => [K.a, ...all({ lib }), 2],
        },
        {
            method: "xrange",
            title: "count 0",
            setup: stream3,
            args: ({ lib }) => [K.a, ...all({ lib }), { count: 0 }],
            batch: ({ lib }) => [K.a, ...all({ lib }), 0],
        },
        {
            method: "xrange",
            title: "negative count",
            setup: stream3,
            args: ({ lib }) => [K.a, ...all({ lib }), { count: -1 }],
            batch: ({ lib }) => [K.a, ...all({ lib }), -1],
        },
        { method: "xrange", title: "undefined options", setup: stream3, args: ({ lib }) => [K.a, ...all({ lib }), undefined] },
        { method: "xrange", title: "start after end", setup: stream3, args: [K.a, { value: "3-0" }, { value: "1-0" }] },
        { method: "xrange", title: "exclusive infinity", setup: stream3, args: ({ lib }) => [K.a, { value: "-", isInclusive: false }, lib.InfBoundary.PositiveInfinity] },
        { method: "xrange", title: "invalid id", setup: stream3, args: [K.a, { value: "abc" }, { value: "3-0" }] },
        { method: "xrange", title: "missing key", args: ({ lib }) => [K.missing, ...all({ lib })] },
        { method: "xrange", title: "empty stream", setup: emptyStream, args: ({ lib }) => [K.a, ...all({ lib })] },
        { method: "xrange", title: "wrong type", setup: withString, args: ({ lib }) => [K.a, ...all({ lib })] },
        { method: "xrange", title: "binary entries", setup: binStream, args: ({ lib }) => [BIN_KEY, ...all({ lib })] },
        {
            method: "xrange",
            title: "bytes decoder",
            setup: stream3,
            args: ({ lib }) => [K.a, ...all({ lib }), { decoder: lib.Decoder.Bytes }],
            batch: ({ lib }) => [K.a, ...all({ lib })],
        },
        {
            method: "xrange",
            title: "string decoder and count",
            setup: stream3,
            args: ({ lib }) => [K.a, ...all({ lib }), { count: 1, decoder: lib.Decoder.String }],
            batch: ({ lib }) => [K.a, ...all({ lib }), 1],
        },

        // XREVRANGE
        { method: "xrevrange", title: "everything", setup: stream3, args: ({ lib }) => [K.a, ...allReversed({ lib })] },
        { method: "xrevrange", title: "inclusive ids", setup: stream3, args: [K.a, { value: "3-0" }, { value: "2-0" }] },
        { method: "xrevrange", title: "exclusive ids", setup: stream3, args: [K.a, { value: "3-0", isInclusive: false }, { value: "1-0", isInclusive: false }] },
        { method: "xrevrange", title: "bare string ids", setup: stream3, args: [K.a, "+", "2-0"] },
        {
            method: "xrevrange",
            title: "count 1",
            setup: stream3,
            args: ({ lib }) => [K.a, ...allReversed({ lib }), { count: 1 }],
            batch: ({ lib }) => [K.a, ...allReversed({ lib }), 1],
        },
        {
            method: "xrevrange",
            title: "count 0",
            setup: stream3,
            args: ({ lib }) => [K.a, ...allReversed({ lib }), { count: 0 }],
            batch: ({ lib }) => [K.a, ...allReversed({ lib }), 0],
        },
        { method: "xrevrange", title: "end below start", setup: stream3, args: [K.a, { value: "1-0" }, { value: "3-0" }] },
        { method: "xrevrange", title: "missing key", args: ({ lib }) => [K.missing, ...allReversed({ lib })] },
        { method: "xrevrange", title: "wrong type", setup: withString, args: ({ lib }) => [K.a, ...allReversed({ lib })] },
        {
            method: "xrevrange",
            title: "bytes decoder",
            setup: binStream,
            args: ({ lib }) => [BIN_KEY, ...allReversed({ lib }), { decoder: lib.Decoder.Bytes }],
            batch: ({ lib }) => [BIN_KEY, ...allReversed({ lib })],
        },

        // XREAD
        { method: "xread", title: "from the start", setup: stream3, args: [{ [K.a]: "0" }] },
        { method: "xread", title: "after an id", setup: stream3, args: [{ [K.a]: "2-0" }] },
        { method: "xread", title: "GlideRecord", setup: stream3, args: [[{ key: K.a, value: "1-0" }]] },
        { method: "xread", title: "GlideRecord, Buffer key", setup: binStream, args: [[{ key: BIN_KEY, value: "0-0" }]] },
        {
            method: "xread",
            title: "two streams, one missing",
            setup: [...stream3, ["XADD", K.b, "5-0", "x", "y"]],
            args: [{ [K.a]: "1-0", [K.b]: "0", [K.c]: "0" }],
        },
        { method: "xread", title: "nothing after the last id", setup: stream3, args: [{ [K.a]: "3-0" }] },
        { method: "xread", title: "missing key", args: [{ [K.missing]: "0" }] },
        { method: "xread", title: "count", setup: stream3, args: [{ [K.a]: "0" }, { count: 1 }] },
        { method: "xread", title: "count 0", setup: stream3, args: [{ [K.a]: "0" }, { count: 0 }] },
        { method: "xread", title: "negative count", setup: stream3, args: [{ [K.a]: "0" }, { count: -1 }] },
        { method: "xread", title: "block, data present", setup: stream3, args: [{ [K.a]: "0" }, { block: 100, count: 2 }] },
        { method: "xread", title: "block 0, data present", setup: stream3, args: [{ [K.a]: "1-0" }, { block: 0 }] },
        { method: "xread", title: "block on an empty stream", setup: emptyStream, args: [{ [K.a]: "$" }, { block: 100 }] },
        { method: "xread", title: "block on a missing key", args: [{ [K.missing]: "0" }, { block: 100 }] },
        { method: "xread", title: "negative block", setup: stream3, args: [{ [K.a]: "0" }, { block: -1 }] },
        { method: "xread", title: "null options", setup: stream3, args: [{ [K.a]: "0" }, null] },
        { method: "xread", title: "invalid id", setup: stream3, args: [{ [K.a]: "abc" }] },
        { method: "xread", title: "no streams", args: [{}] },
        { method: "xread", title: "wrong type", setup: withString, args: [{ [K.a]: "0" }] },
        { method: "xread", title: "keys in other slots", args: [{ [K.Xa]: "0", [K.Xb]: "0" }], batchModes: ["pipeline"] },
        { method: "xread", title: "bytes decoder", setup: binStream, args: ({ lib }) => [{ [BIN_KEY.toString()]: "0" }, { decoder: lib.Decoder.Bytes }] },
        { method: "xread", title: "binary entries", setup: binStream, args: [[{ key: BIN_KEY, value: "0" }], { count: 10 }] },
        { method: "xread", title: "string decoder", setup: stream3, args: ({ lib }) => [{ [K.a]: "0" }, { decoder: lib.Decoder.String }] },

        // XREADGROUP
        { method: "xreadgroup", title: "new entries", setup: withGroup, args: ["g", "c1", { [K.a]: ">" }] },
        { method: "xreadgroup", title: "count", setup: withGroup, args: ["g", "c1", { [K.a]: ">" }, { count: 2 }] },
        { method: "xreadgroup", title: "noAck", setup: withGroup, args: ["g", "c1", { [K.a]: ">" }, { noAck: true }] },
        { method: "xreadgroup", title: "noAck false", setup: withGroup, args: ["g", "c1", { [K.a]: ">" }, { noAck: false, count: 1 }] },
        { method: "xreadgroup", title: "null options", setup: withGroup, args: ["g", "c1", { [K.a]: ">" }, null] },
        { method: "xreadgroup", title: "block, data present", setup: withGroup, args: ["g", "c1", { [K.a]: ">" }, { block: 100, count: 1 }] },
        { method: "xreadgroup", title: "block, nothing new", setup: withPending, args: ["g", "c1", { [K.a]: ">" }, { block: 100 }] },
        { method: "xreadgroup", title: "nothing new", setup: withPending, args: ["g", "c1", { [K.a]: ">" }] },
        { method: "xreadgroup", title: "pending history", setup: withPending, args: ["g", "c1", { [K.a]: "0" }] },
        { method: "xreadgroup", title: "pending history, entry deleted", setup: withPendingDeleted, args: ["g", "c1", { [K.a]: "0" }] },
        { method: "xreadgroup", title: "pending history of another consumer", setup: withPending, args: ["g", "c2", { [K.a]: "0" }] },
        { method: "xreadgroup", title: "GlideRecord, Buffer names", setup: withGroup, args: [Buffer.from("g"), Buffer.from("c1"), [{ key: Buffer.from(K.a), value: ">" }]] },
        { method: "xreadgroup", title: "missing group", setup: stream3, args: ["nogroup", "c1", { [K.a]: ">" }] },
        { method: "xreadgroup", title: "missing key", args: ["g", "c1", { [K.missing]: ">" }] },
        { method: "xreadgroup", title: "invalid id", setup: withGroup, args: ["g", "c1", { [K.a]: "abc" }] },
        { method: "xreadgroup", title: "wrong type", setup: withString, args: ["g", "c1", { [K.a]: ">" }] },
        { method: "xreadgroup", title: "keys in other slots", args: ["g", "c1", { [K.Xa]: ">", [K.Xb]: ">" }], batchModes: ["pipeline"] },
        { method: "xreadgroup", title: "bytes decoder", setup: withGroup, args: ({ lib }) => ["g", "c1", { [K.a]: ">" }, { decoder: lib.Decoder.Bytes }] },
        { method: "xreadgroup", title: "string decoder", setup: withGroup, args: ({ lib }) => ["g", "c1", { [K.a]: ">" }, { decoder: lib.Decoder.String, count: 1 }] },

        // XGROUP CREATE
        { method: "xgroupCreate", title: "from the start", setup: stream3, args: [K.a, "g", "0"] },
        { method: "xgroupCreate", title: "from the end", setup: stream3, args: [K.a, "g", "$"] },
        { method: "xgroupCreate", title: "Buffer names", setup: stream3, args: [Buffer.from(K.a), Buffer.from("g"), "2-0"] },
        { method: "xgroupCreate", title: "existing group", setup: withGroup, args: [K.a, "g", "0"] },
        { method: "xgroupCreate", title: "missing key", args: [K.a, "g", "0"] },
        { method: "xgroupCreate", title: "mkStream on a missing key", args: [K.a, "g", "$", { mkStream: true }] },
        { method: "xgroupCreate", title: "mkStream false", args: [K.a, "g", "$", { mkStream: false }] },
        { method: "xgroupCreate", title: "entriesRead", setup: stream3, args: [K.a, "g", "2-0", { entriesRead: "2" }] },
        { method: "xgroupCreate", title: "entriesRead and mkStream", args: [K.a, "g", "0", { mkStream: true, entriesRead: "0" }] },
        { method: "xgroupCreate", title: "empty entriesRead", setup: stream3, args: [K.a, "g", "0", { entriesRead: "" }] },
        { method: "xgroupCreate", title: "invalid entriesRead", setup: stream3, args: [K.a, "g", "0", { entriesRead: "x" }] },
        { method: "xgroupCreate", title: "invalid id", setup: stream3, args: [K.a, "g", "abc"] },
        { method: "xgroupCreate", title: "undefined options", setup: stream3, args: [K.a, "g", "0", undefined] },
        { method: "xgroupCreate", title: "null options", setup: stream3, args: [K.a, "g", "0", null] },
        { method: "xgroupCreate", title: "wrong type", setup: withString, args: [K.a, "g", "0"] },

        // XGROUP CREATECONSUMER / DELCONSUMER / DESTROY / SETID
        { method: "xgroupCreateConsumer", title: "new consumer", setup: withGroup, args: [K.a, "g", "c1"] },
        { method: "xgroupCreateConsumer", title: "existing consumer", setup: withPending, args: [K.a, "g", "c1"] },
        { method: "xgroupCreateConsumer", title: "binary name", setup: withGroup, args: [K.a, "g", BIN] },
        { method: "xgroupCreateConsumer", title: "missing group", setup: stream3, args: [K.a, "nogroup", "c1"] },
        { method: "xgroupCreateConsumer", title: "missing key", args: [K.a, "g", "c1"] },
        { method: "xgroupDelConsumer", title: "consumer with pending entries", setup: withPending, args: [K.a, "g", "c1"] },
        { method: "xgroupDelConsumer", title: "missing consumer", setup: withGroup, args: [K.a, "g", "c9"] },
        { method: "xgroupDelConsumer", title: "missing group", setup: stream3, args: [K.a, "nogroup", "c1"] },
        { method: "xgroupDelConsumer", title: "missing key", args: [K.a, "g", "c1"] },
        { method: "xgroupDestroy", title: "existing group", setup: withPending, args: [K.a, "g"] },
        { method: "xgroupDestroy", title: "missing group", setup: stream3, args: [K.a, "nogroup"] },
        { method: "xgroupDestroy", title: "missing key", args: [K.a, "g"] },
        { method: "xgroupDestroy", title: "Buffer names", setup: withGroup, args: [Buffer.from(K.a), Buffer.from("g")] },
        { method: "xgroupDestroy", title: "wrong type", setup: withString, args: [K.a, "g"] },
        { method: "xgroupSetId", title: "to the start", setup: withPending, args: [K.a, "g", "0"] },
        { method: "xgroupSetId", title: "to the end", setup: withGroup, args: [K.a, "g", "$"] },
        { method: "xgroupSetId", title: "entriesRead", setup: withGroup, args: [K.a, "g", "1-0", { entriesRead: 1 }] },
        { method: "xgroupSetId", title: "entriesRead 0", setup: withGroup, args: [K.a, "g", "0", { entriesRead: 0 }] },
        { method: "xgroupSetId", title: "negative entriesRead", setup: withGroup, args: [K.a, "g", "0", { entriesRead: -5 }] },
        { method: "xgroupSetId", title: "empty options", setup: withGroup, args: [K.a, "g", "2-0", {}] },
        { method: "xgroupSetId", title: "null options", setup: withGroup, args: [K.a, "g", "2-0", null] },
        { method: "xgroupSetId", title: "missing group", setup: stream3, args: [K.a, "nogroup", "0"] },
        { method: "xgroupSetId", title: "invalid id", setup: withGroup, args: [K.a, "g", "abc"] },
        { method: "xgroupSetId", title: "missing key", args: [K.a, "g", "0"] },

        // XACK
        { method: "xack", title: "pending ids", setup: withPending, args: [K.a, "g", ["1-0", "3-0"]] },
        { method: "xack", title: "ids not pending", setup: withGroup, args: [K.a, "g", ["1-0"]] },
        { method: "xack", title: "missing group", setup: stream3, args: [K.a, "nogroup", ["1-0"]] },
        { method: "xack", title: "missing key", args: [K.a, "g", ["1-0"]] },
        { method: "xack", title: "invalid id", setup: withPending, args: [K.a, "g", ["abc"]] },
        { method: "xack", title: "empty list", setup: withPending, args: [K.a, "g", []] },
        { method: "xack", title: "wrong type", setup: withString, args: [K.a, "g", ["1-0"]] },

        // XPENDING
        { method: "xpending", title: "summary", setup: twoGroups, args: [K.a, "g"] },
        { method: "xpending", title: "nothing pending", setup: withGroup, args: [K.a, "g"] },
        { method: "xpending", title: "missing group", setup: stream3, args: [K.a, "nogroup"] },
        { method: "xpending", title: "missing key", args: [K.a, "g"] },
        { method: "xpending", title: "Buffer names", setup: withPending, args: [Buffer.from(K.a), Buffer.from("g")] },
        { method: "xpending", title: "wrong type", setup: withString, args: [K.a, "g"] },
        {
            method: "xpendingWithOptions",
            title: "whole range",
            setup: twoGroups,
            args: ({ lib }) => [K.a, "g", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: 10 }],
            normalize: pendingIdle,
        },
        {
            method: "xpendingWithOptions",
            title: "one consumer",
            setup: twoGroups,
            args: ({ lib }) => [K.a, "g", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: 10, consumer: "c2" }],
            normalize: pendingIdle,
        },
        {
            method: "xpendingWithOptions",
            title: "empty consumer",
            setup: twoGroups,
            args: ({ lib }) => [K.a, "g", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: 10, consumer: "" }],
            normalize: pendingIdle,
        },
        {
            method: "xpendingWithOptions",
            title: "exclusive bounds and count",
            setup: withPending,
            args: [K.a, "g", { start: { value: "1-0", isInclusive: false }, end: { value: "3-0" }, count: 1 }],
            normalize: pendingIdle,
        },
        {
            method: "xpendingWithOptions",
            title: "minIdleTime 0",
            setup: withPending,
            args: [K.a, "g", { start: { value: "0" }, end: { value: "9" }, count: 10, minIdleTime: 0 }],
            normalize: pendingIdle,
        },
        {
            method: "xpendingWithOptions",
            title: "minIdleTime too long",
            setup: withPending,
            args: ({ lib }) => [K.a, "g", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: 10, minIdleTime: 1e9 }],
        },
        {
            method: "xpendingWithOptions",
            title: "count 0",
            setup: withPending,
            args: ({ lib }) => [K.a, "g", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: 0 }],
        },
        {
            method: "xpendingWithOptions",
            title: "negative count",
            setup: withPending,
            args: ({ lib }) => [K.a, "g", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: -1 }],
        },
        {
            method: "xpendingWithOptions",
            title: "missing group",
            setup: stream3,
            args: ({ lib }) => [K.a, "nogroup", { start: lib.InfBoundary.NegativeInfinity, end: lib.InfBoundary.PositiveInfinity, count: 10 }],
        },
        {
            method: "xpendingWithOptions",
            title: "invalid id",
            setup: withPending,
            args: ({ lib }) => [K.a, "g", { start: { value: "abc" }, end: lib.InfBoundary.PositiveInfinity, count: 10 }],
        },

        // XCLAIM / XCLAIM JUSTID
        { method: "xclaim", title: "claims idle entries", setup: withPending, args: [K.a, "g", "c2", 0, ["1-0", "2-0"]] },
        { method: "xclaim", title: "not idle long enough", setup: withPending, args: [K.a, "g", "c2", 1e9, ["1-0"]] },
        { method: "xclaim", title: "ids not pending", setup: withGroup, args: [K.a, "g", "c2", 0, ["1-0"]] },
        { method: "xclaim", title: "ids not pending, force", setup: withGroup, args: [K.a, "g", "c2", 0, ["1-0", "9-0"], { isForce: true }] },
        { method: "xclaim", title: "idle and retryCount", setup: withPending, args: [K.a, "g", "c2", 0, ["3-0"], { idle: 500, retryCount: 3 }] },
        { method: "xclaim", title: "idleUnixTime", setup: withPending, args: [K.a, "g", "c2", 0, ["3-0"], { idleUnixTime: 1000 }] },
        { method: "xclaim", title: "all options", setup: withPending, args: [K.a, "g", "c2", 0, ["1-0"], { idle: 1, idleUnixTime: 1, retryCount: 0, isForce: false }] },
        { method: "xclaim", title: "deleted entry", setup: withPendingDeleted, args: [K.a, "g", "c2", 0, ["1-0", "2-0"]] },
        { method: "xclaim", title: "missing group", setup: stream3, args: [K.a, "nogroup", "c2", 0, ["1-0"]] },
        { method: "xclaim", title: "invalid id", setup: withPending, args: [K.a, "g", "c2", 0, ["abc"]] },
        { method: "xclaim", title: "negative retryCount", setup: withPending, args: [K.a, "g", "c2", 0, ["1-0"], { retryCount: -1 }] },
        { method: "xclaim", title: "empty id list", setup: withPending, args: [K.a, "g", "c2", 0, []] },
        { method: "xclaim", title: "null options", setup: withPending, args: [K.a, "g", "c2", 0, ["1-0"], null] },
        { method: "xclaim", title: "bytes decoder", setup: withPending, args: ({ lib }) => [K.a, "g", "c2", 0, ["2-0"], { decoder: lib.Decoder.Bytes }] },
        { method: "xclaim", title: "string decoder", setup: withPending, args: ({ lib }) => [K.a, "g", "c2", 0, ["2-0"], { decoder: lib.Decoder.String, retryCount: 1 }] },
        { method: "xclaimJustId", title: "claims idle entries", setup: withPending, args: [K.a, "g", "c2", 0, ["1-0", "2-0", "3-0"]] },
        { method: "xclaimJustId", title: "not idle long enough", setup: withPending, args: [K.a, "g", "c2", 1e9, ["1-0"]] },
        { method: "xclaimJustId", title: "force", setup: withGroup, args: [K.a, "g", "c2", 0, ["2-0"], { isForce: true }] },
        { method: "xclaimJustId", title: "idle options", setup: withPending, args: [K.a, "g", "c2", 0, ["2-0"], { idle: 10, retryCount: 7 }] },
        { method: "xclaimJustId", title: "deleted entry", setup: withPendingDeleted, args: [K.a, "g", "c2", 0, ["1-0", "2-0"]] },
        { method: "xclaimJustId", title: "missing group", setup: stream3, args: [K.a, "nogroup", "c2", 0, ["1-0"]] },
        { method: "xclaimJustId", title: "missing key", args: [K.a, "g", "c2", 0, ["1-0"]] },

        // XAUTOCLAIM / XAUTOCLAIM JUSTID
        { method: "xautoclaim", title: "claims everything", setup: withPending, args: [K.a, "g", "c2", 0, "0-0"] },
        { method: "xautoclaim", title: "count 1", setup: withPending, args: [K.a, "g", "c2", 0, "0-0", { count: 1 }] },
        { method: "xautoclaim", title: "from an id", setup: withPending, args: [K.a, "g", "c2", 0, "2-0", { count: 10 }] },
        { method: "xautoclaim", title: "not idle long enough", setup: withPending, args: [K.a, "g", "c2", 1e9, "0"] },
        { method: "xautoclaim", title: "deleted entry", setup: withPendingDeleted, args: [K.a, "g", "c2", 0, "0"] },
        { method: "xautoclaim", title: "nothing pending", setup: withGroup, args: [K.a, "g", "c2", 0, "0"] },
        { method: "xautoclaim", title: "count 0", setup: withPending, args: [K.a, "g", "c2", 0, "0", { count: 0 }] },
        { method: "xautoclaim", title: "null options", setup: withPending, args: [K.a, "g", "c2", 0, "0", null] },
        { method: "xautoclaim", title: "missing group", setup: stream3, args: [K.a, "nogroup", "c2", 0, "0"] },
        { method: "xautoclaim", title: "missing key", args: [K.a, "g", "c2", 0, "0"] },
        { method: "xautoclaim", title: "invalid start", setup: withPending, args: [K.a, "g", "c2", 0, "abc"] },
        { method: "xautoclaim", title: "bytes decoder", setup: withPendingDeleted, args: ({ lib }) => [K.a, "g", "c2", 0, "0", { decoder: lib.Decoder.Bytes }] },
        { method: "xautoclaim", title: "string decoder", setup: withPending, args: ({ lib }) => [K.a, "g", "c2", 0, "0", { decoder: lib.Decoder.String, count: 2 }] },
        { method: "xautoclaimJustId", title: "claims everything", setup: withPending, args: [K.a, "g", "c2", 0, "0-0"] },
        { method: "xautoclaimJustId", title: "count 2", setup: withPending, args: [K.a, "g", "c2", 0, "0-0", { count: 2 }] },
        { method: "xautoclaimJustId", title: "deleted entry", setup: withPendingDeleted, args: [K.a, "g", "c2", 0, "0"] },
        { method: "xautoclaimJustId", title: "not idle long enough", setup: withPending, args: [K.a, "g", "c2", 1e9, "0"] },
        { method: "xautoclaimJustId", title: "missing group", setup: stream3, args: [K.a, "nogroup", "c2", 0, "0"] },
        { method: "xautoclaimJustId", title: "negative count", setup: withPending, args: [K.a, "g", "c2", 0, "0", { count: -1 }] },

        // XINFO STREAM (GLIDE's Batch takes a bare fullOptions)
        { method: "xinfoStream", title: "summary", setup: twoGroups, args: [K.a] },
        { method: "xinfoStream", title: "summary after deletions", setup: withPendingDeleted, args: [K.a] },
        { method: "xinfoStream", title: "empty stream", setup: emptyStream, args: [K.a] },
        { method: "xinfoStream", title: "full", setup: twoGroups, args: [K.a, { fullOptions: true }], batch: [K.a, true], normalize: streamTimes },
        { method: "xinfoStream", title: "full, count 1", setup: twoGroups, args: [K.a, { fullOptions: 1 }], batch: [K.a, 1], normalize: streamTimes },
        { method: "xinfoStream", title: "full, count 0", setup: twoGroups, args: [K.a, { fullOptions: 0 }], batch: [K.a, 0], normalize: streamTimes },
        { method: "xinfoStream", title: "fullOptions false", setup: stream3, args: [K.a, { fullOptions: false }], batch: [K.a, false] },
        { method: "xinfoStream", title: "full, no groups", setup: stream3, args: [K.a, { fullOptions: true }], batch: [K.a, true] },
        { method: "xinfoStream", title: "full, empty stream", setup: emptyStream, args: [K.a, { fullOptions: true }], batch: [K.a, true] },
        { method: "xinfoStream", title: "empty options", setup: stream3, args: [K.a, {}], batch: [K.a] },
        { method: "xinfoStream", title: "null options", setup: stream3, args: [K.a, null] },
        { method: "xinfoStream", title: "null fullOptions", setup: stream3, args: [K.a, { fullOptions: null }], batch: [K.a, null] },
        { method: "xinfoStream", title: "missing key", args: [K.missing] },
        { method: "xinfoStream", title: "wrong type", setup: withString, args: [K.a] },
        { method: "xinfoStream", title: "binary entries", setup: binStream, args: [BIN_KEY] },
        {
            method: "xinfoStream",
            title: "bytes decoder, full",
            setup: [...binStream, ["XGROUP", "CREATE", BIN_KEY, BIN, "0"], ["XCLAIM", BIN_KEY, BIN, BIN, "0", "1-0", "FORCE", "JUSTID"]],
            args: ({ lib }) => [BIN_KEY, { fullOptions: true, decoder: lib.Decoder.Bytes }],
            batch: [BIN_KEY, true],
            normalize: streamTimes,
        },
        { method: "xinfoStream", title: "string decoder", setup: stream3, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }], batch: [K.a] },

        // XINFO GROUPS / CONSUMERS
        { method: "xinfoGroups", title: "two groups", setup: twoGroups, args: [K.a] },
        { method: "xinfoGroups", title: "no groups", setup: stream3, args: [K.a] },
        { method: "xinfoGroups", title: "missing key", args: [K.missing] },
        { method: "xinfoGroups", title: "wrong type", setup: withString, args: [K.a] },
        {
            method: "xinfoGroups",
            title: "binary group name, bytes decoder",
            setup: [...binStream, ["XGROUP", "CREATE", BIN_KEY, BIN, "0"]],
            args: ({ lib }) => [BIN_KEY, { decoder: lib.Decoder.Bytes }],
        },
        { method: "xinfoGroups", title: "string decoder", setup: twoGroups, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },
        { method: "xinfoConsumers", title: "two consumers", setup: twoGroups, args: [K.a, "g"], normalize: streamTimes },
        { method: "xinfoConsumers", title: "no consumers", setup: twoGroups, args: [K.a, "h"] },
        { method: "xinfoConsumers", title: "created, never read", setup: [...withGroup, ["XGROUP", "CREATECONSUMER", K.a, "g", "c9"]], args: [K.a, "g"], normalize: streamTimes },
        { method: "xinfoConsumers", title: "missing group", setup: stream3, args: [K.a, "nogroup"] },
        { method: "xinfoConsumers", title: "missing key", args: [K.a, "g"] },
        {
            method: "xinfoConsumers",
            title: "binary consumer, bytes decoder",
            setup: [...binStream, ["XGROUP", "CREATE", BIN_KEY, "g", "0"], ["XCLAIM", BIN_KEY, "g", BIN, "0", "1-0", "FORCE", "JUSTID"]],
            args: ({ lib }) => [BIN_KEY, "g", { decoder: lib.Decoder.Bytes }],
            normalize: streamTimes,
        },
        { method: "xinfoConsumers", title: "string decoder", setup: twoGroups, args: ({ lib }) => [K.a, "g", { decoder: lib.Decoder.String }], normalize: streamTimes },
    ],
};
