/**
 * Publishing and PUBSUB introspection with GlideClient's (standalone) signatures, and the forms
 * ClusterBatch has. pubsubChannels, pubsubNumPat and pubsubNumSub are BaseClient methods in GLIDE:
 * BaseClient runs these definitions, and the cluster client overrides them to ask every node and
 * combine the replies.
 */
import { as, command, FIRST_KEY } from "./core";
import { channelCountPairs, channelCounts, countsAsRecord } from "./pubsub-cluster";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** PUBSUB CHANNELS / SHARDCHANNELS: as GLIDE, an empty pattern is no pattern. */
export function channelsArgs(subcommand: string, pattern: GlideString | undefined): CommandArg[] {
    return pattern ? ["PUBSUB", subcommand, pattern] : ["PUBSUB", subcommand];
}

/**
 * PUBSUB NUMSUB / SHARDNUMSUB: GLIDE's client method gives { channel, numSub } (a channel asked
 * twice once), its batch the reply as a GlideRecord of { key, value }.
 */
function countsCommand(subcommand: string) {
    return command({
        args: (channels: GlideString[], options?: DecoderOption) => ["PUBSUB", subcommand, ...(channels ?? [])],
        batchArgs: (channels: GlideString[]) => ["PUBSUB", subcommand, ...(channels ?? [])],
        reply: channelCounts,
        batchReply: (reply) => countsAsRecord(channelCountPairs(reply)),
        optionsAt: 1,
    });
}

export const standalonePubSubCommands = {
    publish: command({
        args: (message: GlideString, channel: GlideString) => ["PUBLISH", channel, message],
        reply: as<number>,
    }),
    pubsubChannels: command({
        args: (options?: { pattern?: GlideString } & DecoderOption) => channelsArgs("CHANNELS", options?.pattern),
        batchArgs: (pattern?: GlideString) => channelsArgs("CHANNELS", pattern),
        reply: as<GlideString[]>,
        optionsAt: 0,
    }),
    pubsubNumPat: command({ args: () => ["PUBSUB", "NUMPAT"], reply: as<number> }),
    pubsubNumSub: countsCommand("NUMSUB"),
};

/** On ClusterBatch: `sharded` publishes with SPUBLISH; either goes to the channel's slot, as GLIDE routes them. */
export const clusterBatchPubSubCommands = {
    publish: command({
        args: (message: GlideString, channel: GlideString, sharded?: boolean) => [sharded ? "SPUBLISH" : "PUBLISH", channel, message],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    pubsubShardChannels: command({
        args: (pattern?: GlideString) => channelsArgs("SHARDCHANNELS", pattern),
        reply: as<GlideString[]>,
    }),
    pubsubShardNumSub: countsCommand("SHARDNUMSUB"),
};
