/** Sorted-set commands: members and scores; ranges, pops and set algebra live in sibling files. */
import { as, command, FIRST_KEY } from "./core";
import { scanOptionArgs } from "./args";
import { toNullableNumber, toNumber, toScanPage } from "./replies";
import { scoreText, zaddArgs } from "./sorted-set-args";
import { sortedSetAlgebraCommands } from "./sorted-set-algebra";
import type { ZAddOptions, ZScanOptions } from "./sorted-set-options";
import { sortedSetPopCommands } from "./sorted-set-pop";
import { sortedSetRangeCommands } from "./sorted-set-range";
import { toMemberScorePairs, toRankAndScore } from "./sorted-set-replies";
import type { DecoderOption, ElementAndScore, GlideString, Score } from "./types";
import type { RespValue } from "../protocol/types";

const sortedSetMemberCommands = {
    zadd: command({
        args: (key: GlideString, membersAndScores: ElementAndScore[] | Record<string, Score>, options?: ZAddOptions) =>
            zaddArgs(key, membersAndScores, options, false),
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    zaddIncr: command({
        args: (key: GlideString, member: GlideString, increment: number, options?: ZAddOptions) =>
            zaddArgs(key, [{ element: member, score: increment }], options, true),
        // null when a condition (NX, XX, GT, LT) stopped the update.
        reply: toNullableNumber,
        keys: FIRST_KEY,
    }),
    zincrby: command({
        args: (key: GlideString, increment: number, member: GlideString) => [
            "ZINCRBY",
            key,
            scoreText(increment),
            member,
        ],
        reply: toNumber,
        keys: FIRST_KEY,
    }),
    zrem: command({
        args: (key: GlideString, members: GlideString[]) => ["ZREM", key, ...members],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    zcard: command({
        args: (key: GlideString) => ["ZCARD", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zscore: command({
        args: (key: GlideString, member: GlideString) => ["ZSCORE", key, member],
        reply: toNullableNumber,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zmscore: command({
        args: (key: GlideString, members: GlideString[]) => ["ZMSCORE", key, ...members],
        reply: (reply) => (reply as RespValue[]).map(toNullableNumber),
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrank: command({
        args: (key: GlideString, member: GlideString) => ["ZRANK", key, member],
        reply: as<number | null>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrankWithScore: command({
        args: (key: GlideString, member: GlideString) => ["ZRANK", key, member, "WITHSCORE"],
        reply: toRankAndScore,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrevrank: command({
        args: (key: GlideString, member: GlideString) => ["ZREVRANK", key, member],
        reply: as<number | null>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrevrankWithScore: command({
        args: (key: GlideString, member: GlideString) => ["ZREVRANK", key, member, "WITHSCORE"],
        reply: toRankAndScore,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrandmember: command({
        args: (key: GlideString, options?: DecoderOption) => ["ZRANDMEMBER", key],
        reply: as<GlideString | null>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrandmemberWithCount: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["ZRANDMEMBER", key, count],
        reply: as<GlideString[]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zrandmemberWithCountWithScores: command({
        args: (key: GlideString, count: number, options?: DecoderOption) => ["ZRANDMEMBER", key, count, "WITHSCORES"],
        reply: toMemberScorePairs,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    zscan: command({
        args: (key: GlideString, cursor: string, options?: ZScanOptions & DecoderOption) => [
            "ZSCAN",
            key,
            cursor,
            ...scanOptionArgs(options),
            ...(options?.noScores ? ["NOSCORES"] : []),
        ],
        reply: toScanPage,
        // GLIDE turns the cursor into text in the client method only: a batch keeps it as decoded.
        batchReply: (reply) => reply,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
};

export const sortedSetCommands = {
    ...sortedSetMemberCommands,
    ...sortedSetRangeCommands,
    ...sortedSetPopCommands,
    ...sortedSetAlgebraCommands,
};
