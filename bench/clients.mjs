// Client factories: name -> { standalone(addresses), cluster(addresses) } -> Promise<Adapter>.
// Adapter = { get(key): Promise, set(key, value): Promise, close(): Promise|void }.
// Each library is required lazily, so a worker only loads the client it measures.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Override with GLIDE_TS_ENTRY=/path/to/index.js to bench another build.
export const GLIDE_TS_ENTRY = process.env.GLIDE_TS_ENTRY ? path.resolve(process.env.GLIDE_TS_ENTRY) : path.join(REPO_ROOT, "dist", "cjs", "index.js");

export const REQUEST_TIMEOUT_MS = 2000;

function glideFactories(load) {
    const adapt = (c) => ({ get: (k) => c.get(k), set: (k, v) => c.set(k, v), close: () => c.close() });
    return {
        standalone: async (addrs) => adapt(await load().GlideClient.createClient({ addresses: addrs, requestTimeout: REQUEST_TIMEOUT_MS })),
        cluster: async (addrs) => adapt(await load().GlideClusterClient.createClient({ addresses: addrs, requestTimeout: REQUEST_TIMEOUT_MS })),
    };
}

function ioredisFactories(opts) {
    const adapt = (c) => ({ get: (k) => c.get(k), set: (k, v) => c.set(k, v), close: () => c.disconnect() });
    const ready = (c) => new Promise((resolve, reject) => {
        c.once("ready", () => resolve(c));
        c.once("error", reject);
    });
    return {
        standalone: async ([a]) => {
            const Redis = require("ioredis");
            return adapt(await ready(new Redis({ host: a.host, port: a.port, ...opts })));
        },
        cluster: async (addrs) => {
            const Redis = require("ioredis");
            return adapt(await ready(new Redis.Cluster(addrs.map((a) => ({ host: a.host, port: a.port })), opts)));
        },
    };
}

function nodeRedisFactories() {
    const adapt = (c) => ({ get: (k) => c.get(k), set: (k, v) => c.set(k, v), close: () => c.close() });
    return {
        standalone: async ([a]) => {
            const { createClient } = require("redis");
            const c = createClient({ socket: { host: a.host, port: a.port } });
            c.on("error", (e) => console.error("node-redis error:", e.message));
            return adapt(await c.connect());
        },
        cluster: async (addrs) => {
            const { createCluster } = require("redis");
            const c = createCluster({ rootNodes: addrs.map((a) => ({ socket: { host: a.host, port: a.port } })) });
            c.on("error", (e) => console.error("node-redis error:", e.message));
            return adapt(await c.connect());
        },
    };
}

export const CLIENTS = {
    "glide-ts": glideFactories(() => require(GLIDE_TS_ENTRY)),
    glide: glideFactories(() => require("@valkey/valkey-glide")),
    ioredis: ioredisFactories({}),
    "ioredis-autopipeline": ioredisFactories({ enableAutoPipelining: true }),
    "node-redis": nodeRedisFactories(),
};

export const PEERS = ["ioredis", "ioredis-autopipeline", "node-redis"];

export async function createBenchClient(name, mode, addresses) {
    const f = CLIENTS[name];
    if (!f) throw new Error(`unknown client ${name}; known: ${Object.keys(CLIENTS).join(", ")}`);
    if (!f[mode]) throw new Error(`client ${name} has no ${mode} factory`);
    return f[mode](addresses);
}

/** Library version strings for the report. */
export function clientVersion(name) {
    const pkg = { glide: "@valkey/valkey-glide", ioredis: "ioredis", "ioredis-autopipeline": "ioredis", "node-redis": "redis" }[name];
    try {
        if (name === "glide-ts") return require(path.join(REPO_ROOT, "package.json")).version + (existsSync(GLIDE_TS_ENTRY) ? "" : " (not built)");
        // Walk up from the resolved entry: some packages don't export ./package.json.
        let dir = path.dirname(require.resolve(pkg));
        for (;;) {
            const f = path.join(dir, "package.json");
            if (existsSync(f)) {
                const j = JSON.parse(readFileSync(f, "utf8"));
                if (j.name === pkg) return j.version;
            }
            if (path.dirname(dir) === dir) return "?";
            dir = path.dirname(dir);
        }
    } catch { return "?"; }
}
