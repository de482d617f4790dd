/** Option types and enums shared by several command families (names and values as in GLIDE's API). */
import type { GlideString, ObjectType } from "./types";

/** How an expiry is given: relative seconds or milliseconds, or an absolute Unix time in either. */
export enum TimeUnit {
    Seconds = "EX",
    Milliseconds = "PX",
    UnixSeconds = "EXAT",
    UnixMilliseconds = "PXAT",
}

/** When EXPIRE and its relatives change an expiry: only without one, only with one, or only to a later or earlier time. */
export enum ExpireOptions {
    HasNoExpiry = "NX",
    HasExistingExpiry = "XX",
    NewExpiryGreaterThanCurrent = "GT",
    NewExpiryLessThanCurrent = "LT",
}

/** Write only when the key (or member) exists already, or only when it does not. */
export enum ConditionalChange {
    ONLY_IF_EXISTS = "XX",
    ONLY_IF_DOES_NOT_EXIST = "NX",
}

/** Whether FLUSHALL / FLUSHDB and their function and script relatives free memory before replying (SYNC) or in the background (ASYNC). */
export enum FlushMode {
    SYNC = "SYNC",
    ASYNC = "ASYNC",
}

/** The sections INFO can report. */
export enum InfoOptions {
    Server = "server",
    Clients = "clients",
    Memory = "memory",
    Persistence = "persistence",
    Stats = "stats",
    Replication = "replication",
    Cpu = "cpu",
    Commandstats = "commandstats",
    Latencystats = "latencystats",
    Sentinel = "sentinel",
    Cluster = "cluster",
    Modules = "modules",
    Keyspace = "keyspace",
    Errorstats = "errorstats",
    All = "all",
    Default = "default",
    Everything = "everything",
}

/** SET's options: a condition to write under, returning the old value, and the expiry to give the key. */
export type SetOptions = (
    | { conditionalSet?: "onlyIfExists" | "onlyIfDoesNotExist" }
    | { conditionalSet: "onlyIfEqual"; comparisonValue: GlideString }
) & {
    returnOldValue?: boolean;
    expiry?: "keepExisting" | { type: TimeUnit; count: number };
};

/** RESTORE's options: overwrite an existing key, read the TTL as an absolute time, and set the idle time or access frequency. */
export interface RestoreOptions {
    replace?: boolean;
    absttl?: boolean;
    idletime?: number;
    frequency?: number;
}

/** What every SCAN-family command takes: a glob pattern to match and a hint of how many elements per page. */
export interface BaseScanOptions {
    match?: GlideString;
    readonly count?: number;
}

/** SCAN's options: those of every scan, plus the value type keys must have. */
export interface ScanOptions extends BaseScanOptions {
    type?: ObjectType;
}

/** The open ends of a range (sorted-set scores and lex ranges, stream ids). */
export enum InfBoundary {
    PositiveInfinity = "+",
    NegativeInfinity = "-",
}

/** One end of a range: infinite, or a value (inclusive unless `isInclusive` is false). */
export type Boundary<T> =
    | InfBoundary
    | {
          value: T;
          isInclusive?: boolean;
      };

/** Result order of SORT and GEOSEARCH. */
export enum SortOrder {
    ASC = "ASC",
    DESC = "DESC",
}

/** A page of results: skip `offset`, return at most `count`. */
export interface Limit {
    offset: number;
    count: number;
}

/** SORT's options: what to sort by, a page of the result, which values to return, the order and string comparison. */
export interface SortOptions {
    /** Sort by the values of the keys this pattern names (`*` is the element); a pattern without `*` skips sorting. */
    byPattern?: GlideString;
    limit?: Limit;
    /** Return the values of the keys these patterns name instead of the elements (`#` is the element itself). */
    getPatterns?: GlideString[];
    orderBy?: SortOrder;
    /** Compare elements as strings, not numbers. */
    isAlpha?: boolean;
}

/** MIGRATE's options: copy rather than move, overwrite on the destination, and the destination's credentials. */
export interface MigrateOptions {
    /** Keep the key on the source. */
    copy?: boolean;
    /** Overwrite the key on the destination. */
    replace?: boolean;
    /** Authenticates to the destination (AUTH, or AUTH2 with `username`). */
    password?: string;
    username?: string;
}
