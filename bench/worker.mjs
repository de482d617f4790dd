// One client run, in its own process (forked by run.mjs, pinned with taskset when available).
// argv[2] = JSON { client, mode, addresses, concurrency, warmupMs, durationMs, keys, valueSize }.
// Workload (GLIDE's node benchmark): 64% GET existing key, 16% GET missing key, 20% SET existing key.
// Sends one message { ok: true, ... } or { ok: false, error } to the parent, then exits.
import { createBenchClient } from "./clients.mjs";
import { serverCpuSeconds } from "./server-info.mjs";

const cfg = JSON.parse(process.argv[2]);
const VALUE = "v".repeat(cfg.valueSize);
const KEYS = cfg.keys;
const MISSING_SPAN = KEYS * 36; // missing keys: key:<KEYS .. 37*KEYS-1>, never written

class Recorder {
    constructor() { this.buf = new Float64Array(1 << 18); this.n = 0; }
    add(ns) {
        if (this.n === this.buf.length) {
            const b = new Float64Array(this.buf.length * 2);
            b.set(this.buf);
            this.buf = b;
        }
        this.buf[this.n++] = ns;
    }
    percentiles(ps) {
        const s = this.buf.slice(0, this.n).sort();
        const at = (p) => (this.n ? s[Math.min(this.n - 1, Math.floor((p / 100) * this.n))] : NaN);
        const out = {};
        for (const p of ps) out[`p${p}`] = at(p) / 1e6; // ms
        let sum = 0;
        for (let i = 0; i < this.n; i++) sum += s[i];
        out.mean = this.n ? sum / this.n / 1e6 : NaN;
        out.max = this.n ? s[this.n - 1] / 1e6 : NaN;
        return out;
    }
}

async function phase(client, ms, rec) {
    const deadline = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
    let ops = 0, errors = 0, firstError;
    async function task() {
        for (;;) {
            const t0 = process.hrtime.bigint();
            if (t0 >= deadline) return;
            const r = Math.random();
            try {
                if (r < 0.64) await client.get("key:" + Math.floor(Math.random() * KEYS));
                else if (r < 0.8) await client.get("key:" + (KEYS + Math.floor(Math.random() * MISSING_SPAN)));
                else await client.set("key:" + Math.floor(Math.random() * KEYS), VALUE);
                if (rec) rec.add(Number(process.hrtime.bigint() - t0));
                ops++;
            } catch (e) {
                errors++;
                firstError ??= String(e?.message ?? e);
            }
        }
    }
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: cfg.concurrency }, task));
    const elapsedNs = Number(process.hrtime.bigint() - t0);
    const cpu = process.cpuUsage(cpu0);
    return { ops, errors, firstError, elapsedNs, cpuUserUs: cpu.user, cpuSystemUs: cpu.system };
}

function send(msg) {
    return new Promise((resolve) => (process.send ? process.send(msg, () => resolve()) : (console.log(JSON.stringify(msg)), resolve())));
}

async function main() {
    const client = await createBenchClient(cfg.client, cfg.mode, cfg.addresses);
    // Sanity: a fast client that returns wrong answers must not win.
    const hit = await client.get("key:0"), miss = await client.get(`key:${KEYS * 40}`);
    if (String(hit) !== VALUE || miss !== null) {
        throw new Error(`sanity check failed: GET key:0 -> ${JSON.stringify(String(hit)).slice(0, 40)}, GET missing -> ${JSON.stringify(miss)}`);
    }
    const warm = cfg.warmupMs > 0 ? await phase(client, cfg.warmupMs, null) : { ops: 0, errors: 0 };
    const rec = new Recorder();
    const serverCpu0 = await serverCpuSeconds(cfg.addresses);
    const m = await phase(client, cfg.durationMs, rec);
    const serverCpu = (await serverCpuSeconds(cfg.addresses)) - serverCpu0;
    try { await client.close(); } catch {}
    const elapsedS = m.elapsedNs / 1e9;
    await send({
        ok: true,
        client: cfg.client, mode: cfg.mode, concurrency: cfg.concurrency,
        ops: m.ops, errors: m.errors, firstError: m.firstError,
        totalOps: warm.ops + warm.errors + m.ops + m.errors + 2, // every command sent, incl. warm-up and the 2 sanity GETs
        elapsedS,
        tps: m.ops / elapsedS,
        cpuUsPerOp: m.ops ? (m.cpuUserUs + m.cpuSystemUs) / m.ops : NaN,
        cpuUserUs: m.cpuUserUs, cpuSystemUs: m.cpuSystemUs,
        cpuUtil: (m.cpuUserUs + m.cpuSystemUs) / 1e6 / elapsedS,
        serverCpuPct: (100 * serverCpu) / elapsedS,
        latencyMs: rec.percentiles([50, 90, 99, 99.9]),
    });
}

main().then(
    () => process.exit(0),
    async (e) => {
        await send({ ok: false, client: cfg.client, concurrency: cfg.concurrency, error: String(e?.stack ?? e) });
        process.exit(1);
    },
);
