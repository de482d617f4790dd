/** Script, invokeScript and SCRIPT EXISTS / FLUSH / KILL / SHOW, on a server of this file's own. */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { Decoder, FlushMode, GlideClient, RequestError, Script } from "../../src";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { rejectsWithPrefix } from "../helpers/family";
import { startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a]);

/** How often the server ran a command, from INFO commandstats. */
async function calls(client: GlideClient, command: string): Promise<number> {
    const stats = String(await client.customCommand(["INFO", "commandstats"]));
    return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
}

let server: ServerHandle;

before(async () => {
    // A busy script answers SCRIPT KILL only after busy-reply-threshold (5 s by default).
    server = await startStandalone({ name: "scripting", args: ["--busy-reply-threshold", "100"] });
});

after(async () => {
    await server?.stop();
});

describe("Script", () => {
    it("hashes its code with SHA1, for text and bytes alike", () => {
        const code = "return 'hello'";
        const expected = createHash("sha1").update(code).digest("hex");
        assert.equal(new Script(code).getHash(), expected);
        assert.equal(new Script(Buffer.from(code)).getHash(), expected);
        assert.equal(new Script("return 1").getHash(), "e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
    });

    it("keeps its hash after release()", () => {
        const script = new Script("return 2");
        const hash = script.getHash();
        script.release();
        assert.equal(script.getHash(), hash);
    });
});

for (const { name, protocol } of PROTOCOLS) {
    describe(`scripting (${name})`, () => {
        let client: GlideClient;
        let other: GlideClient;

        before(async () => {
            const config = { addresses: [{ host: server.host, port: server.port }], protocol, requestTimeout: 5000 };
            client = await GlideClient.createClient(config);
            other = await GlideClient.createClient(config);
        });

        after(() => {
            client?.close();
            other?.close();
        });

        describe("invokeScript", () => {
            it("passes keys and args and returns the script's reply", async () => {
                const key = uniqueKey();
                const script = new Script("redis.call('SET', KEYS[1], ARGV[1]); return {KEYS[1], redis.call('GET', KEYS[1]), 7}");
                assert.deepEqual(await client.invokeScript(script, { keys: [key], args: ["v"] }), [key, "v", 7]);
                assert.equal(await client.get(key), "v");
                assert.equal(await client.invokeScript(new Script("return 'no keys'")), "no keys");
                assert.equal(await client.invokeScript(new Script("return nil")), null);
                assert.equal(await client.invokeScript(new Script("return redis.status_reply('FINE')")), "FINE");
            });

            it("returns binary data as Buffers with Decoder.Bytes", async () => {
                const script = new Script("return ARGV[1]");
                assert.deepEqual(await client.invokeScript(script, { args: [BINARY], decoder: Decoder.Bytes }), BINARY);
                assert.deepEqual(await client.invokeScript(script, { args: ["text"], decoder: Decoder.Bytes }), Buffer.from("text"));
            });

            it("rejects with the script's error", async () => {
                await rejectsWithPrefix(client.invokeScript(new Script("return redis.error_reply('MYERR bad')")), "MYERR: bad");
                const key = uniqueKey();
                await client.set(key, "string");
                await rejectsWithPrefix(
                    client.invokeScript(new Script("return redis.call('LPUSH', KEYS[1], 'x')"), { keys: [key] }),
                    "WRONGTYPE",
                );
            });

            it("after SCRIPT FLUSH loads the script once and runs it by hash again", async () => {
                const script = new Script(`return '${uniqueKey("flushed")}'`);
                const expected = await client.invokeScript(script);
                assert.deepEqual(await client.scriptExists([script.getHash()]), [true]);
                assert.equal(await client.scriptFlush(), "OK");
                assert.deepEqual(await client.scriptExists([script.getHash()]), [false]);
                await client.configResetStat();
                assert.equal(await client.invokeScript(script), expected);
                assert.equal(await client.invokeScript(script), expected);
                assert.equal(await client.invokeScript(script), expected);
                // As GLIDE: the first EVALSHA met NOSCRIPT, SCRIPT LOAD cached the script, EVALSHA ran it.
                assert.equal(await calls(client, "eval"), 0);
                assert.equal(await calls(client, "script\\|load"), 1);
                assert.equal(await calls(client, "evalsha"), 4);
                assert.deepEqual(await client.scriptExists([script.getHash()]), [true]);
            });

            it("a released script runs while cached, and fails clearly once flushed", async () => {
                const script = new Script(`return '${uniqueKey("released")}'`);
                const expected = await client.invokeScript(script);
                script.release();
                assert.equal(await client.invokeScript(script), expected);
                await client.scriptFlush(FlushMode.SYNC);
                await assert.rejects(client.invokeScript(script), RequestError);
            });
        });

        it("scriptExists tells each hash apart", async () => {
            const loaded = new Script(`return '${uniqueKey("exists")}'`);
            await client.invokeScript(loaded);
            const unknown = new Script(`return '${uniqueKey("unknown")}'`);
            assert.deepEqual(await client.scriptExists([loaded.getHash(), unknown.getHash(), Buffer.from(loaded.getHash())]), [true, false, true]);
        });

        it("scriptFlush empties the cache in either mode", async () => {
            for (const mode of [undefined, FlushMode.SYNC, FlushMode.ASYNC]) {
                const script = new Script(`return '${uniqueKey("mode")}'`);
                await client.invokeScript(script);
                assert.equal(await client.scriptFlush(mode), "OK");
                await waitFor("the script cache to empty", async () =>
                    (await client.scriptExists([script.getHash()]))[0] === false || "still cached",
                );
            }
        });

        it("scriptShow returns a cached script's code, and rejects an unknown hash", async () => {
            const code = `return '${uniqueKey("show")}'`;
            const script = new Script(code);
            await client.invokeScript(script);
            assert.equal(await client.scriptShow(script.getHash()), code);
            assert.deepEqual(await client.scriptShow(script.getHash(), { decoder: Decoder.Bytes }), Buffer.from(code));
            await rejectsWithPrefix(client.scriptShow("0".repeat(40)), "An error was signalled by the server: - NoScriptError: No matching script.");
        });

        it("scriptKill rejects when nothing runs, and stops a busy script", async () => {
            await rejectsWithPrefix(client.scriptKill(), "An error was signalled by the server: - NotBusy: No scripts in execution right now.");
            const busy = other.invokeScript(new Script(`local i = 0 while true do i = i + 1 end -- ${uniqueKey("busy")}`));
            const outcome = busy.then(
                () => "resolved",
                (error: Error) => error.message,
            );
            await waitFor("the script to be running", async () => {
                try {
                    return (await client.scriptKill()) === "OK" || "not killed";
                } catch (error) {
                    if (error instanceof RequestError && error.message.startsWith("An error was signalled by the server: - NotBusy:")) return "not running yet";
                    throw error;
                }
            });
            assert.match(await outcome, /Script killed by user/);
        });
    });
}
