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

/** One node's NUMSUB / SHARDNUMSUB reply (array on RESP2, map on RESP3) as GLIDE's list. */
export function channelCounts(reply: RespValue): ChannelCount[] {
    const flat = flatPairs(reply);
    const counts: ChannelCount[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) counts.push({ channel: flat[i] as GlideString, numSub: toNumber(flat[i + 1]) });
    return counts;
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
