/**
 * Server, function and connection commands with BaseBatch's signatures (the same for Batch and
 * ClusterBatch: no decoder or route per command). Each reuses a client definition's argument
 * builder and reply converter; only the parameter list differs where the client's takes options.
 */
import type { CommandArg } from "../protocol/types";
import { as, command, type CommandDef, type ReplyConverter } from "./core";
import { lolwut } from "./custom-replies";
import { fcallCommands, functionStatsOfNode, standaloneFunctionCommands as functions } from "./function";
import { standaloneServerCommands as server } from "./server";
import { standaloneServerAdminCommands as admin } from "./server-admin";
import type { FunctionListOptions } from "./server-options";
import { customReply } from "./generic-reply";
import { statusAs, toGlideRecord } from "./replies";
import type { GlideString } from "./types";

/**
 * GLIDE's client methods read these replies as text whatever the decoder; its batches decode them
 * as the batch's decoder says, and leave them as the server sent them.
 */
function decodedAsTheBatch<P extends unknown[]>(def: CommandDef<P, unknown>, reply?: ReplyConverter<unknown>): CommandDef<P, unknown> {
    return { ...def, stringReply: undefined, reply };
}

export const serverBatchCommands = {
    ping: command({ ...server.ping, args: (message?: GlideString) => server.ping.args({ message }), optionsAt: undefined }),
    echo: command({ ...server.echo, args: (message: GlideString) => server.echo.args(message), optionsAt: undefined }),
    info: decodedAsTheBatch(server.info),
    time: decodedAsTheBatch(server.time),
    dbsize: server.dbsize,
    flushall: server.flushall,
    flushdb: server.flushdb,
    clientId: server.clientId,
    clientGetName: command({ ...server.clientGetName, args: () => server.clientGetName.args(), optionsAt: undefined }),
    // GLIDE's client method turns the map into a Record; its batch gives the GlideRecord.
    configGet: command({
        ...server.configGet,
        args: (parameters: string[]) => server.configGet.args(parameters),
        batchReply: (reply) => toGlideRecord(reply),
        optionsAt: undefined,
    }),
    configSet: server.configSet,
    configRewrite: admin.configRewrite,
    configResetStat: admin.configResetStat,
    randomKey: command({ ...server.randomKey, args: () => server.randomKey.args(), optionsAt: undefined }),
    lastsave: admin.lastsave,
    lolwut: decodedAsTheBatch(admin.lolwut, lolwut),
    /** RESET in a batch resets the batch connection's state too (database, name, protocol). */
    // A status reply: a Buffer under the Bytes decoder, as GLIDE gives it.
    reset: command({ args: (): CommandArg[] => ["RESET"], reply: statusAs }),
    fcall: command({
        ...fcallCommands.fcall,
        args: (func: GlideString, keys: GlideString[], args: GlideString[]) => fcallCommands.fcall.args(func, keys, args),
        optionsAt: undefined,
    }),
    fcallReadonly: command({
        ...fcallCommands.fcallReadonly,
        args: (func: GlideString, keys: GlideString[], args: GlideString[]) => fcallCommands.fcallReadonly.args(func, keys, args),
        optionsAt: undefined,
    }),
    functionLoad: command({
        ...functions.functionLoad,
        args: (libraryCode: GlideString, replace?: boolean) => functions.functionLoad.args(libraryCode, { replace }),
        optionsAt: undefined,
    }),
    // GLIDE's client methods turn these maps into records; its batches give the core's GlideRecords.
    functionList: command({
        ...functions.functionList,
        args: (options?: FunctionListOptions) => functions.functionList.args(options),
        batchReply: (reply, bytes) => customReply(["FUNCTION", "LIST"], reply, bytes),
        optionsAt: undefined,
    }),
    functionStats: command({
        ...functionStatsOfNode,
        args: () => functionStatsOfNode.args(),
        batchReply: (reply, bytes) => customReply(["FUNCTION", "STATS"], reply, bytes),
        optionsAt: undefined,
    }),
    functionDelete: functions.functionDelete,
    functionFlush: functions.functionFlush,
    // Only GLIDE's client method reads the dump as bytes whatever the decoder; a batch decodes it as asked.
    functionDump: { ...functions.functionDump, bytesReply: undefined },
    functionRestore: functions.functionRestore,
};
