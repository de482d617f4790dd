/**
 * Server and connection commands with GlideClusterClient's signatures: each takes a `route`
 * (in its options object) and may answer with a ClusterResponse (one value, or a record keyed by
 * node address). Where a command goes without a route, and how several replies combine, follows
 * the server's request/response policies (routing/cluster/policies.ts).
 */
import { as, command, type ReplyConverter } from "./core";
import type { FlushMode, InfoOptions, ScanOptions } from "./options";
import { lolwut } from "./custom-replies";
import { genericReply } from "./generic-reply";
import { statusAs, toBoolean, toRecord, toText } from "./replies";
import type { DecoderOption, GlideReturnType, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";
import { toFunctionList, toFunctionStats } from "./function-replies";
import { functionListArgs } from "./server-args";
import type { FunctionListOptions } from "./server-options";
import { toClientTrackingInfo, toLatencyHistory, toLatencyLatest, toMemoryStats } from "./server-replies";

// Option types of server commands GlideClient will share (defined here first; move them to
// options.ts when the standalone signatures arrive).
/** What CLIENT PAUSE holds back: every command, or only writes. */
export enum ClientPauseMode {
    ALL = "ALL",
    WRITE = "WRITE",
}

/** How FUNCTION RESTORE treats libraries that exist already: keep them and add, drop them all first, or replace those with the same name. */
export enum FunctionRestorePolicy {
    APPEND = "APPEND",
    FLUSH = "FLUSH",
    REPLACE = "REPLACE",
}

/** LOLWUT's options: the art version and its parameters. */
export interface LolwutOptions {
    version?: number;
    parameters?: number[];
}

/** A route to the primary or a replica of the slot with this number. */
export interface SlotIdTypes {
    type: "primarySlotId" | "replicaSlotId";
    id: number;
}

/** A route to the primary or a replica of the slot this key hashes to. */
export interface SlotKeyTypes {
    type: "primarySlotKey" | "replicaSlotKey";
    key: string;
}

/** A route to the node at this address. */
export interface RouteByAddress {
    type: "routeByAddress";
    host: string;
    /** When absent, `host` is "host:port". */
    port?: number;
}

/** A route to one node: a random one, a slot's, or an address. */
export type SingleNodeRoute = "randomNode" | SlotIdTypes | SlotKeyTypes | RouteByAddress;

/** Where a cluster client sends a command: one node, every primary, or every node. */
export type Routes = SingleNodeRoute | "allPrimaries" | "allNodes";

/** The per-call `route` option of cluster commands; without it the command goes where its keys or the server's request policy say. */
export interface RouteOption {
    route?: Routes;
}

/** A reply from one node, or a record of replies keyed by "host:port" when several nodes answered. */
export type ClusterResponse<T> = T | Record<string, T>;

/** Cluster SCAN's options: those of SCAN, plus whether slots no node serves are skipped. */
export interface ClusterScanOptions extends ScanOptions {
    /** Skip slots no node serves instead of failing. */
    allowNonCoveredSlots?: boolean;
}

/** Which failures a cluster pipeline retries (not allowed for atomic batches). */
export interface ClusterBatchRetryStrategy {
    /** Retry commands that failed with TRYAGAIN or CLUSTERDOWN. */
    retryServerError: boolean;
    /** Retry commands whose connection was lost (they may run twice). */
    retryConnectionError: boolean;
}

/** Options of `GlideClusterClient.exec`: the node to run on, the retry strategy and the timeout. */
export type ClusterBatchOptions = {
    route?: SingleNodeRoute;
    retryStrategy?: ClusterBatchRetryStrategy;
} & {
    /** Overrides the client's requestTimeout for the whole batch, in milliseconds. */
    timeout?: number;
};

/** Topology checks at this interval, in seconds. */
export interface PeriodicChecksManualInterval {
    duration_in_sec: number;
}

/** How often a cluster client checks the topology in the background: the default interval, never, or a given one. */
export type PeriodicChecks = "enabledDefaultConfigs" | "disabled" | PeriodicChecksManualInterval;

/** The converter runs per node; the type says the caller may get a record of such replies. */
function perNode<T>(convert: ReplyConverter<T>): ReplyConverter<ClusterResponse<T>> {
    return convert;
}

export const clusterServerCommands = {
    ping: command({
        args: (options?: { message?: GlideString } & RouteOption & DecoderOption) =>
            options?.message === undefined ? ["PING"] : ["PING", options.message],
        reply: (reply, bytes) => statusAs(reply, bytes) as GlideString,
        optionsAt: 0,
    }),
    echo: command({
        args: (message: GlideString, options?: RouteOption & DecoderOption) => ["ECHO", message],
        reply: perNode(as<GlideString>),
        optionsAt: 1,
    }),
    info: command({
        args: (options?: { sections?: InfoOptions[] } & RouteOption) => ["INFO", ...(options?.sections ?? [])],
        reply: perNode((reply) => toText(reply)),
        stringReply: true,
        optionsAt: 0,
    }),
    // Unlike GlideClient's, the cluster client's TIME and LOLWUT replies follow the client's decoder (Buffers for bytes).
    time: command({
        args: (options?: RouteOption) => ["TIME"],
        reply: perNode(as<[string, string]>),
        optionsAt: 0,
    }),
    dbsize: command({ args: (options?: RouteOption) => ["DBSIZE"], reply: as<number>, optionsAt: 0 }),
    flushdb: command({
        args: (options?: { mode?: FlushMode } & RouteOption) =>
            options?.mode === undefined ? ["FLUSHDB"] : ["FLUSHDB", options.mode],
        reply: as<"OK">,
        optionsAt: 0,
    }),
    flushall: command({
        args: (options?: { mode?: FlushMode } & RouteOption) =>
            options?.mode === undefined ? ["FLUSHALL"] : ["FLUSHALL", options.mode],
        reply: as<"OK">,
        optionsAt: 0,
    }),
    clientId: command({ args: (options?: RouteOption) => ["CLIENT", "ID"], reply: perNode(as<number>), optionsAt: 0 }),
    clientGetName: command({
        args: (options?: RouteOption & DecoderOption) => ["CLIENT", "GETNAME"],
        reply: perNode(as<GlideString | null>),
        optionsAt: 0,
    }),
    configGet: command({
        args: (parameters: string[], options?: RouteOption & DecoderOption) => ["CONFIG", "GET", ...parameters],
        reply: perNode((reply) => toRecord<GlideString>(reply)),
        optionsAt: 1,
    }),
    configSet: command({
        args: (parameters: Record<string, GlideString>, options?: RouteOption) => [
            "CONFIG",
            "SET",
            ...Object.entries(parameters).flat(),
        ],
        reply: as<"OK">,
        optionsAt: 1,
    }),
    configRewrite: command({ args: (options?: RouteOption) => ["CONFIG", "REWRITE"], reply: as<"OK">, optionsAt: 0 }),
    configResetStat: command({ args: (options?: RouteOption) => ["CONFIG", "RESETSTAT"], reply: as<"OK">, optionsAt: 0 }),
    lastsave: command({ args: (options?: RouteOption) => ["LASTSAVE"], reply: perNode(as<number>), optionsAt: 0 }),
    unwatch: command({ args: (options?: RouteOption) => ["UNWATCH"], reply: as<"OK">, optionsAt: 0 }),
    randomKey: command({
        args: (options?: DecoderOption & RouteOption) => ["RANDOMKEY"],
        reply: as<GlideString | null>,
        optionsAt: 0,
        readonly: true,
    }),
    save: command({ args: (options?: RouteOption) => ["SAVE"], reply: as<"OK">, optionsAt: 0 }),
    bgsave: command({ args: (options?: RouteOption) => ["BGSAVE"], reply: perNode(toText), stringReply: true, optionsAt: 0 }),
    bgsaveSchedule: command({
        args: (options?: RouteOption) => ["BGSAVE", "SCHEDULE"],
        reply: perNode(toText),
        stringReply: true,
        optionsAt: 0,
    }),
    bgsaveCancel: command({
        args: (options?: RouteOption) => ["BGSAVE", "CANCEL"],
        reply: perNode(toText),
        stringReply: true,
        optionsAt: 0,
    }),
    bgrewriteaof: command({ args: (options?: RouteOption) => ["BGREWRITEAOF"], reply: perNode(toText), stringReply: true, optionsAt: 0 }),
    memoryDoctor: command({ args: (options?: RouteOption) => ["MEMORY", "DOCTOR"], reply: perNode(toText), stringReply: true, optionsAt: 0 }),
    memoryMallocStats: command({
        args: (options?: RouteOption) => ["MEMORY", "MALLOC-STATS"],
        reply: perNode(toText),
        stringReply: true,
        optionsAt: 0,
    }),
    memoryPurge: command({ args: (options?: RouteOption) => ["MEMORY", "PURGE"], reply: as<"OK">, optionsAt: 0 }),
    latencyReset: command({
        args: (events?: GlideString[], options?: RouteOption) => ["LATENCY", "RESET", ...(events ?? [])],
        reply: as<number>,
        optionsAt: 1,
    }),
    clientPause: command({
        args: (timeout: number, mode?: ClientPauseMode, options?: RouteOption & DecoderOption) =>
            mode === undefined ? ["CLIENT", "PAUSE", timeout] : ["CLIENT", "PAUSE", timeout, mode],
        reply: as<"OK">,
        optionsAt: 2,
    }),
    lolwut: command({
        args: (options?: LolwutOptions & RouteOption) => [
            "LOLWUT",
            ...(options?.version === undefined ? [] : ["VERSION", options.version]),
            ...(options?.parameters ?? []),
        ],
        reply: perNode((reply) => lolwut(reply) as string),
        optionsAt: 0,
    }),
    functionRestore: command({
        args: (payload: Buffer, options?: { policy?: FunctionRestorePolicy } & RouteOption) =>
            options?.policy === undefined ? ["FUNCTION", "RESTORE", payload] : ["FUNCTION", "RESTORE", payload, options.policy],
        reply: as<"OK">,
        optionsAt: 1,
    }),
    clientUnpause: command({ args: (options?: RouteOption & DecoderOption) => ["CLIENT", "UNPAUSE"], reply: as<"OK">, optionsAt: 0 }),
    scriptExists: command({
        args: (sha1s: GlideString[], options?: RouteOption) => ["SCRIPT", "EXISTS", ...sha1s],
        reply: perNode((reply) => (reply as unknown[]).map((exists) => toBoolean(exists as number))),
        optionsAt: 1,
    }),
    scriptFlush: command({
        args: (options?: { mode?: FlushMode } & RouteOption) =>
            options?.mode === undefined ? ["SCRIPT", "FLUSH"] : ["SCRIPT", "FLUSH", options.mode],
        reply: as<"OK">,
        optionsAt: 0,
    }),
    scriptKill: command({ args: (options?: RouteOption) => ["SCRIPT", "KILL"], reply: as<"OK">, optionsAt: 0 }),
    functionLoad: command({
        args: (libraryCode: GlideString, options?: { replace?: boolean } & RouteOption & DecoderOption) =>
            options?.replace ? ["FUNCTION", "LOAD", "REPLACE", libraryCode] : ["FUNCTION", "LOAD", libraryCode],
        reply: as<GlideString>,
        optionsAt: 1,
    }),
    functionDelete: command({
        args: (libraryCode: GlideString, options?: RouteOption) => ["FUNCTION", "DELETE", libraryCode],
        reply: as<"OK">,
        optionsAt: 1,
    }),
    functionFlush: command({
        args: (options?: { mode?: FlushMode } & RouteOption) =>
            options?.mode === undefined ? ["FUNCTION", "FLUSH"] : ["FUNCTION", "FLUSH", options.mode],
        reply: as<"OK">,
        optionsAt: 0,
    }),
    functionKill: command({ args: (options?: RouteOption) => ["FUNCTION", "KILL"], reply: as<"OK">, optionsAt: 0 }),
    functionDump: command({
        args: (options?: RouteOption) => ["FUNCTION", "DUMP"],
        reply: perNode(as<Buffer>),
        bytesReply: true,
        optionsAt: 0,
    }),
    // Without a route: CLIENT TRACKINGINFO and FUNCTION LIST go to a random node, MEMORY STATS and
    // LATENCY to every primary, FUNCTION STATS to every node (as GLIDE sends them), one record per node.
    clientTrackingInfo: command({
        args: (options?: RouteOption) => ["CLIENT", "TRACKINGINFO"],
        reply: perNode(toClientTrackingInfo),
        optionsAt: 0,
    }),
    functionList: command({
        args: (options?: FunctionListOptions & DecoderOption & RouteOption) => functionListArgs(options),
        reply: perNode(toFunctionList),
        optionsAt: 0,
    }),
    functionStats: command({
        args: (options?: RouteOption & DecoderOption) => ["FUNCTION", "STATS"],
        reply: perNode(toFunctionStats),
        optionsAt: 0,
    }),
    memoryStats: command({
        args: (options?: RouteOption) => ["MEMORY", "STATS"],
        reply: perNode(toMemoryStats),
        stringReply: true,
        optionsAt: 0,
    }),
    latencyHistory: command({
        args: (event: GlideString, options?: RouteOption) => ["LATENCY", "HISTORY", event],
        reply: perNode(toLatencyHistory),
        optionsAt: 1,
    }),
    latencyLatest: command({
        args: (options?: RouteOption) => ["LATENCY", "LATEST"],
        reply: perNode(toLatencyLatest),
        optionsAt: 0,
    }),
    fcallWithRoute: command({
        args: (func: GlideString, args: GlideString[], options?: RouteOption & DecoderOption) => fcallArgs("FCALL", func, args),
        reply: perNode(genericReply),
        optionsAt: 2,
    }),
    fcallReadonlyWithRoute: command({
        args: (func: GlideString, args: GlideString[], options?: RouteOption & DecoderOption) => fcallArgs("FCALL_RO", func, args),
        reply: perNode(genericReply),
        optionsAt: 2,
    }),
};

/** FCALL with no keys: the route says where it runs. */
function fcallArgs(name: string, func: GlideString, args: GlideString[]): CommandArg[] {
    return [name, func, 0, ...args];
}
