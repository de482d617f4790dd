/**
 * Pub/sub calls that answer at once: publishing, PUBSUB introspection, getSubscriptions and
 * tryGetPubSubMessage of an idle client, and the commands GLIDE's core answers itself through
 * customCommand (GET_SUBSCRIPTIONS, SUBSCRIBE … SUNSUBSCRIBE and their *_BLOCKING forms).
 *
 * Subscribers for the introspection cases: setup runs through GLIDE's admin client, whose
 * customCommand(["SUBSCRIBE_BLOCKING", …, timeout]) subscribes that client and waits for the
 * server's confirmation; teardown unsubscribes it again (the admin client outlives every case).
 * Everything that needs a subscriber of the side under test is in ../pubsub.test.ts.
 */
import { BIN, type Case, type Family, type SetupCommand } from "./types";

const CH = "{dk}news";
const CH2 = "{dk}sport";
const PATTERN = "{dk}n*";

const WAIT_MS = "3000";
const subscribed = (...channels: string[]): SetupCommand[] => [["SUBSCRIBE_BLOCKING", ...channels, WAIT_MS]];
const patternSubscribed = (...patterns: string[]): SetupCommand[] => [["PSUBSCRIBE_BLOCKING", ...patterns, WAIT_MS]];
const shardSubscribed = (...channels: string[]): SetupCommand[] => [["SSUBSCRIBE_BLOCKING", ...channels, WAIT_MS]];
const unsubscribed: SetupCommand[] = [
    ["UNSUBSCRIBE_BLOCKING", WAIT_MS],
    ["PUNSUBSCRIBE_BLOCKING", WAIT_MS],
];
const shardUnsubscribed: SetupCommand[] = [["SUNSUBSCRIBE_BLOCKING", WAIT_MS]];

/** The entries of a GET_SUBSCRIPTIONS reply and their names in one order (GLIDE's come in hash order). */
export function subscriptionsInOrder(value: unknown): unknown {
    if (!Array.isArray(value) || value.length !== 4) return value;
    const text = (x: unknown) => (Buffer.isBuffer(x) ? x.toString("latin1") : String(x));
    const modes = (entries: unknown) =>
        Array.isArray(entries)
            ? [...entries]
                  .map((entry: { key: unknown; value: unknown }) => ({
                      key: entry.key,
                      value: Array.isArray(entry.value) ? [...entry.value].sort((x, y) => text(x).localeCompare(text(y))) : entry.value,
                  }))
                  .sort((x, y) => text(x.key).localeCompare(text(y.key)))
            : entries;
    return [value[0], modes(value[1]), value[2], modes(value[3])];
}

/** Per-channel counts in one order (GLIDE reads the reply as a hash map): `{ channel, numSub }` or a batch's `{ key, value }`. */
export function countsInOrder(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    const name = (entry: { channel?: unknown; key?: unknown }) => {
        const channel = entry?.channel ?? entry?.key;
        return Buffer.isBuffer(channel) ? channel.toString("latin1") : String(channel);
    };
    return [...value].sort((x, y) => name(x).localeCompare(name(y)));
}

/** Channel lists in one order (GLIDE's cluster client unites the nodes' lists in hash order). */
export function channelsInOrder(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    const name = (x: unknown) => (Buffer.isBuffer(x) ? x.toString("latin1") : String(x));
    return [...value].sort((x, y) => name(x).localeCompare(name(y)));
}

/** GLIDE keeps a closed client's subscribed connection open: the server drops every subscriber after such a case (it may come back). */
const dropSubscribers: SetupCommand[] = [{ args: ["CLIENT", "KILL", "TYPE", "pubsub"], route: "allNodes" }];

/** customCommand cases of a command GLIDE's core answers; on a client of their own, which they change. */
function coreCommand(title: string, args: readonly string[], extra: Partial<Case> = {}): Case {
    return { method: "customCommand", title, args: [args], freshClient: true, teardown: dropSubscribers, normalize: subscriptionsInOrder, ...extra };
}

/**
 * Introspection on a cluster counts what the nodes asked know: an atomic batch without keys runs
 * on one random node in both libraries, so there only pipelines (which ask every node) compare.
 */
function onEveryKind(cases: Case[]): Case[] {
    return cases.flatMap((c): Case[] => {
        const cluster: Case = { ...c, only: "cluster", batchModes: ["pipeline"] };
        if (c.only === "cluster") return [cluster];
        if (c.only === "standalone") return [c];
        return [{ ...c, only: "standalone" }, cluster];
    });
}

const publishCases: Case[] = [
    { method: "publish", title: "no subscribers", args: ["hello", CH] },
    { method: "publish", title: "one subscriber", setup: subscribed(CH), teardown: unsubscribed, args: ["hello", CH] },
    { method: "publish", title: "pattern subscriber", setup: patternSubscribed(PATTERN), teardown: unsubscribed, args: ["hello", CH] },
    { method: "publish", title: "empty message", setup: subscribed(CH), teardown: unsubscribed, args: ["", CH] },
    { method: "publish", title: "binary message and channel", args: [BIN, BIN] },
    { method: "publish", title: "Buffer arguments", setup: subscribed(CH), teardown: unsubscribed, args: [Buffer.from("hi"), Buffer.from(CH)] },
    { method: "publish", title: "empty channel", args: ["hello", ""] },
    { method: "publish", title: "sharded flag on a standalone client", only: "standalone", args: ["hello", CH, true] },
    { method: "publish", title: "sharded, no subscribers", only: "cluster", args: ["hello", CH, true] },
    { method: "publish", title: "sharded, one subscriber", only: "cluster", setup: shardSubscribed(CH), teardown: shardUnsubscribed, args: ["hello", CH, true] },
    { method: "publish", title: "sharded to an exact subscriber", only: "cluster", setup: subscribed(CH), teardown: unsubscribed, args: ["hello", CH, true] },
    { method: "publish", title: "not sharded to a sharded subscriber", only: "cluster", setup: shardSubscribed(CH), teardown: shardUnsubscribed, args: ["hello", CH, false] },
    { method: "publish", title: "sharded undefined", only: "cluster", setup: subscribed(CH), teardown: unsubscribed, args: ["hello", CH, undefined] },
    { method: "publish", title: "sharded, binary channel", only: "cluster", args: [BIN, BIN, true] },
];

/** pubsubChannels / pubsubShardChannels: options on the client, the pattern alone on a batch. */
function channelListCases(method: "pubsubChannels" | "pubsubShardChannels", setup: SetupCommand[], teardown: SetupCommand[], only?: "cluster"): Case[] {
    const base = { method, setup, teardown, normalize: channelsInOrder, ...(only ? { only } : {}) };
    return [
        { ...base, title: "no options", args: [], batch: [] },
        { ...base, title: "undefined options", args: [undefined], batch: [undefined] },
        { ...base, title: "empty options", args: [{}], batch: [] },
        { ...base, title: "pattern matching", args: [{ pattern: "{dk}*" }], batch: ["{dk}*"] },
        { ...base, title: "pattern matching nothing", args: [{ pattern: "nothing*" }], batch: ["nothing*"] },
        { ...base, title: "Buffer pattern", args: [{ pattern: Buffer.from("{dk}n*") }], batch: [Buffer.from("{dk}n*")] },
        { ...base, title: "empty pattern", args: [{ pattern: "" }], batch: [""] },
        { ...base, title: "bytes decoder", args: ({ lib }) => [{ decoder: lib.Decoder.Bytes }], batch: [] },
        { ...base, title: "string decoder and pattern", args: ({ lib }) => [{ pattern: "*", decoder: lib.Decoder.String }], batch: ["*"] },
        { method, title: "no active channels", args: [], batch: [], ...(only ? { only } : {}) },
    ];
}

/** pubsubNumSub / pubsubShardNumSub: channels and a decoder on the client, the channels alone on a batch. */
function countCases(method: "pubsubNumSub" | "pubsubShardNumSub", setup: SetupCommand[], teardown: SetupCommand[], only?: "cluster"): Case[] {
    const base = { method, setup, teardown, normalize: countsInOrder, ...(only ? { only } : {}) };
    return [
        { ...base, title: "subscribed and not", args: [[CH, "{dk}nobody"]], batch: [[CH, "{dk}nobody"]] },
        { ...base, title: "two subscribed", args: [[CH2, CH]], batch: [[CH2, CH]] },
        { ...base, title: "no channels", args: [[]], batch: [[]] },
        { ...base, title: "the same channel twice", args: [[CH, CH]], batch: [[CH, CH]] },
        { ...base, title: "Buffer channel", args: [[Buffer.from(CH)]], batch: [[Buffer.from(CH)]] },
        { ...base, title: "binary channel", args: [[BIN]], batch: [[BIN]] },
        { ...base, title: "bytes decoder", args: ({ lib }) => [[CH], { decoder: lib.Decoder.Bytes }], batch: [[CH]] },
        { ...base, title: "string decoder", args: ({ lib }) => [[CH], { decoder: lib.Decoder.String }], batch: [[CH]] },
        { ...base, title: "undefined options", args: [[CH], undefined], batch: [[CH]] },
        { ...base, title: "null channels", args: [null], batch: [null] },
        { method, title: "nobody subscribed", args: [[CH]], batch: [[CH]], ...(only ? { only } : {}) },
    ];
}

const introspectionCases: Case[] = onEveryKind([
    ...channelListCases("pubsubChannels", subscribed(CH, CH2), unsubscribed),
    { method: "pubsubChannels", title: "pattern subscriptions are not channels", setup: patternSubscribed(PATTERN), teardown: unsubscribed, args: [], batch: [] },
    { method: "pubsubNumPat", title: "no patterns", args: [] },
    { method: "pubsubNumPat", title: "two patterns", setup: patternSubscribed(PATTERN, "{dk}s*"), teardown: unsubscribed, args: [] },
    { method: "pubsubNumPat", title: "channels are not patterns", setup: subscribed(CH), teardown: unsubscribed, args: [] },
    ...countCases("pubsubNumSub", subscribed(CH, CH2), unsubscribed),
    { method: "pubsubNumSub", title: "pattern subscribers are not counted", setup: patternSubscribed(PATTERN), teardown: unsubscribed, args: [[CH]], batch: [[CH]] },
    ...channelListCases("pubsubShardChannels", shardSubscribed(CH, CH2), shardUnsubscribed, "cluster"),
    ...countCases("pubsubShardNumSub", shardSubscribed(CH, CH2), shardUnsubscribed, "cluster"),
    { method: "pubsubShardNumSub", title: "exact subscribers are not counted", only: "cluster", setup: subscribed(CH), teardown: unsubscribed, args: [[CH]], batch: [[CH]] },
]);

const idleClientCases: Case[] = [
    { method: "getSubscriptions", title: "nothing subscribed", args: [], batch: false },
    { method: "getSubscriptions", title: "on a client of its own", args: [], batch: false, freshClient: true },
    { method: "tryGetPubSubMessage", title: "nothing queued", args: [], batch: false },
    { method: "tryGetPubSubMessage", title: "bytes decoder", args: ({ lib }) => [lib.Decoder.Bytes], batch: false },
    { method: "tryGetPubSubMessage", title: "string decoder", args: ({ lib }) => [lib.Decoder.String], batch: false },
    { method: "tryGetPubSubMessage", title: "null decoder", args: [null], batch: false },
];

/**
 * Names of the cases that subscribe a client of their own: GLIDE's close() leaves that client's core
 * running and subscribed, so these names are nobody else's (no other case publishes or counts them).
 */
const CORE_CH = "{dk}core-a";
const CORE_CH2 = "{dk}core-b";
const CORE_PATTERN = "{dk}core-p*";

const coreCommandCases: Case[] = [
    coreCommand("GET_SUBSCRIPTIONS with nothing subscribed", ["GET_SUBSCRIPTIONS"]),
    coreCommand("get_subscriptions in lower case", ["get_subscriptions"], { batch: false }),
    coreCommand("GET_SUBSCRIPTIONS with arguments", ["GET_SUBSCRIPTIONS", "extra"], { batch: false }),
    coreCommand("GET_SUBSCRIPTIONS, bytes decoder", ["GET_SUBSCRIPTIONS"], { args: ({ lib }) => [["GET_SUBSCRIPTIONS"], { decoder: lib.Decoder.Bytes }], batch: false }),
    coreCommand("SUBSCRIBE_BLOCKING with a timeout", ["SUBSCRIBE_BLOCKING", CORE_CH, "2000"]),
    coreCommand("SUBSCRIBE_BLOCKING of two channels", ["SUBSCRIBE_BLOCKING", CORE_CH, CORE_CH2, "2000"]),
    coreCommand("SUBSCRIBE_BLOCKING, the channel taken for the timeout", ["SUBSCRIBE_BLOCKING", CORE_CH]),
    coreCommand("SUBSCRIBE_BLOCKING without arguments", ["SUBSCRIBE_BLOCKING"]),
    coreCommand("subscribe_blocking in lower case", ["subscribe_blocking", CORE_CH, "2000"], { batch: false }),
    coreCommand("SUBSCRIBE_BLOCKING, timeout 0 (none)", ["SUBSCRIBE_BLOCKING", CORE_CH, "0"], { batch: false, protocol: "RESP3" }),
    coreCommand("SUBSCRIBE_BLOCKING, a timeout that is not a number (none)", ["SUBSCRIBE_BLOCKING", CORE_CH, "soon"], { batch: false, protocol: "RESP3" }),
    coreCommand("PSUBSCRIBE_BLOCKING", ["PSUBSCRIBE_BLOCKING", CORE_PATTERN, "2000"]),
    coreCommand("PSUBSCRIBE_BLOCKING without patterns", ["PSUBSCRIBE_BLOCKING", "2000"], { batch: false }),
    coreCommand("SSUBSCRIBE_BLOCKING", ["SSUBSCRIBE_BLOCKING", CORE_CH, "2000"], { only: "cluster" }),
    coreCommand("SSUBSCRIBE_BLOCKING on a standalone client times out", ["SSUBSCRIBE_BLOCKING", CORE_CH, "200"], { only: "standalone", batch: false }),
    coreCommand("UNSUBSCRIBE_BLOCKING of a channel not subscribed", ["UNSUBSCRIBE_BLOCKING", CORE_CH, "2000"]),
    coreCommand("UNSUBSCRIBE_BLOCKING of everything", ["UNSUBSCRIBE_BLOCKING", "2000"], { batch: false }),
    coreCommand("UNSUBSCRIBE_BLOCKING without arguments", ["UNSUBSCRIBE_BLOCKING"], { batch: false }),
    coreCommand("PUNSUBSCRIBE_BLOCKING", ["PUNSUBSCRIBE_BLOCKING", CORE_PATTERN, "2000"], { batch: false }),
    coreCommand("SUNSUBSCRIBE_BLOCKING", ["SUNSUBSCRIBE_BLOCKING", CORE_CH, "2000"], { batch: false }),
    // GLIDE sends these to the server as they are in a batch; glide-ts refuses them there (accepted).
    coreCommand("SUBSCRIBE", ["SUBSCRIBE", CORE_CH]),
    coreCommand("subscribe in lower case, two channels", ["subscribe", CORE_CH, CORE_CH2], { batch: false }),
    coreCommand("SUBSCRIBE without channels", ["SUBSCRIBE"], { batch: false }),
    coreCommand("PSUBSCRIBE", ["PSUBSCRIBE", CORE_PATTERN], { batch: false }),
    coreCommand("SSUBSCRIBE", ["SSUBSCRIBE", CORE_CH], { batch: false }),
    coreCommand("UNSUBSCRIBE without channels", ["UNSUBSCRIBE"], { batch: false }),
    coreCommand("PUNSUBSCRIBE of a pattern", ["PUNSUBSCRIBE", CORE_PATTERN], { batch: false }),
    coreCommand("SUNSUBSCRIBE without channels", ["SUNSUBSCRIBE"], { batch: false }),
    coreCommand("GET_SUBSCRIPTIONS with a route", ["GET_SUBSCRIPTIONS"], { only: "cluster", args: [["GET_SUBSCRIPTIONS"], { route: "allPrimaries" }], batch: false }),
];

export const pubsubFamily: Family = {
    name: "pubsub",
    cases: [...publishCases, ...introspectionCases, ...idleClientCases, ...coreCommandCases],
};
