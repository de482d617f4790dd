/**
 * Server and connection commands with GlideClient's (standalone) signatures. The cluster client
 * has its own signatures for these (routes, ClusterResponse) and defines them separately.
 */
import { as, command } from "./core";
import type { FlushMode, InfoOptions, ScanOptions } from "./options";
import { statusAs, toRecord, toText } from "./replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

function scanArgs(cursor: GlideString, options?: ScanOptions & DecoderOption): CommandArg[] {
    const args: CommandArg[] = ["SCAN", cursor];
    // As GLIDE: an empty match string sends no MATCH, a null type no TYPE.
    if (options?.match) args.push("MATCH", options.match);
    if (options?.count !== undefined) args.push("COUNT", options.count);
    if (options?.type) args.push("TYPE", options.type.toLowerCase());
    return args;
}

export const standaloneServerCommands = {
    ping: command({
        args: (options?: { message?: GlideString } & DecoderOption) =>
            options?.message === undefined ? ["PING"] : ["PING", options.message],
        reply: (reply, bytes) => statusAs(reply, bytes) as GlideString,
        optionsAt: 0,
    }),
    echo: command({
        args: (message: GlideString, options?: DecoderOption) => ["ECHO", message],
        reply: as<GlideString>,
        optionsAt: 1,
    }),
    info: command({
        args: (sections?: InfoOptions[]) => ["INFO", ...(sections ?? [])],
        reply: (reply) => toText(reply),
        stringReply: true,
    }),
    time: command({
        args: () => ["TIME"],
        reply: as<[string, string]>,
        stringReply: true,
    }),
    dbsize: command({ args: () => ["DBSIZE"], reply: as<number> }),
    flushdb: command({
        args: (mode?: FlushMode) => (mode === undefined ? ["FLUSHDB"] : ["FLUSHDB", mode]),
        reply: as<"OK">,
    }),
    flushall: command({
        args: (mode?: FlushMode) => (mode === undefined ? ["FLUSHALL"] : ["FLUSHALL", mode]),
        reply: as<"OK">,
    }),
    clientId: command({ args: () => ["CLIENT", "ID"], reply: as<number> }),
    clientGetName: command({
        args: (options?: DecoderOption) => ["CLIENT", "GETNAME"],
        reply: as<GlideString | null>,
        optionsAt: 0,
    }),
    configGet: command({
        args: (parameters: string[], options?: DecoderOption) => ["CONFIG", "GET", ...parameters],
        reply: (reply) => toRecord<GlideString>(reply),
        optionsAt: 1,
    }),
    configSet: command({
        args: (parameters: Record<string, GlideString>) => ["CONFIG", "SET", ...Object.entries(parameters).flat()],
        reply: as<"OK">,
    }),
    randomKey: command({
        args: (options?: DecoderOption) => ["RANDOMKEY"],
        reply: as<GlideString | null>,
        optionsAt: 0,
        readonly: true,
    }),
    scan: command({
        args: scanArgs,
        reply: as<[GlideString, GlideString[]]>,
        optionsAt: 1,
        readonly: true,
    }),
};
