// One pub/sub measurement, in its own process (forked by pubsub.mjs, pinned when possible).
// argv[2] = JSON { client, protocol, kind: "throughput" | "resume", host, port, nodes, cluster, messages, payload, kills }.
// With `cluster`, the clients are cluster clients, the driver publishes on the first node (its Lua
// takes no keys, so any node runs it) and CLIENT KILL goes to every node.
// throughput: the server publishes `messages` messages to one channel from Lua (EVAL batches),
//   so every client faces the same input; we time first to last delivery to the callback.
// resume: a raw socket publishes a numbered message every ms; CLIENT KILL TYPE pubsub (from a
//   raw socket) drops the subscriber; we time the kill's reply to the first later message delivered.
// Sends { ok: true, ... } or { ok: false, error } to the parent, then exits.
import net from "node:net";
import { createRequire } from "node:module";
import { GLIDE_TS_ENTRY } from "./clients.mjs";

const require = createRequire(import.meta.url);
const cfg = JSON.parse(process.argv[2]);
const CHANNEL = "bench:pubsub";
const PUBLISH_LUA = "for i = 1, tonumber(ARGV[3]) do redis.call('PUBLISH', ARGV[1], ARGV[2]) end return 0";
const BATCH = 25_000;

function encode(args) {
    return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join("");
}

/** A raw socket for driving the server; `send` resolves with the next reply's first line. */
async function rawSocket(node = { host: cfg.host, port: cfg.port }) {
    const socket = net.connect({ host: node.host, port: node.port });
    await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    socket.setNoDelay(true);
    const waiting = [];
    socket.on("data", (chunk) => {
        for (const line of chunk.toString("latin1").split("\r\n")) {
            if (/^[:+-]/.test(line) && waiting.length > 0) waiting.shift()(line);
        }
    });
    return {
        send: (args) => new Promise((resolve) => { waiting.push(resolve); socket.write(encode(args)); }),
        fire: (args) => socket.write(encode(args)),
        close: () => socket.destroy(),
    };
}

/** Subscribes `onMessage(text)` to CHANNEL with the client under test; returns its closer. */
async function subscribe(onMessage) {
    const address = { host: cfg.host, port: cfg.port };
    if (cfg.client === "ioredis") {
        const Redis = require("ioredis");
        const client = cfg.cluster ? new Redis.Cluster([address]) : new Redis(address);
        client.on("message", (_channel, message) => onMessage(message));
        client.on("error", () => undefined); // reconnects by itself; CLIENT KILL makes it complain
        await client.subscribe(CHANNEL);
        return () => client.disconnect();
    }
    const lib = cfg.client === "glide" ? require("@valkey/valkey-glide") : require(GLIDE_TS_ENTRY);
    const Client = cfg.cluster ? lib.GlideClusterClient : lib.GlideClient;
    const Configuration = cfg.cluster ? lib.GlideClusterClientConfiguration : lib.GlideClientConfiguration;
    const client = await Client.createClient({
        addresses: [address],
        protocol: cfg.protocol === "RESP2" ? lib.ProtocolVersion.RESP2 : lib.ProtocolVersion.RESP3,
        pubsubSubscriptions: {
            channelsAndPatterns: { [Configuration.PubSubChannelModes.Exact]: new Set([CHANNEL]) },
            callback: (msg) => onMessage(msg.message),
        },
    });
    return () => client.close();
}

async function waitUntil(check, what, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
    }
}

async function throughput() {
    let received = 0, first = 0n, last = 0n;
    const close = await subscribe(() => {
        if (received === 0) first = process.hrtime.bigint();
        received++;
        last = process.hrtime.bigint();
    });
    const driver = await rawSocket();
    const payload = "p".repeat(cfg.payload);
    const publish = (count) => {
        for (let left = count; left > 0; left -= BATCH) driver.fire(["EVAL", PUBLISH_LUA, 0, CHANNEL, payload, Math.min(BATCH, left)]);
    };
    // Warm-up (JIT, buffers), then the measured run.
    const warmup = Math.min(100_000, cfg.messages);
    publish(warmup);
    await waitUntil(() => received >= warmup, "the warm-up messages");
    received = 0;
    const cpu0 = process.cpuUsage();
    publish(cfg.messages);
    await waitUntil(() => received >= cfg.messages, `${cfg.messages} messages (got ${received})`);
    const cpu = process.cpuUsage(cpu0);
    const seconds = Number(last - first) / 1e9;
    driver.close();
    await close();
    return { messagesPerSec: (cfg.messages - 1) / seconds, seconds, cpuUsPerMsg: (cpu.user + cpu.system) / cfg.messages };
}

async function resume() {
    let lastSeq = -1, lastAt = 0n;
    const close = await subscribe((message) => {
        lastSeq = Number(message);
        lastAt = process.hrtime.bigint();
    });
    const publisher = await rawSocket();
    const admins = await Promise.all((cfg.cluster ? cfg.nodes : [{ host: cfg.host, port: cfg.port }]).map((node) => rawSocket(node)));
    let seq = 0;
    const ticker = setInterval(() => publisher.fire(["PUBLISH", CHANNEL, seq++]), 1);
    const samples = [];
    try {
        for (let kill = 0; kill < cfg.kills; kill++) {
            const before = seq;
            await waitUntil(() => lastSeq >= before, "steady delivery before the kill", 10_000);
            await new Promise((resolve) => setTimeout(resolve, 100));
            const replies = await Promise.all(admins.map((admin) => admin.send(["CLIENT", "KILL", "TYPE", "pubsub"])));
            const killedAt = process.hrtime.bigint();
            const firstAfter = seq;
            const killed = replies.reduce((sum, reply) => sum + Number(reply.slice(1)), 0);
            if (killed < 1) throw new Error(`CLIENT KILL replied ${replies.join(", ")}`);
            await waitUntil(() => lastSeq >= firstAfter, "delivery after the kill", 30_000);
            samples.push(Number(lastAt - killedAt) / 1e6);
        }
    } finally {
        clearInterval(ticker);
        publisher.close();
        for (const admin of admins) admin.close();
        await close();
    }
    samples.sort((a, b) => a - b);
    return { resumeMs: samples, medianMs: samples[Math.floor(samples.length / 2)] };
}

try {
    const result = cfg.kind === "throughput" ? await throughput() : await resume();
    process.send({ ok: true, ...result });
} catch (error) {
    process.send({ ok: false, error: String(error?.stack ?? error) });
}
process.exit(0);
