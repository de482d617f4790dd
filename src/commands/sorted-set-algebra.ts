/** Sorted-set algebra: ZDIFF, ZINTER, ZUNION (returned or stored) and ZINTERCARD. */
import { as, command, FIRST_KEY, SECOND_ARG_KEY } from "./core";
import { weightedKeysArgs } from "./sorted-set-args";
import type { AggregationType, KeyWeight } from "./sorted-set-options";
import { toSortedSetData } from "./sorted-set-replies";
import type { DecoderOption, GlideString } from "./types";

type AggregationOptions = { aggregationType?: AggregationType };

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
    zinter: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["ZINTER", keys.length, ...keys],
        reply: as<GlideString[]>,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    zinterWithScores: command({
        args: (keys: GlideString[] | KeyWeight[], options?: AggregationOptions & DecoderOption) => [
            "ZINTER",
            ...weightedKeysArgs(keys, options?.aggregationType),
            "WITHSCORES",
        ],
        reply: toSortedSetData,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    zinterstore: command({
        args: (destination: GlideString, keys: GlideString[] | KeyWeight[], options?: AggregationOptions) => [
            "ZINTERSTORE",
            destination,
            ...weightedKeysArgs(keys, options?.aggregationType),
        ],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
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
    zunion: command({
        args: (keys: GlideString[], options?: DecoderOption) => ["ZUNION", keys.length, ...keys],
        reply: as<GlideString[]>,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    zunionWithScores: command({
        args: (keys: GlideString[] | KeyWeight[], options?: AggregationOptions & DecoderOption) => [
            "ZUNION",
            ...weightedKeysArgs(keys, options?.aggregationType),
            "WITHSCORES",
        ],
        reply: toSortedSetData,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    zunionstore: command({
        args: (destination: GlideString, keys: GlideString[] | KeyWeight[], options?: AggregationOptions) => [
            "ZUNIONSTORE",
            destination,
            ...weightedKeysArgs(keys, options?.aggregationType),
        ],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
};
