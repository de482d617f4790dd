// `npm start`: a tour of the main features against a throwaway local valkey-server (or the server
// named by VALKEY_HOST / VALKEY_PORT).
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

const address = process.env.VALKEY_HOST
    ? { host: process.env.VALKEY_HOST, port: Number(process.env.VALKEY_PORT ?? 6379) }
    : await throwawayServer();

const show = (label, value) => console.log(`${label.padEnd(38)} ->`, value);
const client = await GlideClient.createClient({ addresses: [address], clientName: "glide-ts-demo", requestTimeout: 1000 });

show("ping()", await client.ping());
const info = await client.info();
show("info(): server version", (/valkey_version:(\S+)/.exec(info) ?? /redis_version:(\S+)/.exec(info))?.[1]);
show("set('demo:greeting', 'hello')", await client.set("demo:greeting", "hello"));
show("get('demo:greeting')", await client.get("demo:greeting"));
show("get(…, { decoder: Bytes })", await client.get("demo:greeting", { decoder: Decoder.Bytes }));
show("set with expiry and returnOldValue", await client.set("demo:greeting", "hi", { returnOldValue: true, expiry: { type: TimeUnit.Seconds, count: 60 } }));
show("del(['demo:greeting'])", await client.del(["demo:greeting"]));

// Auto-pipelining: the commands of one tick leave in one socket write. 1,000 in flight at a time
// (inflightRequestsLimit's default; beyond it calls are refused at once rather than queued).
const started = performance.now();
let last;
for (let round = 0; round < 10; round++) {
    const keys = Array.from({ length: 1000 }, (_, i) => `demo:key:${round * 1000 + i}`);
    await Promise.all(keys.map((key) => client.set(key, `value of ${key}`)));
    last = (await Promise.all(keys.map((key) => client.get(key)))).at(-1);
}
show("20,000 SET+GET, 1,000 at a time", `${(performance.now() - started).toFixed(0)} ms, last = ${last}`);

show("customCommand(['HSET', …])", await client.customCommand(["HSET", "demo:hash", "field", "value"]));
show("customCommand(['HGETALL', …])", await client.customCommand(["HGETALL", "demo:hash"]));

try {
    await client.customCommand(["GET", "demo:hash"]);
} catch (error) {
    show("a server error", `${error.constructor.name}: ${error.message}`);
}

const resp2 = await GlideClient.createClient({ addresses: [address], protocol: ProtocolVersion.RESP2 });
show("RESP2 client: customCommand HGETALL", await resp2.customCommand(["HGETALL", "demo:hash"]));
resp2.close();

client.close();
try {
    await client.ping();
} catch (error) {
    show("after close()", `${error instanceof ClosingError ? "ClosingError" : error.constructor.name}: ${error.message}`);
}
console.log("demo finished");
process.exit(0);
