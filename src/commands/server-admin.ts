/**
 * Server administration with GlideClient's signatures: persistence, CONFIG REWRITE/RESETSTAT,
 * MEMORY, LATENCY, replication (FAILOVER, REPLICAOF), CLIENT PAUSE/UNPAUSE/TRACKINGINFO, LOLWUT.
 */
import { as, command } from "./core";
import { clusterServerCommands, type ClientPauseMode, type LolwutOptions } from "./cluster-server";
import { lolwut } from "./custom-replies";
import { toText } from "./replies";
import { failoverArgs } from "./server-args";
import type { FailoverOptions } from "./server-options";
import { toClientTrackingInfo, toLatencyHistory, toLatencyLatest, toMemoryStats } from "./server-replies";
import type { DecoderOption, GlideString } from "./types";

const shared = clusterServerCommands;

/** A command with a fixed argv whose status reply GLIDE types as `string`. */
function textCommand(...argv: string[]) {
    return command({ args: () => argv, reply: (reply) => toText(reply), stringReply: true });
}

export const standaloneServerAdminCommands = {
    configRewrite: command({ args: () => ["CONFIG", "REWRITE"], reply: as<"OK"> }),
    configResetStat: command({ args: () => ["CONFIG", "RESETSTAT"], reply: as<"OK"> }),
    lastsave: command({ args: () => ["LASTSAVE"], reply: as<number> }),
    lolwut: command({
        args: (options?: LolwutOptions) => shared.lolwut.args(options),
        reply: (reply) => toText(lolwut(reply)),
        stringReply: true,
    }),
    save: command({ args: () => ["SAVE"], reply: as<"OK"> }),
    bgsave: textCommand("BGSAVE"),
    bgsaveSchedule: textCommand("BGSAVE", "SCHEDULE"),
    bgsaveCancel: textCommand("BGSAVE", "CANCEL"),
    bgrewriteaof: textCommand("BGREWRITEAOF"),
    memoryDoctor: textCommand("MEMORY", "DOCTOR"),
    memoryMallocStats: textCommand("MEMORY", "MALLOC-STATS"),
    memoryPurge: command({ args: () => ["MEMORY", "PURGE"], reply: as<"OK"> }),
    memoryStats: command({ args: () => ["MEMORY", "STATS"], reply: toMemoryStats, stringReply: true }),
    latencyHistory: command({ args: (event: GlideString) => ["LATENCY", "HISTORY", event], reply: toLatencyHistory }),
    latencyLatest: command({ args: () => ["LATENCY", "LATEST"], reply: toLatencyLatest }),
    latencyReset: command({ args: (events?: GlideString[]) => shared.latencyReset.args(events), reply: as<number> }),
    failover: command({ args: (options?: FailoverOptions) => failoverArgs(options), reply: as<"OK"> }),
    replicaof: command({ args: (host: string, port: number) => ["REPLICAOF", host, port], reply: as<"OK"> }),
    replicaofNoOne: command({ args: () => ["REPLICAOF", "NO", "ONE"], reply: as<"OK"> }),
    clientPause: command({
        args: (timeout: number, mode?: ClientPauseMode, options?: DecoderOption) => shared.clientPause.args(timeout, mode),
        reply: as<"OK">,
        optionsAt: 2,
    }),
    clientUnpause: command({ args: (options?: DecoderOption) => ["CLIENT", "UNPAUSE"], reply: as<"OK">, optionsAt: 0 }),
    clientTrackingInfo: command({ args: () => ["CLIENT", "TRACKINGINFO"], reply: toClientTrackingInfo }),
};
