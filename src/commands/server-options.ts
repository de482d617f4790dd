/** Public option types, reply shapes and classes of the server, scripting and function commands. */
import type { GlideString } from "./types";

/** FUNCTION LIST's options: a library-name pattern and whether to include the code. */
export interface FunctionListOptions {
    /** Only libraries whose name matches this glob-style pattern. */
    libNamePattern?: GlideString;
    /** Include each library's source code (`library_code`). */
    withCode?: boolean;
}

/** One record per library: library_name, engine, functions (name, description, flags), library_code. */
export type FunctionListResponse = Record<string, GlideString | Record<string, GlideString | null | GlideString[]>[]>[];

/** FUNCTION STATS of one node: running_script (null when idle) and engines (counts per engine). */
export type FunctionStatsSingleResponse = Record<
    string,
    null | Record<string, GlideString | GlideString[] | number> | Record<string, Record<string, number>>
>;

/** FUNCTION STATS per node, keyed by the node's address. */
export type FunctionStatsFullResponse = Record<string, FunctionStatsSingleResponse>;

/** One LATENCY HISTORY sample. */
export class LatencyEntry {
    /** Unix time of the sample, in seconds. */
    readonly time: number = 0;
    /** Latency of the event, in milliseconds. */
    readonly latency: number = 0;
}

/** One LATENCY LATEST event. */
export class LatencyEventInfo {
    readonly eventName: string = "";
    readonly latestTime: number = 0;
    readonly latestDuration: number = 0;
    readonly maxDuration: number = 0;
    /** Only reported by servers that track it (Valkey 8.1+). */
    readonly sum?: number;
    readonly count?: number;
}

/** The reply of CLIENT TRACKINGINFO. */
export class ClientTrackingInfo {
    constructor(
        readonly flags: Set<string>,
        readonly redirect: number,
        readonly prefixes: Set<string>,
    ) {}
}

/** FAILOVER's options: the replica to hand over to, aborting one in progress, and a timeout. */
export interface FailoverOptions {
    /** The replica to hand over to; `force` fails over even if it has not caught up. */
    to?: { host: string; port: number; force?: boolean };
    /** Stops a failover in progress. */
    abort?: boolean;
    timeoutMs?: number;
}

/** MEMORY STATS's overhead figures for one database. */
export interface MemoryStatsDb {
    overheadHashtableExpires: number;
    overheadHashtableMain: number;
}

/** MEMORY STATS with the server's dotted field names in camelCase ("keys.bytes-per-key" → keysBytesPerKey). */
export interface MemoryStats {
    db: Record<number, MemoryStatsDb>;
    allocatorActive: number;
    allocatorAllocated: number;
    allocatorFragmentationBytes: number;
    allocatorResident: number;
    allocatorRssBytes: number;
    aofBuffer: number;
    clientsNormal: number;
    clientsSlaves: number;
    datasetBytes: number;
    fragmentationBytes: number;
    keysBytesPerKey: number;
    keysCount: number;
    luaCaches: number;
    overheadTotal: number;
    peakAllocated: number;
    replicationBacklog: number;
    rssOverheadBytes: number;
    startupAllocated: number;
    totalAllocated: number;
    allocatorFragmentationRatio: number;
    allocatorRssRatio: number;
    datasetPercentage: number;
    fragmentation: number;
    peakPercentage: number;
    rssOverheadRatio: number;
    clusterLinks?: number;
    functionsCaches?: number;
    allocatorMuzzy?: number;
    dbDictRehashingCount?: number;
    overheadDbHashtableLut?: number;
    overheadDbHashtableRehashing?: number;
}
