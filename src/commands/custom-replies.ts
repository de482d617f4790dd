/**
 * How GLIDE's core reshapes the replies of known commands whatever method sent them (so
 * customCommand too): RESP2 flat arrays become maps, RESP2 textual scores doubles, integers
 * booleans, arrays sets, flat pairs arrays of pairs. A RESP3 reply mostly has the shape already.
 * The result is still a RespValue; generic-reply.ts then gives it GLIDE's JavaScript form.
 */
import { RespMap, type RespValue } from "../protocol/types";
import { parseNumber, toText } from "./replies";

export type Shape = (reply: RespValue) => RespValue;

const asIs: Shape = (reply) => reply;

function isText(reply: RespValue): boolean {
    return typeof reply === "string" || Buffer.isBuffer(reply);
}

const double: Shape = (reply) => (typeof reply === "number" ? reply : reply === null ? reply : parseNumber(reply));

const doubleOrNull: Shape = (reply) => (reply === null ? null : double(reply));

const boolean: Shape = (reply) => {
    if (typeof reply === "boolean") return reply;
    if (typeof reply === "number" || typeof reply === "bigint") return reply !== 0 && reply !== 0n;
    if (isText(reply)) return toText(reply) === "1";
    return reply;
};

/** JSON.TOGGLE: 0/1 per match for a JSONPath, "true"/"false" for a legacy path; booleans both ways. */
const jsonToggle: Shape = (reply) => {
    if (Array.isArray(reply)) return reply.map((item) => (item === null ? null : jsonToggle(item)));
    if (isText(reply)) return toText(reply) === "true";
    return boolean(reply);
};

const set: Shape = (reply) => (Array.isArray(reply) ? new Set(reply) : reply);

function arrayOf(element: Shape): Shape {
    return (reply) => (Array.isArray(reply) ? reply.map(element) : reply);
}

/**
 * A map from a RESP3 map, or from an array of [key, value] pairs or flat keys and values (RESP2);
 * null keys in an array are skipped (XAUTOCLAIM's deleted entries).
 */
function mapOf(key: Shape = asIs, value: Shape = asIs): Shape {
    return (reply) => {
        if (reply instanceof RespMap) {
            const entries = reply.entries;
            const converted: RespValue[] = new Array(entries.length);
            for (let i = 0; i < entries.length; i += 2) {
                converted[i] = key(entries[i]);
                converted[i + 1] = value(entries[i + 1]);
            }
            return new RespMap(converted);
        }
        if (!Array.isArray(reply)) return reply;
        const converted: RespValue[] = [];
        for (let i = 0; i < reply.length; i++) {
            const item = reply[i];
            if (Array.isArray(item) && item.length === 2) converted.push(key(item[0]), value(item[1]));
            else if (item === null) continue;
            else converted.push(key(item), value(reply[++i]));
        }
        return new RespMap(converted);
    };
}

/** HRANDFIELD WITHVALUES, ZRANDMEMBER WITHSCORES: RESP2's flat pairs become [key, value] arrays. */
function arrayOfPairs(value: Shape = asIs): Shape {
    return (reply) => {
        if (!Array.isArray(reply) || reply.length === 0 || Array.isArray(reply[0])) return reply;
        const pairs: RespValue[] = [];
        for (let i = 0; i + 1 < reply.length; i += 2) pairs.push([reply[i], value(reply[i + 1])]);
        return pairs;
    };
}

/**
 * An array of maps (XINFO GROUPS, FUNCTION LIST): RESP2 gives each map as a flat array. Several
 * nodes' replies (a map of nodes) are converted node by node.
 */
function arrayOfMaps(value: Shape = asIs): Shape {
    const each = mapOf(asIs, value);
    const convert: Shape = (reply) => {
        if (reply instanceof RespMap) return mapOf(asIs, convert)(reply);
        if (!Array.isArray(reply) || reply.length === 0 || reply[0] instanceof RespMap) return reply;
        return reply.map(each);
    };
    return convert;
}

/**
 * A shape GLIDE applies to each node's reply when several nodes answered (a map of nodes), or,
 * with `arraysOnly`, only when those replies are arrays (RESP2): a RESP3 map is one node's reply.
 */
function perNodeToo(shape: Shape, arraysOnly: boolean): Shape {
    return (reply) => {
        if (!(reply instanceof RespMap)) return shape(reply);
        if (arraysOnly && !Array.isArray(reply.entries[1])) return reply;
        return mapOf(asIs, shape)(reply);
    };
}

/** FUNCTION LIST's inner values: names and descriptions as they are, flags (an array on RESP2) as a set. */
const stringOrSet: Shape = (reply) => (Array.isArray(reply) ? new Set(reply) : reply);

const streamEntries = mapOf(asIs, arrayOfPairs());

/** ZMPOP / BZMPOP: [key, member-score pairs as a map of doubles]. */
const zmpop: Shape = (reply) => {
    if (!Array.isArray(reply) || reply.length !== 2 || !Array.isArray(reply[1])) return reply;
    return [reply[0], mapOf(asIs, double)(reply[1])];
};

/** ZRANK / ZREVRANK WITHSCORE: [rank, score as a double]. */
const rankWithScore: Shape = (reply) => (Array.isArray(reply) && reply.length === 2 ? [reply[0], double(reply[1])] : reply);

/** BZPOPMIN / BZPOPMAX: [key, member, score as a double]. */
const keyMemberScore: Shape = (reply) => (Array.isArray(reply) && reply.length === 3 ? [reply[0], reply[1], double(reply[2])] : reply);

/** GEOPOS: each position null or [longitude, latitude] as doubles. */
const positions: Shape = arrayOf((position) => (Array.isArray(position) ? position.map(double) : position));

/** LMPOP / BLMPOP: [key, elements] as a map of the key to its elements. */
const keyWithElements: Shape = (reply) => (Array.isArray(reply) && reply.length === 2 ? mapOf()(reply) : reply);

/** GEOSEARCH WITH…: [name, [distance (double), hash, [longitude, latitude] (doubles)]] per match. */
const geoMatches: Shape = arrayOf((match) => {
    if (!Array.isArray(match) || match.length === 0) return match;
    const [name, ...rest] = match;
    return [name, rest.map((item) => (Array.isArray(item) ? item.map(double) : isText(item) ? double(item) : item))];
});

/** XAUTOCLAIM: [cursor, claimed entries as a map, deleted ids]. */
const autoclaim: Shape = (reply) => {
    if (!Array.isArray(reply) || (reply.length !== 2 && reply.length !== 3)) return reply;
    return [reply[0], streamEntries(reply[1]), ...reply.slice(2)];
};

/** FUNCTION STATS: running_script a map (or null), engines a map of maps. */
const functionStats: Shape = (reply) => {
    if (!Array.isArray(reply) || reply.length !== 4) return reply;
    const running = reply[1] === null ? null : mapOf()(reply[1]);
    return new RespMap([reply[0], running, reply[2], mapOf(asIs, mapOf())(reply[3])]);
};

/** XINFO STREAM FULL on RESP2: groups, their consumers and the root become maps. */
const streamInfoFull: Shape = (reply) => {
    if (!Array.isArray(reply)) return reply;
    const root = mapOf()(reply) as RespMap;
    const entries = root.entries.slice();
    const groupsAt = entries.findIndex((item, index) => index % 2 === 0 && isText(item) && toText(item) === "groups");
    if (groupsAt >= 0 && Array.isArray(entries[groupsAt + 1])) {
        entries[groupsAt + 1] = (entries[groupsAt + 1] as RespValue[]).map((group) => {
            const map = mapOf()(group) as RespMap;
            const fields = map.entries.slice();
            const consumersAt = fields.findIndex((item, index) => index % 2 === 0 && isText(item) && toText(item) === "consumers");
            if (consumersAt >= 0) fields[consumersAt + 1] = arrayOf(mapOf())(fields[consumersAt + 1]);
            return new RespMap(fields);
        });
    }
    return new RespMap(entries);
};

/** LOLWUT's colours (terminal escapes around a space) as the block characters they draw. */
export const lolwut: Shape = (reply) => {
    if (!isText(reply)) return reply;
    const text = toText(reply);
    if (!text.includes("\x1b[0m")) return reply;
    const drawn = text
        .replaceAll("\x1b[0;97;107m \x1b[0m", "\u2591")
        .replaceAll("\x1b[0;37;47m \x1b[0m", "\u2592")
        .replaceAll("\x1b[0;90;100m \x1b[0m", "\u2593")
        .replaceAll("\x1b[0;30;40m \x1b[0m", " ");
    return Buffer.isBuffer(reply) ? Buffer.from(drawn) : drawn;
};

/** MEMORY STATS: RESP2's textual ratios as numbers, the db.N entries as maps too. */
const memoryStat: Shape = (reply) => (isText(reply) ? parseNumber(reply) : Array.isArray(reply) || reply instanceof RespMap ? memoryStats(reply) : reply);
const memoryStats: Shape = mapOf(asIs, memoryStat);

/** Commands that name a subcommand in their second argument ("CONFIG GET", "XINFO STREAM", …). */
const CONTAINERS = new Set([
    "XGROUP", "OBJECT", "SLOWLOG", "FUNCTION", "MODULE", "COMMAND", "PUBSUB", "CONFIG", "MEMORY", "XINFO", "CLIENT", "ACL",
    "SCRIPT", "CLUSTER", "LATENCY",
]);

/** "GET", or "CONFIG GET" for a container command, in upper case. */
export function commandName(args: readonly unknown[]): string {
    const first = toText(args[0] as string).toUpperCase();
    if (args.length > 1 && CONTAINERS.has(first)) return `${first} ${toText(args[1] as string).toUpperCase()}`;
    return first;
}

/** Whether an argument is exactly `word` (as GLIDE looks for it: case matters). */
function has(args: readonly unknown[], word: string): boolean {
    return args.some((arg) => (typeof arg === "string" ? arg === word : Buffer.isBuffer(arg) && arg.equals(Buffer.from(word))));
}

const always = (shape: Shape) => (): Shape => shape;
const map = mapOf();
/** By command name: the shape for these arguments (options such as WITHSCORES decide some). */
const SHAPES: Record<string, (args: readonly unknown[]) => Shape | undefined> = {
    HGETALL: always(map),
    HELLO: always(map),
    "CONFIG GET": always(perNodeToo(map, true)),
    "PUBSUB NUMSUB": always(map),
    "PUBSUB SHARDNUMSUB": always(map),
    XCLAIM: (args) => (has(args, "JUSTID") ? undefined : streamEntries),
    XAUTOCLAIM: (args) => (has(args, "JUSTID") ? undefined : autoclaim),
    "XINFO GROUPS": always(arrayOfMaps()),
    "XINFO CONSUMERS": always(arrayOfMaps()),
    XRANGE: always(streamEntries),
    XREVRANGE: always(streamEntries),
    XREAD: always(mapOf(asIs, streamEntries)),
    XREADGROUP: always(mapOf(asIs, streamEntries)),
    "XINFO STREAM": (args) => (has(args, "FULL") ? streamInfoFull : map),
    LCS: (args) => (has(args, "IDX") ? map : undefined),
    INCRBYFLOAT: always(double),
    HINCRBYFLOAT: always(double),
    ZINCRBY: always(double),
    ZSCORE: always(doubleOrNull),
    GEODIST: always(doubleOrNull),
    ZMSCORE: always(arrayOf(doubleOrNull)),
    ZPOPMIN: always(mapOf(asIs, double)),
    ZPOPMAX: always(mapOf(asIs, double)),
    ZMPOP: always(zmpop),
    BZMPOP: always(zmpop),
    GEOPOS: always(positions),
    LMPOP: always(keyWithElements),
    BLMPOP: always(keyWithElements),
    HRANDFIELD: (args) => (has(args, "WITHVALUES") ? arrayOfPairs() : undefined),
    ZRANDMEMBER: (args) => (has(args, "WITHSCORES") ? arrayOfPairs(double) : undefined),
    ZADD: (args) => (has(args, "INCR") ? doubleOrNull : undefined),
    ZRANGE: (args) => (has(args, "WITHSCORES") ? mapOf(asIs, double) : undefined),
    ZDIFF: (args) => (has(args, "WITHSCORES") ? mapOf(asIs, double) : undefined),
    ZUNION: (args) => (has(args, "WITHSCORES") ? mapOf(asIs, double) : undefined),
    ZINTER: (args) => (has(args, "WITHSCORES") ? mapOf(asIs, double) : undefined),
    ZRANK: (args) => (has(args, "WITHSCORE") ? rankWithScore : undefined),
    ZREVRANK: (args) => (has(args, "WITHSCORE") ? rankWithScore : undefined),
    BZPOPMIN: always(keyMemberScore),
    BZPOPMAX: always(keyMemberScore),
    SPOP: (args) => (args.length > 2 ? set : undefined),
    SMEMBERS: always(set),
    SINTER: always(set),
    SDIFF: always(set),
    SUNION: always(set),
    SMISMEMBER: always(arrayOf(boolean)),
    "SCRIPT EXISTS": always(arrayOf(boolean)),
    LOLWUT: always(perNodeToo(lolwut, false)),
    "FUNCTION LIST": always(arrayOfMaps(arrayOfMaps(stringOrSet))),
    "FUNCTION STATS": always(perNodeToo(functionStats, true)),
    "MEMORY STATS": always(memoryStats),
    "JSON.TOGGLE": always(jsonToggle),
    GEOSEARCH: (args) => (has(args, "WITHDIST") || has(args, "WITHHASH") || has(args, "WITHCOORD") ? geoMatches : undefined),
};
for (const name of [
    "HEXISTS", "HSETNX", "EXPIRE", "EXPIREAT", "PEXPIRE", "PEXPIREAT", "SISMEMBER", "PERSIST", "SMOVE", "PFADD", "RENAMENX", "MOVE",
    "COPY", "MSETNX", "XGROUP DESTROY", "XGROUP CREATECONSUMER",
]) {
    SHAPES[name] = always(boolean);
}

/** The reshaping GLIDE's core gives this command's reply, if any. */
export function shapeOf(args: readonly unknown[]): Shape | undefined {
    if (args.length === 0) return undefined;
    return SHAPES[commandName(args)]?.(args);
}
