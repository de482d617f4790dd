/** Sorted-set range commands: ZRANGE by rank, score or lex (and its stores, counts and removals). */
import type { Boundary } from "./options";
import { as, command, FIRST_KEY, TWO_KEYS } from "./core";
import { lexBoundaryArg, rangeArgs, scoreBoundaryArg } from "./sorted-set-args";
import type { RangeByIndex, RangeByLex, RangeByScore } from "./sorted-set-options";
import { toScoreRecord, toSortedSetData } from "./sorted-set-replies";
import type { DecoderOption, GlideString } from "./types";

type RangeOptions = { reverse?: boolean } & DecoderOption;

/** The client passes `{ reverse }`; GLIDE's batches pass the bare boolean. Both work here. */
function isReverse(options: RangeOptions | boolean | undefined): boolean {
    return typeof options === "boolean" ? options : options?.reverse === true;
}

export const sortedSetRangeCommands = {
    zrange: command({
        args: (key: GlideString, rangeQuery: RangeByScore | RangeByLex | RangeByIndex, options?: RangeOptions) => [
            "ZRANGE",
            key,
            ...rangeArgs(rangeQuery, isReverse(options)),
        ],
        batchArgs: (key: GlideString, rangeQuery: RangeByScore | RangeByLex | RangeByIndex, reverse?: boolean) => [
            "ZRANGE",
            key,
            ...rangeArgs(rangeQuery, isReverse(reverse)),
        ],
        reply: as<GlideString[]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrangeWithScores: command({
        args: (key: GlideString, rangeQuery: RangeByScore | RangeByIndex, options?: RangeOptions) => [
            "ZRANGE",
            key,
            ...rangeArgs(rangeQuery, isReverse(options)),
            "WITHSCORES",
        ],
        batchArgs: (key: GlideString, rangeQuery: RangeByScore | RangeByIndex, reverse?: boolean) => [
            "ZRANGE",
            key,
            ...rangeArgs(rangeQuery, isReverse(reverse)),
            "WITHSCORES",
        ],
        reply: toSortedSetData,
        batchReply: toScoreRecord,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrangeStore: command({
        args: (
            destination: GlideString,
            source: GlideString,
            rangeQuery: RangeByScore | RangeByLex | RangeByIndex,
            reverse?: boolean,
        ) => ["ZRANGESTORE", destination, source, ...rangeArgs(rangeQuery, reverse === true)],
        reply: as<number>,
        keys: TWO_KEYS,
    }),
    zcount: command({
        args: (key: GlideString, minScore: Boundary<number>, maxScore: Boundary<number>) => [
            "ZCOUNT",
            key,
            scoreBoundaryArg(minScore),
            scoreBoundaryArg(maxScore),
        ],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zlexcount: command({
        args: (key: GlideString, minLex: Boundary<GlideString>, maxLex: Boundary<GlideString>) => [
            "ZLEXCOUNT",
            key,
            lexBoundaryArg(minLex),
            lexBoundaryArg(maxLex),
        ],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zremRangeByRank: command({
        args: (key: GlideString, start: number, end: number) => ["ZREMRANGEBYRANK", key, start, end],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    zremRangeByScore: command({
        args: (key: GlideString, minScore: Boundary<number>, maxScore: Boundary<number>) => [
            "ZREMRANGEBYSCORE",
            key,
            scoreBoundaryArg(minScore),
            scoreBoundaryArg(maxScore),
        ],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    zremRangeByLex: command({
        args: (key: GlideString, minLex: Boundary<GlideString>, maxLex: Boundary<GlideString>) => [
            "ZREMRANGEBYLEX",
            key,
            lexBoundaryArg(minLex),
            lexBoundaryArg(maxLex),
        ],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
};
