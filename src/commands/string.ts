/** String commands. */
import { keyValueArgs } from "./args";
import { as, command, EVERY_ARG_KEY, FIRST_KEY, KEY_VALUE_PAIRS, TWO_KEYS } from "./core";
import type { SetOptions, TimeUnit } from "./options";
import { toBoolean, toGlideRecord, toNumber, toRecord } from "./replies";
import type { DecoderOption, GlideRecord, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

function setArgs(key: GlideString, value: GlideString, options?: SetOptions & DecoderOption): CommandArg[] {
    const args: CommandArg[] = ["SET", key, value];
    if (options === undefined) return args;
    switch (options.conditionalSet) {
        case "onlyIfExists":
            args.push("XX");
            break;
        case "onlyIfDoesNotExist":
            args.push("NX");
            break;
        case "onlyIfEqual":
            args.push("IFEQ", options.comparisonValue);
            break;
    }
    if (options.returnOldValue) args.push("GET");
    const expiry = options.expiry;
    if (expiry === "keepExisting") args.push("KEEPTTL");
    else if (expiry !== undefined) args.push(expiry.type, expiry.count);
    return args;
}

type GetexExpiry = "persist" | { type: TimeUnit; duration: number };

function getexArgs(key: GlideString, options?: { expiry: GetexExpiry } & DecoderOption): CommandArg[] {
    return getexExpiryArgs(key, options?.expiry);
}

/** GLIDE's Batch passes the expiry itself where its client passes `{ expiry }`. */
function getexExpiryArgs(key: GlideString, expiry?: GetexExpiry): CommandArg[] {
    if (expiry === undefined) return ["GETEX", key];
    if (expiry === "persist") return ["GETEX", key, "PERSIST"];
    return ["GETEX", key, expiry.type, expiry.duration];
}

function lcsIdxArgs(
    key1: GlideString,
    key2: GlideString,
    options?: { withMatchLen?: boolean; minMatchLen?: number },
): CommandArg[] {
    const args: CommandArg[] = ["LCS", key1, key2, "IDX"];
    if (options?.minMatchLen !== undefined) args.push("MINMATCHLEN", options.minMatchLen);
    if (options?.withMatchLen) args.push("WITHMATCHLEN");
    return args;
}

export const stringCommands = {
    get: command({
        args: (key: GlideString, options?: DecoderOption) => ["GET", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    set: command({
        args: setArgs,
        reply: as<"OK" | GlideString | null>,
        optionsAt: 2,
        keys: FIRST_KEY,
    }),
    mget: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["MGET", ...keys],
        reply: as<(GlideString | null)[]>,
        optionsAt: 1,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    mset: command({
        args: (keysAndValues: Record<string, GlideString> | GlideRecord<GlideString>) => [
            "MSET",
            ...keyValueArgs(keysAndValues),
        ],
        reply: as<"OK">,
        keys: KEY_VALUE_PAIRS,
    }),
    msetnx: command({
        args: (keysAndValues: Record<string, GlideString> | GlideRecord<GlideString>) => [
            "MSETNX",
            ...keyValueArgs(keysAndValues),
        ],
        reply: toBoolean,
        keys: KEY_VALUE_PAIRS,
    }),
    getdel: command({
        args: (key: GlideString, options?: DecoderOption) => ["GETDEL", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    getex: command({
        args: getexArgs,
        batchArgs: (key: GlideString, options?: GetexExpiry) => getexExpiryArgs(key, options),
        reply: as<GlideString | null>,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    getrange: command({
        args: (key: GlideString, start: number, end: number, options?: DecoderOption) => ["GETRANGE", key, start, end],
        reply: as<GlideString | null>,
        optionsAt: 3,
        readonly: true,
        keys: FIRST_KEY,
    }),
    setrange: command({
        args: (key: GlideString, offset: number, value: GlideString) => ["SETRANGE", key, offset, value],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    append: command({
        args: (key: GlideString, value: GlideString) => ["APPEND", key, value],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    strlen: command({
        args: (key: GlideString) => ["STRLEN", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    incr: command({
        args: (key: GlideString) => ["INCR", key],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    incrBy: command({
        args: (key: GlideString, amount: number) => ["INCRBY", key, amount],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    incrByFloat: command({
        args: (key: GlideString, amount: number) => ["INCRBYFLOAT", key, amount],
        // A bulk string on both protocols.
        reply: toNumber,
        keys: FIRST_KEY,
    }),
    decr: command({
        args: (key: GlideString) => ["DECR", key],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    decrBy: command({
        args: (key: GlideString, amount: number) => ["DECRBY", key, amount],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    lcs: command({
        args: (key1: GlideString, key2: GlideString, options?: DecoderOption) => ["LCS", key1, key2],
        reply: as<string>,
        optionsAt: 2,
        readonly: true,
        keys: TWO_KEYS,
    }),
    lcsLen: command({
        args: (key1: GlideString, key2: GlideString, options?: DecoderOption) => ["LCS", key1, key2, "LEN"],
        reply: as<number>,
        optionsAt: 2,
        readonly: true,
        keys: TWO_KEYS,
    }),
    lcsIdx: command({
        args: lcsIdxArgs,
        // { matches: [[[start1, end1], [start2, end2], length?], …], len }: a map on RESP3, pairs on RESP2.
        reply: (reply) => toRecord(reply, as<(number | [number, number])[][] | number>),
        batchReply: (reply) => toGlideRecord(reply),
        readonly: true,
        keys: TWO_KEYS,
    }),
};
