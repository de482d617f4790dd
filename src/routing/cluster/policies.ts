/**
 * Where a keyless command goes and how several nodes' replies become one, from the server's own
 * request_policy / response_policy tips (COMMAND INFO on Valkey 8). Commands without a tip go to
 * one random node.
 */
import { RequestError } from "../../errors";
import { summedCounts, unionOfNames } from "../../commands/pubsub-cluster";
import { RespMap, type RespValue } from "../../protocol/types";

export type RequestPolicy = "allShards" | "allNodes";
export type ResponsePolicy =
    | "allSucceeded"
    | "oneSucceeded"
    | "aggSum"
    | "aggMin"
    | "aggLogicalAnd"
    | "special"
    /** RANDOMKEY: GLIDE answers with one key, from any primary that has one. */
    | "anyNonNull"
    /** PUBSUB CHANNELS / SHARDCHANNELS (GLIDE's choice): every node's names, each once. */
    | "combineArrays"
    /** PUBSUB NUMSUB / SHARDNUMSUB (GLIDE's choice): the counts of each name, summed over the nodes. */
    | "combineMaps"
    /** FT._LIST / FT._ALIASLIST (GLIDE's choice): every primary's array, one after the other, repeats kept. */
    | "concatArrays";

export interface CommandPolicy {
    request: RequestPolicy;
    response: ResponsePolicy;
}

const TIP_NAMES: Record<string, RequestPolicy | ResponsePolicy> = {
    all_shards: "allShards",
    all_nodes: "allNodes",
    all_succeeded: "allSucceeded",
    one_succeeded: "oneSucceeded",
    agg_sum: "aggSum",
    agg_min: "aggMin",
    agg_logical_and: "aggLogicalAnd",
    special: "special",
};

const policy = (request: RequestPolicy, response: ResponsePolicy): CommandPolicy => ({ request, response });

/** Keyless commands with a request policy, keyed by "name" or "name|subcommand" in lower case. */
const KEYLESS_POLICIES: Record<string, CommandPolicy> = {
    "acl|deluser": policy("allNodes", "allSucceeded"),
    "acl|save": policy("allNodes", "allSucceeded"),
    "acl|setuser": policy("allNodes", "allSucceeded"),
    "client|setinfo": policy("allNodes", "allSucceeded"),
    "client|setname": policy("allNodes", "allSucceeded"),
    "config|resetstat": policy("allNodes", "allSucceeded"),
    "config|rewrite": policy("allNodes", "allSucceeded"),
    "config|set": policy("allNodes", "allSucceeded"),
    dbsize: policy("allShards", "aggSum"),
    flushall: policy("allShards", "allSucceeded"),
    flushdb: policy("allShards", "allSucceeded"),
    "function|delete": policy("allShards", "allSucceeded"),
    "function|flush": policy("allShards", "allSucceeded"),
    "function|kill": policy("allShards", "oneSucceeded"),
    "function|load": policy("allShards", "allSucceeded"),
    "function|restore": policy("allShards", "allSucceeded"),
    // The server's tip says every primary; GLIDE asks every node (see GLIDE_POLICY_CHOICES).
    "function|stats": policy("allNodes", "special"),
    info: policy("allShards", "special"),
    keys: policy("allShards", "special"),
    "cluster|slot-stats": policy("allShards", "special"),
    // The server's tips say every node; GLIDE sends LATENCY to every primary (see GLIDE_POLICY_CHOICES).
    "latency|doctor": policy("allShards", "special"),
    "latency|graph": policy("allShards", "special"),
    "latency|histogram": policy("allShards", "special"),
    "latency|history": policy("allShards", "special"),
    "latency|latest": policy("allShards", "special"),
    "latency|reset": policy("allShards", "aggSum"),
    "memory|doctor": policy("allShards", "special"),
    "memory|malloc-stats": policy("allShards", "special"),
    "memory|purge": policy("allShards", "allSucceeded"),
    "memory|stats": policy("allShards", "special"),
    ping: policy("allShards", "allSucceeded"),
    randomkey: policy("allShards", "anyNonNull"),
    "script|exists": policy("allShards", "aggLogicalAnd"),
    "script|flush": policy("allNodes", "allSucceeded"),
    "script|kill": policy("allShards", "oneSucceeded"),
    "script|load": policy("allNodes", "allSucceeded"),
    "slowlog|get": policy("allNodes", "special"),
    "slowlog|len": policy("allNodes", "aggSum"),
    "slowlog|reset": policy("allNodes", "allSucceeded"),
    // No tip on the server for these; GLIDE types their reply as one "OK" and broadcasts them.
    unwatch: policy("allShards", "allSucceeded"),
    save: policy("allShards", "allSucceeded"),
    "client|pause": policy("allNodes", "allSucceeded"),
    // No tip on the server either; GLIDE asks every node (primaries for the sharded ones) and combines.
    "pubsub|channels": policy("allNodes", "combineArrays"),
    "pubsub|numpat": policy("allNodes", "aggSum"),
    "pubsub|numsub": policy("allNodes", "combineMaps"),
    "pubsub|shardchannels": policy("allShards", "combineArrays"),
    "pubsub|shardnumsub": policy("allShards", "combineMaps"),
    "client|unpause": policy("allNodes", "allSucceeded"),
    // No tip either: GLIDE starts a background save or rewrite, and sends DEBUG, on every primary, one reply each.
    bgsave: policy("allShards", "special"),
    debug: policy("allShards", "special"),
    bgrewriteaof: policy("allShards", "special"),
    wait: policy("allShards", "aggMin"),
    waitaof: policy("allShards", "aggMin"),
    // The Search module's lists: GLIDE asks every primary and joins their arrays.
    "ft._list": policy("allShards", "concatArrays"),
    "ft._aliaslist": policy("allShards", "concatArrays"),
};

/** Entries where GLIDE's behaviour, not a server tip, decides (see the comments above). */
export const GLIDE_POLICY_CHOICES = new Set([
    "unwatch",
    "save",
    "bgsave",
    "bgrewriteaof",
    "debug",
    "client|pause",
    "client|unpause",
    "randomkey",
    "function|stats",
    "latency|doctor",
    "latency|graph",
    "latency|histogram",
    "latency|history",
    "latency|latest",
    "latency|reset",
    "pubsub|channels",
    "pubsub|numpat",
    "pubsub|numsub",
    "pubsub|shardchannels",
    "pubsub|shardnumsub",
    "ft._list",
    "ft._aliaslist",
]);

/** Every keyless command with a known policy (tests compare them with the server's tips). */
export function knownPolicies(): [name: string, policy: CommandPolicy][] {
    return Object.entries(KEYLESS_POLICIES);
}

const CONTAINERS = new Set(["acl", "client", "cluster", "config", "function", "latency", "memory", "pubsub", "script", "slowlog"]);

/** The policy of a keyless command by its argv, or undefined (one random node). */
export function keylessPolicy(args: readonly unknown[]): CommandPolicy | undefined {
    const name = String(args[0]).toLowerCase();
    if (CONTAINERS.has(name) && args.length > 1) return KEYLESS_POLICIES[`${name}|${String(args[1]).toLowerCase()}`];
    return KEYLESS_POLICIES[name];
}

/** Reads a policy from COMMAND INFO tips ("request_policy:all_shards", …). */
export function policyFromTips(tips: readonly string[]): CommandPolicy | undefined {
    let request: RequestPolicy | undefined;
    let response: ResponsePolicy = "special";
    for (const tip of tips) {
        const [kind, value] = tip.split(":");
        // "special" requests (SCAN) have their own code path; anywhere else they go to one node.
        if (kind === "request_policy" && value !== "special") request = TIP_NAMES[value] as RequestPolicy;
        else if (kind === "response_policy") response = TIP_NAMES[value] as ResponsePolicy;
    }
    return request === undefined ? undefined : { request, response };
}

/**
 * Several nodes' replies that no response policy combines, by node address: the multi-node map
 * GLIDE's core answers with. Client methods give it as a record; customCommand and batches as a
 * GlideRecord of each node's (converted) reply.
 */
export class NodeReplies {
    constructor(readonly replies: Map<string, unknown>) {}

    /** `{ key: address, value }` entries; the addresses as Buffers when the caller reads bytes. */
    toGlideRecord(bytes: boolean, value: (reply: unknown) => unknown = (reply) => reply): { key: string | Buffer; value: unknown }[] {
        return Array.from(this.replies, ([address, reply]) => ({ key: bytes ? Buffer.from(address) : address, value: value(reply) }));
    }

    /** The replies as one RESP3 map of address to reply, as GLIDE's core sees them before converting. */
    toRespMap(): RespMap {
        return new RespMap(Array.from(this.replies).flat() as RespValue[]);
    }
}

/**
 * Combines the replies of several nodes. `special` and commands without a response policy give
 * GLIDE's record keyed by node address (or, with `unaggregated`, what it makes of them); the
 * others give one value.
 */
export function aggregate(
    policy: ResponsePolicy | undefined,
    replies: Map<string, unknown>,
    unaggregated: (replies: NodeReplies) => unknown = (nodes) => Object.fromEntries(nodes.replies),
): unknown {
    const values = [...replies.values()];
    switch (policy) {
        case "allSucceeded":
            return values[0];
        case "oneSucceeded":
            return values[0];
        case "aggSum":
            return values.reduce((sum: number, value) => sum + Number(value), 0);
        case "aggMin":
            return values.reduce((min: number, value) => Math.min(min, Number(value)), Infinity);
        case "aggLogicalAnd":
            return andArrays(values);
        case "combineArrays":
            return unionOfNames(values as RespValue[]);
        case "combineMaps":
            return summedCounts(values as RespValue[]);
        case "concatArrays":
            return concatenated(values);
        case "anyNonNull": {
            const found = values.filter((value) => value !== null && value !== undefined);
            return found.length === 0 ? null : found[Math.floor(Math.random() * found.length)];
        }
        default:
            return unaggregated(new NodeReplies(replies));
    }
}

function concatenated(values: unknown[]): unknown[] {
    if (!values.every(Array.isArray)) throw new RequestError("expected array of values as response- TypeError");
    return (values as unknown[][]).flat(1);
}

function andArrays(values: unknown[]): unknown {
    if (values.length === 0) return [];
    if (!values.every(Array.isArray)) throw new RequestError("Expected arrays from every node to combine");
    const arrays = values as unknown[][];
    return arrays[0].map((_, index) => arrays.every((array) => array[index] === true || array[index] === 1));
}
