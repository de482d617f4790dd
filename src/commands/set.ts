/** Set commands. */
import { scanOptionArgs } from "./args";
import { as, command, EVERY_ARG_KEY, FIRST_KEY, SECOND_ARG_KEY, TWO_KEYS } from "./core";
import type { BaseScanOptions } from "./options";
import { toBoolean } from "./replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg, RespValue } from "../protocol/types";

/** A set reply (a RESP3 set, a RESP2 array) as a JS Set. */
function toSet(reply: RespValue): Set<GlideString> {
    if (reply instanceof Set) return reply as Set<GlideString>;
    return new Set((reply ?? []) as GlideString[]);
}

function sscanArgs(key: GlideString, cursor: GlideString, options?: BaseScanOptions & DecoderOption): CommandArg[] {
    return ["SSCAN", key, cursor, ...scanOptionArgs(options)];
}

function sintercardArgs(keys: GlideString[], options?: { limit?: number }): CommandArg[] {
    const args: CommandArg[] = ["SINTERCARD", keys.length, ...keys];
    const limit = options?.limit;
    // GLIDE leaves LIMIT out for null as for undefined.
    if (limit !== undefined && limit !== null) args.push("LIMIT", limit);
    return args;
}

export const setCommands = {
    sadd: command({
        args: (key: GlideString, members: GlideString[]) => ["SADD", key, ...members],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    srem: command({
        args: (key: GlideString, members: GlideString[]) => ["SREM", key, ...members],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    smembers: command({
        args: (key: GlideString, options?: DecoderOption) => ["SMEMBERS", key],
        reply: toSet,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    scard: command({
        args: (key: GlideString) => ["SCARD", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    sismember: command({
        args: (key: GlideString, member: GlideString) => ["SISMEMBER", key, member],
        reply: toBoolean,
        readonly: true,
        keys: FIRST_KEY,
    }),
    smismember: command({
        args: (key: GlideString, members: GlideString[]) => ["SMISMEMBER", key, ...members],
        reply: (reply) => (reply as RespValue[]).map(toBoolean),
        readonly: true,
        keys: FIRST_KEY,
    }),
    smove: command({
        args: (source: GlideString, destination: GlideString, member: GlideString) => [
            "SMOVE",
            source,
            destination,
            member,
        ],
        reply: toBoolean,
        keys: TWO_KEYS,
    }),
    spop: command({
        args: (key: GlideString, options?: DecoderOption) => ["SPOP", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    spopCount: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["SPOP", key, count],
        reply: toSet,
        optionsAt: 2,
        keys: FIRST_KEY,
    }),
    srandmember: command({
        args: (key: GlideString, options?: DecoderOption) => ["SRANDMEMBER", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    srandmemberCount: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["SRANDMEMBER", key, count],
        reply: as<GlideString[]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    sdiff: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["SDIFF", ...keys],
        reply: toSet,
        optionsAt: 1,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    sdiffstore: command({
        args: (destination: GlideString, keys: GlideString[]) => ["SDIFFSTORE", destination, ...keys],
        reply: as<number>,
        keys: EVERY_ARG_KEY,
    }),
    sinter: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["SINTER", ...keys],
        reply: toSet,
        optionsAt: 1,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    sintercard: command({
        args: sintercardArgs,
        reply: as<number>,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    sinterstore: command({
        args: (destination: GlideString, keys: GlideString[]) => ["SINTERSTORE", destination, ...keys],
        reply: as<number>,
        keys: EVERY_ARG_KEY,
    }),
    sunion: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["SUNION", ...keys],
        reply: toSet,
        optionsAt: 1,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    sunionstore: command({
        args: (destination: GlideString, keys: GlideString[]) => ["SUNIONSTORE", destination, ...keys],
        reply: as<number>,
        keys: EVERY_ARG_KEY,
    }),
    sscan: command({
        args: sscanArgs,
        reply: as<[GlideString, GlideString[]]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
};
