/**
 * Batch methods that GLIDE's Batch has and its clients do not (or not in this form): the batch
 * spellings `expireTime` / `pexpireTime`, publishing and PUBSUB introspection, sharded pub/sub on
 * ClusterBatch. Each reuses an existing definition where there is one.
 */
import { as, command } from "../commands/core";
import { genericCommands } from "../commands/generic";
import { standalonePubSubCommands } from "../commands/pubsub";
import type { GlideString } from "../commands/types";

const { publish, pubsubChannels, pubsubNumPat, pubsubNumSub } = standalonePubSubCommands;

/** On every batch. */
export const batchOnlyCommands = {
    expireTime: genericCommands.expiretime,
    pexpireTime: genericCommands.pexpiretime,
    pubsubChannels,
    pubsubNumPat,
    pubsubNumSub,
};

/** On Batch (standalone). */
export const standaloneBatchOnlyCommands = { publish };

/** On ClusterBatch: `sharded` publishes with SPUBLISH. */
export const clusterBatchOnlyCommands = {
    publish: command({
        args: (message: GlideString, channel: GlideString, sharded?: boolean) => [sharded ? "SPUBLISH" : "PUBLISH", channel, message],
        reply: as<number>,
    }),
    pubsubShardChannels: command({
        args: (pattern?: GlideString) => (pattern === undefined ? ["PUBSUB", "SHARDCHANNELS"] : ["PUBSUB", "SHARDCHANNELS", pattern]),
        reply: as<GlideString[]>,
    }),
    pubsubShardNumSub: command({
        args: (channels: GlideString[]) => ["PUBSUB", "SHARDNUMSUB", ...channels],
        reply: pubsubNumSub.reply,
    }),
};
