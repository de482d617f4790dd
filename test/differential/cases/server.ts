/**
 * Server and connection commands, customCommand and SELECT. On the cluster client also with every
 * `route` GLIDE accepts; the routes, the cluster's node addresses and the shape-keeping
 * normalisers are exported for the scripting and functions families.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { runDirectory } from "../../helpers/server-registry";
import { keySlot } from "../../../src/routing/cluster/slot";
import { BIN, K, type Args, type CallContext, type Case, type Family, type SetupCommand } from "./types";

// ---------------------------------------------------------------------------------------------
// The cluster's nodes, read from the nodes.conf files of the servers this process started.

interface ClusterNode {
    id: string;
    host: string;
    port: number;
    primaryId: string | undefined;
    slots: [number, number][];
}

let nodesCache: ClusterNode[] | undefined;

/** Every node of the differential suite's cluster, as its own nodes.conf describes them. */
function clusterNodes(): ClusterNode[] {
    if (nodesCache !== undefined) return nodesCache;
    const dir = runDirectory();
    const conf = fs
        .readdirSync(dir)
        .filter((name) => name.startsWith("cluster-node-"))
        .map((name) => path.join(dir, name, "nodes.conf"))
        .find((file) => fs.existsSync(file));
    if (conf === undefined) throw new Error(`no cluster node's nodes.conf under ${dir}`);
    nodesCache = fs
        .readFileSync(conf, "utf8")
        .split("\n")
        .filter((line) => /^[0-9a-f]{40} /.test(line))
        .map((line) => {
            const [id, address, flags, primary, , , , , ...slots] = line.split(" ");
            const [host, port] = address.split("@")[0].split(":");
            return {
                id,
                host,
                port: Number(port),
                primaryId: flags.split(",").includes("slave") ? primary : undefined,
                slots: slots.filter((range) => /^\d/.test(range)).map((range) => {
                    const [start, end = start] = range.split("-");
                    return [Number(start), Number(end)] as [number, number];
                }),
            };
        });
    return nodesCache;
}

/** The primary serving `key`'s slot, or (with `replica`) its replica. */
export function nodeOf(key: string, replica = false): { host: string; port: number } {
    const slot = keySlot(key);
    const nodes = clusterNodes();
    const primary = nodes.find((node) => node.slots.some(([start, end]) => slot >= start && slot <= end));
    if (primary === undefined) throw new Error(`no primary serves slot ${slot}`);
    const node = replica ? nodes.find((candidate) => candidate.primaryId === primary.id) : primary;
    if (node === undefined) throw new Error(`the primary of slot ${slot} has no replica`);
    return { host: node.host, port: node.port };
}

// ---------------------------------------------------------------------------------------------
// Routes.

/** Every route GLIDE's cluster client accepts; single-node ones aim at K.a's shard. */
export const ROUTES: readonly { name: string; route: () => unknown }[] = [
    { name: "allNodes", route: () => "allNodes" },
    { name: "allPrimaries", route: () => "allPrimaries" },
    { name: "randomNode", route: () => "randomNode" },
    { name: "primarySlotKey", route: () => ({ type: "primarySlotKey", key: K.a }) },
    { name: "replicaSlotKey", route: () => ({ type: "replicaSlotKey", key: K.a }) },
    { name: "primarySlotId", route: () => ({ type: "primarySlotId", id: keySlot(K.a) }) },
    { name: "replicaSlotId", route: () => ({ type: "replicaSlotId", id: keySlot(K.a) }) },
    { name: "routeByAddress", route: () => ({ type: "routeByAddress", ...nodeOf(K.a) }) },
    { name: "routeByAddress of a replica", route: () => ({ type: "routeByAddress", ...nodeOf(K.a, true) }) },
    {
        name: "routeByAddress host:port",
        route: () => {
            const { host, port } = nodeOf(K.a);
            return { type: "routeByAddress", host: `${host}:${port}` };
        },
    },
];

/** Routes that reach only primaries (for commands a replica refuses or answers differently). */
export const PRIMARY_ROUTES = ROUTES.filter((route) => !/replica|allNodes|randomNode/.test(route.name));

/** Routes that fail before reaching a node. */
export const BAD_ROUTES: readonly { name: string; route: () => unknown }[] = [
    { name: "routeByAddress of an unknown node", route: () => ({ type: "routeByAddress", host: "127.0.0.1", port: 1 }) },
    { name: "routeByAddress without a port", route: () => ({ type: "routeByAddress", host: "127.0.0.1" }) },
    { name: "slot id out of range", route: () => ({ type: "primarySlotId", id: 16384 }) },
];

/**
 * One cluster case per route: `build` gets the route and the side's context and returns the
 * call's arguments. Routes exist on the client only, so these cases have no batch form.
 */
export function routed(
    method: string,
    title: string,
    build: (route: unknown, ctx: CallContext) => readonly unknown[],
    extra: Partial<Case> = {},
    routes: readonly { name: string; route: () => unknown }[] = ROUTES,
): Case[] {
    return routes.map(({ name, route }) => ({
        method,
        title: `${title}, route ${name}`,
        args: (ctx: CallContext) => build(route(), ctx),
        only: "cluster",
        batch: false,
        ...extra,
    }));
}

// ---------------------------------------------------------------------------------------------
// Normalisers: they keep a reply's shape (types, keys, counts, nodes) and hide varying values.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value) || Buffer.isBuffer(value)) return false;
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
}

/** A record of replies keyed by "host:port" (a multi-node reply). */
function isNodeRecord(value: unknown): value is Record<string, unknown> {
    return isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => /^[\w.-]+:\d+$/.test(key));
}

/** Applies `normalize` to each node's reply of a multi-node record, or to the single reply. */
export function perNode(normalize: (value: unknown) => unknown): (value: unknown) => unknown {
    return (value) => {
        if (!isNodeRecord(value)) return normalize(value);
        return Object.fromEntries(Object.entries(value).map(([node, reply]) => [node, normalize(reply)]));
    };
}

/** Values replaced by their type; arrays, sets, maps, records and class instances keep their structure. */
export function shape(value: unknown): unknown {
    if (value === null || value === undefined || typeof value === "boolean") return value;
    if (typeof value === "number" || typeof value === "string" || typeof value === "bigint") return `<${typeof value}>`;
    if (Buffer.isBuffer(value)) return "<Buffer>";
    if (Array.isArray(value)) return value.map(shape);
    if (value instanceof Set) return new Set([...value].map(shape));
    if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, shape(item)]));
    if (typeof value !== "object") return value;
    const shaped = Object.create(Object.getPrototypeOf(value));
    for (const [key, item] of Object.entries(value)) shaped[key] = shape(item);
    return shaped;
}

/** INFO text as its section headers ("# Server", …); per node on a multi-node reply. */
export const infoSections = perNode((value) =>
    typeof value === "string" ? value.split("\r\n").filter((line) => line.startsWith("# ")) : shape(value),
);

/**
 * Text whose art is random (LOLWUT): lines of words as they are, art lines with each drawn
 * character (non-ASCII, or a space) as "·", so that what a line is made of (block characters or
 * terminal escapes) and how long it is still show.
 */
const artLines = perNode((value) => {
    if (typeof value !== "string" && !Buffer.isBuffer(value)) return shape(value);
    const lines = value
        .toString()
        .split("\n")
        .map((line) => (/[A-Za-z]{2}/.test(line) ? line : line.replace(/[^\x21-\x7e]/gu, "·")));
    return { type: typeof value === "string" ? "string" : "Buffer", lines };
});

/** Long varying text (MEMORY MALLOC-STATS): its first line. */
const firstLine = perNode((value) => (typeof value === "string" ? value.split("\n")[0] : shape(value)));

/** GlideRecord entries ({ key, value }) whose key is one of `names` get their value's shape. */
export function hideEntries(...names: string[]): (value: unknown) => unknown {
    const hide = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(hide);
        if (isPlainObject(value) && "key" in value && "value" in value && Object.keys(value).length === 2) {
            const key = String(value.key);
            return { key: value.key, value: names.includes(key) ? shape(value.value) : hide(value.value) };
        }
        if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hide(item)]));
        return value;
    };
    return hide;
}

/**
 * GlideRecord entries in key order: a map's order is the node's (its dictionary's), and on the
 * cluster the node is chance. For replies whose keys are unique (CONFIG GET).
 */
export function sortedEntries(value: unknown): unknown {
    if (!Array.isArray(value) || !value.every((entry) => isPlainObject(entry) && "key" in entry)) return value;
    return [...value].sort((x, y) => String(x.key).localeCompare(String(y.key)));
}

function isNodeEntry(entry: unknown): boolean {
    return isPlainObject(entry) && Object.keys(entry).length === 2 && "value" in entry && /^[\w.-]+:\d+$/.test(String(entry.key));
}

/** Multi-node GlideRecords ({ key: "host:port", value } entries) in address order: GLIDE's order is chance. */
export function inNodeOrder(value: unknown): unknown {
    if (Array.isArray(value)) {
        const items = value.map(inNodeOrder);
        if (items.length > 0 && items.every(isNodeEntry)) {
            return items.sort((x, y) => String((x as { key: unknown }).key).localeCompare(String((y as { key: unknown }).key)));
        }
        return items;
    }
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inNodeOrder(item)]));
    return value;
}

/** A family whose every case sees multi-node GlideRecords in address order, before its own normaliser. */
export function family(name: string, cases: Case[]): Family {
    return {
        name,
        cases: cases.map((testCase) => {
            const own = testCase.normalize;
            return { ...testCase, normalize: own === undefined ? inNodeOrder : (value: unknown) => own(inNodeOrder(value)) };
        }),
    };
}

// ---------------------------------------------------------------------------------------------
// States.

/** Keys in each of the cluster's three shards (slots 5298, 9425, 13552), replicated everywhere. */
export const SHARD_KEYS = ["dk:shard:1", "dk:shard:2", "dk:shard:3"] as const;
export const onEveryShard: readonly SetupCommand[] = [
    ...SHARD_KEYS.map((key) => ["SET", key, "v"] as const),
    { args: ["WAIT", "1", "1000"], route: "allPrimaries" },
];
const withKeys: readonly SetupCommand[] = [
    ["SET", K.a, "1"],
    ["SET", K.b, "2"],
    ["RPUSH", K.c, "x"],
];

/** Every node back to no pause, whatever a case paused. */
const unpause: readonly SetupCommand[] = [{ args: ["CLIENT", "UNPAUSE"], route: "allNodes" }];

/**
 * Lets any background save or rewrite of an earlier run end: FLUSHALL (before each run) kills a
 * saving child, and the server reaps it, and starts what was scheduled, on its next cron ticks
 * (every 10 ms: the suite's servers run with hz 100). A pause of every client gives the cron that
 * time (the PING after it waits until the pause is over); then every node is asked until none
 * reports a save or rewrite still running, which on a loaded machine can take longer.
 */
const noChildRunning: readonly SetupCommand[] = [
    { args: ["CLIENT", "PAUSE", "150", "ALL"], route: "allNodes" },
    { args: ["PING"], route: "allNodes" },
    { args: ["INFO", "persistence"], route: "allNodes", repeatWhile: /(rdb_bgsave_in_progress|aof_rewrite_in_progress|aof_rewrite_scheduled):1/ },
];

/** A background save that lasts (one second per key) while the case runs. */
const whileSaving: readonly SetupCommand[] = [
    ...noChildRunning,
    { args: ["CONFIG", "SET", "rdb-key-save-delay", "1000000"], route: "allPrimaries" },
    ["SET", K.a, "v"],
    ["BGSAVE"],
];
const saveDelayOff: readonly SetupCommand[] = [{ args: ["CONFIG", "SET", "rdb-key-save-delay", "0"], route: "allPrimaries" }];

/** Latency events of the "command" kind on every node (DEBUG SLEEP longer than the threshold). */
const withLatencyEvent: readonly SetupCommand[] = [
    { args: ["CONFIG", "SET", "latency-monitor-threshold", "1"], route: "allNodes" },
    { args: ["DEBUG", "SLEEP", "0.01"], route: "allNodes" },
];
const latencyOff: readonly SetupCommand[] = [
    { args: ["CONFIG", "SET", "latency-monitor-threshold", "0"], route: "allNodes" },
    { args: ["LATENCY", "RESET"], route: "allNodes" },
];

const restoreConfig: readonly SetupCommand[] = [
    { args: ["CONFIG", "SET", "maxmemory-policy", "noeviction", "lazyfree-lazy-user-del", "yes"], route: "allNodes" },
];

// ---------------------------------------------------------------------------------------------
// Cases.

/** Standalone and cluster spell the options of these commands differently: one builder for both. */
/** The lib-name field of a CLIENT INFO line. */
function libName(value: unknown): unknown {
    const line = Buffer.isBuffer(value) ? value.toString() : String(value);
    return /\blib-name=(\S*)/.exec(line)?.[1] ?? line;
}

function modeArgs(mode: (lib: CallContext["lib"]) => unknown): Args {
    return ({ lib, cluster }) => (cluster ? [{ mode: mode(lib) }] : [mode(lib)]);
}

function sectionsArgs(sections: (lib: CallContext["lib"]) => unknown[]): Args {
    return ({ lib, cluster }) => (cluster ? [{ sections: sections(lib) }] : [sections(lib)]);
}

const INFO_SECTIONS = [
    "Server", "Clients", "Memory", "Persistence", "Stats", "Replication", "Cpu", "Commandstats", "Latencystats",
    "Sentinel", "Cluster", "Modules", "Keyspace", "Errorstats", "All", "Default", "Everything",
] as const;

const pingCases: Case[] = [
    { method: "ping", title: "no options", args: [] },
    { method: "ping", title: "message", args: [{ message: "hello" }], batch: ["hello"] },
    { method: "ping", title: "empty message", args: [{ message: "" }], batch: [""] },
    { method: "ping", title: "binary message", args: [{ message: BIN }], batch: [BIN] },
    { method: "ping", title: "Buffer message", args: [{ message: Buffer.from("hi") }], batch: [Buffer.from("hi")] },
    { method: "ping", title: "undefined options", args: [undefined], batch: [undefined] },
    { method: "ping", title: "bytes decoder", args: ({ lib }) => [{ decoder: lib.Decoder.Bytes }], batch: false },
    { method: "ping", title: "message, bytes decoder", args: ({ lib }) => [{ message: "hi", decoder: lib.Decoder.Bytes }], batch: false },
    { method: "ping", title: "message, string decoder", args: ({ lib }) => [{ message: "hi", decoder: lib.Decoder.String }], batch: false },
    { method: "ping", title: "binary message, string decoder", args: ({ lib }) => [{ message: BIN, decoder: lib.Decoder.String }], batch: false },
    ...routed("ping", "no message", (route) => [{ route }]),
    ...routed("ping", "message", (route, { lib }) => [{ message: "hi", route, decoder: lib.Decoder.Bytes }]),
    ...routed("ping", "message", (route) => [{ message: "hi", route }], {}, BAD_ROUTES),
];

const echoCases: Case[] = [
    { method: "echo", title: "message", args: ["hello"] },
    { method: "echo", title: "empty message", args: [""] },
    { method: "echo", title: "binary message", args: [BIN] },
    { method: "echo", title: "Buffer message", args: [Buffer.from("hi")] },
    { method: "echo", title: "bytes decoder", args: ({ lib }) => ["hi", { decoder: lib.Decoder.Bytes }], batch: ["hi"] },
    { method: "echo", title: "binary, string decoder", args: ({ lib }) => [BIN, { decoder: lib.Decoder.String }], batch: false },
    { method: "echo", title: "null options", args: ["hi", null], batch: ["hi"] },
    ...routed("echo", "message", (route) => ["hi", { route }]),
    ...routed("echo", "binary message, bytes decoder", (route, { lib }) => [BIN, { route, decoder: lib.Decoder.Bytes }], {}, ROUTES.slice(0, 4)),
];

const infoCases: Case[] = [
    { method: "info", title: "no sections", args: [], normalize: infoSections },
    { method: "info", title: "empty sections", args: sectionsArgs(() => []), batch: [[]], normalize: infoSections },
    ...INFO_SECTIONS.map(
        (section): Case => ({
            method: "info",
            title: `section ${section}`,
            args: sectionsArgs((lib) => [lib.InfoOptions[section]]),
            batch: ({ lib }) => [[lib.InfoOptions[section]]],
            normalize: infoSections,
        }),
    ),
    {
        method: "info",
        title: "two sections",
        args: sectionsArgs((lib) => [lib.InfoOptions.Server, lib.InfoOptions.Keyspace]),
        batch: ({ lib }) => [[lib.InfoOptions.Server, lib.InfoOptions.Keyspace]],
        normalize: infoSections,
    },
    { method: "info", title: "unknown section", args: sectionsArgs(() => ["nosuchsection"]), batch: [["nosuchsection"]], normalize: infoSections },
    { method: "info", title: "undefined options", args: [undefined], batch: [undefined], normalize: infoSections },
    { method: "info", title: "with keys", args: [], normalize: infoSections, setup: withKeys },
    ...routed("info", "no sections", (route) => [{ route }], { normalize: infoSections }),
    ...routed("info", "section Server", (route, { lib }) => [{ sections: [lib.InfoOptions.Server], route }], { normalize: infoSections }, ROUTES.slice(0, 4)),
];

const timeCases: Case[] = [
    { method: "time", title: "now", args: [], normalize: shape },
    ...routed("time", "now", (route) => [{ route }], { normalize: shape }),
];

const lastsaveCases: Case[] = [
    { method: "lastsave", title: "unix time", args: [], normalize: shape },
    ...routed("lastsave", "unix time", (route) => [{ route }], { normalize: shape }),
];

const dbsizeCases: Case[] = [
    { method: "dbsize", title: "empty", args: [] },
    // On the cluster an atomic batch of keyless commands goes to a random node: keys on every shard there.
    { method: "dbsize", title: "three keys", setup: withKeys, args: [], only: "standalone" },
    { method: "dbsize", title: "a key on every shard", setup: onEveryShard, args: [], only: "cluster" },
    ...routed("dbsize", "a key on every shard", (route) => [{ route }], { setup: onEveryShard }),
];

/**
 * A keyless write in an atomic batch goes to a random node on the cluster, and GLIDE's may be a
 * replica (which refuses it): on the cluster such cases run in pipelines only.
 */
export function keylessWrite(testCase: Case): Case[] {
    return [
        { ...testCase, only: "standalone" },
        { ...testCase, only: "cluster", batchModes: testCase.batch === false ? undefined : ["pipeline"] },
    ];
}

function flushCases(method: "flushall" | "flushdb"): Case[] {
    return [
        ...keylessWrite({ method, title: "no mode", setup: withKeys, args: [] }),
        ...keylessWrite({ method, title: "SYNC", setup: withKeys, args: modeArgs((lib) => lib.FlushMode.SYNC), batch: ({ lib }) => [lib.FlushMode.SYNC] }),
        ...keylessWrite({ method, title: "ASYNC", setup: withKeys, args: modeArgs((lib) => lib.FlushMode.ASYNC), batch: ({ lib }) => [lib.FlushMode.ASYNC] }),
        ...keylessWrite({ method, title: "undefined mode", args: [undefined], batch: [undefined] }),
        { method, title: "keys on every shard", setup: onEveryShard, args: [], only: "cluster", batchModes: ["pipeline"] },
        { method, title: "mode and route", args: ({ lib }) => [{ mode: lib.FlushMode.ASYNC, route: "allPrimaries" }], only: "cluster", batch: false },
        // FLUSHALL on a replica fails: no route that may reach one (GLIDE's random node may be a replica).
        ...routed(method, "keys on every shard", (route) => [{ route }], { setup: onEveryShard }, PRIMARY_ROUTES),
        ...(method === "flushall" ? routed(method, "keys on every shard", (route) => [{ route }], { setup: onEveryShard }, ROUTES.slice(0, 1)) : []),
    ];
}

const configGetCases: Case[] = [
    { method: "configGet", title: "one parameter", args: [["maxmemory"]] },
    { method: "configGet", title: "two parameters", args: [["maxmemory", "maxmemory-policy"]], normalize: sortedEntries },
    { method: "configGet", title: "pattern", args: [["*max-*-entries*"]], normalize: sortedEntries },
    { method: "configGet", title: "unknown parameter", args: [["no-such-parameter"]] },
    { method: "configGet", title: "no parameters", args: [[]] },
    { method: "configGet", title: "bytes decoder", args: ({ lib }) => [["maxmemory-policy"], { decoder: lib.Decoder.Bytes }], batch: [["maxmemory-policy"]] },
    { method: "configGet", title: "string decoder", args: ({ lib }) => [["maxmemory-policy"], { decoder: lib.Decoder.String }], batch: false },
    // Each node answers with its own port: every route but the random one.
    ...routed("configGet", "port", (route) => [["port"], { route }], {}, ROUTES.filter((r) => r.name !== "randomNode")),
    ...routed("configGet", "maxmemory-policy", (route, { lib }) => [["maxmemory-policy"], { route, decoder: lib.Decoder.Bytes }]),
];

const configSetCases: Case[] = [
    { method: "configSet", title: "one parameter", args: [{ "maxmemory-policy": "allkeys-lru" }], teardown: restoreConfig },
    { method: "configSet", title: "two parameters", args: [{ "maxmemory-policy": "allkeys-lru", "lazyfree-lazy-user-del": "no" }], teardown: restoreConfig },
    { method: "configSet", title: "Buffer value", args: [{ "maxmemory-policy": Buffer.from("volatile-lru") }], teardown: restoreConfig },
    { method: "configSet", title: "invalid value", args: [{ "maxmemory-policy": "sometimes" }] },
    { method: "configSet", title: "unknown parameter", args: [{ "no-such-parameter": "1" }] },
    { method: "configSet", title: "immutable parameter", args: [{ daemonize: "yes" }] },
    { method: "configSet", title: "no parameters", args: [{}] },
    ...routed("configSet", "one parameter", (route) => [{ "maxmemory-policy": "allkeys-lru" }, { route }], { teardown: restoreConfig }),
];

const configOtherCases: Case[] = [
    { method: "configResetStat", title: "reset", args: [] },
    ...routed("configResetStat", "reset", (route) => [{ route }]),
    { method: "configRewrite", title: "without a config file", args: [] },
    ...routed("configRewrite", "without a config file", (route) => [{ route }]),
];

const clientCases: Case[] = [
    { method: "clientId", title: "id", args: [], normalize: shape },
    ...routed("clientId", "id", (route) => [{ route }], { normalize: shape }),
    { method: "clientGetName", title: "no name", args: [] },
    { method: "clientGetName", title: "bytes decoder", args: ({ lib }) => [{ decoder: lib.Decoder.Bytes }], batch: [] },
    ...routed("clientGetName", "no name", (route) => [{ route }]),
    { method: "clientTrackingInfo", title: "tracking off", args: [], batch: false },
    ...routed("clientTrackingInfo", "tracking off", (route) => [{ route }]),
    { method: "clientPause", title: "ten milliseconds", args: [10], batch: false, teardown: unpause },
    { method: "clientPause", title: "zero", args: [0], batch: false, teardown: unpause },
    { method: "clientPause", title: "negative timeout", args: [-1], batch: false },
    { method: "clientPause", title: "fractional timeout", args: [1.5], batch: false },
    { method: "clientPause", title: "mode ALL", args: ({ lib }) => [10, lib.ClientPauseMode.ALL], batch: false, teardown: unpause },
    { method: "clientPause", title: "mode WRITE", args: ({ lib }) => [10, lib.ClientPauseMode.WRITE], batch: false, teardown: unpause },
    { method: "clientPause", title: "undefined mode, bytes decoder", args: ({ lib }) => [10, undefined, { decoder: lib.Decoder.Bytes }], batch: false, teardown: unpause },
    ...routed("clientPause", "ten milliseconds", (route, { lib }) => [10, lib.ClientPauseMode.WRITE, { route }], { teardown: unpause }),
    { method: "clientUnpause", title: "not paused", args: [], batch: false },
    { method: "clientUnpause", title: "paused", setup: [{ args: ["CLIENT", "PAUSE", "10000", "WRITE"], route: "allNodes" }], args: [], batch: false, teardown: unpause },
    { method: "clientUnpause", title: "bytes decoder", args: ({ lib }) => [{ decoder: lib.Decoder.Bytes }], batch: false },
    ...routed("clientUnpause", "not paused", (route) => [{ route }]),
];

const lolwutCases: Case[] = [
    { method: "lolwut", title: "no options", args: [], normalize: artLines },
    { method: "lolwut", title: "version 5", args: [{ version: 5 }], normalize: artLines },
    { method: "lolwut", title: "version 6", args: [{ version: 6 }], normalize: artLines },
    { method: "lolwut", title: "version 5 with parameters", args: [{ version: 5, parameters: [10, 2, 2] }], normalize: artLines },
    { method: "lolwut", title: "version 6 with parameters", args: [{ version: 6, parameters: [20, 4] }], normalize: artLines },
    { method: "lolwut", title: "parameters without version", args: [{ parameters: [5] }], normalize: artLines },
    { method: "lolwut", title: "empty parameters", args: [{ version: 6, parameters: [] }], normalize: artLines },
    { method: "lolwut", title: "unknown version", args: [{ version: 99 }], normalize: artLines },
    { method: "lolwut", title: "negative version", args: [{ version: -1 }], normalize: artLines },
    ...routed("lolwut", "version 6", (route) => [{ version: 6, parameters: [10, 2], route }], { normalize: artLines }),
];

const memoryCases: Case[] = [
    // The doctor's words depend on the node's memory history (its peak): only their type is compared.
    { method: "memoryDoctor", title: "empty server", args: [], batch: false, normalize: shape },
    ...routed("memoryDoctor", "empty server", (route) => [{ route }], { normalize: shape }),
    { method: "memoryMallocStats", title: "statistics", args: [], batch: false, normalize: firstLine },
    ...routed("memoryMallocStats", "statistics", (route) => [{ route }], { normalize: firstLine }),
    { method: "memoryPurge", title: "purge", args: [], batch: false },
    ...routed("memoryPurge", "purge", (route) => [{ route }]),
    { method: "memoryStats", title: "statistics", args: [], batch: false, normalize: shape },
    { method: "memoryStats", title: "statistics with keys", setup: withKeys, args: [], batch: false, normalize: shape },
    ...routed("memoryStats", "statistics", (route) => [{ route }], { normalize: shape }),
];

const latencyCases: Case[] = [
    { method: "latencyHistory", title: "no events", args: ["command"], batch: false },
    { method: "latencyHistory", title: "an event", setup: withLatencyEvent, teardown: latencyOff, args: ["command"], batch: false, normalize: shape },
    { method: "latencyHistory", title: "unknown event", setup: withLatencyEvent, teardown: latencyOff, args: ["no-such-event"], batch: false },
    { method: "latencyHistory", title: "binary event name", args: [BIN], batch: false },
    ...routed("latencyHistory", "an event", (route) => ["command", { route }], { setup: withLatencyEvent, teardown: latencyOff, normalize: shape }),
    { method: "latencyLatest", title: "no events", args: [], batch: false },
    { method: "latencyLatest", title: "an event", setup: withLatencyEvent, teardown: latencyOff, args: [], batch: false, normalize: shape },
    ...routed("latencyLatest", "an event", (route) => [{ route }], { setup: withLatencyEvent, teardown: latencyOff, normalize: shape }),
    { method: "latencyReset", title: "nothing to reset", args: [], batch: false },
    { method: "latencyReset", title: "every event", setup: withLatencyEvent, teardown: latencyOff, args: [], batch: false },
    { method: "latencyReset", title: "named event", setup: withLatencyEvent, teardown: latencyOff, args: [["command"]], batch: false },
    { method: "latencyReset", title: "unknown event", setup: withLatencyEvent, teardown: latencyOff, args: [["no-such-event", BIN]], batch: false },
    { method: "latencyReset", title: "empty list", setup: withLatencyEvent, teardown: latencyOff, args: [[]], batch: false },
    ...routed("latencyReset", "every event", (route) => [undefined, { route }], { setup: withLatencyEvent, teardown: latencyOff }),
];

const persistenceCases: Case[] = [
    { method: "save", title: "save", setup: noChildRunning, args: [], batch: false },
    { method: "save", title: "while a background save runs", setup: whileSaving, teardown: saveDelayOff, args: [], batch: false, only: "standalone" },
    ...routed("save", "save", (route) => [{ route }], { setup: noChildRunning }, PRIMARY_ROUTES),
    { method: "bgsave", title: "start", setup: noChildRunning, args: [], batch: false },
    { method: "bgsave", title: "while one runs", setup: whileSaving, teardown: saveDelayOff, args: [], batch: false, only: "standalone" },
    ...routed("bgsave", "start", (route) => [{ route }], { setup: noChildRunning }),
    ...routed("bgsave", "while one runs", (route) => [{ route }], { setup: whileSaving, teardown: saveDelayOff }, ROUTES.slice(3, 4)),
    { method: "bgsaveSchedule", title: "nothing running", setup: noChildRunning, args: [], batch: false },
    { method: "bgsaveSchedule", title: "while one runs", setup: whileSaving, teardown: saveDelayOff, args: [], batch: false, only: "standalone" },
    ...routed("bgsaveSchedule", "nothing running", (route) => [{ route }], { setup: noChildRunning }, ROUTES.slice(0, 4)),
    ...routed("bgsaveSchedule", "while one runs", (route) => [{ route }], { setup: whileSaving, teardown: saveDelayOff }, ROUTES.slice(3, 4)),
    { method: "bgsaveCancel", title: "nothing running", setup: noChildRunning, args: [], batch: false },
    ...routed("bgsaveCancel", "nothing running", (route) => [{ route }], { setup: noChildRunning }, ROUTES.slice(0, 4)),
    { method: "bgrewriteaof", title: "start", setup: noChildRunning, args: [], batch: false },
    { method: "bgrewriteaof", title: "while a background save runs", setup: whileSaving, teardown: saveDelayOff, args: [], batch: false, only: "standalone" },
    ...routed("bgrewriteaof", "start", (route) => [{ route }], { setup: noChildRunning }),
    ...routed("bgrewriteaof", "while a background save runs", (route) => [{ route }], { setup: whileSaving, teardown: saveDelayOff }, ROUTES.slice(3, 4)),
];

const withHash: readonly SetupCommand[] = [["HSET", K.a, "f1", "v1", "f2", "v2"]];
const withStream: readonly SetupCommand[] = [
    ["XADD", K.a, "1-1", "f", "v"],
    ["XADD", K.a, "2-1", "g", BIN],
];

/** A consumer group that has read both entries (the setup reads them back: no binary values here). */
const withGroup: readonly SetupCommand[] = [
    ["XADD", K.a, "1-1", "f", "v"],
    ["XADD", K.a, "2-1", "g", "w"],
    ["XGROUP", "CREATE", K.a, "g", "0"],
    ["XREADGROUP", "GROUP", "g", "c", "STREAMS", K.a, ">"],
];
const withZset: readonly SetupCommand[] = [["ZADD", K.a, "1.5", "m", "2", "n"]];
const withOneMember: readonly SetupCommand[] = [["ZADD", K.a, "1.5", "m"], ["SADD", K.b, "s"], ["HSET", K.c, "f", "v"]];
const withSet: readonly SetupCommand[] = [["SADD", K.a, "m", "n"], ["SADD", K.b, "n", "o"]];
const withGeo: readonly SetupCommand[] = [["GEOADD", K.a, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"]];

/**
 * Commands whose replies GLIDE's core reshapes (maps from RESP2 flat arrays, doubles from RESP2
 * strings, booleans from integers, sets, pairs): customCommand gives the same shape on both
 * protocols. [title, setup, argv, normaliser].
 */
const RESHAPED: readonly [string, readonly SetupCommand[], readonly (string | Buffer)[], ((value: unknown) => unknown)?][] = [
    ["XCLAIM", withGroup, ["XCLAIM", K.a, "g", "c2", "0", "1-1"]],
    ["XCLAIM JUSTID", withGroup, ["XCLAIM", K.a, "g", "c2", "0", "1-1", "JUSTID"]],
    ["XAUTOCLAIM", withGroup, ["XAUTOCLAIM", K.a, "g", "c2", "0", "0-0"]],
    ["XAUTOCLAIM JUSTID", withGroup, ["XAUTOCLAIM", K.a, "g", "c2", "0", "0-0", "JUSTID"]],
    ["XINFO GROUPS", withGroup, ["XINFO", "GROUPS", K.a]],
    ["XINFO CONSUMERS", withGroup, ["XINFO", "CONSUMERS", K.a, "g"], hideEntries("idle", "inactive")],
    ["XREVRANGE", withStream, ["XREVRANGE", K.a, "+", "-"]],
    ["XREAD", withStream, ["XREAD", "STREAMS", K.a, "0"]],
    ["XREAD of nothing", withStream, ["XREAD", "STREAMS", K.a, "$"]],
    ["XREADGROUP", [...withStream, ["XGROUP", "CREATE", K.a, "g", "0"]], ["XREADGROUP", "GROUP", "g", "c", "STREAMS", K.a, ">"]],
    ["XINFO STREAM of a group", withGroup, ["XINFO", "STREAM", K.a]],
    ["XINFO STREAM FULL of a group", withGroup, ["XINFO", "STREAM", K.a, "FULL"], hideEntries("seen-time", "active-time", "pending")],
    ["LCS IDX", [["SET", K.a, "ohmytext"], ["SET", K.b, "mynewtext"]], ["LCS", K.a, K.b, "IDX"]],
    ["LCS", [["SET", K.a, "ohmytext"], ["SET", K.b, "mynewtext"]], ["LCS", K.a, K.b]],
    ["HINCRBYFLOAT", [], ["HINCRBYFLOAT", K.a, "f", "1.5"]],
    ["ZINCRBY", [], ["ZINCRBY", K.a, "1.5", "m"]],
    ["HEXISTS", withOneMember, ["HEXISTS", K.c, "f"]],
    ["HSETNX", [], ["HSETNX", K.a, "f", "v"]],
    ["EXPIRE", withKeys, ["EXPIRE", K.a, "100"]],
    ["PEXPIREAT", withKeys, ["PEXPIREAT", K.a, "1"]],
    ["SISMEMBER", withSet, ["SISMEMBER", K.a, "m"]],
    ["PERSIST", withKeys, ["PERSIST", K.a]],
    ["SMOVE", withSet, ["SMOVE", K.a, K.b, "m"]],
    ["PFADD", [], ["PFADD", K.a, "x"]],
    ["RENAMENX", withKeys, ["RENAMENX", K.a, K.b]],
    ["COPY", withKeys, ["COPY", K.a, K.d]],
    ["MSETNX", [], ["MSETNX", K.a, "1", K.b, "2"]],
    ["XGROUP CREATECONSUMER", withGroup, ["XGROUP", "CREATECONSUMER", K.a, "g", "c3"]],
    ["XGROUP DESTROY", withGroup, ["XGROUP", "DESTROY", K.a, "g"]],
    ["SMISMEMBER", withSet, ["SMISMEMBER", K.a, "m", "x"]],
    ["SCRIPT EXISTS", [], ["SCRIPT", "EXISTS", "0000000000000000000000000000000000000000"]],
    ["SINTER", withSet, ["SINTER", K.a, K.b]],
    ["SDIFF", withSet, ["SDIFF", K.a, K.b]],
    ["SUNION", withOneMember, ["SUNION", K.b]],
    ["SPOP with a count", withOneMember, ["SPOP", K.b, "1"]],
    ["SPOP", withOneMember, ["SPOP", K.b]],
    ["ZSCORE of a missing member", withZset, ["ZSCORE", K.a, "x"]],
    ["GEODIST", withGeo, ["GEODIST", K.a, "Palermo", "Catania"]],
    ["ZMSCORE", withZset, ["ZMSCORE", K.a, "m", "x"]],
    ["ZPOPMIN", withZset, ["ZPOPMIN", K.a]],
    ["ZPOPMAX with a count", withZset, ["ZPOPMAX", K.a, "2"]],
    ["ZMPOP", withZset, ["ZMPOP", "1", K.a, "MIN", "COUNT", "2"]],
    ["BZMPOP", withZset, ["BZMPOP", "0.1", "1", K.a, "MAX"]],
    ["GEOPOS", withGeo, ["GEOPOS", K.a, "Palermo", "nowhere"]],
    ["GEOSEARCH WITHDIST WITHCOORD WITHHASH", withGeo, ["GEOSEARCH", K.a, "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC", "WITHDIST", "WITHCOORD", "WITHHASH"]],
    ["GEOSEARCH", withGeo, ["GEOSEARCH", K.a, "FROMLONLAT", "15", "37", "BYRADIUS", "200", "km", "ASC"]],
    ["LMPOP", withKeys, ["LMPOP", "1", K.c, "LEFT"]],
    ["BLMPOP", withKeys, ["BLMPOP", "0.1", "1", K.c, "RIGHT", "COUNT", "2"]],
    ["HRANDFIELD WITHVALUES", withOneMember, ["HRANDFIELD", K.c, "1", "WITHVALUES"]],
    ["ZRANDMEMBER WITHSCORES", withOneMember, ["ZRANDMEMBER", K.a, "1", "WITHSCORES"]],
    ["ZADD INCR", withZset, ["ZADD", K.a, "INCR", "2", "m"]],
    ["ZDIFF WITHSCORES", withZset, ["ZDIFF", "1", K.a, "WITHSCORES"]],
    ["ZUNION WITHSCORES", withZset, ["ZUNION", "1", K.a, "WITHSCORES"]],
    ["ZINTER WITHSCORES", withZset, ["ZINTER", "1", K.a, "WITHSCORES"]],
    ["ZRANGEBYSCORE WITHSCORES", withZset, ["ZRANGEBYSCORE", K.a, "-inf", "+inf", "WITHSCORES"]],
    ["ZRANK WITHSCORE", withZset, ["ZRANK", K.a, "n", "WITHSCORE"]],
    ["BZPOPMIN", withZset, ["BZPOPMIN", K.a, "0.1"]],
    ["LOLWUT", [], ["LOLWUT", "VERSION", "5", "2", "1", "1"], artLines],
    ["PUBSUB NUMSUB", [], ["PUBSUB", "NUMSUB", "some-channel"]],
];

const withFunction: SetupCommand = {
    args: ["FUNCTION", "LOAD", "#!lua name=clib\nredis.register_function{function_name='f', callback=function() return 1 end, flags={'no-writes'}}"],
    route: "allPrimaries",
};

const customCases: Case[] = [
    ...RESHAPED.map(([title, setup, argv, normalize]): Case => ({ method: "customCommand", title, setup, args: [argv], normalize })),
    { method: "customCommand", title: "FUNCTION LIST", setup: [withFunction], args: [["FUNCTION", "LIST"]], only: "standalone" },
    // GLIDE's random node may be a replica: it must have the library.
    { method: "customCommand", title: "FUNCTION LIST", setup: [withFunction, { args: ["WAIT", "1", "1000"], route: "allPrimaries" }], args: [["FUNCTION", "LIST"]], only: "cluster" },
    { method: "customCommand", title: "SET", args: [["SET", K.a, "v"]] },
    { method: "customCommand", title: "GET", setup: withKeys, args: [["GET", K.a]] },
    { method: "customCommand", title: "GET of a missing key", args: [["GET", K.missing]] },
    { method: "customCommand", title: "binary key and value", args: [["SET", BIN, BIN]] },
    { method: "customCommand", title: "GET binary, bytes decoder", setup: [["SET", K.a, BIN]], args: ({ lib }) => [["GET", K.a], { decoder: lib.Decoder.Bytes }], batch: [["GET", K.a]] },
    { method: "customCommand", title: "GET binary, string decoder", setup: [["SET", K.a, BIN]], args: ({ lib }) => [["GET", K.a], { decoder: lib.Decoder.String }], batch: false },
    { method: "customCommand", title: "Buffer arguments", setup: withKeys, args: [[Buffer.from("GET"), Buffer.from(K.a)]] },
    { method: "customCommand", title: "lower-case command", setup: withKeys, args: [["get", K.a]] },
    { method: "customCommand", title: "PING", args: [["PING"]] },
    { method: "customCommand", title: "INCRBYFLOAT", setup: withKeys, args: [["INCRBYFLOAT", K.a, "1.5"]] },
    { method: "customCommand", title: "LRANGE", setup: withKeys, args: [["LRANGE", K.c, "0", "-1"]] },
    { method: "customCommand", title: "SMEMBERS", setup: [["SADD", K.a, "m"]], args: [["SMEMBERS", K.a]] },
    { method: "customCommand", title: "ZRANGE WITHSCORES", setup: [["ZADD", K.a, "1.5", "m", "2", "n"]], args: [["ZRANGE", K.a, "0", "-1", "WITHSCORES"]] },
    { method: "customCommand", title: "ZSCORE", setup: [["ZADD", K.a, "1.5", "m"]], args: [["ZSCORE", K.a, "m"]] },
    { method: "customCommand", title: "HGETALL", setup: withHash, args: [["HGETALL", K.a]] },
    { method: "customCommand", title: "HGETALL of a missing key", args: [["HGETALL", K.missing]] },
    { method: "customCommand", title: "hgetall in lower case", setup: withHash, args: [["hgetall", K.a]] },
    { method: "customCommand", title: "HGETALL, bytes decoder", setup: withHash, args: ({ lib }) => [["HGETALL", K.a], { decoder: lib.Decoder.Bytes }], batch: [["HGETALL", K.a]] },
    { method: "customCommand", title: "CONFIG GET", args: [["CONFIG", "GET", "maxmemory*"]], normalize: sortedEntries },
    { method: "customCommand", title: "config get in lower case", args: [["config", "get", "maxmemory"]] },
    { method: "customCommand", title: "XINFO STREAM", setup: withStream, args: [["XINFO", "STREAM", K.a]] },
    { method: "customCommand", title: "XINFO STREAM FULL", setup: withStream, args: [["XINFO", "STREAM", K.a, "FULL"]] },
    { method: "customCommand", title: "XRANGE", setup: withStream, args: [["XRANGE", K.a, "-", "+"]] },
    // On the cluster GLIDE's random node may be a replica: its role is chance.
    { method: "customCommand", title: "HELLO", args: [["HELLO"]], normalize: hideEntries("id", "role") },
    { method: "customCommand", title: "FUNCTION STATS", args: [["FUNCTION", "STATS"]], normalize: hideEntries("duration_ms") },
    { method: "customCommand", title: "MEMORY STATS", args: [["MEMORY", "STATS"]], normalize: shape },
    { method: "customCommand", title: "unknown command", args: [["NOSUCHCOMMAND", "x"]] },
    { method: "customCommand", title: "wrong arity", args: [["GET"]] },
    { method: "customCommand", title: "wrong type", setup: withKeys, args: [["LPUSH", K.a, "x"]] },
    { method: "customCommand", title: "empty command", args: [[]] },
    { method: "customCommand", title: "empty string command", args: [[""]] },
    ...["map", "set", "bignum", "true", "false", "verbatim", "double", "null", "attrib"].map(
        (type): Case => ({ method: "customCommand", title: `DEBUG PROTOCOL ${type}`, args: [["DEBUG", "PROTOCOL", type]] }),
    ),
    { method: "customCommand", title: "keys in other slots", args: [["MGET", K.Xa, K.Xb]], batchModes: ["pipeline"] },
    { method: "customCommand", title: "DBSIZE on every shard", setup: onEveryShard, args: [["DBSIZE"]], only: "cluster" },
    { method: "customCommand", title: "INFO", args: [["INFO", "server"]], normalize: infoSections },
    { method: "customCommand", title: "CLIENT ID", args: [["CLIENT", "ID"]], normalize: shape },
    // Tools count GLIDE's clients by lib-name; the version (lib-ver) is each library's own.
    { method: "customCommand", title: "CLIENT INFO: the library's name", args: [["CLIENT", "INFO"]], normalize: libName },
    ...routed("customCommand", "PING", (route) => [["PING"], { route }]),
    ...routed("customCommand", "DBSIZE on every shard", (route) => [["DBSIZE"], { route }], { setup: onEveryShard }),
    ...routed("customCommand", "HGETALL", (route, { lib }) => [["HGETALL", K.a], { route, decoder: lib.Decoder.Bytes }], { setup: withHash }),
    ...routed("customCommand", "CLIENT ID", (route) => [["CLIENT", "ID"], { route }], { normalize: shape }),
    ...routed("customCommand", "INFO", (route) => [["INFO", "server"], { route }], { normalize: infoSections }, ROUTES.slice(0, 4)),
    ...routed("customCommand", "PING", (route) => [["PING"], { route }], {}, BAD_ROUTES),
];

/** SELECT changes the connection: each case gets a client of its own. ClusterBatch has no select. */
const selectCases: Case[] = [
    ...[
        { title: "database 0", index: 0 },
        { title: "database 1", index: 1 },
        { title: "last database", index: 15 },
        { title: "out of range", index: 16 },
        { title: "negative", index: -1 },
    ].flatMap(({ title, index }): Case[] => [
        { method: "select", title, args: [index], freshClient: true, only: "standalone" },
        { method: "select", title: `${title} on a cluster`, args: [index], freshClient: true, only: "cluster", batch: false },
    ]),
];

const replicationCases: Case[] = [
    { method: "replicaofNoOne", title: "on a primary", args: [], batch: false, only: "standalone" },
    { method: "replicaof", title: "port out of range", args: ["127.0.0.1", 70000], batch: false, only: "standalone" },
    { method: "replicaof", title: "negative port", args: ["127.0.0.1", -1], batch: false, only: "standalone" },
    { method: "failover", title: "no replica", args: [], batch: false, only: "standalone" },
    { method: "failover", title: "undefined options", args: [undefined], batch: false, only: "standalone" },
    { method: "failover", title: "to a node that is no replica", args: [{ to: { host: "127.0.0.1", port: 1 } }], batch: false, only: "standalone" },
    { method: "failover", title: "force without timeout", args: [{ to: { host: "127.0.0.1", port: 1, force: true } }], batch: false, only: "standalone" },
    { method: "failover", title: "force with timeout", args: [{ to: { host: "127.0.0.1", port: 1, force: true }, timeoutMs: 100 }], batch: false, only: "standalone" },
    { method: "failover", title: "abort with none running", args: [{ abort: true }], batch: false, only: "standalone" },
    { method: "failover", title: "timeout", args: [{ timeoutMs: 100 }], batch: false, only: "standalone" },
    { method: "failover", title: "negative timeout", args: [{ timeoutMs: -5 }], batch: false, only: "standalone" },
];

export const serverFamily = family("server", [
        ...pingCases,
        ...echoCases,
        ...infoCases,
        ...timeCases,
        ...lastsaveCases,
        ...dbsizeCases,
        ...flushCases("flushall"),
        ...flushCases("flushdb"),
        ...configGetCases,
        ...configSetCases,
        ...configOtherCases,
        ...clientCases,
        ...lolwutCases,
        ...memoryCases,
        ...latencyCases,
        ...persistenceCases,
        ...customCases,
        ...selectCases,
    ...replicationCases,
]);
