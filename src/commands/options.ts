/** Option types and enums shared by several command families (names and values as in GLIDE's API). */
import type { GlideString, ObjectType } from "./types";

export enum TimeUnit {
    Seconds = "EX",
    Milliseconds = "PX",
    UnixSeconds = "EXAT",
    UnixMilliseconds = "PXAT",
}

export enum ExpireOptions {
    HasNoExpiry = "NX",
    HasExistingExpiry = "XX",
    NewExpiryGreaterThanCurrent = "GT",
    NewExpiryLessThanCurrent = "LT",
}

export enum ConditionalChange {
    ONLY_IF_EXISTS = "XX",
    ONLY_IF_DOES_NOT_EXIST = "NX",
}

export enum FlushMode {
    SYNC = "SYNC",
    ASYNC = "ASYNC",
}

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

export type SetOptions = (
    | { conditionalSet?: "onlyIfExists" | "onlyIfDoesNotExist" }
    | { conditionalSet: "onlyIfEqual"; comparisonValue: GlideString }
) & {
    returnOldValue?: boolean;
    expiry?: "keepExisting" | { type: TimeUnit; count: number };
};

export interface RestoreOptions {
    replace?: boolean;
    absttl?: boolean;
    idletime?: number;
    frequency?: number;
}

export interface BaseScanOptions {
    match?: GlideString;
    readonly count?: number;
}

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

export interface MigrateOptions {
    /** Keep the key on the source. */
    copy?: boolean;
    /** Overwrite the key on the destination. */
    replace?: boolean;
    /** Authenticates to the destination (AUTH, or AUTH2 with `username`). */
    password?: string;
    username?: string;
}
