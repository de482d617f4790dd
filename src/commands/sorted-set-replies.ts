/** Reply converters of the sorted-set commands: the same shapes from RESP2 and RESP3 replies. */
import type { RespValue } from "../protocol/types";
import { flatPairs, toGlideRecord, toNumber } from "./replies";
import type { KeyWeight } from "./sorted-set-options";
import type { GlideRecord, GlideString, SortedSetDataType } from "./types";

/** Member/score pairs (flat on RESP2, [member, score] pairs on RESP3) as { element, score } entries. */
export function toSortedSetData(reply: RespValue): SortedSetDataType {
    const flat = flatPairs(reply);
    const data: SortedSetDataType = new Array(flat.length >>> 1);
    for (let i = 0, j = 0; i < flat.length; i += 2, j++) {
        data[j] = { element: flat[i] as GlideString, score: toNumber(flat[i + 1]) };
    }
    return data;
}

/**
 * The batch form of member/score pairs: GLIDE's client methods reshape them into { element, score }
 * entries, its batches leave them as the core gives them, { key, value } entries.
 */
export function toScoreRecord(reply: RespValue): GlideRecord<number> {
    return toGlideRecord(reply, toNumber);
}

/** Member/score pairs as [member, score] tuples (ZRANDMEMBER … WITHSCORES). */
export function toMemberScorePairs(reply: RespValue): KeyWeight[] {
    const flat = flatPairs(reply);
    const pairs: KeyWeight[] = new Array(flat.length >>> 1);
    for (let i = 0, j = 0; i < flat.length; i += 2, j++) pairs[j] = [flat[i] as GlideString, toNumber(flat[i + 1])];
    return pairs;
}

/** ZRANK … WITHSCORE: [rank, score], or null for a missing member. */
export function toRankAndScore(reply: RespValue): [number, number] | null {
    if (reply === null) return null;
    const [rank, score] = reply as RespValue[];
    return [toNumber(rank), toNumber(score)];
}

/** BZPOPMIN / BZPOPMAX: [key, member, score], or null at the timeout. */
export function toKeyMemberScore(reply: RespValue): [GlideString, GlideString, number] | null {
    if (reply === null) return null;
    const [key, member, score] = reply as RespValue[];
    return [key as GlideString, member as GlideString, toNumber(score)];
}

/** ZMPOP / BZMPOP: [key, popped members], or null when nothing was popped. */
export function toKeyAndSortedSetData(reply: RespValue): [GlideString, SortedSetDataType] | null {
    if (reply === null) return null;
    const [key, popped] = reply as RespValue[];
    return [key as GlideString, toSortedSetData(popped)];
}

/** ZMPOP / BZMPOP in a batch: the popped members as { key, value } entries (see toScoreRecord). */
export function toKeyAndScoreRecord(reply: RespValue): [GlideString, GlideRecord<number>] | null {
    if (reply === null) return null;
    const [key, popped] = reply as RespValue[];
    return [key as GlideString, toScoreRecord(popped)];
}
