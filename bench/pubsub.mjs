#!/usr/bin/env node
// Pub/sub benchmark: messages/s delivered to a callback on one channel, and the time from a
// killed subscriber connection to resumed delivery; glide-ts (RESP3, RESP2) vs GLIDE (RESP3 only)
// vs ioredis (RESP2). Each run in its own process, server pinned to CPU 0, client to CPU 1.
//   node bench/pubsub.mjs [--messages N] [--payload BYTES] [--reps N] [--kills N] [--clients a,b] [--cluster]
// --cluster: a 3-primary/3-replica cluster and each library's cluster client; the messages are
// PUBLISHed on one primary and reach the subscriber's node over the cluster bus.
// glide-ts is loaded from dist/cjs (npm run build) or GLIDE_TS_ENTRY.
import { fork } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GLIDE_TS_ENTRY, clientVersion } from "./clients.mjs";
import { hasBinary, rawCommand, serverVersion, startCluster, startStandalone } from "./server.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNS = [
    { client: "glide-ts", protocol: "RESP3" },
    { client: "glide-ts", protocol: "RESP2" },
    { client: "glide", protocol: "RESP3" },
    { client: "ioredis", protocol: "RESP2" },
];

function options() {
    const o = { messages: 500_000, payload: 64, reps: 3, kills: 10, clients: null, cluster: false };
    const argv = process.argv.slice(2);
    for (let i = 0; i < argv.length; i++) {
        const value = argv[i + 1];
        switch (argv[i]) {
            case "--messages": o.messages = Number(value); i++; break;
            case "--payload": o.payload = Number(value); i++; break;
            case "--reps": o.reps = Number(value); i++; break;
            case "--kills": o.kills = Number(value); i++; break;
            case "--clients": o.clients = value.split(","); i++; break;
            case "--cluster": o.cluster = true; break;
            default: throw new Error(`unknown option ${argv[i]}`);
        }
    }
    return o;
}

function runWorker(cfg, pinCpu) {
    return new Promise((resolve) => {
        const pin = pinCpu !== null ? { execPath: "taskset", execArgv: ["-c", String(pinCpu), process.execPath] } : {};
        const child = fork(path.join(HERE, "pubsub-worker.mjs"), [JSON.stringify(cfg)], { ...pin, stdio: ["ignore", 2, 2, "ipc"] });
        let result = null;
        const timer = setTimeout(() => child.kill("SIGKILL"), 180_000);
        child.on("message", (message) => (result = message));
        child.on("exit", (code, signal) => {
            clearTimeout(timer);
            resolve(result ?? { ok: false, error: `worker exited (code ${code}, signal ${signal}) without a result` });
        });
    });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const o = options();
if (!existsSync(GLIDE_TS_ENTRY)) throw new Error(`${GLIDE_TS_ENTRY} missing: run npm run build (or set GLIDE_TS_ENTRY)`);
const runs = RUNS.filter((run) => o.clients === null || o.clients.includes(run.client));
const canPin = hasBinary("taskset") && os.cpus().length >= 2;
const server = o.cluster ? await startCluster({ cpu: 0, pin: canPin }) : await startStandalone({ cpu: 0, pin: canPin });
const [{ host, port }] = server.addresses;
try {
    // A client slower than Lua's publishing must not be cut off by the output buffer limit.
    for (const node of server.addresses) await rawCommand(node.host, node.port, ["CONFIG", "SET", "client-output-buffer-limit", "pubsub 0 0 0"]);
    console.log(`Node ${process.version} | ${os.cpus()[0]?.model} x${os.cpus().length} | valkey ${await serverVersion(host, port)} | ` +
        `${canPin ? "server CPU 0, client CPU 1" : "no pinning"} | load ${os.loadavg()[0].toFixed(1)}`);
    const results = {};
    for (let rep = 0; rep < o.reps; rep++) {
        const order = runs.map((_, i) => runs[(i + rep) % runs.length]);
        for (const run of order) {
            const name = `${run.client} ${run.protocol}`;
            for (const kind of ["throughput", "resume"]) {
                const cfg = { ...run, kind, host, port, nodes: server.addresses, cluster: o.cluster, messages: o.messages, payload: o.payload, kills: o.kills };
                const result = await runWorker(cfg, canPin ? 1 : null);
                if (!result.ok) {
                    console.log(`${name} ${kind}: FAILED ${result.error}`);
                    continue;
                }
                const entry = ((results[name] ??= { throughput: [], cpu: [], resume: [] }));
                if (kind === "throughput") {
                    entry.throughput.push(result.messagesPerSec);
                    entry.cpu.push(result.cpuUsPerMsg);
                    console.log(`rep ${rep + 1} ${name}: ${fmt(result.messagesPerSec)} msg/s, ${fmt(result.cpuUsPerMsg, 2)} cpu-µs/msg`);
                } else {
                    entry.resume.push(...result.resumeMs);
                    console.log(`rep ${rep + 1} ${name}: resumed after ${result.resumeMs.map((ms) => fmt(ms, 1)).join(", ")} ms`);
                }
            }
        }
    }
    console.log(`\n${o.cluster ? "cluster (3 primaries, 3 replicas), " : ""}${fmt(o.messages)} messages of ${o.payload} B per run, ${o.reps} reps; resume: ${o.kills} kills per rep, a message every ms\n`);
    console.log("| client | version | msg/s (median) | msg/s range | cpu-µs/msg | resume ms (median) | resume ms range |");
    console.log("|:--|:--|--:|--:|--:|--:|--:|");
    for (const [name, r] of Object.entries(results)) {
        const range = (values, digits) => (values.length ? `${fmt(Math.min(...values), digits)}–${fmt(Math.max(...values), digits)}` : "-");
        console.log(`| ${name} | ${clientVersion(name.split(" ")[0])} | ${r.throughput.length ? fmt(median(r.throughput)) : "-"} | ${range(r.throughput, 0)} | ` +
            `${r.cpu.length ? fmt(median(r.cpu), 2) : "-"} | ${r.resume.length ? fmt(median(r.resume), 1) : "-"} | ${range(r.resume, 1)} |`);
    }
    mkdirSync(path.join(HERE, "results"), { recursive: true });
    writeFileSync(path.join(HERE, "results", o.cluster ? "pubsub-cluster-latest.json" : "pubsub-latest.json"), JSON.stringify({ at: new Date().toISOString(), options: o, results }, null, 2));
} finally {
    server.stop();
}
