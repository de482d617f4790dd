/** Sorted-set algebra: ZDIFF, ZINTER, ZUNION (returned or stored) and ZINTERCARD. */
import { as, command, FIRST_KEY, SECOND_ARG_KEY } from "./core";
import { weightedKeysArgs } from "./sorted-set-args";
import type { AggregationType, KeyWeight } from "./sorted-set-options";
import { toScoreRecord, toSortedSetData } from "./sorted-set-replies";
import type { DecoderOption, GlideString } from "./types";

type AggregationOptions = { aggregationType?: AggregationType };

/** ZINTER and ZUNION share their three forms: members, members with scores, stored. */
function combining(name: "ZINTER" | "ZUNION") {
    return {
        members: command({
            args: (keys: GlideString[], options?: DecoderOption) => [name, keys.length, ...keys],
            reply: as<GlideString[]>,
            optionsAt: 1,
            readonly: true,
            keys: SECOND_ARG_KEY,
        }),
        withScores: command({
            args: (keys: GlideString[] | KeyWeight[], options?: AggregationOptions & DecoderOption) => [
                name,
                ...weightedKeysArgs(keys, options?.aggregationType),
                "WITHSCORES",
            ],
            reply: toSortedSetData,
            batchReply: toScoreRecord,
            optionsAt: 1,
            readonly: true,
            keys: SECOND_ARG_KEY,
        }),
        store: command({
            args: (destination: GlideString, keys: GlideString[] | KeyWeight[], options?: AggregationOptions) => [
                `${name}STORE`,
                destination,
                ...weightedKeysArgs(keys, options?.aggregationType),
            ],
            reply: as<number>,
            keys: FIRST_KEY,
        }),
    };
}

const inter = combining("ZINTER");
const union = combining("ZUNION");

export const sortedSetAlgebraCommands = {
    zdiff: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["ZDIFF", keys.length, ...keys],
        reply: as<GlideString[]>,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    zdiffWithScores: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["ZDIFF", keys.length, ...keys, "WITHSCORES"],
        reply: toSortedSetData,
        batchReply: toScoreRecord,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    // The stores' source keys share the destination's slot: routing by the destination is enough.
    zdiffstore: command({
        args: (destination: GlideString, keys: GlideString[]) => ["ZDIFFSTORE", destination, keys.length, ...keys],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    zinter: inter.members,
    zinterWithScores: inter.withScores,
    zinterstore: inter.store,
    zintercard: command({
        args: (keys: GlideString[], options?: { limit?: number }) => [
            "ZINTERCARD",
            keys.length,
            ...keys,
            ...(options?.limit === undefined ? [] : ["LIMIT", options.limit]),
        ],
        reply: as<number>,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    zunion: union.members,
    zunionWithScores: union.withScores,
    zunionstore: union.store,
};
