#!/usr/bin/env node
// What OpenTelemetry costs the request path, measured on a noisy shared machine by interleaving:
// one process holds three clients (a glide-ts build without OpenTelemetry, this build with tracing
// off, this build sampling 1%), and runs them in turn in short bursts, many rounds, so that the
// machine's load drifts alike for all three. Reports median TPS and client CPU µs per op, and the
// median per-round ratios to the build without OpenTelemetry.
//   node bench/otel-ab.mjs --base /path/to/other/dist/cjs/index.js [--mode standalone|cluster]
//        [--concurrency 100,1000] [--rounds 15] [--burst-ms 700]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { startCluster, startStandalone, stopAll } from "./server.mjs";

const require = createRequire(import.meta.url);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
    options: { base: { type: "string" }, mode: { type: "string", default: "standalone" }, concurrency: { type: "string", default: "100,1000" }, rounds: { type: "string", default: "15" }, "burst-ms": { type: "string", default: "700" } },
});
const base = args.base;
if (!base) throw new Error("--base <glide-ts build without OpenTelemetry>/dist/cjs/index.js is required");
const mode = args.mode;
const concurrencies = args.concurrency.split(",").map(Number);
const rounds = Number(args.rounds);
const burstMs = Number(args["burst-ms"]);

const baseLib = require(path.resolve(base));
const thisLib = require(path.join(HERE, "..", "dist", "cjs", "index.js"));
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "otel-ab-"));
thisLib.OpenTelemetry.init({ traces: { endpoint: `file://${folder}/`, samplePercentage: 0 }, flushIntervalMs: 1000 });

const VALUE = "v".repeat(100);
const KEYS = 10_000;

async function burst(client, concurrency, ms) {
    const until = performance.now() + ms;
    let ops = 0;
    async function task() {
        while (performance.now() < until) {
            const r = Math.random();
            const key = `key:${Math.floor(Math.random() * KEYS)}`;
            if (r < 0.8) await client.get(key);
            else await client.set(key, VALUE);
            ops++;
        }
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    await Promise.all(Array.from({ length: concurrency }, task));
    const used = process.cpuUsage(cpu);
    return { tps: ops / ((performance.now() - started) / 1000), cpuPerOp: (used.user + used.system) / ops };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = mode === "cluster" ? await startCluster({ pin: false, replicas: 0 }) : await startStandalone({ pin: false });
const make = (lib) => (mode === "cluster" ? lib.GlideClusterClient : lib.GlideClient).createClient({ addresses: server.addresses, requestTimeout: 5000 });
const clients = { base: await make(baseLib), off: await make(thisLib), sampled: await make(thisLib) };
const variants = [
    ["base", () => undefined],
    ["off", () => thisLib.OpenTelemetry.setSamplePercentage(0)],
    ["sampled", () => thisLib.OpenTelemetry.setSamplePercentage(1)],
];
const rows = [];
try {
    for (let i = 0; i < KEYS; i += 500) await Promise.all(Array.from({ length: 500 }, (_, j) => clients.base.set(`key:${i + j}`, VALUE)));
    for (const concurrency of concurrencies) {
        const runs = { base: [], off: [], sampled: [] };
        for (const [name, setUp] of variants) {
            setUp();
            await burst(clients[name], concurrency, 300); // warm-up
        }
        for (let round = 0; round < rounds; round++) {
            // Rotate the order each round so that no variant always follows another.
            const order = variants.map((_, index) => variants[(index + round) % variants.length]);
            for (const [name, setUp] of order) {
                setUp();
                runs[name].push(await burst(clients[name], concurrency, burstMs));
            }
        }
        const of = (name, field) => runs[name].map((run) => run[field]);
        const ratio = (name, field) => median(of(name, field).map((value, index) => value / of("base", field)[index]));
        const row = { mode, concurrency };
        for (const name of ["base", "off", "sampled"]) Object.assign(row, { [`${name}Tps`]: median(of(name, "tps")), [`${name}Cpu`]: median(of(name, "cpuPerOp")) });
        for (const name of ["off", "sampled"]) Object.assign(row, { [`${name}TpsRatio`]: ratio(name, "tps"), [`${name}CpuRatio`]: ratio(name, "cpuPerOp") });
        rows.push(row);
        console.error(`${mode} c=${concurrency}: ${JSON.stringify(rows.at(-1))}`);
    }
} finally {
    thisLib.OpenTelemetry.setSamplePercentage(0);
    for (const client of Object.values(clients)) client.close();
    server.stop();
    stopAll();
    // After the exit flush has written what was still queued.
    process.once("exit", () => fs.rmSync(folder, { recursive: true, force: true }));
}
const fmt = (n) => Math.round(n).toLocaleString("en-US");
const pct = (r) => `${r >= 1 ? "+" : ""}${((r - 1) * 100).toFixed(1)}%`;
for (const row of rows) {
    const cpu = (name) => row[`${name}Cpu`].toFixed(2);
    console.log(
        `| ${row.mode} | ${row.concurrency} | ${fmt(row.baseTps)} | ${fmt(row.offTps)} (${pct(row.offTpsRatio)}) | ${fmt(row.sampledTps)} (${pct(row.sampledTpsRatio)}) | ` +
            `${cpu("base")} | ${cpu("off")} (${pct(row.offCpuRatio)}) | ${cpu("sampled")} (${pct(row.sampledCpuRatio)}) |`,
    );
}
