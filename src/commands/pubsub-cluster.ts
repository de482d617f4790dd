/**
 * PUBSUB introspection on a cluster: each node answers for itself, so the client asks every node
 * (shard channels: every primary) and combines: channel lists as a union, counts summed.
 */
import { nameKey } from "../pubsub/names";
import { flatPairs, toNumber } from "./replies";
import type { GlideString } from "./types";
import type { RespValue } from "../protocol/types";

export interface ChannelCount {
    channel: GlideString;
    numSub: number;
}

/** A NUMSUB / SHARDNUMSUB reply (array on RESP2, map on RESP3) as { channel, numSub } pairs, in server order. */
export function channelCountPairs(reply: RespValue): ChannelCount[] {
    const flat = flatPairs(reply);
    const counts: ChannelCount[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) counts.push({ channel: flat[i] as GlideString, numSub: toNumber(flat[i + 1]) });
    return counts;
}

/** Counts with one entry per channel, summed (GLIDE's client methods read the reply as a map). */
function merged(counts: Iterable<ChannelCount>): ChannelCount[] {
    const byKey = new Map<string, ChannelCount>();
    for (const { channel, numSub } of counts) {
        const key = nameKey(channel);
        const entry = byKey.get(key);
        if (entry === undefined) byKey.set(key, { channel, numSub });
        else entry.numSub += numSub;
    }
    return [...byKey.values()];
}

/** One reply's counts as GLIDE's client methods give them: a channel asked twice is one entry, counted twice. */
export function channelCounts(reply: RespValue): ChannelCount[] {
    return merged(channelCountPairs(reply));
}

/** Several nodes' NUMSUB replies as one, for a pipeline's later conversion: [channel, count, …]; a reply that failed (undecodable) fails it. */
export function summedCounts(replies: RespValue[]): RespValue[] | Error {
    const failed = replies.find((reply) => reply instanceof Error);
    if (failed !== undefined) return failed as Error;
    return merged(replies.flatMap(channelCountPairs)).flatMap(({ channel, numSub }) => [channel, numSub]);
}

/** Several nodes' channel lists as one, each name once (by bytes); a reply that failed fails it. */
export function unionOfNames(replies: RespValue[]): GlideString[] | Error {
    const failed = replies.find((reply) => reply instanceof Error);
    if (failed !== undefined) return failed as Error;
    return unionOfChannels(Object.fromEntries(replies.map((reply, index) => [index, reply])));
}

/** The counts as GLIDE's batch gives them: a GlideRecord. */
export function countsAsRecord(counts: ChannelCount[]): { key: GlideString; value: number }[] {
    return counts.map(({ channel, numSub }) => ({ key: channel, value: numSub }));
}

/** The channels any node reported, each once (by bytes), in first-seen order. */
export function unionOfChannels(perNode: Record<string, unknown>): GlideString[] {
    const seen = new Map<string, GlideString>();
    for (const channels of Object.values(perNode)) {
        for (const channel of channels as GlideString[]) {
            const key = nameKey(channel);
            if (!seen.has(key)) seen.set(key, channel);
        }
    }
    return [...seen.values()];
}

/** Subscriber counts per channel, summed over the nodes, in the order the channels were asked. */
export function sumOfCounts(perNode: Record<string, unknown>): ChannelCount[] {
    let total: ChannelCount[] | undefined;
    const byKey = new Map<string, ChannelCount>();
    for (const counts of Object.values(perNode) as ChannelCount[][]) {
        if (total === undefined) {
            total = counts.map(({ channel, numSub }) => ({ channel, numSub }));
            for (const entry of total) byKey.set(nameKey(entry.channel), entry);
            continue;
        }
        for (const { channel, numSub } of counts) {
            const entry = byKey.get(nameKey(channel));
            if (entry !== undefined) entry.numSub += numSub;
            else {
                const added = { channel, numSub };
                byKey.set(nameKey(channel), added);
                total.push(added);
            }
        }
    }
    return total ?? [];
}
