/**
 * Batch methods that GLIDE's Batch has and its clients do not (or not in this form): the batch
 * spellings `expireTime` / `pexpireTime`, publishing and PUBSUB introspection, sharded pub/sub on
 * ClusterBatch. Each reuses an existing definition where there is one.
 */
import { genericCommands } from "../commands/generic";
import { clusterBatchPubSubCommands, standalonePubSubCommands } from "../commands/pubsub";

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
export const clusterBatchOnlyCommands = clusterBatchPubSubCommands;
