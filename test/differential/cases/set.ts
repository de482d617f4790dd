/** Set commands. */
import { sorted } from "./normalize";
import { BIN, K, type Case, type Family } from "./types";

const withSet = [["SADD", K.a, "m1", "m2", "m3"]] as const;
const withOneMember = [["SADD", K.a, "m"]] as const;
const withBinary = [["SADD", K.a, BIN]] as const;
const withString = [["SET", K.a, "text"]] as const;
/** Two overlapping sets and a third, for the algebra commands. */
const withSets = [
    ["SADD", K.a, "x", "y", "z"],
    ["SADD", K.b, "y", "z", "w"],
    ["SADD", K.c, "z"],
] as const;
const withCrossSets = [
    ["SADD", K.Xa, "x", "y"],
    ["SADD", K.Xb, "y"],
] as const;
const withScanMembers = [["SADD", K.a, "a1", "a2", "b1", ""]] as const;

/** Cases shared by SDIFF, SINTER and SUNION: (keys, options?) answered with a Set. */
function algebraCases(method: string): Case[] {
    return [
        { method, title: "two sets", setup: withSets, args: [[K.a, K.b]] },
        { method, title: "three sets", setup: withSets, args: [[K.a, K.b, K.c]] },
        { method, title: "one set", setup: withSets, args: [[K.a]] },
        { method, title: "with a missing key", setup: withSets, args: [[K.a, K.missing]] },
        { method, title: "missing keys only", args: [[K.missing, K.d]] },
        { method, title: "empty key list", args: [[]] },
        { method, title: "wrong type", setup: [...withSets, ["SET", K.d, "text"]], args: [[K.a, K.d]] },
        { method, title: "binary, bytes decoder", setup: [["SADD", K.a, BIN], ["SADD", K.b, BIN, "o"]], args: ({ lib }) => [[K.a, K.b], { decoder: lib.Decoder.Bytes }] },
        { method, title: "binary, string decoder", setup: [["SADD", K.a, BIN], ["SADD", K.b, BIN]], args: ({ lib }) => [[K.a, K.b], { decoder: lib.Decoder.String }] },
        { method, title: "Buffer keys", setup: withSets, args: [[Buffer.from(K.a), Buffer.from(K.b)]] },
        { method, title: "keys in other slots", setup: withCrossSets, args: [[K.Xa, K.Xb]] },
    ];
}

/** Cases shared by SDIFFSTORE, SINTERSTORE and SUNIONSTORE: (destination, keys). */
function storeCases(method: string): Case[] {
    return [
        { method, title: "two sets", setup: withSets, args: [K.d, [K.a, K.b]] },
        { method, title: "over an existing destination", setup: [...withSets, ["SET", K.d, "text"]], args: [K.d, [K.a, K.b]] },
        { method, title: "destination among the sources", setup: withSets, args: [K.a, [K.a, K.c]] },
        { method, title: "missing keys only", args: [K.d, [K.missing]] },
        { method, title: "empty key list", args: [K.d, []] },
        { method, title: "wrong type", setup: [...withSets, ["SET", K.c, "text"]], args: [K.d, [K.a, K.c]] },
        { method, title: "Buffer keys", setup: withSets, args: [Buffer.from(K.d), [Buffer.from(K.a), K.b]] },
        { method, title: "keys in other slots", setup: withCrossSets, args: [K.d, [K.Xa, K.Xb]] },
    ];
}

export const setFamily: Family = {
    name: "set",
    cases: [
        { method: "sadd", title: "new members", args: [K.a, ["m1", "m2"]] },
        { method: "sadd", title: "existing and repeated members", setup: withSet, args: [K.a, ["m1", "m4", "m4"]] },
        { method: "sadd", title: "empty member list", args: [K.a, []] },
        { method: "sadd", title: "binary key and member", args: [BIN, [BIN, Buffer.from("m")]] },
        { method: "sadd", title: "empty member", args: [K.a, [""]] },
        { method: "sadd", title: "wrong type", setup: withString, args: [K.a, ["m"]] },

        { method: "srem", title: "existing and missing members", setup: withSet, args: [K.a, ["m1", "nope"]] },
        { method: "srem", title: "every member", setup: withSet, args: [K.a, ["m1", "m2", "m3"]] },
        { method: "srem", title: "missing key", args: [K.missing, ["m"]] },
        { method: "srem", title: "empty member list", setup: withSet, args: [K.a, []] },
        { method: "srem", title: "Buffer member", setup: withBinary, args: [K.a, [BIN]] },
        { method: "srem", title: "wrong type", setup: withString, args: [K.a, ["m"]] },

        { method: "scard", title: "existing set", setup: withSet, args: [K.a] },
        { method: "scard", title: "missing key", args: [K.missing] },
        { method: "scard", title: "wrong type", setup: withString, args: [K.a] },
        { method: "scard", title: "Buffer key", setup: withSet, args: [Buffer.from(K.a)] },

        { method: "smembers", title: "existing set", setup: withSet, args: [K.a] },
        { method: "smembers", title: "missing key", args: [K.missing] },
        { method: "smembers", title: "wrong type", setup: withString, args: [K.a] },
        { method: "smembers", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "smembers", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },
        { method: "smembers", title: "integer members", setup: [["SADD", K.a, "1", "2", "30"]], args: [K.a] },
        { method: "smembers", title: "null options", setup: withSet, args: [K.a, null] },

        { method: "sismember", title: "member", setup: withSet, args: [K.a, "m1"] },
        { method: "sismember", title: "not a member", setup: withSet, args: [K.a, "nope"] },
        { method: "sismember", title: "missing key", args: [K.missing, "m"] },
        { method: "sismember", title: "Buffer member", setup: withBinary, args: [K.a, BIN] },
        { method: "sismember", title: "wrong type", setup: withString, args: [K.a, "m"] },

        { method: "smismember", title: "members and not", setup: withSet, args: [K.a, ["m1", "nope", "m3"]] },
        { method: "smismember", title: "missing key", args: [K.missing, ["m", "n"]] },
        { method: "smismember", title: "empty member list", setup: withSet, args: [K.a, []] },
        { method: "smismember", title: "Buffer member", setup: withBinary, args: [K.a, [BIN]] },
        { method: "smismember", title: "wrong type", setup: withString, args: [K.a, ["m"]] },

        { method: "smove", title: "to another set", setup: withSets, args: [K.a, K.b, "x"] },
        { method: "smove", title: "member already in destination", setup: withSets, args: [K.a, K.b, "y"] },
        { method: "smove", title: "not a member", setup: withSets, args: [K.a, K.b, "nope"] },
        { method: "smove", title: "missing source", args: [K.missing, K.b, "m"] },
        { method: "smove", title: "same set", setup: withSet, args: [K.a, K.a, "m1"] },
        { method: "smove", title: "destination of the wrong type", setup: [...withSet, ["SET", K.b, "text"]], args: [K.a, K.b, "m1"] },
        { method: "smove", title: "binary member", setup: withBinary, args: [K.a, K.b, BIN] },
        { method: "smove", title: "keys in other slots", setup: withCrossSets, args: [K.Xa, K.Xb, "x"] },

        { method: "spop", title: "one-member set", setup: withOneMember, args: [K.a] },
        { method: "spop", title: "missing key", args: [K.missing] },
        { method: "spop", title: "wrong type", setup: withString, args: [K.a] },
        { method: "spop", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "spop", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },

        { method: "spopCount", title: "count covering the set", setup: withSet, args: [K.a, 5] },
        { method: "spopCount", title: "count of the set's size", setup: withSet, args: [K.a, 3] },
        { method: "spopCount", title: "huge count", setup: withSet, args: [K.a, 2 ** 40] },
        { method: "spopCount", title: "zero count", setup: withSet, args: [K.a, 0] },
        { method: "spopCount", title: "negative count", setup: withSet, args: [K.a, -1] },
        { method: "spopCount", title: "missing key", args: [K.missing, 2] },
        { method: "spopCount", title: "wrong type", setup: withString, args: [K.a, 2] },
        { method: "spopCount", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, 1, { decoder: lib.Decoder.Bytes }] },
        { method: "spopCount", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, 1, { decoder: lib.Decoder.String }] },

        { method: "srandmember", title: "one-member set", setup: withOneMember, args: [K.a] },
        { method: "srandmember", title: "missing key", args: [K.missing] },
        { method: "srandmember", title: "wrong type", setup: withString, args: [K.a] },
        { method: "srandmember", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.Bytes }] },
        { method: "srandmember", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }] },

        { method: "srandmemberCount", title: "count covering the set", setup: withSet, args: [K.a, 10], normalize: sorted },
        { method: "srandmemberCount", title: "negative count on one member", setup: withOneMember, args: [K.a, -3] },
        { method: "srandmemberCount", title: "zero count", setup: withSet, args: [K.a, 0] },
        { method: "srandmemberCount", title: "missing key", args: [K.missing, 2] },
        { method: "srandmemberCount", title: "wrong type", setup: withString, args: [K.a, 2] },
        { method: "srandmemberCount", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, 1, { decoder: lib.Decoder.Bytes }] },

        ...algebraCases("sdiff"),
        ...storeCases("sdiffstore"),
        ...algebraCases("sinter"),
        ...storeCases("sinterstore"),
        ...algebraCases("sunion"),
        ...storeCases("sunionstore"),

        // Argument arrays are built afresh for each call: GLIDE's sintercard adds numkeys to the array it is given.
        { method: "sintercard", title: "two sets", setup: withSets, args: () => [[K.a, K.b]] },
        { method: "sintercard", title: "limit", setup: withSets, args: () => [[K.a, K.b], { limit: 1 }] },
        { method: "sintercard", title: "limit above the cardinality", setup: withSets, args: () => [[K.a, K.b], { limit: 10 }] },
        { method: "sintercard", title: "zero limit", setup: withSets, args: () => [[K.a, K.b], { limit: 0 }] },
        { method: "sintercard", title: "negative limit", setup: withSets, args: () => [[K.a, K.b], { limit: -1 }] },
        { method: "sintercard", title: "undefined limit", setup: withSets, args: () => [[K.a, K.b], { limit: undefined }] },
        { method: "sintercard", title: "null limit", setup: withSets, args: () => [[K.a, K.b], { limit: null }] },
        { method: "sintercard", title: "empty options", setup: withSets, args: () => [[K.a, K.b], {}] },
        { method: "sintercard", title: "undefined options", setup: withSets, args: () => [[K.a, K.b], undefined] },
        { method: "sintercard", title: "with a missing key", setup: withSets, args: () => [[K.a, K.missing]] },
        { method: "sintercard", title: "empty key list", args: () => [[]] },
        { method: "sintercard", title: "wrong type", setup: [...withSets, ["SET", K.d, "text"]], args: () => [[K.a, K.d]] },
        { method: "sintercard", title: "Buffer keys", setup: withSets, args: () => [[Buffer.from(K.a), Buffer.from(K.b)]] },
        { method: "sintercard", title: "keys in other slots", setup: withCrossSets, args: () => [[K.Xa, K.Xb]] },

        { method: "sscan", title: "whole small set", setup: withScanMembers, args: [K.a, "0"] },
        { method: "sscan", title: "match", setup: withScanMembers, args: [K.a, "0", { match: "a*" }] },
        { method: "sscan", title: "Buffer match", setup: withScanMembers, args: [K.a, "0", { match: Buffer.from("b*") }] },
        { method: "sscan", title: "empty match", setup: withScanMembers, args: [K.a, "0", { match: "" }] },
        { method: "sscan", title: "count", setup: withScanMembers, args: [K.a, "0", { count: 2 }] },
        { method: "sscan", title: "negative count", setup: withScanMembers, args: [K.a, "0", { count: -1 }] },
        { method: "sscan", title: "zero count", setup: withScanMembers, args: [K.a, "0", { count: 0 }] },
        { method: "sscan", title: "every option", setup: withScanMembers, args: [K.a, "0", { match: "a*", count: 100 }] },
        { method: "sscan", title: "null options", setup: withScanMembers, args: [K.a, "0", null] },
        { method: "sscan", title: "Buffer cursor", setup: withScanMembers, args: [K.a, Buffer.from("0")] },
        { method: "sscan", title: "invalid cursor", setup: withScanMembers, args: [K.a, "not-a-cursor"] },
        { method: "sscan", title: "missing key", args: [K.missing, "0"] },
        { method: "sscan", title: "wrong type", setup: withString, args: [K.a, "0"] },
        { method: "sscan", title: "binary, bytes decoder", setup: withBinary, args: ({ lib }) => [K.a, "0", { decoder: lib.Decoder.Bytes }], batch: [K.a, "0"] },
        { method: "sscan", title: "binary, string decoder", setup: withBinary, args: ({ lib }) => [K.a, "0", { decoder: lib.Decoder.String }], batch: [K.a, "0"] },
    ],
};
