// Stats over repetitions + markdown rendering + BENCHMARKS.md section replacement.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { PEERS } from "./clients.mjs";

export const SECTIONS = ["standalone", "cluster", "pipeline"];

function median(xs) {
    const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
    if (!s.length) return NaN;
    const m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Groups per-rep results into one row per (client, concurrency). */
export function aggregate(results, clients, concurrencies) {
    const rows = [];
    for (const conc of concurrencies) {
        for (const client of clients) {
            const all = results.filter((r) => r.client === client && r.concurrency === conc);
            const reps = all.filter((r) => r.ok);
            if (!all.length) continue;
            if (!reps.length) {
                rows.push({ client, concurrency: conc, failed: true, error: all[0].error });
                continue;
            }
            // Latency percentiles come from the rep with the median TPS (lower median for even counts).
            const byTps = [...reps].sort((a, b) => a.tps - b.tps);
            const mid = byTps[(byTps.length - 1) >> 1];
            rows.push({
                client, concurrency: conc, reps: reps.length, failedReps: all.length - reps.length,
                tps: median(reps.map((r) => r.tps)),
                tpsMin: byTps[0].tps, tpsMax: byTps[byTps.length - 1].tps,
                p50: mid.latencyMs.p50, p99: mid.latencyMs.p99,
                cpuUsPerOp: median(reps.map((r) => r.cpuUsPerOp)),
                serverCpuPct: median(reps.map((r) => r.serverCpuPct ?? NaN)),
                errors: reps.reduce((s, r) => s + r.errors, 0),
                firstError: reps.find((r) => r.firstError)?.firstError,
                suspect: reps.find((r) => r.suspect)?.suspect,
            });
        }
    }
    return rows;
}

/** glide-ts vs glide and vs the best of the non-GLIDE peers, per concurrency. */
export function ratios(rows, concurrencies) {
    const out = [];
    for (const conc of concurrencies) {
        const at = (c) => rows.find((r) => r.client === c && r.concurrency === conc && !r.failed);
        const ours = at("glide-ts"), glide = at("glide");
        const peers = PEERS.map(at).filter(Boolean).sort((a, b) => b.tps - a.tps);
        const best = peers[0];
        out.push({
            concurrency: conc,
            bestPeer: best?.client,
            glideTsVsGlide: ours && glide ? ours.tps / glide.tps : NaN,
            glideTsVsBestPeer: ours && best ? ours.tps / best.tps : NaN,
            glideVsBestPeer: glide && best ? glide.tps / best.tps : NaN,
        });
    }
    return out;
}

const fmtInt = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const fmtMs = (x) => (Number.isFinite(x) ? (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1)) : "—");
const fmtR = (x) => (Number.isFinite(x) ? x.toFixed(2) + "×" : "—");
const fmtCpu = (x) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const fmtPct = (x) => (Number.isFinite(x) ? x.toFixed(0) : "—");

export function renderMarkdown({ meta, rows, ratioRows }) {
    const L = [];
    const title = { standalone: "Standalone", cluster: "Cluster" }[meta.mode] ?? meta.mode;
    L.push(`## ${title}: GET/SET mix, one shared client, N concurrent tasks`, "");
    L.push(`Generated ${meta.date} by \`${meta.command}\`${meta.gitCommit ? ` at commit \`${meta.gitCommit}\`` : ""}.`, "");
    L.push(`- Machine: Node ${meta.node}, ${meta.cpuModel}, ${meta.cores} cores, ${meta.serverVersion ? `valkey ${meta.serverVersion}` : "server version unknown"}` +
        ` (${meta.server}); ${meta.pinning}` +
        (meta.pinning.includes("client") ? ": every thread of the client process (GLIDE's Rust runtime too) shares that one core" : "") +
        `; 1-min load average ${meta.loadAvgStart?.toFixed(1)} at start, ${meta.loadAvgEnd?.toFixed(1)} at end (other work on the machine inflates the TPS ranges).`);
    L.push(`- Workload: ${meta.keys.toLocaleString("en-US")} prefilled keys \`key:<n>\` with ${meta.valueSize}-byte values; ` +
        `each op at random: 64% GET existing, 16% GET missing, 20% SET existing (${meta.valueSize} B).`);
    L.push(`- Each (client, concurrency) run in its own forked process: ${meta.warmupS} s warm-up, then ${meta.durationS} s measured; ` +
        `${meta.reps} repetitions, client order rotated between runs.`);
    L.push(`- Clients: ${meta.clients.map((c) => `${c} ${meta.versions[c]}`).join(", ")}.`);
    L.push(`- TPS = median over reps (range = min–max). p50/p99 latency = from the rep with the median TPS. ` +
        `Every run also checks that the server's \`total_commands_processed\` grew by at least the client's op count. ` +
        `CPU µs/op = client process \`process.cpuUsage()\` (user+sys, all threads, so GLIDE's Rust core is included) over the measured window / ops, median over reps. ` +
        `Server CPU % = CPU time the servers used during the measured window (\`INFO cpu\`, all servers summed) in % of one core, median over reps: ` +
        `the servers share one core, so near 100% the servers' capacity, not the client, sets the TPS.`, "");
    L.push("| concurrency | client | TPS (median) | TPS range | p50 ms | p99 ms | CPU µs/op | server CPU % |");
    L.push("|---:|:---|---:|---:|---:|---:|---:|---:|");
    for (const r of rows) {
        if (r.failed) {
            L.push(`| ${r.concurrency} | ${r.client} | failed | | | | | |`);
            continue;
        }
        const flag = (r.errors ? ` (${r.errors} errors)` : "") + (r.failedReps ? ` (${r.failedReps} reps failed)` : "") + (r.suspect ? " (SUSPECT)" : "");
        L.push(`| ${r.concurrency} | ${r.client}${flag} | ${fmtInt(r.tps)} | ${fmtInt(r.tpsMin)}–${fmtInt(r.tpsMax)} | ` +
            `${fmtMs(r.p50)} | ${fmtMs(r.p99)} | ${fmtCpu(r.cpuUsPerOp)} | ${fmtPct(r.serverCpuPct)} |`);
    }
    L.push("");
    L.push("Ratios of median TPS (best peer = fastest of ioredis, ioredis-autopipeline, node-redis at that concurrency):", "");
    L.push("| concurrency | glide-ts / glide | glide-ts / best peer | glide / best peer | best peer |");
    L.push("|---:|---:|---:|---:|:---|");
    for (const q of ratioRows) {
        L.push(`| ${q.concurrency} | ${fmtR(q.glideTsVsGlide)} | ${fmtR(q.glideTsVsBestPeer)} | ${fmtR(q.glideVsBestPeer)} | ${q.bestPeer ?? "—"} |`);
    }
    const failures = rows.filter((r) => r.failed || r.firstError || r.suspect);
    if (meta.notes?.length || failures.length) {
        L.push("");
        for (const n of meta.notes ?? []) L.push(`> ${n}`);
        for (const r of failures) {
            const msg = (r.failed ? r.error : r.firstError ?? r.suspect).split("\n")[0].slice(0, 200);
            L.push(`> ${r.client} @ ${r.concurrency}: ${r.failed ? "failed" : r.firstError ? "errors" : "suspect"}: ${msg}`);
        }
    }
    return L.join("\n") + "\n";
}

const HEADER = `# Benchmarks

Produced by \`npm run bench\` (see \`bench/run.mjs\` for flags). Each section is rewritten
in place by the run that produced it; raw numbers are in \`bench/results/\`.
This machine is shared and noisy: compare ratios within one section, not across runs.
`;

const marker = (s) => [`<!-- bench:${s} -->`, `<!-- /bench:${s} -->`];

/** Replaces (or appends) the section for `section` in BENCHMARKS.md, keeping the others. */
export function writeSection(file, section, body) {
    let text = existsSync(file) ? readFileSync(file, "utf8") : HEADER;
    for (const s of SECTIONS) {
        const [a, b] = marker(s);
        if (!text.includes(a)) text += `\n${a}\n## ${s[0].toUpperCase() + s.slice(1)}\n\n_Not run yet._\n${b}\n`;
    }
    const [a, b] = marker(section);
    if (!text.includes(a)) text += `\n${a}\n${b}\n`;
    const i = text.indexOf(a), j = text.indexOf(b, i);
    text = text.slice(0, i + a.length) + "\n" + body + text.slice(j);
    writeFileSync(file, text);
}
