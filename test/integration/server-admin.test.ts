/**
 * Server administration on servers of this file's own: CONFIG REWRITE/RESETSTAT, persistence,
 * MEMORY, LATENCY, CLIENT PAUSE/UNPAUSE/TRACKINGINFO, LOLWUT, RESET, and the server commands in a batch.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

import { Batch, ClientPauseMode, ClientTrackingInfo, Decoder, FlushMode, GlideClient, InfoOptions, LatencyEntry, LatencyEventInfo, RequestError } from "../../src";
import { PROTOCOLS, serverAtLeast, uniqueKey } from "../helpers/clients";
import { rejectsWithPrefix } from "../helpers/family";
import { findFreePort, infoField, makeRunSubdir, rawCommand, serverBinaries, startStandalone, type ServerHandle } from "../helpers/servers";
import { sleep, waitFor } from "../helpers/wait";

async function info(client: GlideClient, field: string): Promise<string | undefined> {
    return infoField(await client.info(), field);
}

/** A server started from a config file (CONFIG REWRITE needs one), killed when the tests end. */
async function startWithConfigFile(): Promise<{ port: number; configFile: string; child: ChildProcess }> {
    const port = await findFreePort();
    const dir = makeRunSubdir("config-file");
    const configFile = path.join(dir, "valkey.conf");
    fs.writeFileSync(configFile, [`port ${port}`, "bind 127.0.0.1", `dir ${dir}`, 'save ""', "appendonly no", ""].join("\n"));
    const child = spawn(serverBinaries().server, [configFile], { cwd: dir, stdio: "ignore" });
    child.unref();
    await waitFor("the config-file server to answer", async () => {
        try {
            return (await rawCommand("127.0.0.1", port, ["PING"], undefined, 500)).startsWith("+PONG") || "no PONG";
        } catch (error) {
            return (error as Error).message;
        }
    });
    return { port, configFile, child };
}

let server: ServerHandle;

before(async () => {
    server = await startStandalone({ name: "server-admin" });
});

after(async () => {
    await server?.stop();
});

for (const { name, protocol } of PROTOCOLS) {
    describe(`server administration (${name})`, () => {
        let client: GlideClient;
        let other: GlideClient;
        const config = () => ({ addresses: [{ host: server.host, port: server.port }], protocol, requestTimeout: 5000 });

        before(async () => {
            client = await GlideClient.createClient(config());
            other = await GlideClient.createClient(config());
        });

        after(() => {
            client?.close();
            other?.close();
        });

        describe("configRewrite", () => {
            let configured: { port: number; configFile: string; child: ChildProcess } | undefined;

            after(() => {
                configured?.child.kill("SIGKILL");
            });

            it("rejects when the server runs without a config file", async () => {
                await rejectsWithPrefix(client.configRewrite(), "An error was signalled by the server: - ResponseError: The server is running without a config file");
            });

            it("writes the running configuration to the server's config file", async () => {
                configured = await startWithConfigFile();
                const own = await GlideClient.createClient({ addresses: [{ host: "127.0.0.1", port: configured.port }], protocol });
                try {
                    assert.equal(await own.configSet({ "maxmemory-clients": "12345678" }), "OK");
                    assert.doesNotMatch(fs.readFileSync(configured.configFile, "utf8"), /maxmemory-clients/);
                    assert.equal(await own.configRewrite(), "OK");
                    assert.match(fs.readFileSync(configured.configFile, "utf8"), /^maxmemory-clients 12345678$/m);
                } finally {
                    own.close();
                }
            });
        });

        it("configResetStat zeroes the command statistics", async () => {
            await client.get(uniqueKey());
            assert.match(await client.info([InfoOptions.Commandstats]), /cmdstat_get:/);
            assert.equal(await client.configResetStat(), "OK");
            assert.doesNotMatch(await client.info([InfoOptions.Commandstats]), /cmdstat_get:/);
        });

        it("save, lastsave, bgsave, bgsaveSchedule and bgrewriteaof", async () => {
            const idle = async () =>
                (await info(client, "rdb_bgsave_in_progress")) === "0" && (await info(client, "aof_rewrite_in_progress")) === "0"
                    ? true
                    : "a child process runs";
            await waitFor("no save or rewrite to run", idle);
            await client.configResetStat();
            const now = Math.floor(Date.now() / 1000);
            assert.equal(await client.save(), "OK");
            const saved = await client.lastsave();
            assert.ok(Math.abs(saved - now) <= 2, `lastsave ${saved} is not about now (${now})`);
            assert.equal(await info(client, "rdb_last_save_time"), String(saved));

            // Slow children (0.1 s per key) so that a request meets the previous one in progress.
            await client.set(uniqueKey("save"), "1");
            await client.set(uniqueKey("save"), "2");
            await client.configSet({ "rdb-key-save-delay": "100000" });
            const saves = Number(await info(client, "rdb_saves"));
            try {
                assert.equal(await client.bgsave(), "Background saving started");
                await rejectsWithPrefix(client.bgsave(), "An error was signalled by the server: - ResponseError: Background save already in progress");
                await waitFor("the save to finish", idle);
                assert.equal(await client.bgrewriteaof(), "Background append only file rewriting started");
                // A save asked for while the AOF rewrite runs waits for it.
                assert.equal(await client.bgsaveSchedule(), "Background saving scheduled");
            } finally {
                await client.configSet({ "rdb-key-save-delay": "0" });
            }
            // The save count first, then idleness: the scheduled save has started, then ended (checked
            // the other way round, the save may start after the idle check and outlive this test).
            await waitFor("the rewrite and the scheduled save to finish", async () =>
                Number(await info(client, "rdb_saves")) === saves + 2 && (await idle()) === true ? true : "busy",
            );
            assert.ok((await client.lastsave()) >= saved);
            assert.equal(await client.bgsaveSchedule(), "Background saving started");
            await waitFor("the save to finish", idle);
        });

        it("bgsaveCancel (Valkey 8.1+)", async (t) => {
            if (!(await serverAtLeast(client, 8, 1))) return t.skip("BGSAVE CANCEL needs Valkey 8.1");
            assert.equal(typeof client.bgsaveCancel, "function");
            await client.configSet({ "rdb-key-save-delay": "100000" });
            await client.set(uniqueKey("cancel"), "1");
            try {
                assert.equal(await client.bgsave(), "Background saving started");
                assert.equal(await client.bgsaveCancel(), "Background saving cancelled");
            } finally {
                await client.configSet({ "rdb-key-save-delay": "0" });
            }
        });

        it("memoryDoctor, memoryMallocStats and memoryPurge", async () => {
            const doctor = await client.memoryDoctor();
            assert.equal(typeof doctor, "string");
            assert.ok(doctor.length > 0);
            const malloc = await client.memoryMallocStats();
            assert.equal(typeof malloc, "string");
            assert.ok(malloc.length > 0);
            assert.equal(await client.memoryPurge(), "OK");
        });

        it("memoryStats reports the server's figures in camelCase, per database", async () => {
            const key = uniqueKey("mem");
            await client.set(key, "value");
            const stats = await client.memoryStats();
            const keys = await client.dbsize();
            assert.equal(stats.keysCount, keys);
            for (const field of [
                "peakAllocated", "totalAllocated", "startupAllocated", "replicationBacklog", "clientsSlaves", "clientsNormal",
                "aofBuffer", "luaCaches", "overheadTotal", "keysBytesPerKey", "datasetBytes", "datasetPercentage",
                "peakPercentage", "allocatorAllocated", "allocatorActive", "allocatorResident", "allocatorFragmentationRatio",
                "allocatorFragmentationBytes", "allocatorRssRatio", "allocatorRssBytes", "rssOverheadRatio", "rssOverheadBytes",
                "fragmentation", "fragmentationBytes",
            ] as const) {
                assert.equal(typeof stats[field], "number", `${field} is ${String(stats[field])}`);
            }
            assert.ok(stats.totalAllocated > stats.startupAllocated);
            assert.deepEqual(Object.keys(stats.db), ["0"]);
            assert.equal(typeof stats.db[0].overheadHashtableMain, "number");
            assert.equal(typeof stats.db[0].overheadHashtableExpires, "number");
            assert.ok(!("db.0" in stats));
        });

        it("latencyLatest, latencyHistory and latencyReset", async () => {
            await client.configSet({ "latency-monitor-threshold": "1" });
            try {
                assert.equal(typeof (await client.latencyReset()), "number");
                assert.deepEqual(await client.latencyLatest(), []);
                assert.deepEqual(await client.latencyHistory("command"), []);
                const before = Math.floor(Date.now() / 1000);
                await client.customCommand(["DEBUG", "SLEEP", "0.03"]);
                const latest = await client.latencyLatest();
                assert.equal(latest.length, 1);
                const [event] = latest;
                assert.ok(event instanceof LatencyEventInfo);
                assert.equal(event.eventName, "command");
                assert.ok(event.latestDuration >= 30, `latestDuration ${event.latestDuration}`);
                assert.equal(event.maxDuration, event.latestDuration);
                assert.ok(event.latestTime >= before && event.latestTime <= before + 2);

                const history = await client.latencyHistory("command");
                assert.equal(history.length, 1);
                assert.ok(history[0] instanceof LatencyEntry);
                assert.deepEqual({ ...history[0] }, { time: event.latestTime, latency: event.latestDuration });
                assert.deepEqual(await client.latencyHistory(Buffer.from("no-such-event")), []);

                assert.equal(await client.latencyReset(["no-such-event"]), 0);
                assert.equal(await client.latencyReset(["command"]), 1);
                assert.deepEqual(await client.latencyLatest(), []);
                assert.equal(await client.latencyReset(), 0);
            } finally {
                await client.configSet({ "latency-monitor-threshold": "0" });
            }
        });

        it("lolwut draws and names the server version; version and parameters change the drawing", async () => {
            const version = String(await client.customCommand(["INFO", "server"])).match(/redis_version:[\d.]+/) !== null;
            assert.ok(version);
            const plain = await client.lolwut();
            assert.match(plain, /ver\. \d+\.\d+\.\d+/);
            const five = await client.lolwut({ version: 5, parameters: [10, 5] });
            assert.match(five, /ver\. \d+\.\d+\.\d+/);
            const bigger = await client.lolwut({ version: 5, parameters: [30, 5] });
            assert.ok(bigger.split("\n")[0].length > five.split("\n")[0].length);
        });

        it("clientPause holds the paused commands until clientUnpause or the timeout", async () => {
            const reader = await GlideClient.createClient(config());
            try {
                const key = uniqueKey("pause");
                assert.equal(await client.clientPause(10_000, ClientPauseMode.WRITE), "OK");
                let written = false;
                const write = other.set(key, "v").then((reply) => {
                    written = true;
                    return reply;
                });
                // Reads go on during a WRITE pause.
                assert.equal(await reader.get(key), null);
                await sleep(100);
                assert.equal(written, false);
                assert.equal(await client.clientUnpause(), "OK");
                assert.equal(await write, "OK");
                assert.equal(await reader.get(key), "v");

                // ALL pauses every client, this one's CLIENT UNPAUSE too: the pause ends by its timeout.
                assert.equal(await client.clientPause(300, ClientPauseMode.ALL, { decoder: Decoder.Bytes }), "OK");
                let started = Date.now();
                assert.equal(await reader.get(key), "v");
                assert.ok(Date.now() - started >= 150, "the read should have waited for the pause to end");

                // Without a mode the pause is ALL.
                assert.equal(await client.clientPause(300), "OK");
                started = Date.now();
                assert.equal(await reader.get(key), "v");
                assert.ok(Date.now() - started >= 150, "the read should have waited for the pause to end");
                assert.equal(await client.clientUnpause({ decoder: Decoder.Bytes }), "OK");
            } finally {
                reader.close();
            }
        });

        it("clientTrackingInfo reports tracking off, then the flags and prefixes set", async () => {
            const own = await GlideClient.createClient(config());
            try {
                assert.deepEqual(await own.clientTrackingInfo(), new ClientTrackingInfo(new Set(["off"]), -1, new Set()));
                await own.customCommand(["CLIENT", "TRACKING", "ON", "BCAST", "PREFIX", "a:", "PREFIX", "b:"]);
                const tracking = await own.clientTrackingInfo();
                assert.ok(tracking instanceof ClientTrackingInfo);
                assert.deepEqual(tracking.flags, new Set(["on", "bcast"]));
                assert.equal(tracking.redirect, 0);
                assert.deepEqual(tracking.prefixes, new Set(["a:", "b:"]));
            } finally {
                own.close();
            }
        });

        it("reset answers RESET and the client keeps its protocol, database and name", async () => {
            const own = await GlideClient.createClient({ ...config(), databaseId: 3, clientName: "resetter" });
            try {
                const key = uniqueKey("reset");
                await own.set(key, "in db 3");
                await own.customCommand(["CLIENT", "TRACKING", "ON"]);
                assert.equal(await own.reset(), "RESET");
                const clientInfo = String(await own.customCommand(["CLIENT", "INFO"]));
                assert.match(clientInfo, /db=3 /);
                assert.match(clientInfo, / name=resetter /);
                assert.match(clientInfo, new RegExp(` resp=${protocol === 0 ? 3 : 2} `));
                assert.equal(await own.get(key), "in db 3");
                assert.deepEqual(await own.clientTrackingInfo(), new ClientTrackingInfo(new Set(["off"]), -1, new Set()));
            } finally {
                own.close();
            }
        });

        it("server commands in a batch, replies converted", async () => {
            const own = await GlideClient.createClient({ ...config(), databaseId: 5, clientName: "batcher" });
            try {
                const key = uniqueKey("batch");
                await own.set(key, "v");
                const batch = new Batch(false)
                    .ping()
                    .ping("hello")
                    .echo("echoed")
                    .info([InfoOptions.Server])
                    .time()
                    .dbsize()
                    .clientId()
                    .clientGetName()
                    .configSet({ "maxmemory-clients": "7777777" })
                    .configGet(["maxmemory-clients"])
                    .configResetStat()
                    .configRewrite()
                    .randomKey()
                    .lastsave()
                    .lolwut({ version: 5 })
                    .flushdb(FlushMode.SYNC)
                    .dbsize()
                    .flushall()
                    .randomKey()
                    .configSet({ "maxmemory-clients": "0" });
                const replies = await own.exec(batch, false);
                assert.ok(replies !== null);
                assert.deepEqual(replies.slice(0, 3), ["PONG", "hello", "echoed"]);
                assert.match(replies[3] as string, /^# Server/);
                const [seconds, micros] = replies[4] as [string, string];
                assert.ok(Math.abs(Number(seconds) - Date.now() / 1000) < 5);
                assert.match(micros, /^\d+$/);
                assert.equal(replies[5], 1);
                assert.equal(typeof replies[6], "number");
                assert.equal(replies[7], "batcher");
                // A batch gives CONFIG GET's map as a GlideRecord, as GLIDE's does.
                assert.deepEqual(replies.slice(8, 11), ["OK", [{ key: "maxmemory-clients", value: "7777777" }], "OK"]);
                assert.ok(replies[11] instanceof RequestError);
                assert.match((replies[11] as RequestError).message, /^An error was signalled by the server: - ResponseError: The server is running without a config file$/);
                assert.equal(replies[12], key);
                assert.equal(typeof replies[13], "number");
                assert.match(replies[14] as string, /ver\. \d/);
                assert.deepEqual(replies.slice(15), ["OK", 0, "OK", null, "OK"]);

                const bytes = await own.exec(new Batch(true).ping(Buffer.from([0xff])).echo("x").clientGetName(), true, {
                    decoder: Decoder.Bytes,
                });
                assert.deepEqual(bytes, [Buffer.from([0xff]), Buffer.from("x"), Buffer.from("batcher")]);
                // RESET ends a transaction, so it only makes sense in a pipeline.
                assert.deepEqual(await own.exec(new Batch(false).reset(), true), ["RESET"]);
            } finally {
                own.close();
            }
        });
    });
}
