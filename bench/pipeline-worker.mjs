// One pipeline-benchmark run in its own process (forked by pipeline.mjs).
// argv[2] = JSON { client, mode, addresses, concurrency, warmupMs, durationMs, batchSize, valueSize }.
// Each task loops: one non-atomic batch of `batchSize` commands (SET and GET alternating, on keys
// of one hash tag so that every library's cluster pipeline accepts it), sent and awaited whole.
import { createRequire } from "node:module";
import { GLIDE_TS_ENTRY, REQUEST_TIMEOUT_MS } from "./clients.mjs";
import { serverCpuSeconds } from "./server-info.mjs";

const require = createRequire(import.meta.url);
const cfg = JSON.parse(process.argv[2]);
const VALUE = "v".repeat(cfg.valueSize);
const TAGS = 1000;

function glideAdapter(lib) {
    return async () => {
        const { GlideClient, GlideClusterClient, Batch, ClusterBatch } = lib();
        const cluster = cfg.mode === "cluster";
        const options = { addresses: cfg.addresses, requestTimeout: REQUEST_TIMEOUT_MS };
        const client = cluster ? await GlideClusterClient.createClient(options) : await GlideClient.createClient(options);
        return {
            run: (keys) => {
                const batch = cluster ? new ClusterBatch(false) : new Batch(false);
                for (let i = 0; i < keys.length; i += 2) batch.set(keys[i], VALUE).get(keys[i + 1]);
                return client.exec(batch, true);
            },
            close: () => client.close(),
        };
    };
}

const ADAPTERS = {
    "glide-ts": glideAdapter(() => require(GLIDE_TS_ENTRY)),
    glide: glideAdapter(() => require("@valkey/valkey-glide")),
    ioredis: async () => {
        const Redis = require("ioredis");
        const client = cfg.mode === "cluster" ? new Redis.Cluster(cfg.addresses) : new Redis(cfg.addresses[0]);
        await new Promise((resolve, reject) => (client.once("ready", resolve), client.once("error", reject)));
        return {
            run: async (keys) => {
                const pipeline = client.pipeline();
                for (let i = 0; i < keys.length; i += 2) pipeline.set(keys[i], VALUE).get(keys[i + 1]);
                return (await pipeline.exec()).map(([error, value]) => error ?? value);
            },
            close: () => client.disconnect(),
        };
    },
    "node-redis": async () => {
        const { createClient, createCluster } = require("redis");
        const client =
            cfg.mode === "cluster"
                ? createCluster({ rootNodes: cfg.addresses.map((a) => ({ socket: { host: a.host, port: a.port } })) })
                : createClient({ socket: cfg.addresses[0] });
        client.on("error", (e) => console.error("node-redis error:", e.message));
        await client.connect();
        return {
            run: (keys) => {
                // In cluster mode multi() routes by its first key: every key of the batch shares its tag.
                const multi = cfg.mode === "cluster" ? client.multi(keys[0]) : client.multi();
                for (let i = 0; i < keys.length; i += 2) multi.set(keys[i], VALUE).get(keys[i + 1]);
                return multi.execAsPipeline();
            },
            close: () => client.close(),
        };
    },
};

function keysOfBatch() {
    const tag = Math.floor(Math.random() * TAGS);
    const keys = new Array(cfg.batchSize);
    for (let i = 0; i < cfg.batchSize; i++) keys[i] = `pipe:{${tag}}:${Math.floor(Math.random() * 100)}`;
    return keys;
}

async function phase(adapter, ms, latencies) {
    const deadline = performance.now() + ms;
    let batches = 0, errors = 0, firstError;
    async function task() {
        while (performance.now() < deadline) {
            const t0 = performance.now();
            try {
                const replies = await adapter.run(keysOfBatch());
                if (replies.length !== cfg.batchSize || replies[0] !== "OK") throw new Error(`bad reply ${JSON.stringify(replies).slice(0, 80)}`);
                latencies?.push(performance.now() - t0);
                batches++;
            } catch (e) {
                errors++;
                firstError ??= String(e?.message ?? e);
            }
        }
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: cfg.concurrency }, task));
    const elapsedS = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { batches, errors, firstError, elapsedS, cpuUs: cpu.user + cpu.system };
}

function send(message) {
    return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : (console.log(JSON.stringify(message)), resolve())));
}

try {
    const adapter = await ADAPTERS[cfg.client]();
    if (cfg.warmupMs > 0) await phase(adapter, cfg.warmupMs, null);
    const latencies = [];
    const serverCpu0 = await serverCpuSeconds(cfg.addresses);
    const m = await phase(adapter, cfg.durationMs, latencies);
    const serverCpu = (await serverCpuSeconds(cfg.addresses)) - serverCpu0;
    await adapter.close();
    latencies.sort((a, b) => a - b);
    const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
    await send({
        ok: true,
        client: cfg.client,
        concurrency: cfg.concurrency,
        batchesPerSec: m.batches / m.elapsedS,
        commandsPerSec: (m.batches * cfg.batchSize) / m.elapsedS,
        cpuUsPerBatch: m.batches ? m.cpuUs / m.batches : NaN,
        serverCpuPct: (100 * serverCpu) / m.elapsedS,
        p50: at(0.5),
        p99: at(0.99),
        errors: m.errors,
        firstError: m.firstError,
    });
    process.exit(0);
} catch (e) {
    await send({ ok: false, client: cfg.client, concurrency: cfg.concurrency, error: String(e?.stack ?? e) });
    process.exit(1);
}
