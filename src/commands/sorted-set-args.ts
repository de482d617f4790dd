/** Argument builders of the sorted-set commands: scores, range ends, ranges, key lists. */
import { ConditionalChange, InfBoundary, type Boundary } from "./options";
import type {
    AggregationType,
    KeyWeight,
    RangeByIndex,
    RangeByLex,
    RangeByScore,
    ZAddOptions,
} from "./sorted-set-options";
import type { ElementAndScore, GlideString, Score } from "./types";
import type { CommandArg } from "../protocol/types";

/** A score as the server writes it: ±Infinity as "+inf" / "-inf". */
export function scoreText(score: Score): string {
    if (score === Infinity) return "+inf";
    if (score === -Infinity) return "-inf";
    return String(score);
}

/** ZADD's options then its score/member pairs. */
export function zaddArgs(
    key: GlideString,
    membersAndScores: ElementAndScore[] | Record<string, Score>,
    options: ZAddOptions | undefined,
    incr: boolean,
): CommandArg[] {
    // Refused before sending, as GLIDE does (the server would refuse it in its own words).
    if (options?.conditionalChange === ConditionalChange.ONLY_IF_DOES_NOT_EXIST && options.updateOptions) {
        throw new Error(`The GT, LT, and NX options are mutually exclusive. Cannot choose both ${options.updateOptions} and NX.`);
    }
    const args: CommandArg[] = ["ZADD", key];
    if (options?.conditionalChange !== undefined) args.push(options.conditionalChange);
    if (options?.updateOptions !== undefined) args.push(options.updateOptions);
    if (options?.changed) args.push("CH");
    if (incr) args.push("INCR");
    if (Array.isArray(membersAndScores)) {
        for (const { element, score } of membersAndScores) args.push(scoreText(score), element);
    } else {
        for (const [member, score] of Object.entries(membersAndScores)) args.push(scoreText(score), member);
    }
    return args;
}

/** A score range end: "-inf" / "+inf", "(5" (exclusive) or "5". */
export function scoreBoundaryArg(boundary: Boundary<number>): string {
    if (boundary === InfBoundary.PositiveInfinity) return "+inf";
    if (boundary === InfBoundary.NegativeInfinity) return "-inf";
    const score = scoreText(boundary.value);
    return boundary.isInclusive === false ? `(${score}` : score;
}

/** A lex range end: "-" / "+", "(a" (exclusive) or "[a". */
export function lexBoundaryArg(boundary: Boundary<GlideString>): GlideString {
    if (boundary === InfBoundary.PositiveInfinity || boundary === InfBoundary.NegativeInfinity) return boundary;
    const prefix = boundary.isInclusive === false ? "(" : "[";
    const value = boundary.value;
    return typeof value === "string" ? prefix + value : Buffer.concat([Buffer.from(prefix), value]);
}

/**
 * ZRANGE / ZRANGESTORE arguments after the key(s): start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count].
 * The ends go to the server in the order given (with `reverse`, the higher end comes first).
 */
export function rangeArgs(rangeQuery: RangeByScore | RangeByLex | RangeByIndex, reverse: boolean): CommandArg[] {
    const args: CommandArg[] = [];
    if (!("type" in rangeQuery)) {
        args.push(rangeQuery.start, rangeQuery.end);
    } else if (rangeQuery.type === "byScore") {
        args.push(scoreBoundaryArg(rangeQuery.start), scoreBoundaryArg(rangeQuery.end), "BYSCORE");
    } else {
        args.push(lexBoundaryArg(rangeQuery.start), lexBoundaryArg(rangeQuery.end), "BYLEX");
    }
    if (reverse) args.push("REV");
    if ("limit" in rangeQuery && rangeQuery.limit !== undefined) {
        args.push("LIMIT", rangeQuery.limit.offset, rangeQuery.limit.count);
    }
    return args;
}

/** numkeys key … [WEIGHTS w …] [AGGREGATE x] of ZINTER/ZUNION(STORE). */
export function weightedKeysArgs(keys: GlideString[] | KeyWeight[], aggregationType?: AggregationType): CommandArg[] {
    const args: CommandArg[] = [keys.length];
    const weights: number[] = [];
    for (const entry of keys) {
        if (Array.isArray(entry)) {
            args.push(entry[0]);
            weights.push(entry[1]);
        } else {
            args.push(entry);
        }
    }
    if (weights.length > 0) args.push("WEIGHTS", ...weights);
    if (aggregationType !== undefined) args.push("AGGREGATE", aggregationType);
    return args;
}
