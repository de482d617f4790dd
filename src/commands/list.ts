/** List commands. */
import { as, command, FIRST_KEY, KEYS_THEN_TIMEOUT, SECOND_ARG_KEY, THIRD_ARG_KEY, timeoutParam, TWO_KEYS } from "./core";
import type { InsertPosition, ListDirection, LPosOptions } from "./list-options";
import { toGlideRecord } from "./replies";
import type { DecoderOption, GlideRecord, GlideString } from "./types";
import type { CommandArg, RespValue } from "../protocol/types";

/** LMPOP/BLMPOP options of GLIDE's client; its Batch takes a bare `count` instead. */
type PopCountOptions = { count?: number } & DecoderOption;

export interface ListPopResult {
    key: GlideString;
    elements: GlideString[];
}

/** LMPOP numkeys key … direction [COUNT n]. */
function lmpopArgs(keys: GlideString[], direction: ListDirection, count: number | undefined): CommandArg[] {
    return ["LMPOP", keys.length, ...keys, direction, ...(count === undefined ? [] : ["COUNT", count])];
}

/** LMPOP/BLMPOP reply [key, elements] (or null) as { key, elements }. */
function toListPopResult(reply: RespValue): ListPopResult | null {
    if (reply === null) return null;
    const [key, elements] = reply as [GlideString, GlideString[]];
    return { key, elements };
}

/** GLIDE's batches give the LMPOP/BLMPOP reply as its core has it: a GlideRecord of one entry (key → elements). */
function toListPopRecord(reply: RespValue): GlideRecord<GlideString[]> | null {
    return reply === null ? null : toGlideRecord(reply);
}

function lposArgs(key: GlideString, element: GlideString, options?: LPosOptions): CommandArg[] {
    const args: CommandArg[] = ["LPOS", key, element];
    if (options?.rank !== undefined) args.push("RANK", options.rank);
    if (options?.count !== undefined) args.push("COUNT", options.count);
    if (options?.maxLength !== undefined) args.push("MAXLEN", options.maxLength);
    return args;
}

export const listCommands = {
    lpush: command({
        args: (key: GlideString, elements: GlideString[]) => ["LPUSH", key, ...elements],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    lpushx: command({
        args: (key: GlideString, elements: GlideString[]) => ["LPUSHX", key, ...elements],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    rpush: command({
        args: (key: GlideString, elements: GlideString[]) => ["RPUSH", key, ...elements],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    rpushx: command({
        args: (key: GlideString, elements: GlideString[]) => ["RPUSHX", key, ...elements],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    lpop: command({
        args: (key: GlideString, options?: DecoderOption) => ["LPOP", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    lpopCount: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["LPOP", key, count],
        reply: as<GlideString[] | null>,
        optionsAt: 2,
        keys: FIRST_KEY,
    }),
    rpop: command({
        args: (key: GlideString, options?: DecoderOption) => ["RPOP", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    rpopCount: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["RPOP", key, count],
        reply: as<GlideString[] | null>,
        optionsAt: 2,
        keys: FIRST_KEY,
    }),
    lrange: command({
        args: (key: GlideString, start: number, end: number, options?: DecoderOption) => ["LRANGE", key, start, end],
        reply: as<GlideString[]>,
        optionsAt: 3,
        readonly: true,
        keys: FIRST_KEY,
    }),
    lindex: command({
        args: (key: GlideString, index: number, options?: DecoderOption) => ["LINDEX", key, index],
        reply: as<GlideString | null>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    linsert: command({
        args: (key: GlideString, position: InsertPosition, pivot: GlideString, element: GlideString) => [
            "LINSERT",
            key,
            position,
            pivot,
            element,
        ],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    llen: command({
        args: (key: GlideString) => ["LLEN", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    lrem: command({
        args: (key: GlideString, count: number, element: GlideString) => ["LREM", key, count, element],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    lset: command({
        args: (key: GlideString, index: number, element: GlideString) => ["LSET", key, index, element],
        reply: as<"OK">,
        keys: FIRST_KEY,
    }),
    ltrim: command({
        args: (key: GlideString, start: number, end: number) => ["LTRIM", key, start, end],
        reply: as<"OK">,
        keys: FIRST_KEY,
    }),
    lpos: command({
        args: lposArgs,
        // An integer (or null) without COUNT, an array of integers with it: the same on both protocols.
        reply: as<number | number[] | null>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    lmove: command({
        args: (
            source: GlideString,
            destination: GlideString,
            whereFrom: ListDirection,
            whereTo: ListDirection,
            options?: DecoderOption,
        ) => ["LMOVE", source, destination, whereFrom, whereTo],
        reply: as<GlideString | null>,
        optionsAt: 4,
        keys: TWO_KEYS,
    }),
    blmove: command({
        args: (
            source: GlideString,
            destination: GlideString,
            whereFrom: ListDirection,
            whereTo: ListDirection,
            timeout: number,
            options?: DecoderOption,
        ) => ["BLMOVE", source, destination, whereFrom, whereTo, timeout],
        reply: as<GlideString | null>,
        optionsAt: 5,
        keys: TWO_KEYS,
        blockingSeconds: timeoutParam(4),
    }),
    lmpop: command({
        args: (keys: GlideString[], direction: ListDirection, options?: PopCountOptions) => lmpopArgs(keys, direction, options?.count),
        batchArgs: (keys: GlideString[], direction: ListDirection, count?: number) => lmpopArgs(keys, direction, count),
        reply: toListPopResult,
        batchReply: toListPopRecord,
        optionsAt: 2,
        keys: SECOND_ARG_KEY,
    }),
    blmpop: command({
        args: (keys: GlideString[], direction: ListDirection, timeout: number, options?: PopCountOptions) => [
            "BLMPOP",
            timeout,
            ...lmpopArgs(keys, direction, options?.count).slice(1),
        ],
        batchArgs: (keys: GlideString[], direction: ListDirection, timeout: number, count?: number) => [
            "BLMPOP",
            timeout,
            ...lmpopArgs(keys, direction, count).slice(1),
        ],
        reply: toListPopResult,
        batchReply: toListPopRecord,
        optionsAt: 3,
        keys: THIRD_ARG_KEY,
        blockingSeconds: timeoutParam(2),
    }),
    blpop: command({
        args: (keys: GlideString[], timeout: number, options?: DecoderOption) => ["BLPOP", ...keys, timeout],
        reply: as<[GlideString, GlideString] | null>,
        optionsAt: 2,
        keys: KEYS_THEN_TIMEOUT,
        blockingSeconds: timeoutParam(1),
    }),
    brpop: command({
        args: (keys: GlideString[], timeout: number, options?: DecoderOption) => ["BRPOP", ...keys, timeout],
        reply: as<[GlideString, GlideString] | null>,
        optionsAt: 2,
        keys: KEYS_THEN_TIMEOUT,
        blockingSeconds: timeoutParam(1),
    }),
};
