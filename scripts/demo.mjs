// `npm start`: a tour of the main features against a throwaway local valkey-server (or the server
// named by VALKEY_HOST / VALKEY_PORT; either alone is enough, the other defaults to 127.0.0.1 / 6379).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer().listen(0, "127.0.0.1", () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
        server.on("error", reject);
    });
}

async function waitUntilListening(port) {
    for (let attempt = 0; attempt < 200; attempt++) {
        const open = await new Promise((resolve) => {
            const socket = connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
            socket.on("error", () => resolve(false));
        });
        if (open) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`the throwaway server did not listen on port ${port}`);
}

async function throwawayServer() {
    execFileSync("bash", [join(root, "scripts/ensure-valkey.sh")], { stdio: "inherit" });
    const binary = ["valkey-server", "redis-server"].find((name) => {
        try {
            execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
            return true;
        } catch {
            return false;
        }
    });
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "glide-ts-demo-"));
    const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
        stdio: "ignore",
    });
    const stop = () => {
        child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
    };
    process.on("exit", stop);
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
    await waitUntilListening(port);
    console.log(`started a throwaway ${binary} on 127.0.0.1:${port}`);
    return { host: "127.0.0.1", port };
}

// `npm start` builds first; GLIDE_TS_ENTRY lets the tests run the demo on their own compiled copy.
const entry = process.env.GLIDE_TS_ENTRY ?? join(root, "dist/cjs/index.js");
if (!existsSync(entry)) execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
const glide = require(entry);
const { GlideClient, Decoder, ProtocolVersion, TimeUnit, ClosingError } = glide;

const { VALKEY_HOST, VALKEY_PORT } = process.env;
const address =
    VALKEY_HOST || VALKEY_PORT
        ? { host: VALKEY_HOST || "127.0.0.1", port: Number(VALKEY_PORT || 6379) }
        : await throwawayServer();

const show = (label, value) => console.log(`${label.padEnd(38)} ->`, value);
const client = await GlideClient.createClient({ addresses: [address], clientName: "glide-ts-demo", requestTimeout: 1000 });

// Every key of this run is under one prefix of its own, and removed at the end, even when a step
// fails: the server may be the user's own (VALKEY_HOST / VALKEY_PORT).
const prefix = `demo:${process.pid}-${Date.now().toString(36)}:`;
const made = new Set();
const key = (name) => (made.add(prefix + name), prefix + name);

try {
    await tour();
} finally {
    for (let i = 0, keys = [...made]; i < keys.length; i += 1000) await client.del(keys.slice(i, i + 1000));
}

async function tour() {
    const greeting = key("greeting");
    show("ping()", await client.ping());
    const info = await client.info();
    show("info(): server version", (/valkey_version:(\S+)/.exec(info) ?? /redis_version:(\S+)/.exec(info))?.[1]);
    show("set(greeting, 'hello')", await client.set(greeting, "hello"));
    show("get(greeting)", await client.get(greeting));
    show("get(…, { decoder: Bytes })", await client.get(greeting, { decoder: Decoder.Bytes }));
    show("set with expiry and returnOldValue", await client.set(greeting, "hi", { returnOldValue: true, expiry: { type: TimeUnit.Seconds, count: 60 } }));
    show("del([greeting])", await client.del([greeting]));

    // Auto-pipelining: the commands of one tick leave in one socket write. 1,000 in flight at a time
    // (inflightRequestsLimit's default; beyond it calls are refused at once rather than queued).
    const started = performance.now();
    let last;
    for (let round = 0; round < 10; round++) {
        const keys = Array.from({ length: 1000 }, (_, i) => key(`key:${round * 1000 + i}`));
        await Promise.all(keys.map((name) => client.set(name, `value of ${name}`)));
        last = (await Promise.all(keys.map((name) => client.get(name)))).at(-1);
    }
    show("20,000 SET+GET, 1,000 at a time", `${(performance.now() - started).toFixed(0)} ms, last = ${last}`);

    const hash = key("hash");
    show("customCommand(['HSET', …])", await client.customCommand(["HSET", hash, "field", "value"]));
    show("customCommand(['HGETALL', …])", await client.customCommand(["HGETALL", hash]));

    try {
        await client.customCommand(["GET", hash]);
    } catch (error) {
        show("a server error", `${error.constructor.name}: ${error.message}`);
    }

    const resp2 = await GlideClient.createClient({ addresses: [address], protocol: ProtocolVersion.RESP2 });
    show("RESP2 client: customCommand HGETALL", await resp2.customCommand(["HGETALL", hash]));
    resp2.close();
}

client.close();
try {
    await client.ping();
} catch (error) {
    show("after close()", `${error instanceof ClosingError ? "ClosingError" : error.constructor.name}: ${error.message}`);
}
console.log("demo finished");
process.exit(0);
