/** XINFO STREAM / GROUPS / CONSUMERS: maps (flat on RESP2) as records with text keys (GlideRecords in a batch). */
import { command, SECOND_ARG_KEY } from "./core";
import { toInfoGlideRecord, toInfoGlideRecords, toInfoRecords, toXinfoStream } from "./stream-replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** GLIDE's client takes `{ fullOptions }`, its Batch a bare `fullOptions`. */
type XinfoStreamOptions = ({ fullOptions?: boolean | number } & DecoderOption) | boolean | number;

/**
 * FULL with `true`, FULL COUNT n with a number n. As in GLIDE, 0 (like false, null or absent) asks
 * for the summary, not FULL without a limit.
 */
function xinfoStreamArgs(key: GlideString, options?: XinfoStreamOptions): CommandArg[] {
    const full = typeof options === "object" && options !== null ? options.fullOptions : options;
    const args: CommandArg[] = ["XINFO", "STREAM", key];
    if (!full) return args;
    args.push("FULL");
    if (typeof full === "number") args.push("COUNT", full);
    return args;
}

export const streamInfoCommands = {
    xinfoStream: command({
        args: xinfoStreamArgs,
        batchArgs: (key: GlideString, fullOptions?: boolean | number) => xinfoStreamArgs(key, fullOptions),
        reply: toXinfoStream,
        batchReply: toInfoGlideRecord,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    xinfoGroups: command({
        args: (key: GlideString, options?: DecoderOption) => ["XINFO", "GROUPS", key],
        reply: toInfoRecords<GlideString | number | null>,
        batchReply: toInfoGlideRecords,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    xinfoConsumers: command({
        args: (key: GlideString, group: GlideString, options?: DecoderOption) => ["XINFO", "CONSUMERS", key, group],
        reply: toInfoRecords<GlideString | number>,
        batchReply: toInfoGlideRecords,
        optionsAt: 2,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
};
