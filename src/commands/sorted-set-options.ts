/** Option types and enums of the sorted-set commands (as in GLIDE's API). */
import type { Boundary, BaseScanOptions, ConditionalChange } from "./options";
import type { GlideString } from "./types";

/** ZADD's GT / LT: only update an existing member when its new score is greater / less. */
export enum UpdateByScore {
    LESS_THAN = "LT",
    GREATER_THAN = "GT",
}

/** ZADD's options: conditions on existence and on the score change, and counting changed members. */
export interface ZAddOptions {
    conditionalChange?: ConditionalChange;
    updateOptions?: UpdateByScore;
    /** Count changed members (CH), not only added ones. */
    changed?: boolean;
}

/** A sorted set's key and the weight its scores are multiplied by (ZINTER/ZUNION WEIGHTS). */
export type KeyWeight = [GlideString, number];

/** How ZUNION / ZINTER combine a member's scores across sets. */
export type AggregationType = "SUM" | "MIN" | "MAX";

/** Which end ZMPOP / BZMPOP pop from. */
export enum ScoreFilter {
    MAX = "MAX",
    MIN = "MIN",
}

/** A range of ranks (0-based, negative counts from the end). */
export interface RangeByIndex {
    start: number;
    end: number;
}

interface SortedSetRange<T> {
    start: Boundary<T>;
    end: Boundary<T>;
    limit?: {
        offset: number;
        count: number;
    };
}

/** A sorted-set range by score, optionally paged. */
export type RangeByScore = SortedSetRange<number> & {
    type: "byScore";
};

/** A sorted-set range by member name (for members of equal score), optionally paged. */
export type RangeByLex = SortedSetRange<GlideString> & {
    type: "byLex";
};

/** ZSCAN's options: those of every scan, plus leaving the scores out. */
export type ZScanOptions = BaseScanOptions & {
    /** Members only (NOSCORES, Valkey 8.0+). */
    readonly noScores?: boolean;
};
