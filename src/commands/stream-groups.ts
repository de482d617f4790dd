/** Stream consumer-group commands: XGROUP, XREADGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM. */
import { as, command, FIRST_KEY, SECOND_ARG_KEY } from "./core";
import { toBoolean } from "./replies";
import { blockSeconds, pendingRangeArgs, readArgs, xautoclaimArgs, xclaimArgs } from "./stream-args";
import type { StreamClaimOptions, StreamGroupOptions, StreamPendingOptions, StreamReadGroupOptions } from "./stream-options";
import { toAutoClaimRecord, toAutoClaimResult, toStreamEntries, toStreamEntryRecord, toStreamReadRecord, toStreamReadResult } from "./stream-replies";
import type { DecoderOption, GlideRecord, GlideString } from "./types";

/** An entry XREADGROUP re-delivers from the pending list after it was deleted comes back as null. */
type GroupEntries = Record<string, [GlideString, GlideString][] | null>;

export const streamGroupCommands = {
    xgroupCreate: command({
        args: (key: GlideString, groupName: GlideString, id: string, options?: StreamGroupOptions) => {
            const args = ["XGROUP", "CREATE", key, groupName, id];
            if (options?.mkStream) args.push("MKSTREAM");
            // An empty entriesRead is none, as in GLIDE.
            if (options?.entriesRead) args.push("ENTRIESREAD", options.entriesRead);
            return args;
        },
        reply: as<"OK">,
        keys: SECOND_ARG_KEY,
    }),
    xgroupDestroy: command({
        args: (key: GlideString, groupName: GlideString) => ["XGROUP", "DESTROY", key, groupName],
        reply: toBoolean,
        keys: SECOND_ARG_KEY,
    }),
    xgroupCreateConsumer: command({
        args: (key: GlideString, groupName: GlideString, consumerName: GlideString) => [
            "XGROUP",
            "CREATECONSUMER",
            key,
            groupName,
            consumerName,
        ],
        reply: toBoolean,
        keys: SECOND_ARG_KEY,
    }),
    xgroupDelConsumer: command({
        args: (key: GlideString, groupName: GlideString, consumerName: GlideString) => [
            "XGROUP",
            "DELCONSUMER",
            key,
            groupName,
            consumerName,
        ],
        // How many pending entries the consumer had.
        reply: as<number>,
        keys: SECOND_ARG_KEY,
    }),
    xgroupSetId: command({
        args: (key: GlideString, groupName: GlideString, id: string, options?: { entriesRead?: number }) => {
            const args: (GlideString | number)[] = ["XGROUP", "SETID", key, groupName, id];
            if (options?.entriesRead !== undefined) args.push("ENTRIESREAD", options.entriesRead);
            return args;
        },
        reply: as<"OK">,
        keys: SECOND_ARG_KEY,
    }),
    xreadgroup: command({
        args: (
            group: GlideString,
            consumer: GlideString,
            keys_and_ids: Record<string, string> | GlideRecord<string>,
            options?: StreamReadGroupOptions & DecoderOption,
        ) => ["XREADGROUP", "GROUP", group, consumer, ...readArgs(keys_and_ids, options)],
        reply: toStreamReadResult<GroupEntries>,
        batchReply: toStreamReadRecord,
        optionsAt: 3,
        // GROUP group consumer come first: the STREAMS keyword is searched from argv[4].
        keysAfter: ["STREAMS", 4],
        blockingSeconds: blockSeconds(3),
    }),
    xack: command({
        args: (key: GlideString, group: GlideString, ids: string[]) => ["XACK", key, group, ...ids],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    xpending: command({
        args: (key: GlideString, group: GlideString) => ["XPENDING", key, group],
        // [count, smallest id, greatest id, [[consumer, count], …]]: GLIDE leaves the consumers'
        // counts as the server sends them (text), and nulls for the ids and list when nothing is pending.
        reply: as<[number, GlideString, GlideString, [GlideString, number][]]>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    xpendingWithOptions: command({
        args: (key: GlideString, group: GlideString, options: StreamPendingOptions) => [
            "XPENDING",
            key,
            group,
            ...pendingRangeArgs(options),
        ],
        // [id, consumer, idle ms, delivery count] tuples: integers on both protocols.
        reply: as<[GlideString, GlideString, number, number][]>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    xclaim: command({
        args: (
            key: GlideString,
            group: GlideString,
            consumer: GlideString,
            minIdleTime: number,
            ids: string[],
            options?: StreamClaimOptions & DecoderOption,
        ) => xclaimArgs(key, group, consumer, minIdleTime, ids, options, false),
        reply: toStreamEntries,
        batchReply: toStreamEntryRecord,
        optionsAt: 5,
        keys: FIRST_KEY,
    }),
    xclaimJustId: command({
        args: (
            key: GlideString,
            group: GlideString,
            consumer: GlideString,
            minIdleTime: number,
            ids: string[],
            options?: StreamClaimOptions,
        ) => xclaimArgs(key, group, consumer, minIdleTime, ids, options, true),
        // Text in the client method; in a batch, as the batch's decoder makes them (as in GLIDE).
        reply: as<string[]>,
        stringReply: true,
        clientDecoderOnly: true,
        keys: FIRST_KEY,
    }),
    xautoclaim: command({
        args: (
            key: GlideString,
            group: GlideString,
            consumer: GlideString,
            minIdleTime: number,
            start: string,
            options?: { count?: number } & DecoderOption,
        ) => xautoclaimArgs(key, group, consumer, minIdleTime, start, options?.count, false),
        reply: toAutoClaimResult,
        batchReply: toAutoClaimRecord,
        optionsAt: 5,
        keys: FIRST_KEY,
    }),
    xautoclaimJustId: command({
        args: (
            key: GlideString,
            group: GlideString,
            consumer: GlideString,
            minIdleTime: number,
            start: string,
            options?: { count?: number },
        ) => xautoclaimArgs(key, group, consumer, minIdleTime, start, options?.count, true),
        // [next start id, claimed ids, deleted ids (since 7.0)]: text in the client method whatever
        // the decoder; in a batch, as the batch's decoder makes them (as in GLIDE).
        reply: as<[string, string[], string[]?]>,
        stringReply: true,
        clientDecoderOnly: true,
        keys: FIRST_KEY,
    }),
};
