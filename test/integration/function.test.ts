/** FUNCTION LOAD / LIST / STATS / DELETE / FLUSH / KILL / DUMP / RESTORE and FCALL, on a server of this file's own. */
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

import { Batch, Decoder, FlushMode, FunctionRestorePolicy, GlideClient } from "../../src";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { rejectsWithPrefix } from "../helpers/family";
import { startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

/** A library with a read-only echo function and a writing one. */
function library(name: string, version = "1"): string {
    return [
        `#!lua name=${name}`,
        `redis.register_function{function_name='${name}_echo', callback=function(keys, args) return {keys[1] or '', args[1] or '', '${version}'} end, flags={'no-writes'}, description='echoes'}`,
        `redis.register_function('${name}_set', function(keys, args) redis.call('SET', keys[1], args[1]) return 'done' end)`,
    ].join("\n");
}

const BUSY_LIBRARY = [
    "#!lua name=busylib",
    "redis.register_function{function_name='spin', callback=function(keys, args) local i = 0 while true do i = i + 1 end end, flags={'no-writes'}}",
].join("\n");

/** The server lists a library's functions in hash order: sort them by name to compare. */
function byName<T extends Record<string, unknown>>(libraries: T[]): T[] {
    return libraries.map((lib) => ({
        ...lib,
        functions: [...(lib.functions as { name: unknown }[])].sort((a, b) => String(a.name).localeCompare(String(b.name))),
    }));
}

type GlideEntries = { key: string; value: unknown }[];

/** A GlideRecord as a plain record, to compare. */
function asRecord(entries: GlideEntries): Record<string, unknown> {
    assert.ok(Array.isArray(entries));
    return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
}

let server: ServerHandle;

before(async () => {
    // A busy function answers FUNCTION KILL only after busy-reply-threshold (5 s by default).
    server = await startStandalone({ name: "functions", args: ["--busy-reply-threshold", "100"] });
});

after(async () => {
    await server?.stop();
});

for (const { name, protocol } of PROTOCOLS) {
    describe(`functions (${name})`, () => {
        let client: GlideClient;
        let other: GlideClient;
        const address = () => `${server.host}:${server.port}`;

        before(async () => {
            const config = { addresses: [{ host: server.host, port: server.port }], protocol, requestTimeout: 5000 };
            client = await GlideClient.createClient(config);
            other = await GlideClient.createClient(config);
        });

        beforeEach(async () => {
            await client.functionFlush(FlushMode.SYNC);
        });

        after(() => {
            client?.close();
            other?.close();
        });

        it("functionLoad returns the library name, refuses a duplicate and replaces with replace", async () => {
            assert.equal(await client.functionLoad(library("libA")), "libA");
            await rejectsWithPrefix(client.functionLoad(library("libA")), "An error was signalled by the server: - ResponseError: Library 'libA' already exists");
            assert.equal(await client.functionLoad(library("libA", "2"), { replace: true }), "libA");
            assert.deepEqual(await client.fcall("libA_echo", [], []), ["", "", "2"]);
            assert.deepEqual(await client.functionLoad(library("libB"), { decoder: Decoder.Bytes }), Buffer.from("libB"));
            await rejectsWithPrefix(client.functionLoad("return 1"), "An error was signalled by the server: - ResponseError: Missing library metadata");
        });

        it("functionList describes each library, filtered by pattern, with code on request", async () => {
            assert.deepEqual(await client.functionList(), []);
            const code = library("listlib");
            await client.functionLoad(code);
            await client.functionLoad(library("otherlib"));
            const functions = [
                { name: "listlib_echo", description: "echoes", flags: ["no-writes"] },
                { name: "listlib_set", description: null, flags: [] },
            ];
            const expected = { library_name: "listlib", engine: "LUA", functions };
            assert.deepEqual(byName(await client.functionList({ libNamePattern: "list*" })), [expected]);
            assert.deepEqual(byName(await client.functionList({ libNamePattern: "listlib", withCode: true })), [
                { ...expected, library_code: code },
            ]);
            const all = await client.functionList();
            assert.deepEqual(all.map((lib) => lib.library_name).sort(), ["listlib", "otherlib"]);
            assert.deepEqual(await client.functionList({ libNamePattern: "nothing*" }), []);
            const bytes = await client.functionList({ libNamePattern: Buffer.from("listlib"), decoder: Decoder.Bytes });
            assert.deepEqual(bytes[0].library_name, Buffer.from("listlib"));
            assert.deepEqual(byName(bytes)[0].functions, [
                { name: Buffer.from("listlib_echo"), description: Buffer.from("echoes"), flags: [Buffer.from("no-writes")] },
                { name: Buffer.from("listlib_set"), description: null, flags: [] },
            ]);
        });

        it("functionStats counts libraries and functions per engine, keyed by the node's address", async () => {
            assert.deepEqual(await client.functionStats(), {
                [address()]: { running_script: null, engines: { LUA: { libraries_count: 0, functions_count: 0 } } },
            });
            await client.functionLoad(library("statlib"));
            assert.deepEqual(await client.functionStats(), {
                [address()]: { running_script: null, engines: { LUA: { libraries_count: 1, functions_count: 2 } } },
            });
        });

        it("functionStats shows the running function; functionKill stops it", async () => {
            await rejectsWithPrefix(client.functionKill(), "An error was signalled by the server: - NotBusy: No scripts in execution right now.");
            await client.functionLoad(BUSY_LIBRARY);
            const outcome = other.fcallReadonly("spin", [], ["arg1"]).then(
                () => "resolved",
                (error: Error) => error.message,
            );
            await waitFor("the function to run", async () => {
                const stats = (await client.functionStats())[address()];
                return stats.running_script !== null || "not running yet";
            });
            try {
                const running = (await client.functionStats())[address()].running_script as Record<string, unknown>;
                assert.equal(running.name, "spin");
                assert.deepEqual(running.command, ["FCALL_RO", "spin", "0", "arg1"]);
                assert.equal(typeof running.duration_ms, "number");
            } finally {
                assert.equal(await client.functionKill(), "OK");
            }
            assert.match(await outcome, /killed/);
        });

        it("functionDelete removes a library and rejects an unknown one", async () => {
            await client.functionLoad(library("dellib"));
            assert.equal(await client.functionDelete("dellib"), "OK");
            assert.deepEqual(await client.functionList(), []);
            await rejectsWithPrefix(client.functionDelete("dellib"), "An error was signalled by the server: - ResponseError: Library not found");
        });

        it("functionFlush removes every library in either mode", async () => {
            for (const mode of [undefined, FlushMode.SYNC, FlushMode.ASYNC]) {
                await client.functionLoad(library("flushlib"));
                assert.equal(await client.functionFlush(mode), "OK");
                assert.deepEqual(await client.functionList(), []);
            }
        });

        it("functionRestore round-trips functionDump, under each policy", async () => {
            await client.functionLoad(library("dumplib"));
            const dump = await client.functionDump();
            assert.ok(Buffer.isBuffer(dump));
            assert.deepEqual(await client.functionDump(), dump);
            const before = await client.functionList({ withCode: true });

            // APPEND (the default) refuses a library that exists.
            await rejectsWithPrefix(client.functionRestore(dump), "An error was signalled by the server: - ResponseError: Library dumplib already exists");
            await rejectsWithPrefix(client.functionRestore(dump, FunctionRestorePolicy.APPEND), "An error was signalled by the server: - ResponseError: Library dumplib already exists");
            assert.equal(await client.functionRestore(dump, FunctionRestorePolicy.REPLACE), "OK");
            assert.deepEqual(await client.functionList({ withCode: true }), before);

            await client.functionLoad(library("extralib"));
            assert.equal(await client.functionRestore(dump, FunctionRestorePolicy.FLUSH), "OK");
            assert.deepEqual(await client.functionList({ withCode: true }), before);

            await client.functionFlush();
            assert.equal(await client.functionRestore(dump), "OK");
            assert.deepEqual(await client.functionList({ withCode: true }), before);
            assert.deepEqual(await client.fcall("dumplib_echo", ["k"], ["a"]), ["k", "a", "1"]);
            await rejectsWithPrefix(client.functionRestore(Buffer.from("not a dump")), "An error was signalled by the server: - ResponseError: DUMP payload version or checksum are wrong");
        });

        it("fcall and fcallReadonly pass keys and args; a writing function refuses FCALL_RO", async () => {
            await client.functionLoad(library("calllib"));
            const key = uniqueKey();
            assert.deepEqual(await client.fcall("calllib_echo", [key], ["arg"]), [key, "arg", "1"]);
            assert.deepEqual(await client.fcallReadonly("calllib_echo", [key], ["arg"]), [key, "arg", "1"]);
            assert.equal(await client.fcall("calllib_set", [key], ["value"]), "done");
            assert.equal(await client.get(key), "value");
            await rejectsWithPrefix(client.fcallReadonly("calllib_set", [key], ["value"]), "An error was signalled by the server: - ResponseError: Can not execute a script with write flag using *_ro command.");
            await rejectsWithPrefix(client.fcall("no_such_function", [], []), "An error was signalled by the server: - ResponseError: Function not found");
            const binary = Buffer.from([0x00, 0xff, 0x80]);
            assert.deepEqual(await client.fcall("calllib_echo", [], [binary], { decoder: Decoder.Bytes }), [
                Buffer.alloc(0),
                binary,
                Buffer.from("1"),
            ]);
        });

        it("every function command in a batch, replies converted", async () => {
            const code = library("batchlib");
            await client.functionLoad(library("gone"));
            const batch = new Batch(true)
                .functionFlush(FlushMode.SYNC)
                .functionLoad(code)
                .functionLoad(code, true)
                .functionList({ libNamePattern: "batch*" })
                .functionStats()
                .fcall("batchlib_echo", ["k"], ["v"])
                .fcallReadonly("batchlib_echo", [], [])
                .functionDelete("batchlib")
                .functionList();
            const replies = await client.exec(batch, true);
            assert.ok(replies !== null);
            const functions = [
                { name: "batchlib_echo", description: "echoes", flags: ["no-writes"] },
                { name: "batchlib_set", description: null, flags: [] },
            ];
            // As GLIDE's batch gives them: FUNCTION LIST and FUNCTION STATS as GlideRecords.
            const list = (replies[3] as GlideEntries[]).map(asRecord);
            assert.deepEqual(byName(list.map((lib) => ({ ...lib, functions: (lib.functions as GlideEntries[]).map(asRecord) }))), [
                { library_name: "batchlib", engine: "LUA", functions },
            ]);
            const stats = asRecord(replies[4] as GlideEntries);
            assert.deepEqual({ ...stats, engines: asRecord(stats.engines as GlideEntries) }, { running_script: null, engines: { LUA: [{ key: "libraries_count", value: 1 }, { key: "functions_count", value: 2 }] } });
            assert.deepEqual(replies.slice(5), [["k", "v", "1"], ["", "", "1"], "OK", []]);

            // FUNCTION DUMP in a batch is decoded as the batch asks: bytes, or a decoding error as text.
            await client.functionLoad(code);
            const [dump] = (await client.exec(new Batch(true).functionDump(), true, { decoder: Decoder.Bytes }))!;
            assert.ok(Buffer.isBuffer(dump));
            await assert.rejects(client.exec(new Batch(true).functionDump(), true), /^Error: Decoding error/);
            await client.functionDelete("batchlib");

            const restore = await client.exec(new Batch(false).functionRestore(dump).functionRestore(dump, FunctionRestorePolicy.REPLACE).functionList(), false);
            assert.ok(restore !== null);
            assert.equal(restore[0], "OK");
            assert.equal(restore[1], "OK");
            const restored = (restore[2] as GlideEntries[]).map(asRecord);
            assert.deepEqual(byName(restored.map((lib) => ({ ...lib, functions: (lib.functions as GlideEntries[]).map(asRecord) }))), [
                { library_name: "batchlib", engine: "LUA", functions },
            ]);
        });
    });
}
