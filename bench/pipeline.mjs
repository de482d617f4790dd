#!/usr/bin/env node
// Pipeline benchmark (`npm run bench -- --mode pipeline [flags]`, or `node bench/pipeline.mjs`):
// non-atomic batches of 100 commands (SET/GET alternating) through glide-ts batches, GLIDE
// batches, ioredis pipeline() and node-redis multi().execAsPipeline(), on a standalone server and
// a 3-primary/3-replica cluster. Each run in its own process; server on CPU 0, client on CPU 1.
//   --duration S (3)  --warmup S (0.5)  --reps N (3)  --concurrency 1,10 (1,10)  --batch N (100)
//   --clients a,b  --targets standalone,cluster  --no-write
import { fork } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GLIDE_TS_ENTRY, REPO_ROOT, clientVersion } from "./clients.mjs";
import { hasBinary, serverVersion, startCluster, startStandalone, stopAll } from "./server.mjs";
import { writeSection } from "./report.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CLIENTS = ["glide-ts", "glide", "ioredis", "node-redis"];
const PEER_CLIENTS = ["glide", "ioredis", "node-redis"];
const LABEL = { "glide-ts": "glide-ts Batch", glide: "GLIDE Batch", ioredis: "ioredis pipeline()", "node-redis": "node-redis multi().execAsPipeline()" };

function options(argv) {
    const o = { duration: 3, warmup: 0.5, reps: 3, concurrency: [1, 10], batch: 100, clients: CLIENTS, targets: ["standalone", "cluster"], write: true };
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].split(/=(.*)/s);
        const value = () => inline ?? argv[++i];
        switch (flag) {
            case "--duration": o.duration = Number(value()); break;
            case "--warmup": o.warmup = Number(value()); break;
            case "--reps": o.reps = Number(value()); break;
            case "--concurrency": o.concurrency = value().split(",").map(Number); break;
            case "--batch": o.batch = Number(value()); break;
            case "--clients": o.clients = value().split(","); break;
            case "--targets": o.targets = value().split(","); break;
            case "--no-write": o.write = false; break;
            case "--mode": value(); break; // run.mjs passes its own flags through
            case "--no-pin": break;
            default: throw new Error(`unknown flag ${argv[i]}`);
        }
    }
    return o;
}

function runWorker(cfg, pinCpu) {
    return new Promise((resolve) => {
        const pin = pinCpu !== null ? { execPath: "taskset", execArgv: ["-c", String(pinCpu), process.execPath] } : {};
        const child = fork(path.join(HERE, "pipeline-worker.mjs"), [JSON.stringify(cfg)], { ...pin, stdio: ["ignore", 2, 2, "ipc"] });
        let result = null;
        const timer = setTimeout(() => child.kill("SIGKILL"), cfg.warmupMs + cfg.durationMs + 60_000);
        child.on("message", (message) => (result = message));
        child.on("exit", (code, signal) => {
            clearTimeout(timer);
            resolve(result ?? { ok: false, client: cfg.client, error: `worker exited (code ${code}, signal ${signal}) without a result` });
        });
    });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "-");

export async function main(argv) {
    const o = options(argv);
    if (!existsSync(GLIDE_TS_ENTRY)) throw new Error(`${GLIDE_TS_ENTRY} missing: run npm run build (or set GLIDE_TS_ENTRY)`);
    const canPin = hasBinary("taskset") && os.cpus().length >= 2;
    const lines = [];
    const all = {};
    for (const target of o.targets) {
        const server = target === "cluster" ? await startCluster({ cpu: 0, pin: canPin, masters: 3 }) : await startStandalone({ cpu: 0, pin: canPin });
        const version = await serverVersion(server.addresses[0].host, server.addresses[0].port);
        const rows = {};
        try {
            for (let rep = 0; rep < o.reps; rep++) {
                for (const concurrency of o.concurrency) {
                    const order = o.clients.map((_, i) => o.clients[(i + rep) % o.clients.length]);
                    for (const client of order) {
                        const cfg = { client, mode: target, addresses: server.addresses, concurrency, warmupMs: o.warmup * 1000, durationMs: o.duration * 1000, batchSize: o.batch, valueSize: 100 };
                        const result = await runWorker(cfg, canPin ? 1 : null);
                        const name = `${target} c=${concurrency} ${client}`;
                        if (!result.ok) {
                            console.error(`rep ${rep + 1} ${name}: FAILED ${String(result.error).split("\n")[0]}`);
                            continue;
                        }
                        (rows[`${client}|${concurrency}`] ??= []).push(result);
                        console.error(`rep ${rep + 1} ${name}: ${fmt(result.batchesPerSec)} batches/s, p50 ${fmt(result.p50, 2)} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ""}`);
                    }
                }
            }
        } finally {
            server.stop();
        }
        all[target] = rows;
        lines.push(`### ${target === "cluster" ? "Cluster (3 primaries, 3 replicas)" : "Standalone"} — valkey ${version}`, "");
        lines.push("| client | conc | batches/s (median) | commands/s | p50 ms | p99 ms | cpu-µs/batch | server CPU % | glide-ts ÷ this |");
        lines.push("|:--|--:|--:|--:|--:|--:|--:|--:|--:|");
        for (const concurrency of o.concurrency) {
            const ours = rows[`glide-ts|${concurrency}`];
            const oursMedian = ours ? median(ours.map((r) => r.batchesPerSec)) : NaN;
            let bestPeer = 0;
            for (const client of o.clients) {
                const reps = rows[`${client}|${concurrency}`];
                if (!reps) continue;
                const mid = [...reps].sort((a, b) => a.batchesPerSec - b.batchesPerSec)[(reps.length - 1) >> 1];
                const bps = median(reps.map((r) => r.batchesPerSec));
                if (PEER_CLIENTS.includes(client)) bestPeer = Math.max(bestPeer, bps);
                const versus = client === "glide-ts" ? "" : `${fmt(oursMedian / bps, 2)}×`;
                lines.push(`| ${LABEL[client]} ${clientVersion(client)} | ${concurrency} | ${fmt(bps)} | ${fmt(bps * o.batch)} | ${fmt(mid.p50, 2)} | ${fmt(mid.p99, 2)} | ${fmt(median(reps.map((r) => r.cpuUsPerBatch)), 0)} | ${fmt(median(reps.map((r) => r.serverCpuPct)), 0)} | ${versus} |`);
            }
            if (bestPeer > 0 && Number.isFinite(oursMedian)) lines.push(`| **glide-ts ÷ best peer** | ${concurrency} | **${fmt(oursMedian / bestPeer, 2)}×** | | | | | | |`);
        }
        lines.push("");
    }
    const header = [
        "## Pipeline",
        "",
        `Non-atomic batches of ${o.batch} commands (SET and GET alternating, 100-byte values; a batch's keys share one hash tag so that every library's cluster pipeline takes it), ` +
            `each task sending one batch and awaiting it. ${o.reps} reps × ${o.duration} s (+${o.warmup} s warm-up), median shown; server CPU % = CPU the servers used in the measured window, in % of one core (they share one: near 100% the servers set the pace). ` +
            `Node ${process.version}, ${os.cpus()[0]?.model} ×${os.cpus().length}, ${canPin ? "server on CPU 0, client on CPU 1" : "no pinning"}. ` +
            `Command: \`npm run bench -- --mode pipeline${argv.length ? " " + argv.filter((a) => a !== "--mode" && a !== "pipeline").join(" ") : ""}\` (${new Date().toISOString().slice(0, 16)}Z).`,
        "",
    ];
    const markdown = [...header, ...lines].join("\n");
    console.log(markdown);
    mkdirSync(path.join(HERE, "results"), { recursive: true });
    writeFileSync(path.join(HERE, "results", "pipeline-latest.json"), JSON.stringify({ at: new Date().toISOString(), options: o, results: all }, null, 2) + "\n");
    if (o.write) writeSection(path.join(REPO_ROOT, "BENCHMARKS.md"), "pipeline", markdown);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    main(process.argv.slice(2)).catch((e) => {
        console.error(e?.stack ?? e);
        stopAll();
        process.exit(1);
    });
}
