/**
 * Server, function and connection commands with BaseBatch's signatures (the same for Batch and
 * ClusterBatch: no decoder or route per command). Each reuses a client definition's argument
 * builder and reply converter; only the parameter list differs where the client's takes options.
 */
import type { CommandArg } from "../protocol/types";
import { as, command } from "./core";
import { fcallCommands, functionStatsOfNode, standaloneFunctionCommands as functions } from "./function";
import { standaloneServerCommands as server } from "./server";
import { standaloneServerAdminCommands as admin } from "./server-admin";
import type { FunctionListOptions } from "./server-options";
import type { GlideString } from "./types";

export const serverBatchCommands = {
    ping: command({ ...server.ping, args: (message?: GlideString) => server.ping.args({ message }), optionsAt: undefined }),
    echo: command({ ...server.echo, args: (message: GlideString) => server.echo.args(message), optionsAt: undefined }),
    info: server.info,
    time: server.time,
    dbsize: server.dbsize,
    flushall: server.flushall,
    flushdb: server.flushdb,
    clientId: server.clientId,
    clientGetName: command({ ...server.clientGetName, args: () => server.clientGetName.args(), optionsAt: undefined }),
    configGet: command({
        ...server.configGet,
        args: (parameters: string[]) => server.configGet.args(parameters),
        optionsAt: undefined,
    }),
    configSet: server.configSet,
    configRewrite: admin.configRewrite,
    configResetStat: admin.configResetStat,
    randomKey: command({ ...server.randomKey, args: () => server.randomKey.args(), optionsAt: undefined }),
    lastsave: admin.lastsave,
    lolwut: admin.lolwut,
    /** RESET in a batch resets the batch connection's state too (database, name, protocol). */
    reset: command({ args: (): CommandArg[] => ["RESET"], reply: as<"RESET"> }),
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
    functionList: command({
        ...functions.functionList,
        args: (options?: FunctionListOptions) => functions.functionList.args(options),
        optionsAt: undefined,
    }),
    functionStats: command({ ...functionStatsOfNode, args: () => functionStatsOfNode.args(), optionsAt: undefined }),
    functionDelete: functions.functionDelete,
    functionFlush: functions.functionFlush,
    functionDump: functions.functionDump,
    functionRestore: functions.functionRestore,
};
