/** Hash commands; the hash-field expiry commands live in hash-expiry.ts. */
import { scanOptionArgs } from "./args";
import { as, command, FIRST_KEY } from "./core";
import { hashExpiryCommands } from "./hash-expiry";
import { convertFieldsAndValuesToHashDataType, type HScanOptions } from "./hash-options";
import { flatPairs, toBoolean, toGlideRecord, toNumber, toScanPage } from "./replies";
import type { DecoderOption, GlideString, HashDataType } from "./types";
import type { CommandArg, RespValue } from "../protocol/types";

function hscanArgs(key: GlideString, cursor: string, options?: HScanOptions & DecoderOption): CommandArg[] {
    const args: CommandArg[] = ["HSCAN", key, cursor, ...scanOptionArgs(options)];
    if (options?.noValues) args.push("NOVALUES");
    return args;
}

/** A field/value map (RESP3) or flat pairs (RESP2) as HashDataType. */
function toHashDataType(reply: RespValue): HashDataType {
    const flat = flatPairs(reply);
    const result: HashDataType = [];
    for (let i = 0; i < flat.length; i += 2) {
        result.push({ field: flat[i] as GlideString, value: flat[i + 1] as GlideString });
    }
    return result;
}

/** HRANDFIELD … WITHVALUES: [field, value] pairs on RESP3, a flat array on RESP2. */
function toFieldValuePairs(reply: RespValue): [GlideString, GlideString][] {
    const flat = flatPairs(reply);
    const pairs: [GlideString, GlideString][] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i] as GlideString, flat[i + 1] as GlideString]);
    return pairs;
}

export const hashCommands = {
    hget: command({
        args: (key: GlideString, field: GlideString, options?: DecoderOption) => ["HGET", key, field],
        reply: as<GlideString | null>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hset: command({
        args: (key: GlideString, fieldsAndValues: HashDataType | Record<string, GlideString>) => [
            "HSET",
            key,
            ...convertFieldsAndValuesToHashDataType(fieldsAndValues).flatMap(({ field, value }) => [field, value]),
        ],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    hkeys: command({
        args: (key: GlideString, options?: DecoderOption) => ["HKEYS", key],
        reply: as<GlideString[]>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hsetnx: command({
        args: (key: GlideString, field: GlideString, value: GlideString) => ["HSETNX", key, field, value],
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    hdel: command({
        args: (key: GlideString, fields: GlideString[]) => ["HDEL", key, ...fields],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    hmget: command({
        args: (key: GlideString, fields: GlideString[], options?: DecoderOption) => ["HMGET", key, ...fields],
        reply: as<(GlideString | null)[]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hexists: command({
        args: (key: GlideString, field: GlideString) => ["HEXISTS", key, field],
        reply: toBoolean,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hgetall: command({
        args: (key: GlideString, options?: DecoderOption) => ["HGETALL", key],
        reply: toHashDataType,
        // GLIDE renames the entries' `key` to `field` in its client method only.
        batchReply: (reply) => toGlideRecord(reply),
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hincrBy: command({
        args: (key: GlideString, field: GlideString, amount: number) => ["HINCRBY", key, field, amount],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    hincrByFloat: command({
        args: (key: GlideString, field: GlideString, amount: number) => ["HINCRBYFLOAT", key, field, amount],
        // A bulk string on both protocols.
        reply: toNumber,
        keys: FIRST_KEY,
    }),
    hlen: command({
        args: (key: GlideString) => ["HLEN", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hvals: command({
        args: (key: GlideString, options?: DecoderOption) => ["HVALS", key],
        reply: as<GlideString[]>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hstrlen: command({
        args: (key: GlideString, field: GlideString) => ["HSTRLEN", key, field],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hrandfield: command({
        args: (key: GlideString, options?: DecoderOption) => ["HRANDFIELD", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hrandfieldCount: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["HRANDFIELD", key, count],
        reply: as<GlideString[]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hrandfieldWithValues: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["HRANDFIELD", key, count, "WITHVALUES"],
        reply: toFieldValuePairs,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    hscan: command({
        args: hscanArgs,
        // The client method gives the cursor as text even when the elements are Buffers; a batch gives it as decoded.
        reply: toScanPage,
        batchReply: as<[GlideString, GlideString[]]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    ...hashExpiryCommands,
};
