/** XINFO STREAM / GROUPS / CONSUMERS: maps (flat on RESP2) as records with text keys. */
import { command, SECOND_ARG_KEY } from "./core";
import { toInfoRecords, toXinfoStream } from "./stream-replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** GLIDE's client takes `{ fullOptions }`, its Batch a bare `fullOptions`. */
type XinfoStreamOptions = ({ fullOptions?: boolean | number } & DecoderOption) | boolean | number;

/** FULL with `true`, FULL COUNT n with a number (0: no limit on the entries and pending lists). */
function xinfoStreamArgs(key: GlideString, options?: XinfoStreamOptions): CommandArg[] {
    const full = typeof options === "object" ? options.fullOptions : options;
    const args: CommandArg[] = ["XINFO", "STREAM", key];
    if (full === true) args.push("FULL");
    else if (typeof full === "number") args.push("FULL", "COUNT", full);
    return args;
}

export const streamInfoCommands = {
    xinfoStream: command({
        args: xinfoStreamArgs,
        batchArgs: (key: GlideString, fullOptions?: boolean | number) => xinfoStreamArgs(key, fullOptions),
        reply: toXinfoStream,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    xinfoGroups: command({
        args: (key: GlideString, options?: DecoderOption) => ["XINFO", "GROUPS", key],
        reply: toInfoRecords<GlideString | number | null>,
        optionsAt: 1,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
    xinfoConsumers: command({
        args: (key: GlideString, group: GlideString, options?: DecoderOption) => ["XINFO", "CONSUMERS", key, group],
        reply: toInfoRecords<GlideString | number>,
        optionsAt: 2,
        readonly: true,
        keys: SECOND_ARG_KEY,
    }),
};
