/**
 * Functions (FUNCTION LOAD / LIST / STATS / DELETE / FLUSH / KILL / DUMP / RESTORE, FCALL) with
 * GlideClient's signatures; FCALL and FCALL_RO are BaseClient's (same on both clients).
 */
import type { CommandArg } from "../protocol/types";
import { as, command, THIRD_ARG_KEY } from "./core";
import { clusterServerCommands, type FunctionRestorePolicy } from "./cluster-server";
import { toFunctionList, toFunctionStats } from "./function-replies";
import type { FlushMode } from "./options";
import { functionListArgs, numkeysArgs } from "./server-args";
import type { FunctionListOptions } from "./server-options";
import type { DecoderOption, GlideReturnType, GlideString } from "./types";
import { genericReply } from "./generic-reply";

const shared = clusterServerCommands;

export const standaloneFunctionCommands = {
    functionLoad: command({
        args: (libraryCode: GlideString, options?: { replace?: boolean } & DecoderOption) => shared.functionLoad.args(libraryCode, options),
        reply: as<GlideString>,
        optionsAt: 1,
    }),
    functionList: command({
        args: (options?: FunctionListOptions & DecoderOption) => functionListArgs(options),
        reply: toFunctionList,
        optionsAt: 0,
    }),
    functionDelete: command({ args: (libraryCode: GlideString) => shared.functionDelete.args(libraryCode), reply: as<"OK"> }),
    functionFlush: command({
        args: (mode?: FlushMode): CommandArg[] => (mode === undefined ? ["FUNCTION", "FLUSH"] : ["FUNCTION", "FLUSH", mode]),
        reply: as<"OK">,
    }),
    functionKill: command({ args: () => ["FUNCTION", "KILL"], reply: as<"OK"> }),
    functionDump: command({ args: () => ["FUNCTION", "DUMP"], reply: as<Buffer>, bytesReply: true }),
    functionRestore: command({
        args: (payload: Buffer, policy?: FunctionRestorePolicy) => shared.functionRestore.args(payload, { policy }),
        reply: as<"OK">,
    }),
};

/** FUNCTION STATS of the node it is sent to; GlideClient gathers every node's under its address. */
export const functionStatsOfNode = command({
    args: (options?: DecoderOption) => ["FUNCTION", "STATS"],
    reply: toFunctionStats,
    optionsAt: 0,
});

// The keys follow numkeys (argv[2]); with none the call is keyless (see firstKeyPosition).
export const fcallCommands = {
    fcall: command({
        args: (func: GlideString, keys: GlideString[], args: GlideString[], options?: DecoderOption) => numkeysArgs("FCALL", func, keys, args),
        reply: genericReply,
        optionsAt: 3,
        keys: THIRD_ARG_KEY,
    }),
    fcallReadonly: command({
        args: (func: GlideString, keys: GlideString[], args: GlideString[], options?: DecoderOption) =>
            numkeysArgs("FCALL_RO", func, keys, args),
        reply: genericReply,
        optionsAt: 3,
        keys: THIRD_ARG_KEY,
        readonly: true,
    }),
};
