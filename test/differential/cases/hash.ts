/**
 * Hash commands. The hash-field expiry commands (HSETEX, HGETEX, HEXPIRE …, Valkey 9.0) are unknown
 * to the server of this suite: both sides then get its "unknown command" error, whose text quotes
 * the arguments sent, so those cases still compare how each side builds the call (and the checks
 * GLIDE makes before sending).
 */
import { sorted } from "./normalize";
import { BIN, K, type Case, type Family } from "./types";

const withHash = [["HSET", K.a, "f1", "v1", "f2", "v2", "n", "10"]] as const;
const withOneField = [["HSET", K.a, "f", "v"]] as const;
const withFloat = [["HSET", K.a, "x", "10.5"]] as const;
const withBinary = [["HSET", K.a, BIN, BIN]] as const;
const withString = [["SET", K.a, "text"]] as const;
/** Fields that MATCH patterns tell apart, and one with an empty name. */
const withScanFields = [["HSET", K.a, "a1", "1", "a2", "2", "b1", "3", "", "empty"]] as const;

/** Cases for a method taking (key, fields) and answering one integer per field (HTTL and friends, HPERSIST). */
function perFieldCases(method: string): Case[] {
    return [
        { method, title: "existing and missing fields", setup: withHash, args: [K.a, ["f1", "nope"]] },
        { method, title: "missing key", args: [K.missing, ["f"]] },
        { method, title: "empty field list", setup: withHash, args: [K.a, []] },
        { method, title: "binary key and field", setup: withBinary, args: [BIN, [BIN]] },
        { method, title: "wrong type", setup: withString, args: [K.a, ["f"]] },
    ];
}

/** Cases for HEXPIRE, HPEXPIRE, HEXPIREAT, HPEXPIREAT: (key, time, fields, options?). */
function expireCases(method: string, time: number): Case[] {
    return [
        { method, title: "plain", setup: withHash, args: [K.a, time, ["f1", "f2"]] },
        { method, title: "undefined options", setup: withHash, args: [K.a, time, ["f1"], undefined] },
        { method, title: "null options", setup: withHash, args: [K.a, time, ["f1"], null] },
        { method, title: "empty options", setup: withHash, args: [K.a, time, ["f1"], {}] },
        { method, title: "only if no expiry", setup: withHash, args: ({ lib }) => [K.a, time, ["f1"], { condition: lib.HashExpirationCondition.ONLY_IF_NO_EXPIRY }] },
        { method, title: "only if has expiry", setup: withHash, args: ({ lib }) => [K.a, time, ["f1"], { condition: lib.HashExpirationCondition.ONLY_IF_HAS_EXPIRY }] },
        { method, title: "only if greater", setup: withHash, args: ({ lib }) => [K.a, time, ["f1"], { condition: lib.HashExpirationCondition.ONLY_IF_GREATER_THAN_CURRENT }] },
        { method, title: "only if less", setup: withHash, args: ({ lib }) => [K.a, time, ["f1"], { condition: lib.HashExpirationCondition.ONLY_IF_LESS_THAN_CURRENT }] },
        { method, title: "zero time", setup: withHash, args: [K.a, 0, ["f1"]] },
        { method, title: "negative time", setup: withHash, args: [K.a, -10, ["f1"]] },
        { method, title: "fractional time", setup: withHash, args: [K.a, 1.5, ["f1"]] },
        { method, title: "infinite time", setup: withHash, args: [K.a, Infinity, ["f1"]] },
        { method, title: "empty field list", setup: withHash, args: [K.a, time, []] },
        { method, title: "missing key, binary field", args: [K.missing, time, [BIN]] },
    ];
}

export const hashFamily: Family = {
    name: "hash",
    cases: [
        { method: "hget", title: "existing field", setup: withHash, args: [K.a, "f1"] },
        { method: "hget", title: "missing field", setup: withHash, args: [K.a, "nope"] },
        { method: "hget", title: "missing key", args: [K.missing, "f"] },
        { method: "hget", title: "wrong type", setup: withString, args: [K.a, "f"] },
        { method: "hget", title: "binary field, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, BIN, { decoder: lib.Decoder.Bytes }] },
        { method: "hget", title: "binary value, string decoder", setup: withBinary, args: ({ lib }) => [K.a, BIN, { decoder: lib.Decoder.String }] },
        { method: "hget", title: "Buffer key and field", setup: withHash, args: [Buffer.from(K.a), Buffer.from("f1")] },
        { method: "hget", title: "null options", setup: withHash, args: [K.a, "f1", null] },

        { method: "hset", title: "record", args: [K.a, { f1: "v1", f2: "v2" }] },
        { method: "hset", title: "record over existing fields", setup: withHash, args: [K.a, { f1: "new", f3: "v3" }] },
        { method: "hset", title: "HashDataType with Buffers", args: [K.a, [{ field: BIN, value: BIN }, { field: Buffer.from("f"), value: "v" }]] },
        { method: "hset", title: "HashDataType with a repeated field", args: [K.a, [{ field: "f", value: "1" }, { field: "f", value: "2" }]] },
        { method: "hset", title: "record with a Buffer value", args: [K.a, { f: BIN }] },
        { method: "hset", title: "empty record", args: [K.a, {}] },
        { method: "hset", title: "empty HashDataType", args: [K.a, []] },
        { method: "hset", title: "record with numeric-looking names", args: [K.a, { "2": "b", "1": "a", x: "" }] },
        { method: "hset", title: "wrong type", setup: withString, args: [K.a, { f: "v" }] },

        { method: "hkeys", title: "existing hash", setup: withHash, args: [K.a] },
        { method: "hkeys", title: "missing key", args: [K.missing] },
        { method: "hkeys", title: "wrong type", setup: withString, args: [K.a] },
        { method: "hkeys", title: "binary field, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "hkeys", title: "binary field, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },

        { method: "hsetnx", title: "new field", setup: withHash, args: [K.a, "f3", "v3"] },
        { method: "hsetnx", title: "existing field", setup: withHash, args: [K.a, "f1", "other"] },
        { method: "hsetnx", title: "missing key", args: [K.a, "f", "v"] },
        { method: "hsetnx", title: "binary field and value", args: [BIN, BIN, BIN] },
        { method: "hsetnx", title: "wrong type", setup: withString, args: [K.a, "f", "v"] },

        { method: "hdel", title: "existing and missing fields", setup: withHash, args: [K.a, ["f1", "nope"]] },
        { method: "hdel", title: "every field", setup: withHash, args: [K.a, ["f1", "f2", "n"]] },
        { method: "hdel", title: "missing key", args: [K.missing, ["f"]] },
        { method: "hdel", title: "empty field list", setup: withHash, args: [K.a, []] },
        { method: "hdel", title: "Buffer field", setup: withBinary, args: [K.a, [BIN]] },
        { method: "hdel", title: "wrong type", setup: withString, args: [K.a, ["f"]] },

        { method: "hmget", title: "existing and missing fields", setup: withHash, args: [K.a, ["f1", "nope", "f2"]] },
        { method: "hmget", title: "missing key", args: [K.missing, ["a", "b"]] },
        { method: "hmget", title: "empty field list", setup: withHash, args: [K.a, []] },
        { method: "hmget", title: "wrong type", setup: withString, args: [K.a, ["f"]] },
        { method: "hmget", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, [BIN, "nope"], { decoder: lib.Decoder.Bytes }] },
        { method: "hmget", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, [BIN], { decoder: lib.Decoder.String }] },

        { method: "hexists", title: "existing field", setup: withHash, args: [K.a, "f1"] },
        { method: "hexists", title: "missing field", setup: withHash, args: [K.a, "nope"] },
        { method: "hexists", title: "missing key", args: [K.missing, "f"] },
        { method: "hexists", title: "Buffer field", setup: withBinary, args: [K.a, BIN] },
        { method: "hexists", title: "wrong type", setup: withString, args: [K.a, "f"] },

        { method: "hgetall", title: "existing hash", setup: withHash, args: [K.a] },
        { method: "hgetall", title: "missing key", args: [K.missing] },
        { method: "hgetall", title: "wrong type", setup: withString, args: [K.a] },
        { method: "hgetall", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "hgetall", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },
        { method: "hgetall", title: "undefined options", setup: withOneField, args: [K.a, undefined] },

        { method: "hincrBy", title: "existing number", setup: withHash, args: [K.a, "n", 5] },
        { method: "hincrBy", title: "negative amount", setup: withHash, args: [K.a, "n", -15] },
        { method: "hincrBy", title: "missing field", setup: withHash, args: [K.a, "new", 3] },
        { method: "hincrBy", title: "missing key", args: [K.a, "f", 1] },
        { method: "hincrBy", title: "not an integer", setup: withHash, args: [K.a, "f1", 1] },
        { method: "hincrBy", title: "fractional amount", setup: withHash, args: [K.a, "n", 1.5] },
        { method: "hincrBy", title: "huge amount", setup: withHash, args: [K.a, "n", 2 ** 64] },
        { method: "hincrBy", title: "overflow", setup: [["HSET", K.a, "n", "9223372036854775807"]], args: [K.a, "n", 1] },
        { method: "hincrBy", title: "wrong type", setup: withString, args: [K.a, "n", 1] },

        { method: "hincrByFloat", title: "fraction", setup: withFloat, args: [K.a, "x", 0.1] },
        { method: "hincrByFloat", title: "integer amount on an integer", setup: withHash, args: [K.a, "n", 2] },
        { method: "hincrByFloat", title: "negative amount", setup: withFloat, args: [K.a, "x", -20.25] },
        { method: "hincrByFloat", title: "exponent amount", setup: withFloat, args: [K.a, "x", 5e-7] },
        { method: "hincrByFloat", title: "missing key", args: [K.a, "x", 1.5] },
        { method: "hincrByFloat", title: "not a number", setup: withHash, args: [K.a, "f1", 1] },
        { method: "hincrByFloat", title: "infinite amount", setup: withFloat, args: [K.a, "x", Infinity] },
        { method: "hincrByFloat", title: "wrong type", setup: withString, args: [K.a, "x", 1] },

        { method: "hlen", title: "existing hash", setup: withHash, args: [K.a] },
        { method: "hlen", title: "missing key", args: [K.missing] },
        { method: "hlen", title: "wrong type", setup: withString, args: [K.a] },
        { method: "hlen", title: "Buffer key", setup: withBinary, args: [Buffer.from(K.a)] },

        { method: "hvals", title: "existing hash", setup: withHash, args: [K.a] },
        { method: "hvals", title: "missing key", args: [K.missing] },
        { method: "hvals", title: "wrong type", setup: withString, args: [K.a] },
        { method: "hvals", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "hvals", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },

        { method: "hstrlen", title: "existing field", setup: withHash, args: [K.a, "f1"] },
        { method: "hstrlen", title: "missing field", setup: withHash, args: [K.a, "nope"] },
        { method: "hstrlen", title: "missing key", args: [K.missing, "f"] },
        { method: "hstrlen", title: "binary field", setup: withBinary, args: [K.a, BIN] },
        { method: "hstrlen", title: "wrong type", setup: withString, args: [K.a, "f"] },

        { method: "hrandfield", title: "one-field hash", setup: withOneField, args: [K.a] },
        { method: "hrandfield", title: "missing key", args: [K.missing] },
        { method: "hrandfield", title: "wrong type", setup: withString, args: [K.a] },
        { method: "hrandfield", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "hrandfield", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },

        { method: "hrandfieldCount", title: "count covering the hash", setup: withHash, args: [K.a, 10], normalize: sorted },
        { method: "hrandfieldCount", title: "negative count on one field", setup: withOneField, args: [K.a, -3] },
        { method: "hrandfieldCount", title: "huge count", setup: withHash, args: [K.a, 2 ** 40], normalize: sorted },
        { method: "hrandfieldCount", title: "zero count", setup: withHash, args: [K.a, 0] },
        { method: "hrandfieldCount", title: "missing key", args: [K.missing, 2] },
        { method: "hrandfieldCount", title: "wrong type", setup: withString, args: [K.a, 2] },
        { method: "hrandfieldCount", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, 1, { decoder: lib.Decoder.Bytes }] },

        { method: "hrandfieldWithValues", title: "count covering the hash", setup: withHash, args: [K.a, 3], normalize: sorted },
        { method: "hrandfieldWithValues", title: "negative count on one field", setup: withOneField, args: [K.a, -2] },
        { method: "hrandfieldWithValues", title: "zero count", setup: withHash, args: [K.a, 0] },
        { method: "hrandfieldWithValues", title: "missing key", args: [K.missing, 2] },
        { method: "hrandfieldWithValues", title: "wrong type", setup: withString, args: [K.a, 2] },
        { method: "hrandfieldWithValues", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, 1, { decoder: lib.Decoder.Bytes }] },
        { method: "hrandfieldWithValues", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, 1, { decoder: lib.Decoder.String }] },

        { method: "hscan", title: "whole small hash", setup: withScanFields, args: [K.a, "0"] },
        { method: "hscan", title: "match", setup: withScanFields, args: [K.a, "0", { match: "a*" }] },
        { method: "hscan", title: "Buffer match", setup: withScanFields, args: [K.a, "0", { match: Buffer.from("b*") }] },
        { method: "hscan", title: "empty match", setup: withScanFields, args: [K.a, "0", { match: "" }] },
        { method: "hscan", title: "count", setup: withScanFields, args: [K.a, "0", { count: 2 }] },
        { method: "hscan", title: "zero count", setup: withScanFields, args: [K.a, "0", { count: 0 }] },
        { method: "hscan", title: "negative count", setup: withScanFields, args: [K.a, "0", { count: -1 }] },
        { method: "hscan", title: "noValues", setup: withScanFields, args: [K.a, "0", { noValues: true }] },
        { method: "hscan", title: "noValues false", setup: withScanFields, args: [K.a, "0", { noValues: false }] },
        { method: "hscan", title: "every option", setup: withScanFields, args: [K.a, "0", { match: "a*", count: 100, noValues: true }] },
        { method: "hscan", title: "empty options", setup: withScanFields, args: [K.a, "0", {}] },
        { method: "hscan", title: "null options", setup: withScanFields, args: [K.a, "0", null] },
        { method: "hscan", title: "invalid cursor", setup: withScanFields, args: [K.a, "not-a-cursor"] },
        { method: "hscan", title: "negative cursor", setup: withScanFields, args: [K.a, "-1"] },
        { method: "hscan", title: "missing key", args: [K.missing, "0"] },
        { method: "hscan", title: "wrong type", setup: withString, args: [K.a, "0"] },
        { method: "hscan", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, "0", { decoder: lib.Decoder.Bytes }], batch: [K.a, "0"] },
        { method: "hscan", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, "0", { decoder: lib.Decoder.String }], batch: [K.a, "0"] },

        { method: "hsetex", title: "record, no options", args: [K.a, { f1: "v1", f2: "v2" }] },
        { method: "hsetex", title: "HashDataType with Buffers", args: [K.a, [{ field: BIN, value: BIN }]] },
        { method: "hsetex", title: "expiry in seconds", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.Seconds, count: 60 } }] },
        { method: "hsetex", title: "expiry in milliseconds", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.Milliseconds, count: 5000 } }] },
        { method: "hsetex", title: "expiry at a unix time", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.UnixSeconds, count: 4102444800 } }] },
        { method: "hsetex", title: "expiry at a unix time in ms", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.UnixMilliseconds, count: 1 } }] },
        { method: "hsetex", title: "negative expiry", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.Seconds, count: -5 } }] },
        { method: "hsetex", title: "fractional expiry", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.Seconds, count: 1.5 } }] },
        { method: "hsetex", title: "infinite expiry", args: ({ lib }) => [K.a, { f: "v" }, { expiry: { type: lib.TimeUnit.Milliseconds, count: Infinity } }] },
        { method: "hsetex", title: "KEEPTTL", args: [K.a, { f: "v" }, { expiry: "KEEPTTL" }] },
        { method: "hsetex", title: "PERSIST, which is HGETEX's", args: [K.a, { f: "v" }, { expiry: "PERSIST" }] },
        { method: "hsetex", title: "only if all exist", args: ({ lib }) => [K.a, { f: "v" }, { fieldConditionalChange: lib.HashFieldConditionalChange.ONLY_IF_ALL_EXIST }] },
        { method: "hsetex", title: "only if none exist, with expiry", args: ({ lib }) => [K.a, { f: "v" }, { fieldConditionalChange: lib.HashFieldConditionalChange.ONLY_IF_NONE_EXIST, expiry: { type: lib.TimeUnit.Seconds, count: 10 } }] },
        { method: "hsetex", title: "only if all exist, KEEPTTL", args: ({ lib }) => [K.a, { f: "v" }, { fieldConditionalChange: lib.HashFieldConditionalChange.ONLY_IF_ALL_EXIST, expiry: "KEEPTTL" }] },
        { method: "hsetex", title: "empty record", args: [K.a, {}] },
        { method: "hsetex", title: "empty record with options", args: ({ lib }) => [K.a, {}, { expiry: { type: lib.TimeUnit.Seconds, count: 10 } }] },
        { method: "hsetex", title: "undefined options", args: [K.a, { f: "v" }, undefined] },
        { method: "hsetex", title: "null options", args: [K.a, { f: "v" }, null] },
        { method: "hsetex", title: "null expiry", args: [K.a, { f: "v" }, { expiry: null }] },
        { method: "hsetex", title: "undefined fields of the options", args: [K.a, { f: "v" }, { fieldConditionalChange: undefined, expiry: undefined }] },

        { method: "hgetex", title: "no options", setup: withHash, args: [K.a, ["f1", "nope"]] },
        { method: "hgetex", title: "expiry in seconds", setup: withHash, args: ({ lib }) => [K.a, ["f1"], { expiry: { type: lib.TimeUnit.Seconds, count: 30 } }] },
        { method: "hgetex", title: "expiry in milliseconds", setup: withHash, args: ({ lib }) => [K.a, ["f1"], { expiry: { type: lib.TimeUnit.Milliseconds, count: 2500 } }] },
        { method: "hgetex", title: "expiry at a unix time", setup: withHash, args: ({ lib }) => [K.a, ["f1"], { expiry: { type: lib.TimeUnit.UnixSeconds, count: 4102444800 } }] },
        { method: "hgetex", title: "expiry at a unix time in ms", setup: withHash, args: ({ lib }) => [K.a, ["f1"], { expiry: { type: lib.TimeUnit.UnixMilliseconds, count: 1 } }] },
        { method: "hgetex", title: "fractional expiry", setup: withHash, args: ({ lib }) => [K.a, ["f1"], { expiry: { type: lib.TimeUnit.Seconds, count: 0.5 } }] },
        { method: "hgetex", title: "PERSIST", setup: withHash, args: [K.a, ["f1"], { expiry: "PERSIST" }] },
        { method: "hgetex", title: "KEEPTTL, which is HSETEX's", setup: withHash, args: [K.a, ["f1"], { expiry: "KEEPTTL" }] },
        { method: "hgetex", title: "empty field list", setup: withHash, args: [K.a, []] },
        { method: "hgetex", title: "null options", setup: withHash, args: [K.a, ["f1"], null] },
        { method: "hgetex", title: "null expiry", setup: withHash, args: [K.a, ["f1"], { expiry: null }] },
        { method: "hgetex", title: "decoder option", setup: withBinary, args: ({ lib }) => [K.a, [BIN], { decoder: lib.Decoder.Bytes }] },
        { method: "hgetex", title: "decoder with expiry", setup: withBinary, args: ({ lib }) => [K.a, [BIN], { expiry: "PERSIST", decoder: lib.Decoder.String }] },

        ...expireCases("hexpire", 60),
        ...expireCases("hpexpire", 60000),
        ...expireCases("hexpireat", 4102444800),
        ...expireCases("hpexpireat", 4102444800000),
        ...perFieldCases("hpersist"),
        ...perFieldCases("httl"),
        ...perFieldCases("hpttl"),
        ...perFieldCases("hexpiretime"),
        ...perFieldCases("hpexpiretime"),
    ],
};
