/**
 * Publishing and PUBSUB introspection with GlideClient's (standalone) signatures. pubsubChannels,
 * pubsubNumPat and pubsubNumSub are BaseClient methods in GLIDE: BaseClient runs these definitions,
 * and the cluster client overrides them to ask every node and combine the replies.
 */
import { as, command } from "./core";
import { flatPairs, toNumber } from "./replies";
import type { DecoderOption, GlideString } from "./types";

export const standalonePubSubCommands = {
    publish: command({
        args: (message: GlideString, channel: GlideString) => ["PUBLISH", channel, message],
        reply: as<number>,
    }),
    pubsubChannels: command({
        args: (options?: { pattern?: GlideString } & DecoderOption) =>
            options?.pattern === undefined ? ["PUBSUB", "CHANNELS"] : ["PUBSUB", "CHANNELS", options.pattern],
        batchArgs: (pattern?: GlideString) => (pattern === undefined ? ["PUBSUB", "CHANNELS"] : ["PUBSUB", "CHANNELS", pattern]),
        reply: as<GlideString[]>,
        optionsAt: 0,
    }),
    pubsubNumPat: command({ args: () => ["PUBSUB", "NUMPAT"], reply: as<number> }),
    pubsubNumSub: command({
        args: (channels: GlideString[], options?: DecoderOption) => ["PUBSUB", "NUMSUB", ...channels],
        reply: (reply) => {
            const flat = flatPairs(reply);
            const counts: { channel: GlideString; numSub: number }[] = [];
            for (let i = 0; i + 1 < flat.length; i += 2) counts.push({ channel: flat[i] as GlideString, numSub: toNumber(flat[i + 1]) });
            return counts;
        },
        optionsAt: 1,
    }),
};
