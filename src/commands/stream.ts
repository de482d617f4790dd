/** Stream commands: entries, ranges, trimming and reads; groups and XINFO live in sibling files. */
import { as, command, FIRST_KEY } from "./core";
import { blockSeconds, rangeCountArgs, readArgs, streamBoundaryArg, trimArgs, xaddArgs } from "./stream-args";
import { streamGroupCommands } from "./stream-groups";
import { streamInfoCommands } from "./stream-info";
import type { Boundary } from "./options";
import type { StreamAddOptions, StreamReadOptions, StreamTrimOptions } from "./stream-options";
import { toNullableStreamEntries, toNullableStreamEntryRecord, toStreamReadRecord, toStreamReadResult } from "./stream-replies";
import type { DecoderOption, GlideRecord, GlideString, StreamEntryDataType } from "./types";

/** XRANGE's options: GLIDE's client takes `{ count }`, its Batch a bare count. */
type RangeOptions = ({ count?: number } & DecoderOption) | number;

const streamEntryCommands = {
    xadd: command({
        args: (key: GlideString, values: [GlideString, GlideString][], options?: StreamAddOptions & DecoderOption) =>
            xaddArgs(key, values, options),
        // null when `makeStream: false` met a missing stream.
        reply: as<GlideString | null>,
        optionsAt: 2,
        keys: FIRST_KEY,
    }),
    xdel: command({
        args: (key: GlideString, ids: string[]) => ["XDEL", key, ...ids],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    xlen: command({
        args: (key: GlideString) => ["XLEN", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    xtrim: command({
        args: (key: GlideString, options: StreamTrimOptions) => ["XTRIM", key, ...trimArgs(options)],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    xrange: command({
        args: (key: GlideString, start: Boundary<string>, end: Boundary<string>, options?: RangeOptions) => [
            "XRANGE",
            key,
            streamBoundaryArg(start),
            streamBoundaryArg(end),
            ...rangeCountArgs(options),
        ],
        batchArgs: (key: GlideString, start: Boundary<string>, end: Boundary<string>, count?: number) => [
            "XRANGE",
            key,
            streamBoundaryArg(start),
            streamBoundaryArg(end),
            ...rangeCountArgs(count),
        ],
        reply: toNullableStreamEntries,
        batchReply: toNullableStreamEntryRecord,
        optionsAt: 3,
        readonly: true,
        keys: FIRST_KEY,
    }),
    xrevrange: command({
        args: (key: GlideString, end: Boundary<string>, start: Boundary<string>, options?: RangeOptions) => [
            "XREVRANGE",
            key,
            streamBoundaryArg(end),
            streamBoundaryArg(start),
            ...rangeCountArgs(options),
        ],
        batchArgs: (key: GlideString, end: Boundary<string>, start: Boundary<string>, count?: number) => [
            "XREVRANGE",
            key,
            streamBoundaryArg(end),
            streamBoundaryArg(start),
            ...rangeCountArgs(count),
        ],
        reply: toNullableStreamEntries,
        batchReply: toNullableStreamEntryRecord,
        optionsAt: 3,
        readonly: true,
        keys: FIRST_KEY,
    }),
    xread: command({
        args: (keys_and_ids: Record<string, string> | GlideRecord<string>, options?: StreamReadOptions & DecoderOption) => [
            "XREAD",
            ...readArgs(keys_and_ids, options),
        ],
        reply: toStreamReadResult<StreamEntryDataType>,
        batchReply: toStreamReadRecord,
        optionsAt: 1,
        readonly: true,
        keysAfter: ["STREAMS", 1],
        blockingSeconds: blockSeconds(1),
    }),
};

export const streamCommands = {
    ...streamEntryCommands,
    ...streamGroupCommands,
    ...streamInfoCommands,
};
