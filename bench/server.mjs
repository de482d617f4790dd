// Throwaway valkey-server (standalone, or a small cluster) for the benchmark.
// Temp dir, free ports, no persistence, optionally pinned with taskset;
// killed at process exit, on Ctrl-C and on SIGTERM.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import net from "node:net";
import { rawCommand } from "./server-info.mjs";
import os from "node:os";
import path from "node:path";

export { rawCommand };

const live = new Set(); // { proc, dir }

function cleanupSync() {
    for (const s of live) {
        try { s.proc.kill("SIGKILL"); } catch {}
        try { rmSync(s.dir, { recursive: true, force: true }); } catch {}
    }
    live.clear();
}
process.on("exit", cleanupSync);

export function hasBinary(name) {
    return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function findServerBin() {
    for (const b of ["valkey-server", "redis-server"]) if (hasBinary(b)) return b;
    return null;
}

/** valkey-server (or redis-server); runs scripts/ensure-valkey.sh once if neither is installed. */
export function valkeyServerBin() {
    let bin = findServerBin();
    const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "scripts", "ensure-valkey.sh");
    if (!bin && existsSync(script)) {
        console.error("valkey-server not found: running scripts/ensure-valkey.sh ...");
        spawnSync("bash", [script], { stdio: ["ignore", 2, 2] });
        bin = findServerBin();
    }
    return bin;
}

async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on("error", reject);
        srv.listen(0, "127.0.0.1", () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}

async function waitReady(host, port, proc, ms = 10000) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
        if (proc.exitCode !== null) throw new Error(`server on port ${port} exited with code ${proc.exitCode}`);
        try {
            if ((await rawCommand(host, port, ["PING"], 500)).startsWith("+PONG")) return;
        } catch {}
        await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server on port ${port} not ready after ${ms} ms`);
}

async function startOne({ cpu, pin, extraArgs = [] }) {
    const bin = valkeyServerBin();
    if (!bin) throw new Error("valkey-server not found (try: bash scripts/ensure-valkey.sh)");
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), "glide-ts-bench-"));
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        "--dir", dir, "--protected-mode", "no", "--logfile", path.join(dir, "server.log"), ...extraArgs];
    const [cmd, argv] = pin ? ["taskset", ["-c", String(cpu), bin, ...args]] : [bin, args];
    const proc = spawn(cmd, argv, { stdio: "ignore" });
    const entry = { proc, dir };
    live.add(entry);
    await waitReady("127.0.0.1", port, proc);
    return { host: "127.0.0.1", port, stop: () => { try { proc.kill("SIGKILL"); } catch {} rmSync(dir, { recursive: true, force: true }); live.delete(entry); } };
}

/** Standalone server. Returns { addresses: [{host, port}], stop() }. */
export async function startStandalone({ cpu = 0, pin = true } = {}) {
    const s = await startOne({ cpu, pin });
    return { addresses: [{ host: s.host, port: s.port }], stop: s.stop };
}

/** Cluster of `masters` primaries with `replicas` replicas each (3x2 by default), all on one CPU. */
export async function startCluster({ cpu = 0, pin = true, masters = 3, replicas = 1 } = {}) {
    const cli = ["valkey-cli", "redis-cli"].find(hasBinary);
    if (!cli) throw new Error("valkey-cli not found: needed to create a throwaway cluster");
    const nodes = [];
    for (let i = 0; i < masters * (1 + replicas); i++) {
        nodes.push(await startOne({ cpu, pin, extraArgs: ["--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000"] }));
    }
    const stop = () => nodes.forEach((n) => n.stop());
    try {
        execFileSync(cli, ["--cluster", "create", ...nodes.map((n) => `${n.host}:${n.port}`), "--cluster-replicas", String(replicas), "--cluster-yes"], { stdio: "ignore" });
        const until = Date.now() + 15000;
        for (;;) {
            const infos = await Promise.all(nodes.map((n) => rawCommand(n.host, n.port, ["CLUSTER", "INFO"])));
            if (infos.every((t) => t.includes("cluster_state:ok"))) break;
            if (Date.now() > until) throw new Error("cluster did not reach cluster_state:ok");
            await new Promise((r) => setTimeout(r, 100));
        }
    } catch (e) { stop(); throw e; }
    return { addresses: nodes.map((n) => ({ host: n.host, port: n.port })), stop };
}

export async function serverVersion(host, port) {
    try {
        const info = await rawCommand(host, port, ["INFO", "server"]);
        const v = /valkey_version:(\S+)/.exec(info) ?? /redis_version:(\S+)/.exec(info);
        return v ? v[1] : "unknown";
    } catch { return "unknown"; }
}

export function stopAll() { cleanupSync(); }

/** Sum of total_commands_processed over the given nodes (NaN if any can't be read). */
export async function serverCommandCount(addresses) {
    let sum = 0;
    for (const a of addresses) {
        try {
            const m = /total_commands_processed:(\d+)/.exec(await rawCommand(a.host, a.port, ["INFO", "stats"]));
            sum += m ? Number(m[1]) : NaN;
        } catch { return NaN; }
    }
    return sum;
}
