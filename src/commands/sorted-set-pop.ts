/** Sorted-set pops: ZPOPMIN/ZPOPMAX, ZMPOP and their blocking forms. */
import { command, FIRST_KEY, KEYS_THEN_TIMEOUT, SECOND_ARG_KEY, THIRD_ARG_KEY, timeoutParam } from "./core";
import type { ScoreFilter } from "./sorted-set-options";
import { toKeyAndScoreRecord, toKeyAndSortedSetData, toKeyMemberScore, toScoreRecord, toSortedSetData } from "./sorted-set-replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

type CountOptions = { count?: number } & DecoderOption;

/** The client passes `{ count }`; GLIDE's batches pass the bare number. Both work here. */
function countArgs(options: CountOptions | number | undefined, keyword?: "COUNT"): CommandArg[] {
    const count = typeof options === "number" ? options : options?.count;
    if (count === undefined) return [];
    return keyword === undefined ? [count] : [keyword, count];
}

function zmpopArgs(keys: GlideString[], modifier: ScoreFilter, count: CountOptions | number | undefined): CommandArg[] {
    return ["ZMPOP", keys.length, ...keys, modifier, ...countArgs(count, "COUNT")];
}

function bzmpopArgs(keys: GlideString[], modifier: ScoreFilter, timeout: number, count: CountOptions | number | undefined): CommandArg[] {
    return ["BZMPOP", timeout, keys.length, ...keys, modifier, ...countArgs(count, "COUNT")];
}

export const sortedSetPopCommands = {
    zpopmin: command({
        args: (key: GlideString, options?: CountOptions) => ["ZPOPMIN", key, ...countArgs(options)],
        batchArgs: (key: GlideString, count?: number) => ["ZPOPMIN", key, ...countArgs(count)],
        reply: toSortedSetData,
        batchReply: toScoreRecord,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    zpopmax: command({
        args: (key: GlideString, options?: CountOptions) => ["ZPOPMAX", key, ...countArgs(options)],
        batchArgs: (key: GlideString, count?: number) => ["ZPOPMAX", key, ...countArgs(count)],
        reply: toSortedSetData,
        batchReply: toScoreRecord,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    bzpopmin: command({
        args: (keys: GlideString[], timeout: number, options?: DecoderOption) => ["BZPOPMIN", ...keys, timeout],
        reply: toKeyMemberScore,
        optionsAt: 2,
        keys: KEYS_THEN_TIMEOUT,
        blockingSeconds: timeoutParam(1),
    }),
    bzpopmax: command({
        args: (keys: GlideString[], timeout: number, options?: DecoderOption) => ["BZPOPMAX", ...keys, timeout],
        reply: toKeyMemberScore,
        optionsAt: 2,
        keys: KEYS_THEN_TIMEOUT,
        blockingSeconds: timeoutParam(1),
    }),
    zmpop: command({
        args: (keys: GlideString[], modifier: ScoreFilter, options?: CountOptions) => zmpopArgs(keys, modifier, options),
        batchArgs: (keys: GlideString[], modifier: ScoreFilter, count?: number) => zmpopArgs(keys, modifier, count),
        reply: toKeyAndSortedSetData,
        batchReply: toKeyAndScoreRecord,
        optionsAt: 2,
        keys: SECOND_ARG_KEY,
    }),
    bzmpop: command({
        args: (keys: GlideString[], modifier: ScoreFilter, timeout: number, options?: CountOptions) =>
            bzmpopArgs(keys, modifier, timeout, options),
        batchArgs: (keys: GlideString[], modifier: ScoreFilter, timeout: number, count?: number) =>
            bzmpopArgs(keys, modifier, timeout, count),
        reply: toKeyAndSortedSetData,
        batchReply: toKeyAndScoreRecord,
        optionsAt: 3,
        keys: THIRD_ARG_KEY,
        blockingSeconds: timeoutParam(2),
    }),
};
