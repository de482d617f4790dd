/** Functions: FUNCTION LOAD / DELETE / FLUSH / KILL / LIST / STATS / DUMP / RESTORE and FCALL. */
import { family, isPlainObject, keylessWrite, PRIMARY_ROUTES, ROUTES, routed } from "./server";
import { BIN, K, type Case, type CallContext, type SetupCommand } from "./types";

/** A library whose functions return what the cases look at; all but set_key run on replicas too. */
const LIB = [
    "#!lua name=difflib",
    "redis.register_function{function_name='echo_args', callback=function(keys, args) return args end, flags={'no-writes'}, description='returns its arguments'}",
    "redis.register_function{function_name='get_key', callback=function(keys, args) return redis.call('GET', keys[1]) end, flags={'no-writes'}}",
    "redis.register_function('set_key', function(keys, args) return redis.call('SET', keys[1], args[1]) end)",
    "redis.register_function{function_name='fail', callback=function(keys, args) return redis.error_reply('MY failure') end, flags={'no-writes'}}",
    "redis.register_function{function_name='types', callback=function(keys, args) return {1, 'two', 3.7, true, false, {nested = 1}, redis.status_reply('FINE')} end, flags={'no-writes'}}",
    "",
].join("\n");

const OTHER_LIB = "#!lua name=otherlib\nredis.register_function{function_name='other', callback=function() return 'other' end, flags={'no-writes'}}";

/** FUNCTION DUMP of LIB alone (Valkey 8.0, RDB 11), for FUNCTION RESTORE. */
const LIB_DUMP = Buffer.from(
    "f5c3415742e41f23216c7561206e616d653d646966666c69620a72656469732e726567697374650a725f66756e6374696f6e7bc008005f602d15276563686f5f61726773272c2063616c6c6261636b3dc02306286b6579732c20401e07292072657475726e600c1f20656e642c20666c6167733d7b276e6f2d777269746573277d2c206465736372016970406a013d278032047320697473403704756d656e742025e01f9b036765745f2081e01f9980f140c40428274745542036203c04735b315d29e010afe0108a02282773e0007ce1130de003730053e003738135c07c0029e01ff2036661696c20b840c4e11889807b0f6572726f725f7265706c7928274d592040410375726527e02af4e2071b0274797021d4e01e8d077b312c202774776f202f08332e372c2074727565213b02616c732006027b6e6522850464203d2031222380b805737461747573c0b90646494e4527297de110a9017d0a0b00e4cbb2a8d35af63c",
    "hex",
);

const load = (code: string | Buffer): SetupCommand => ({ args: ["FUNCTION", "LOAD", code], route: "allPrimaries" });
/** Replicas too must have the library before a call that may reach one (GLIDE's random node may be a replica). */
const replicated: SetupCommand = { args: ["WAIT", "1", "1000"], route: "allPrimaries" };

/**
 * The case on both client kinds, starting with `libraries` loaded: on the cluster also replicated,
 * which WAIT ensures (on the standalone server, which has no replica, WAIT would only time out).
 */
function withLibraries(testCase: Case, libraries: readonly (string | Buffer)[] = [LIB], extra: readonly SetupCommand[] = []): Case[] {
    const setup = [...libraries.map(load), ...extra];
    if (testCase.only === "standalone") return [{ ...testCase, setup }];
    if (testCase.only === "cluster") return [{ ...testCase, setup: [...setup, replicated] }];
    return [
        { ...testCase, setup, only: "standalone" },
        { ...testCase, setup: [...setup, replicated], only: "cluster" },
    ];
}

/** Standalone takes the mode or policy as a parameter, the cluster client in its options object. */
function optionArgs(name: string, value: (ctx: CallContext) => unknown, before: readonly unknown[] = []) {
    return (ctx: CallContext) => (ctx.cluster ? [...before, { [name]: value(ctx) }] : [...before, value(ctx)]);
}

const loadCases: Case[] = [
    ...keylessWrite({ method: "functionLoad", title: "new library", args: [LIB], batch: [LIB] }),
    ...keylessWrite({ method: "functionLoad", title: "Buffer code", args: [Buffer.from(LIB)], batch: [Buffer.from(LIB)] }),
    ...keylessWrite({ method: "functionLoad", title: "bytes decoder", args: ({ lib }) => [LIB, { decoder: lib.Decoder.Bytes }], batch: false }),
    ...keylessWrite({ method: "functionLoad", title: "undefined options", args: [LIB, undefined], batch: [LIB, undefined] }),
    ...keylessWrite({ method: "functionLoad", title: "replace false on a new library", args: [LIB, { replace: false }], batch: [LIB, false] }),
    ...withLibraries({ method: "functionLoad", title: "existing library", args: [LIB], batch: [LIB], batchModes: ["pipeline"] }),
    ...withLibraries({ method: "functionLoad", title: "replace an existing library", args: [LIB, { replace: true }], batch: [LIB, true], batchModes: ["pipeline"] }),
    ...keylessWrite({ method: "functionLoad", title: "replace a missing library", args: [LIB, { replace: true }], batch: [LIB, true] }),
    ...keylessWrite({ method: "functionLoad", title: "no metadata", args: ["return 1"], batch: ["return 1"] }),
    ...keylessWrite({ method: "functionLoad", title: "syntax error", args: ["#!lua name=broken\nthis is not lua"], batch: ["#!lua name=broken\nthis is not lua"] }),
    ...keylessWrite({ method: "functionLoad", title: "no functions", args: ["#!lua name=empty\nlocal x = 1"], batch: ["#!lua name=empty\nlocal x = 1"] }),
    ...keylessWrite({ method: "functionLoad", title: "unknown engine", args: ["#!python name=snake\npass"], batch: ["#!python name=snake\npass"] }),
    ...keylessWrite({ method: "functionLoad", title: "empty code", args: [""], batch: [""] }),
    ...routed("functionLoad", "new library", (route, { lib }) => [LIB, { route, decoder: lib.Decoder.Bytes }], {}, PRIMARY_ROUTES),
    ...routed("functionLoad", "replace", (route) => [LIB, { replace: true, route }], { setup: [load(LIB)] }, PRIMARY_ROUTES.slice(0, 2)),
];

const deleteCases: Case[] = [
    ...withLibraries({ method: "functionDelete", title: "existing library", args: ["difflib"], batchModes: ["pipeline"] }),
    ...withLibraries({ method: "functionDelete", title: "Buffer name", args: [Buffer.from("difflib")], batchModes: ["pipeline"] }),
    ...keylessWrite({ method: "functionDelete", title: "missing library", args: ["nosuchlib"] }),
    ...withLibraries({ method: "functionDelete", title: "name is case-sensitive", args: ["DIFFLIB"], batchModes: ["pipeline"] }),
    ...routed("functionDelete", "existing library", (route) => ["difflib", { route }], { setup: [load(LIB), replicated] }, PRIMARY_ROUTES),
    ...routed("functionDelete", "missing library", (route) => ["nosuchlib", { route }], {}, PRIMARY_ROUTES.slice(0, 2)),
];

const flushCases: Case[] = [
    ...withLibraries({ method: "functionFlush", title: "no mode", args: [], batchModes: ["pipeline"] }),
    ...withLibraries({
        method: "functionFlush",
        title: "SYNC",
        args: optionArgs("mode", ({ lib }) => lib.FlushMode.SYNC),
        batch: ({ lib }) => [lib.FlushMode.SYNC],
        batchModes: ["pipeline"],
    }),
    ...withLibraries({
        method: "functionFlush",
        title: "ASYNC",
        args: optionArgs("mode", ({ lib }) => lib.FlushMode.ASYNC),
        batch: ({ lib }) => [lib.FlushMode.ASYNC],
        batchModes: ["pipeline"],
    }),
    ...keylessWrite({ method: "functionFlush", title: "nothing loaded", args: [] }),
    ...keylessWrite({ method: "functionFlush", title: "undefined mode", args: [undefined], batch: [undefined] }),
    ...routed("functionFlush", "two libraries", (route, { lib }) => [{ mode: lib.FlushMode.SYNC, route }], { setup: [load(LIB), load(OTHER_LIB)] }, PRIMARY_ROUTES),
];

const killCases: Case[] = [
    { method: "functionKill", title: "nothing running", args: [], batch: false },
    ...withLibraries({ method: "functionKill", title: "library loaded, nothing running", args: [], batch: false }),
    ...routed("functionKill", "nothing running", (route) => [{ route }]),
];

/** A library's or function's name, as a record field or a GlideRecord entry. */
function nameOf(item: unknown): string | undefined {
    if (Array.isArray(item)) {
        const entry = item.find((field) => isPlainObject(field) && ["name", "library_name"].includes(String(field.key)));
        return entry === undefined ? undefined : String(entry.value);
    }
    if (!isPlainObject(item)) return undefined;
    const name = item.library_name ?? item.name;
    return name === undefined ? undefined : String(name);
}

/**
 * Libraries, and each library's functions, by name: FUNCTION LIST gives them in the order of
 * the node's dictionaries, and on the cluster the node answering may be any (GLIDE's random node).
 */
function byName(value: unknown): unknown {
    if (Array.isArray(value)) {
        const items = value.map(byName);
        if (items.length > 0 && items.every((item) => nameOf(item) !== undefined)) {
            return items.sort((x, y) => nameOf(x)!.localeCompare(nameOf(y)!));
        }
        return items;
    }
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, byName(item)]));
    return value;
}

const listCases: Case[] = [
    { method: "functionList", title: "no libraries", args: [] },
    ...withLibraries({ method: "functionList", title: "one library", args: [] }),
    ...withLibraries({ method: "functionList", title: "two libraries", args: [] }, [LIB, OTHER_LIB]),
    ...withLibraries({ method: "functionList", title: "with code", args: [{ withCode: true }] }),
    ...withLibraries({ method: "functionList", title: "withCode false", args: [{ withCode: false }] }),
    ...withLibraries({ method: "functionList", title: "pattern", args: [{ libNamePattern: "diff*" }] }, [LIB, OTHER_LIB]),
    ...withLibraries({ method: "functionList", title: "exact name", args: [{ libNamePattern: "otherlib" }] }, [LIB, OTHER_LIB]),
    ...withLibraries({ method: "functionList", title: "pattern matching nothing", args: [{ libNamePattern: "none*" }] }),
    ...withLibraries({ method: "functionList", title: "Buffer pattern with code", args: [{ libNamePattern: Buffer.from("diff*"), withCode: true }] }),
    ...withLibraries({
        method: "functionList",
        title: "bytes decoder",
        args: ({ lib }) => [{ withCode: true, decoder: lib.Decoder.Bytes }],
        batch: [{ withCode: true }],
    }),
    ...withLibraries({ method: "functionList", title: "string decoder", args: ({ lib }) => [{ decoder: lib.Decoder.String }], batch: false }),
    ...withLibraries({ method: "functionList", title: "undefined options", args: [undefined] }),
    ...withLibraries({ method: "functionList", title: "binary library code", args: [{ withCode: true }] }, [Buffer.concat([Buffer.from(`${OTHER_LIB}\n-- `), BIN])]),
    ...routed("functionList", "one library", (route) => [{ route }], { setup: [load(LIB), replicated] }),
    ...routed("functionList", "with code", (route, { lib }) => [{ withCode: true, libNamePattern: "diff*", route, decoder: lib.Decoder.Bytes }], { setup: [load(LIB), replicated] }, ROUTES.slice(0, 4)),
];

/** FUNCTION STATS: nothing runs while a case calls it, so the reply is fixed but for node addresses. */
const statsCases: Case[] = [
    { method: "functionStats", title: "no libraries", args: [] },
    ...withLibraries({ method: "functionStats", title: "two libraries", args: [] }, [LIB, OTHER_LIB]),
    ...withLibraries({ method: "functionStats", title: "bytes decoder", args: ({ lib }) => [{ decoder: lib.Decoder.Bytes }], batch: [] }),
    ...routed("functionStats", "one library", (route) => [{ route }], { setup: [load(LIB), replicated] }),
];

const dumpCases: Case[] = [
    { method: "functionDump", title: "no libraries", args: [] },
    ...withLibraries({ method: "functionDump", title: "one library", args: [] }),
    ...routed("functionDump", "one library", (route) => [{ route }], { setup: [load(LIB), replicated] }),
];

const restoreCases: Case[] = [
    ...keylessWrite({ method: "functionRestore", title: "into nothing", args: [LIB_DUMP] }),
    ...keylessWrite({ method: "functionRestore", title: "undefined policy", args: [LIB_DUMP, undefined], batch: [LIB_DUMP, undefined] }),
    ...keylessWrite({
        method: "functionRestore",
        title: "APPEND into nothing",
        args: optionArgs("policy", ({ lib }) => lib.FunctionRestorePolicy.APPEND, [LIB_DUMP]),
        batch: ({ lib }) => [LIB_DUMP, lib.FunctionRestorePolicy.APPEND],
    }),
    ...withLibraries({ method: "functionRestore", title: "over the same library", args: [LIB_DUMP], batchModes: ["pipeline"] }),
    ...withLibraries({
        method: "functionRestore",
        title: "APPEND over the same library",
        args: optionArgs("policy", ({ lib }) => lib.FunctionRestorePolicy.APPEND, [LIB_DUMP]),
        batch: ({ lib }) => [LIB_DUMP, lib.FunctionRestorePolicy.APPEND],
        batchModes: ["pipeline"],
    }),
    ...withLibraries({
        method: "functionRestore",
        title: "REPLACE over the same library",
        args: optionArgs("policy", ({ lib }) => lib.FunctionRestorePolicy.REPLACE, [LIB_DUMP]),
        batch: ({ lib }) => [LIB_DUMP, lib.FunctionRestorePolicy.REPLACE],
        batchModes: ["pipeline"],
    }),
    ...withLibraries(
        {
            method: "functionRestore",
            title: "FLUSH with another library",
            args: optionArgs("policy", ({ lib }) => lib.FunctionRestorePolicy.FLUSH, [LIB_DUMP]),
            batch: ({ lib }) => [LIB_DUMP, lib.FunctionRestorePolicy.FLUSH],
            batchModes: ["pipeline"],
        },
        [OTHER_LIB],
    ),
    ...keylessWrite({ method: "functionRestore", title: "invalid payload", args: [Buffer.from("not a dump")], batch: [Buffer.from("not a dump")] }),
    ...keylessWrite({ method: "functionRestore", title: "empty payload", args: [Buffer.alloc(0)], batch: [Buffer.alloc(0)] }),
    ...routed("functionRestore", "REPLACE", (route, { lib }) => [LIB_DUMP, { policy: lib.FunctionRestorePolicy.REPLACE, route }], {}, PRIMARY_ROUTES),
];

const fcallCases: Case[] = [
    ...withLibraries({ method: "fcall", title: "arguments back", args: ["echo_args", [], ["a", "b"]] }),
    ...withLibraries({ method: "fcall", title: "no arguments", args: ["echo_args", [], []] }),
    ...withLibraries({ method: "fcall", title: "binary arguments", args: ["echo_args", [], [BIN, Buffer.from("x")]] }),
    ...withLibraries({ method: "fcall", title: "binary arguments, bytes decoder", args: ({ lib }) => ["echo_args", [], [BIN], { decoder: lib.Decoder.Bytes }], batch: ["echo_args", [], [BIN]] }),
    ...withLibraries({ method: "fcall", title: "binary arguments, string decoder", args: ({ lib }) => ["echo_args", [], [BIN], { decoder: lib.Decoder.String }], batch: false }),
    ...withLibraries({ method: "fcall", title: "Lua types", args: ["types", [], []] }),
    ...withLibraries({ method: "fcall", title: "error reply", args: ["fail", [], []] }),
    ...withLibraries({ method: "fcall", title: "write a key", args: ["set_key", [K.a], ["v"]] }),
    ...withLibraries({ method: "fcall", title: "read a key", args: ["get_key", [K.a], []] }, [LIB], [["SET", K.a, "value"]]),
    ...withLibraries({ method: "fcall", title: "read a missing key", args: ["get_key", [K.missing], []] }),
    ...withLibraries({ method: "fcall", title: "Buffer function name and key", args: [Buffer.from("set_key"), [Buffer.from(K.a)], ["v"]] }),
    ...withLibraries({ method: "fcall", title: "keys in one slot", args: ["echo_args", [K.a, K.b], ["x"]] }),
    ...withLibraries({ method: "fcall", title: "keys in other slots", args: ["echo_args", [K.Xa, K.Xb], []], batchModes: ["pipeline"] }),
    ...withLibraries({ method: "fcall", title: "wrong type", args: ["get_key", [K.a], []] }, [LIB], [["RPUSH", K.a, "x"]]),
    { method: "fcall", title: "unknown function", args: ["nosuchfunction", [], []] },
    { method: "fcall", title: "empty function name", args: ["", [], []] },
    ...withLibraries({ method: "fcallReadonly", title: "read a key", args: ["get_key", [K.a], []] }, [LIB], [["SET", K.a, "value"]]),
    ...withLibraries({ method: "fcallReadonly", title: "arguments back", args: ["echo_args", [], ["a"]] }),
    ...withLibraries({ method: "fcallReadonly", title: "a writing function", args: ["set_key", [K.a], ["v"]] }),
    ...withLibraries({ method: "fcallReadonly", title: "bytes decoder", args: ({ lib }) => ["echo_args", [], ["a"], { decoder: lib.Decoder.Bytes }], batch: ["echo_args", [], ["a"]] }),
    ...withLibraries({ method: "fcallReadonly", title: "Lua types", args: ["types", [], []] }),
    { method: "fcallReadonly", title: "unknown function", args: ["nosuchfunction", [], []] },
    ...routed("fcallWithRoute", "arguments back", (route) => ["echo_args", ["a", BIN], { route }], { setup: [load(LIB), replicated] }),
    ...routed("fcallWithRoute", "Lua types, bytes decoder", (route, { lib }) => ["types", [], { route, decoder: lib.Decoder.Bytes }], { setup: [load(LIB), replicated] }, ROUTES.slice(0, 4)),
    ...routed("fcallWithRoute", "error reply", (route) => ["fail", [], { route }], { setup: [load(LIB), replicated] }, ROUTES.slice(0, 4)),
    ...routed("fcallWithRoute", "unknown function", (route) => ["nosuchfunction", [], { route }], {}, ROUTES.slice(0, 4)),
    ...withLibraries({ method: "fcallWithRoute", title: "no route", args: ["echo_args", ["a"]], batch: false, only: "cluster" }),
    ...routed("fcallReadonlyWithRoute", "arguments back", (route) => ["echo_args", ["a"], { route }], { setup: [load(LIB), replicated] }),
    // Not on GLIDE's random node: a replica may answer it, and GLIDE then retries until it times out.
    ...routed("fcallReadonlyWithRoute", "a writing function", (route) => ["set_key", ["v"], { route }], { setup: [load(LIB), replicated] }, [
        ...ROUTES.slice(0, 2),
        ROUTES[3],
    ]),
    ...withLibraries({ method: "fcallReadonlyWithRoute", title: "no route, string decoder", args: ({ lib }) => ["echo_args", ["a"], { decoder: lib.Decoder.String }], batch: false, only: "cluster" }),
];

export const functionsFamily = family("functions", [
    ...loadCases,
    ...deleteCases,
    ...flushCases,
    ...killCases,
    ...listCases.map((testCase) => ({ ...testCase, normalize: byName })),
    ...statsCases,
    ...dumpCases,
    ...restoreCases,
    ...fcallCases,
]);
