/**
 * Scripts and functions on the cluster client: fcall / fcallReadonly / invokeScript routed by
 * their first key (keyless calls anywhere), invokeScriptWithRoute, scriptShow, functionList and
 * functionStats with routes. On a cluster of this file's own (FUNCTION LOAD / SCRIPT FLUSH change
 * every node). RESP2 and RESP3.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, GlideClusterClient, RequestError, Script } from "../../src";
import { firstKeyPosition } from "../../src/commands/core";
import { fcallCommands } from "../../src/commands/function";
import { numkeysArgs } from "../../src/commands/server-args";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { startCluster, type ClusterHandle } from "../helpers/servers";

const LIBRARY = "lib_cluster_scripts";
const LIBRARY_CODE =
    `#!lua name=${LIBRARY}\n` +
    "server.register_function('cs_get', function(keys, args) return server.call('GET', keys[1]) end)\n" +
    "server.register_function{function_name='cs_args', callback=function(keys, args) return args end, flags={'no-writes'}}";

function isNodeRecord(value: unknown, nodes: number): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === nodes;
}

describe("fcall key spec", () => {
    it("routes by the first key, and a call without keys has none (argv[3] is then an argument)", () => {
        assert.equal(firstKeyPosition(fcallCommands.fcall, numkeysArgs("FCALL", "f", ["k1", "k2"], ["a"])), 3);
        assert.equal(firstKeyPosition(fcallCommands.fcallReadonly, numkeysArgs("FCALL_RO", "f", ["k"], [])), 3);
        assert.equal(firstKeyPosition(fcallCommands.fcall, numkeysArgs("FCALL", "f", [], ["not-a-key"])), undefined);
        assert.equal(firstKeyPosition(fcallCommands.fcallReadonly, numkeysArgs("FCALL_RO", "f", [], ["x"])), undefined);
    });
});

describe("cluster scripting and functions", () => {
    let cluster: ClusterHandle;
    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1 });
    });
    after(async () => cluster?.stop());

    for (const { name, protocol } of PROTOCOLS) {
        describe(name, () => {
            let client: GlideClusterClient;
            before(async () => {
                client = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], protocol, requestTimeout: 5000 });
                await client.functionFlush();
                assert.equal(await client.functionLoad(LIBRARY_CODE), LIBRARY);
                // The replicas answer FUNCTION STATS too: let them apply the load first.
                await client.customCommand(["WAIT", "1", "5000"], { route: "allPrimaries" });
            });
            after(() => client?.close());

            it("fcall and fcallReadonly run on the first key's node, and anywhere without keys", async () => {
                // Keys on different nodes: each call reaches the key's owner, or GET would be refused.
                for (const prefix of ["a", "b", "c", "d", "e"]) {
                    const key = uniqueKey(prefix);
                    await client.set(key, `value-${prefix}`);
                    assert.equal(await client.fcall("cs_get", [key], []), `value-${prefix}`);
                    assert.deepEqual(await client.fcallReadonly("cs_args", [key], ["x", "y"]), ["x", "y"]);
                }
                assert.equal(await client.fcall("cs_get", [uniqueKey("missing")], []), null);
                assert.deepEqual(await client.fcall("cs_args", [], ["1", "2"]), ["1", "2"]);
                assert.deepEqual(await client.fcallReadonly("cs_args", [], ["only"], { decoder: Decoder.Bytes }), [Buffer.from("only")]);
                await assert.rejects(client.fcall("no_such_function", [], []), (error: unknown) => {
                    assert.ok(error instanceof RequestError);
                    assert.equal(error.message, "An error was signalled by the server: - ResponseError: Function not found");
                    return true;
                });
                // FCALL_RO refuses a function without the no-writes flag.
                await assert.rejects(client.fcallReadonly("cs_get", [uniqueKey()], []), RequestError);
            });

            it("functionList and functionStats: a random node by default, every node's record for FUNCTION STATS", async () => {
                const list = await client.functionList({ libNamePattern: LIBRARY });
                assert.ok(Array.isArray(list));
                assert.equal(list.length, 1);
                assert.equal(list[0].library_name, LIBRARY);
                assert.equal(list[0].engine, "LUA");
                const functions = list[0].functions as Record<string, unknown>[];
                assert.deepEqual(
                    functions.map((info) => [info.name, info.flags]).sort(),
                    [
                        ["cs_args", ["no-writes"]],
                        ["cs_get", []],
                    ],
                );
                const withCode = await client.functionList({ libNamePattern: LIBRARY, withCode: true, route: "allPrimaries" });
                assert.ok(isNodeRecord(withCode, 3));
                for (const perNode of Object.values(withCode)) assert.equal((perNode as Record<string, unknown>[])[0].library_code, LIBRARY_CODE);
                assert.deepEqual(await client.functionList({ libNamePattern: "nothing_like_this*" }), []);

                const stats = await client.functionStats();
                assert.ok(isNodeRecord(stats, 6));
                for (const perNode of Object.values(stats)) {
                    assert.equal((perNode as Record<string, unknown>).running_script, null);
                    assert.deepEqual((perNode as Record<string, unknown>).engines, { LUA: { libraries_count: 1, functions_count: 2 } });
                }
                const one = await client.functionStats({ route: { type: "primarySlotKey", key: "anything" } });
                assert.deepEqual(one, { running_script: null, engines: { LUA: { libraries_count: 1, functions_count: 2 } } });
                const everyNode = await client.functionStats({ route: "allNodes" });
                assert.ok(isNodeRecord(everyNode, 6));
            });

            it("invokeScript runs on the first key's node (EVAL once when unknown), anywhere without keys", async () => {
                const script = new Script(`return redis.call('GET', KEYS[1]) .. '-${uniqueKey("s")}'`);
                try {
                    for (const prefix of ["p", "q", "r", "s"]) {
                        const key = uniqueKey(prefix);
                        await client.set(key, prefix);
                        const reply = await client.invokeScript(script, { keys: [key] });
                        assert.match(String(reply), new RegExp(`^${prefix}-`));
                    }
                    const keyless = new Script("return ARGV[1] .. ARGV[2]");
                    assert.equal(await client.invokeScript(keyless, { args: ["a", "b"] }), "ab");
                    assert.deepEqual(await client.invokeScript(keyless, { args: ["c", "d"], decoder: Decoder.Bytes }), Buffer.from("cd"));
                    keyless.release();
                } finally {
                    script.release();
                }
            });

            it("invokeScriptWithRoute answers per node for a multi-node route; scriptShow finds the loaded script", async () => {
                const code = `return ARGV[1] .. '${uniqueKey("routed")}'`;
                const script = new Script(code);
                try {
                    await client.scriptFlush({ route: "allPrimaries" });
                    const everywhere = await client.invokeScriptWithRoute(script, { args: ["x"], route: "allPrimaries" });
                    assert.ok(isNodeRecord(everywhere, 3));
                    for (const reply of Object.values(everywhere)) assert.equal(reply, `x${code.slice(code.indexOf("'") + 1, -1)}`);
                    assert.deepEqual(await client.scriptExists([script.getHash()], { route: "allPrimaries" }), [true]);
                    // Cached on every primary now: scriptShow (a random primary) finds it.
                    assert.equal(await client.scriptShow(script.getHash()), code);
                    assert.deepEqual(await client.scriptShow(script.getHash(), { decoder: Decoder.Bytes }), Buffer.from(code));
                    await assert.rejects(client.scriptShow("0".repeat(40)), (error: unknown) => {
                        assert.ok(error instanceof RequestError);
                        assert.equal(error.message, "An error was signalled by the server: - NoScriptError: No matching script.");
                        return true;
                    });

                    const single = await client.invokeScriptWithRoute(script, { args: ["y"], route: { type: "primarySlotKey", key: "k" } });
                    assert.equal(typeof single, "string");
                    assert.ok(String(single).startsWith("y{routed-"));
                    assert.equal(await client.invokeScriptWithRoute(new Script("return 7")), 7);
                } finally {
                    script.release();
                }
            });
        });
    }
});
