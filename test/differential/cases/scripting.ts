/**
 * Lua scripts: invokeScript (and invokeScriptWithRoute on the cluster) with the library's own
 * Script objects, and SCRIPT EXISTS / FLUSH / KILL / SHOW. Each call builds its Script anew; a
 * Script is never released here (GLIDE's keeps its code in the native core until release()).
 */
import { createHash } from "node:crypto";

import { family, onEveryShard, PRIMARY_ROUTES, ROUTES, routed } from "./server";
import { BIN, K, type CallContext, type Case, type SetupCommand } from "./types";

type Code = string | Buffer;
type Options = Record<string, unknown> | ((ctx: CallContext) => Record<string, unknown>) | undefined;

const sha1 = (code: Code): string => createHash("sha1").update(code).digest("hex");

const RETURN_ONE = "return 1";
const ONE_SHA = sha1(RETURN_ONE);
const MISSING_SHA = "0000000000000000000000000000000000000000";
const BINARY_SCRIPT = Buffer.concat([Buffer.from("return '"), BIN.subarray(1, 3), Buffer.from("'")]);

/** SCRIPT LOAD on every node: scripts are not replicated, and a random node may be a replica. */
const loaded = (code: Code = RETURN_ONE): SetupCommand => ({ args: ["SCRIPT", "LOAD", code], route: "allNodes" });
const loadedOnPrimaries: SetupCommand = { args: ["SCRIPT", "LOAD", RETURN_ONE], route: "allPrimaries" };

/** invokeScript of a new Script of `code`; options given as they are, or built with the side's library. */
function invoke(title: string, code: Code, options?: Options, extra: Partial<Case> = {}): Case {
    return {
        method: "invokeScript",
        title,
        args: (ctx) => {
            const script = new ctx.lib.Script(code);
            if (options === undefined) return [script];
            return [script, typeof options === "function" ? options(ctx) : options];
        },
        batch: false,
        ...extra,
    };
}

const bytes = (more: Record<string, unknown> = {}) => ({ lib }: CallContext) => ({ ...more, decoder: lib.Decoder.Bytes });
const text = (more: Record<string, unknown> = {}) => ({ lib }: CallContext) => ({ ...more, decoder: lib.Decoder.String });

const invokeCases: Case[] = [
    invoke("integer", "return 1"),
    invoke("string", "return 'hello'"),
    invoke("argument back", "return ARGV[1]", { args: ["x"] }),
    invoke("keys and arguments", "return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}", { keys: [K.a, K.b], args: ["1", "2"] }),
    invoke("counts of keys and arguments", "return {#KEYS, #ARGV}", { keys: [K.a], args: ["1", "2", "3"] }),
    invoke("empty keys and arguments", "return {#KEYS, #ARGV}", { keys: [], args: [] }),
    invoke("undefined options", "return {#KEYS, #ARGV}", undefined),
    invoke("Buffer keys and arguments", "return {KEYS[1], ARGV[1]}", { keys: [Buffer.from(K.a)], args: [BIN] }),
    invoke("binary argument, bytes decoder", "return ARGV[1]", bytes({ args: [BIN] })),
    invoke("binary argument, string decoder", "return ARGV[1]", text({ args: [BIN] })),
    invoke("Buffer code", Buffer.from("return 'from a buffer'")),
    invoke("binary code", BINARY_SCRIPT, bytes()),
    invoke("nested tables", "return {1, {2, {3, 'four'}}, {}}"),
    invoke("status reply", "return redis.status_reply('FINE')"),
    invoke("status reply, bytes decoder", "return redis.status_reply('FINE')", bytes()),
    invoke("error reply", "return redis.error_reply('MY error')"),
    invoke("error reply with a code", "return redis.error_reply('WRONGTYPE not really')"),
    invoke("error raised", "error('boom')"),
    invoke("error table raised", "error({err='CUSTOM raised'})"),
    invoke("server error inside", "return redis.call('INCR', KEYS[1])", { keys: [K.a] }, { setup: [["SET", K.a, "abc"]] }),
    invoke("server error caught", "return redis.pcall('INCR', KEYS[1])", { keys: [K.a] }, { setup: [["SET", K.a, "abc"]] }),
    invoke("float truncated", "return 3.99"),
    invoke("negative float truncated", "return -2.5"),
    invoke("large number", "return 2^53 + 1"),
    invoke("true", "return true"),
    invoke("false", "return false"),
    invoke("nil", "return nil"),
    invoke("table cut at nil", "return {1, nil, 3}"),
    invoke("table with false", "return {1, false, 3}"),
    invoke("table with a hash part", "return {1, 2, key = 'ignored'}"),
    invoke("RESP3 map", "redis.setresp(3); return {map={a=1}}"),
    invoke("RESP3 set", "redis.setresp(3); return {set={a=true}}"),
    invoke("RESP3 double", "redis.setresp(3); return {double=3.5}"),
    invoke("RESP3 true", "redis.setresp(3); return true"),
    invoke("RESP3 false", "redis.setresp(3); return false"),
    invoke("RESP3 big number", "redis.setresp(3); return {big_number='123456789012345678901234567890'}"),
    invoke("RESP3 verbatim string", "redis.setresp(3); return {verbatim_string={format='txt', string='hi'}}"),
    invoke("RESP3 HGETALL", "redis.setresp(3); return redis.call('HGETALL', KEYS[1])", { keys: [K.a] }, { setup: [["HSET", K.a, "f", "v"]] }),
    invoke("RESP3 ZSCORE", "redis.setresp(3); return redis.call('ZSCORE', KEYS[1], 'm')", { keys: [K.a] }, { setup: [["ZADD", K.a, "1.5", "m"]] }),
    invoke("RESP2 HGETALL", "return redis.call('HGETALL', KEYS[1])", { keys: [K.a] }, { setup: [["HSET", K.a, "f", "v"]] }),
    invoke("write a key", "return redis.call('SET', KEYS[1], ARGV[1])", { keys: [K.a], args: ["v"] }),
    invoke("read a binary value, bytes decoder", "return redis.call('GET', KEYS[1])", bytes({ keys: [K.a] }), { setup: [["SET", K.a, BIN]] }),
    invoke("read a binary value, string decoder", "return redis.call('GET', KEYS[1])", text({ keys: [K.a] }), { setup: [["SET", K.a, BIN]] }),
    invoke("read a missing key", "return redis.call('GET', KEYS[1])", { keys: [K.missing] }),
    invoke("no-writes script that writes", "#!lua flags=no-writes\nreturn redis.call('SET', KEYS[1], 'v')", { keys: [K.a] }),
    invoke("shebang script", "#!lua\nreturn redis.call('GET', KEYS[1])", { keys: [K.a] }, { setup: [["SET", K.a, "v"]] }),
    invoke("undeclared key", "return redis.call('SET', 'undeclared', 'v')", undefined, { only: "standalone" }),
    invoke("keys in other slots", "return #KEYS", { keys: [K.Xa, K.Xb] }),
    invoke("syntax error", "return +"),
    invoke("already cached", RETURN_ONE, undefined, { setup: [loaded()] }),
    {
        method: "invokeScript",
        title: "released script",
        args: ({ lib }) => {
            const script = new lib.Script("return 'released'");
            script.release();
            return [script];
        },
        batch: false,
    },
    {
        method: "invokeScript",
        title: "released script the server has cached",
        setup: [loaded("return 'released'")],
        args: ({ lib }) => {
            const script = new lib.Script("return 'released'");
            script.release();
            return [script];
        },
        batch: false,
    },
];

function invokeWithRoute(title: string, code: Code, options: (route: unknown, ctx: CallContext) => Record<string, unknown>, extra: Partial<Case> = {}, routes = ROUTES): Case[] {
    return routed("invokeScriptWithRoute", title, (route, ctx) => [new ctx.lib.Script(code), options(route, ctx)], extra, routes);
}

const withRouteCases: Case[] = [
    ...invokeWithRoute("argument back", "return ARGV[1]", (route) => ({ args: ["x"], route })),
    ...invokeWithRoute("DBSIZE of each node", "return redis.call('DBSIZE')", (route) => ({ route }), { setup: onEveryShard }),
    ...invokeWithRoute("binary argument, bytes decoder", "return {ARGV[1], 2}", (route, { lib }) => ({ args: [BIN], route, decoder: lib.Decoder.Bytes }), {}, ROUTES.slice(0, 4)),
    ...invokeWithRoute("error reply", "return redis.error_reply('MY error')", (route) => ({ route }), {}, ROUTES.slice(0, 4)),
    ...invokeWithRoute("already cached", RETURN_ONE, (route) => ({ route }), { setup: [loaded()] }, ROUTES.slice(0, 4)),
    ...invokeWithRoute("write on a primary", "return redis.call('SET', 'dk:routed', 'v')", (route) => ({ route }), {}, PRIMARY_ROUTES.slice(2, 3)),
    {
        method: "invokeScriptWithRoute",
        title: "no options",
        args: ({ lib }) => [new lib.Script("return 'no route'")],
        only: "cluster",
        batch: false,
    },
    {
        method: "invokeScriptWithRoute",
        title: "arguments, no route",
        args: ({ lib }) => [new lib.Script("return ARGV"), { args: ["a", Buffer.from("b")] }],
        only: "cluster",
        batch: false,
    },
];

const existsCases: Case[] = [
    { method: "scriptExists", title: "cached", setup: [loaded()], args: [[ONE_SHA]], batch: false },
    { method: "scriptExists", title: "missing", args: [[MISSING_SHA]], batch: false },
    { method: "scriptExists", title: "cached and missing", setup: [loaded()], args: [[MISSING_SHA, ONE_SHA, MISSING_SHA]], batch: false },
    { method: "scriptExists", title: "upper-case hash", setup: [loaded()], args: [[ONE_SHA.toUpperCase()]], batch: false },
    { method: "scriptExists", title: "Buffer hash", setup: [loaded()], args: [[Buffer.from(ONE_SHA)]], batch: false },
    { method: "scriptExists", title: "not a hash", args: [["xyz"]], batch: false },
    { method: "scriptExists", title: "no hashes", args: [[]], batch: false },
    { method: "scriptExists", title: "hash of a Script", setup: [loaded()], args: ({ lib }) => [[new lib.Script(RETURN_ONE).getHash()]], batch: false },
    { method: "scriptExists", title: "cached on the primaries only", setup: [loadedOnPrimaries], args: [[ONE_SHA]], batch: false, only: "cluster" },
    ...routed("scriptExists", "cached", (route) => [[ONE_SHA, MISSING_SHA], { route }], { setup: [loaded()] }),
    ...routed("scriptExists", "cached on the primaries only", (route) => [[ONE_SHA], { route }], { setup: [loadedOnPrimaries] }, [
        ROUTES[0],
        ...PRIMARY_ROUTES,
    ]),
];

function modeArgs(mode: (lib: CallContext["lib"]) => unknown) {
    return ({ lib, cluster }: CallContext) => (cluster ? [{ mode: mode(lib) }] : [mode(lib)]);
}

const flushCases: Case[] = [
    { method: "scriptFlush", title: "no mode", setup: [loaded()], args: [], batch: false },
    { method: "scriptFlush", title: "SYNC", setup: [loaded()], args: modeArgs((lib) => lib.FlushMode.SYNC), batch: false },
    { method: "scriptFlush", title: "ASYNC", setup: [loaded()], args: modeArgs((lib) => lib.FlushMode.ASYNC), batch: false },
    { method: "scriptFlush", title: "undefined mode", args: [undefined], batch: false },
    { method: "scriptFlush", title: "nothing cached", args: [], batch: false },
    ...routed("scriptFlush", "SYNC", (route, { lib }) => [{ mode: lib.FlushMode.SYNC, route }], { setup: [loaded()] }),
    ...routed("scriptFlush", "no mode", (route) => [{ route }], {}, ROUTES.slice(0, 4)),
];

const killCases: Case[] = [
    { method: "scriptKill", title: "nothing running", args: [], batch: false },
    { method: "scriptKill", title: "script cached, nothing running", setup: [loaded()], args: [], batch: false },
    ...routed("scriptKill", "nothing running", (route) => [{ route }]),
];

const showCases: Case[] = [
    { method: "scriptShow", title: "cached", setup: [loaded()], args: [ONE_SHA], batch: false },
    { method: "scriptShow", title: "missing", args: [MISSING_SHA], batch: false },
    { method: "scriptShow", title: "not a hash", args: ["xyz"], batch: false },
    { method: "scriptShow", title: "empty hash", args: [""], batch: false },
    { method: "scriptShow", title: "Buffer hash", setup: [loaded()], args: [Buffer.from(ONE_SHA)], batch: false },
    { method: "scriptShow", title: "bytes decoder", setup: [loaded()], args: ({ lib }) => [ONE_SHA, { decoder: lib.Decoder.Bytes }], batch: false },
    { method: "scriptShow", title: "binary code, bytes decoder", setup: [loaded(BINARY_SCRIPT)], args: ({ lib }) => [sha1(BINARY_SCRIPT), { decoder: lib.Decoder.Bytes }], batch: false },
    { method: "scriptShow", title: "binary code, string decoder", setup: [loaded(BINARY_SCRIPT)], args: ({ lib }) => [sha1(BINARY_SCRIPT), { decoder: lib.Decoder.String }], batch: false },
    { method: "scriptShow", title: "hash of a Script", setup: [loaded()], args: ({ lib }) => [new lib.Script(RETURN_ONE).getHash()], batch: false },
    { method: "scriptShow", title: "after EVAL cached it", setup: [{ args: ["EVAL", "return 'evaluated'", "0"], route: "allNodes" }], args: [sha1("return 'evaluated'")], batch: false },
];

export const scriptingFamily = family("scripting", [...invokeCases, ...withRouteCases, ...existsCases, ...flushCases, ...killCases, ...showCases]);
