#!/usr/bin/env node
// Side-by-side benchmark orchestrator: `npm run bench -- [flags]` (see USAGE below).
// Progress goes to stderr; the markdown report goes to stdout, BENCHMARKS.md and bench/results/.
import { fork, spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { CLIENTS, GLIDE_TS_ENTRY, REPO_ROOT, clientVersion } from "./clients.mjs";
import { hasBinary, serverCommandCount, serverVersion, startCluster, startStandalone, stopAll } from "./server.mjs";
import { aggregate, ratios, renderMarkdown, writeSection } from "./report.mjs";

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));

const USAGE = `npm run bench -- [flags]
  --duration S        measured seconds per run            (env BENCH_DURATION, default 3)
  --warmup S          warm-up seconds per run              (env BENCH_WARMUP, default 0.5)
  --reps N            repetitions per (client, conc)       (env BENCH_REPS, default 3)
  --clients a,b       ${Object.keys(CLIENTS).join(",")}    (env BENCH_CLIENTS, default all)
  --concurrency 1,10  concurrent tasks per client          (env BENCH_CONCURRENCY, default 1,10,100,1000)
  --mode M            standalone | cluster | pipeline      (env BENCH_MODE, default standalone;
                      pipeline: batches of 100 SET/GET, see bench/pipeline.mjs for its flags)
  --cluster h:p,...   use an existing cluster (implies --mode cluster); else a throwaway 3-primary cluster
  --keys N            prefilled keyspace size              (default 100000)
  --value-size B      value size in bytes                  (default 100)
  --no-pin            don't pin server/client CPUs with taskset
  --no-write          don't update BENCHMARKS.md (results JSON is still written)
  --build             run \`npm run build\` first even if dist/cjs/index.js exists (it always runs when missing)
  VALKEY_HOST/VALKEY_PORT: use that standalone server instead of starting one.
  GLIDE_TS_ENTRY: bench another glide-ts build (default dist/cjs/index.js).`;

function parseArgs(argv) {
    const env = process.env;
    const o = {
        duration: Number(env.BENCH_DURATION ?? 3), warmup: Number(env.BENCH_WARMUP ?? 0.5), reps: Number(env.BENCH_REPS ?? 3),
        clients: (env.BENCH_CLIENTS ?? Object.keys(CLIENTS).join(",")).split(","),
        concurrency: (env.BENCH_CONCURRENCY ?? "1,10,100,1000").split(",").map(Number),
        mode: env.BENCH_MODE ?? "standalone", cluster: null, keys: 100000, valueSize: 100, pin: true, write: true, build: false,
    };
    for (let i = 0; i < argv.length; i++) {
        let [k, v] = argv[i].split(/=(.*)/s);
        const val = () => v ?? argv[++i];
        switch (k) {
            case "--duration": o.duration = Number(val()); break;
            case "--warmup": o.warmup = Number(val()); break;
            case "--reps": o.reps = Number(val()); break;
            case "--clients": o.clients = val().split(","); break;
            case "--concurrency": o.concurrency = val().split(",").map(Number); break;
            case "--mode": o.mode = val(); break;
            case "--cluster": o.cluster = val(); o.mode = "cluster"; break;
            case "--keys": o.keys = Number(val()); break;
            case "--value-size": o.valueSize = Number(val()); break;
            case "--no-pin": o.pin = false; break;
            case "--no-write": o.write = false; break;
            case "--build": o.build = true; break;
            case "-h": case "--help": console.log(USAGE); process.exit(0);
            default: console.error(`unknown flag ${argv[i]}\n${USAGE}`); process.exit(2);
        }
    }
    const bad = o.clients.filter((c) => !CLIENTS[c]);
    if (bad.length) { console.error(`unknown client(s) ${bad.join(", ")}\n${USAGE}`); process.exit(2); }
    if (!["standalone", "cluster"].includes(o.mode)) { console.error(`unknown mode ${o.mode}\n${USAGE}`); process.exit(2); }
    for (const [k, x] of [["duration", o.duration], ["warmup", o.warmup], ["reps", o.reps], ["keys", o.keys], ["value-size", o.valueSize], ...o.concurrency.map((c) => ["concurrency", c])]) {
        if (!Number.isFinite(x) || x < 0 || (k !== "warmup" && x === 0)) { console.error(`bad --${k}`); process.exit(2); }
    }
    return o;
}

const log = (...a) => console.error(...a);
const loud = (msg) => log(`\n${"!".repeat(78)}\n!!! ${msg}\n${"!".repeat(78)}\n`);

function ensureGlideTs(opts, notes) {
    if (!opts.clients.includes("glide-ts")) return;
    if (opts.build || !existsSync(GLIDE_TS_ENTRY)) {
        log(opts.build ? "--build: running npm run build ..." : `${path.relative(REPO_ROOT, GLIDE_TS_ENTRY)} missing: running npm run build ...`);
        spawnSync("npm", ["run", "build"], { cwd: REPO_ROOT, stdio: ["ignore", 2, 2] });
    }
    if (!existsSync(GLIDE_TS_ENTRY)) {
        const msg = `glide-ts SKIPPED: ${path.relative(REPO_ROOT, GLIDE_TS_ENTRY)} missing and \`npm run build\` did not produce it.`;
        loud(msg);
        notes.push(msg);
        opts.clients = opts.clients.filter((c) => c !== "glide-ts");
    }
}

async function prefill(mode, addresses, keys, valueSize) {
    const Redis = require("ioredis");
    const value = "v".repeat(valueSize);
    const t0 = Date.now();
    if (mode === "standalone") {
        const c = new Redis({ host: addresses[0].host, port: addresses[0].port, lazyConnect: true });
        await c.connect();
        for (let i = 0; i < keys; i += 10000) {
            const p = c.pipeline();
            for (let j = i; j < Math.min(keys, i + 10000); j++) p.set(`key:${j}`, value);
            await p.exec();
        }
        c.disconnect();
    } else {
        const c = new Redis.Cluster(addresses, { enableAutoPipelining: true, lazyConnect: true });
        await c.connect();
        for (let i = 0; i < keys; i += 10000) {
            const batch = [];
            for (let j = i; j < Math.min(keys, i + 10000); j++) batch.push(c.set(`key:${j}`, value));
            await Promise.all(batch);
        }
        c.disconnect();
    }
    log(`prefilled ${keys} keys in ${Date.now() - t0} ms`);
}

let current = null; // running worker, killed on Ctrl-C

function runWorker(cfg, pinCpu) {
    return new Promise((resolve) => {
        const pin = pinCpu !== null ? { execPath: "taskset", execArgv: ["-c", String(pinCpu), process.execPath] } : {};
        const child = fork(path.join(HERE, "worker.mjs"), [JSON.stringify(cfg)], { ...pin, stdio: ["ignore", 2, 2, "ipc"] });
        current = child;
        let msg = null;
        const limit = cfg.warmupMs + cfg.durationMs + 60000;
        const timer = setTimeout(() => child.kill("SIGKILL"), limit);
        child.on("message", (m) => (msg = m));
        child.on("exit", (code, sig) => {
            clearTimeout(timer);
            current = null;
            resolve(msg ?? { ok: false, client: cfg.client, concurrency: cfg.concurrency, error: `worker exited (code ${code}, signal ${sig}) without a result` });
        });
    });
}

function shutdown(sig) {
    log(`\n${sig}: stopping`);
    if (current) try { current.kill("SIGKILL"); } catch {}
    stopAll();
    process.exit(130);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

async function main() {
    const args = process.argv.slice(2);
    if (args.some((arg, i) => arg === "--mode=pipeline" || (arg === "--mode" && args[i + 1] === "pipeline"))) {
        // Batches of 100 commands per client: a workload of its own (bench/pipeline.mjs).
        return (await import("./pipeline.mjs")).main(args);
    }
    const opts = parseArgs(args);
    const notes = [];
    ensureGlideTs(opts, notes);

    const canPin = opts.pin && hasBinary("taskset") && os.cpus().length >= 2;
    if (opts.pin && !canPin) log("CPU pinning skipped (taskset missing or < 2 CPUs)");

    // Server
    let addresses, stop = () => {}, serverDesc;
    if (opts.mode === "standalone" && (process.env.VALKEY_HOST || process.env.VALKEY_PORT)) {
        addresses = [{ host: process.env.VALKEY_HOST ?? "127.0.0.1", port: Number(process.env.VALKEY_PORT ?? 6379) }];
        serverDesc = `external server ${addresses[0].host}:${addresses[0].port}`;
    } else if (opts.mode === "cluster" && opts.cluster) {
        addresses = opts.cluster.split(",").map((hp) => { const [host, port] = hp.split(":"); return { host, port: Number(port) }; });
        serverDesc = `external cluster ${opts.cluster}`;
    } else if (opts.mode === "standalone") {
        ({ addresses, stop } = await startStandalone({ cpu: 0, pin: canPin }));
        serverDesc = `throwaway server on port ${addresses[0].port}`;
    } else {
        ({ addresses, stop } = await startCluster({ cpu: 0, pin: canPin, masters: 3 }));
        serverDesc = `throwaway cluster of ${addresses.length / 2} primaries with one replica each`;
    }
    const external = serverDesc.startsWith("external");
    const pinning = canPin ? (external ? "client pinned to CPU 1 (taskset)" : "server pinned to CPU 0, client to CPU 1 (taskset)") : "no CPU pinning";

    const meta = {
        mode: opts.mode, date: new Date().toISOString(),
        command: "npm run bench" + (args.length ? ` -- ${args.join(" ")}` : ""),
        gitCommit: (() => { try { return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT }).toString().trim(); } catch { return null; } })(),
        node: process.version, cpuModel: os.cpus()[0]?.model ?? "?", cores: os.cpus().length,
        loadAvgStart: os.loadavg()[0],
        serverVersion: await serverVersion(addresses[0].host, addresses[0].port), server: serverDesc, pinning,
        keys: opts.keys, valueSize: opts.valueSize, warmupS: opts.warmup, durationS: opts.duration, reps: opts.reps,
        clients: opts.clients, concurrency: opts.concurrency,
        versions: Object.fromEntries(opts.clients.map((c) => [c, clientVersion(c)])), notes,
    };
    log(`Node ${meta.node} | ${meta.cpuModel} x${meta.cores} | valkey ${meta.serverVersion} | ${serverDesc} | ${pinning}`);

    await prefill(opts.mode, addresses, opts.keys, opts.valueSize);

    const results = [];
    const total = opts.reps * opts.concurrency.length * opts.clients.length;
    let n = 0;
    for (let rep = 0; rep < opts.reps; rep++) {
        for (let ci = 0; ci < opts.concurrency.length; ci++) {
            const conc = opts.concurrency[ci];
            const k = (rep + ci) % opts.clients.length; // rotate client order across reps and concurrencies
            const order = [...opts.clients.slice(k), ...opts.clients.slice(0, k)];
            for (const client of order) {
                const cfg = { client, mode: opts.mode, addresses, concurrency: conc, warmupMs: opts.warmup * 1000,
                    durationMs: opts.duration * 1000, keys: opts.keys, valueSize: opts.valueSize };
                const before = await serverCommandCount(addresses);
                const r = await runWorker(cfg, canPin ? 1 : null);
                r.rep = rep;
                // Integrity: the server must have processed at least as many commands as the client counted.
                r.serverCommands = (await serverCommandCount(addresses)) - before;
                if (r.ok && r.serverCommands < r.totalOps) {
                    r.suspect = `server processed ${r.serverCommands} commands but the client counted ${r.totalOps} ops`;
                    loud(`${client} c=${conc}: ${r.suspect}`);
                }
                results.push(r);
                const tag = `[${++n}/${total}] rep ${rep + 1} c=${conc} ${client}`;
                if (r.ok) log(`${tag}: ${Math.round(r.tps)} TPS, p50 ${r.latencyMs.p50.toFixed(3)} ms, p99 ${r.latencyMs.p99.toFixed(3)} ms, ` +
                    `${r.cpuUsPerOp.toFixed(1)} cpu-µs/op${r.errors ? `, ${r.errors} ERRORS (${r.firstError})` : ""}`);
                else { (client === "glide-ts" ? loud : log)(`${tag}: FAILED: ${String(r.error).split("\n")[0]}`); }
            }
        }
    }
    stop();
    meta.loadAvgEnd = os.loadavg()[0];

    const rows = aggregate(results, opts.clients, opts.concurrency);
    const ratioRows = ratios(rows, opts.concurrency);
    const md = renderMarkdown({ meta, rows, ratioRows });
    console.log("\n" + md);

    mkdirSync(path.join(HERE, "results"), { recursive: true });
    const json = JSON.stringify({ meta, rows, ratios: ratioRows, results }, null, 2) + "\n";
    writeFileSync(path.join(HERE, "results", "latest.json"), json);
    writeFileSync(path.join(HERE, "results", `latest-${opts.mode}.json`), json);
    if (opts.write) {
        writeSection(path.join(REPO_ROOT, "BENCHMARKS.md"), opts.mode, md);
        log(`wrote BENCHMARKS.md (section ${opts.mode}) and bench/results/latest.json`);
    } else log("wrote bench/results/latest.json (BENCHMARKS.md untouched: --no-write)");
}

main().catch((e) => {
    log(e?.stack ?? e);
    stopAll();
    process.exit(1);
});
