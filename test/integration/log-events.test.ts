/**
 * What the client logs, read back from a Logger file: levels, a restarted server's reconnect lines,
 * and a refused password (logged without the password). Own servers, restarted by the test.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { GlideClient, GlideClientConfiguration, GlideClusterClient, Logger, ClosingError, ProtocolVersion } from "../../src";
import { clusterSeeds } from "../helpers/shared";
import { startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "glide-ts-log-events-"));
let fileNumber = 0;

/** Points the Logger at a new file of its own (absolute: no glide-logs/ folder) and returns a reader of its lines, colours removed. */
function logTo(level: "warn" | "info" | "debug"): () => string[] {
    const name = path.join(folder, `run-${++fileNumber}`);
    Logger.setLoggerConfig(level, name);
    return () => {
        const files = fs.readdirSync(folder).filter((file) => file.startsWith(`run-${fileNumber}.`));
        const text = files.map((file) => fs.readFileSync(path.join(folder, file), "utf8")).join("");
        return text.replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((line) => line !== "");
    };
}

const levelOf = (line: string) => / (ERROR|WARN|INFO|DEBUG|TRACE) logger_core: /.exec(line)?.[1];

describe("client log events", () => {
    let server: ServerHandle;
    before(async () => {
        server = await startStandalone({ name: "log-events" });
    });
    after(async () => {
        Logger.setLoggerConfig("off");
        await server?.stop();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it("Logger.log writes the configured level and above, in GLIDE's line format, err's stack appended", () => {
        const lines = logTo("info");
        for (const level of ["trace", "debug", "info", "warn", "error"] as const) Logger.log(level, "levels", `a ${level} line`);
        Logger.log("error", "levels", "with an error", Object.assign(new Error("boom"), { stack: "Error: boom (stack)" }));
        assert.deepEqual(lines().map((line) => line.replace(/^\S+/, "<time>")), [
            "<time>  INFO logger_core: levels - a info line",
            "<time>  WARN logger_core: levels - a warn line",
            "<time> ERROR logger_core: levels - a error line",
            "<time> ERROR logger_core: levels - with an error: Error: boom (stack)",
        ]);
        assert.match(lines()[0], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z /);
        const file = fs.readdirSync(folder).find((name) => name.startsWith(`run-${fileNumber}.`));
        assert.equal(file, `run-${fileNumber}.${new Date().toISOString().slice(0, 13).replace("T", "-")}`);
    });

    it("at warn (the default), connecting, working and closing log nothing", async () => {
        const lines = logTo("warn");
        const client = await GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }] });
        await client.set("log-events", "1");
        client.close();
        assert.deepEqual(lines(), []);
    });

    it("a restarted server: the drop, reconnect attempts with their delay, and the reconnection (debug); client lifetime (info)", async () => {
        const lines = logTo("debug");
        const client = await GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }] });
        try {
            await server.restart();
            await waitFor("the client to reconnect", async () => ((await client.ping().catch(() => "no")) === "PONG" ? true : "not yet"));
            const address = `${server.host}:${server.port}`;
            const text = lines().join("\n");
            assert.match(text, / INFO logger_core: Client lifetime - construct client/);
            assert.match(text, / INFO logger_core: Client lifetime - connected to server in \d+ms/);
            assert.match(text, new RegExp(` DEBUG logger_core: connection creation - Attempting connection to Host: \`${server.host}\`, Port: ${server.port}`));
            assert.match(text, new RegExp(` DEBUG logger_core: reconnect - ${address}: connection lost \\(.+\\), reconnecting`));
            assert.match(text, new RegExp(` DEBUG logger_core: reconnect - ${address}: attempt 1 in \\d+ ms`));
            assert.match(text, new RegExp(` DEBUG logger_core: reconnect - ${address}: completed successfully after \\d+ attempt\\(s\\)`));
            assert.doesNotMatch(text, / WARN /, "a reconnect is not a warning");
        } finally {
            client.close();
        }
        assert.match(lines().at(-1) ?? "", / INFO logger_core: Client lifetime - disposing of client$/);
    });

    it("a subscriber's lost connection warns; its subscriptions being restored is an info line", async () => {
        const lines = logTo("info");
        const client = await GlideClient.createClient({
            addresses: [{ host: server.host, port: server.port }],
            pubsubSubscriptions: { channelsAndPatterns: { [GlideClientConfiguration.PubSubChannelModes.Exact]: new Set(["log-events-a", "log-events-b"]) } },
        });
        try {
            await server.restart();
            const address = `${server.host}:${server.port}`;
            await waitFor("the restore line", async () => (lines().some((line) => line.includes("restoring")) ? true : lines().join(" | ")));
            const text = lines().join("\n");
            assert.match(text, new RegExp(` WARN logger_core: pubsub - subscriber connection to ${address} lost, messages might be lost`));
            assert.match(text, new RegExp(` INFO logger_core: pubsub - reconnected to ${address}: restoring 2 subscription\\(s\\)`));
        } finally {
            client.close();
        }
    });

    it("a refused password: warn and error lines with the server's reason, never the password", async () => {
        const lines = logTo("info");
        const password = "not-the-password-8d1f";
        await assert.rejects(
            GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], credentials: { username: "nobody-here", password } }),
            ClosingError,
        );
        const logged = lines();
        const failure = logged.filter((line) => /WRONGPASS/.test(line));
        assert.deepEqual(failure.map(levelOf), ["WARN", "ERROR"]);
        assert.match(failure[0], / WARN logger_core: connection creation - Failed connecting to .+, due to WRONGPASS/);
        assert.match(failure[1], / ERROR logger_core: client creation - Connection error: Standalone\(/);
        assert.ok(!logged.join("\n").includes(password), "the password is never logged");
    });

    it("a cluster client: its discovered topology, and a MOVED reply followed (info, once)", async () => {
        const lines = logTo("debug");
        const seeds = await clusterSeeds();
        const client = await GlideClusterClient.createClient({ addresses: seeds.slice(0, 1), protocol: ProtocolVersion.RESP3 });
        try {
            assert.match(lines().join("\n"), / INFO logger_core: cluster topology - discovered 3 primaries, 3 replicas/);
            // A key sent to every seed: all but its primary answer MOVED, which the client follows.
            const key = "log-events-moved";
            await client.set(key, "v");
            for (const seed of seeds) {
                await client.customCommand(["GET", key], { route: { type: "routeByAddress", host: seed.host, port: seed.port } });
            }
            const redirects = lines().filter((line) => / INFO logger_core: cluster redirects - /.test(line));
            assert.equal(redirects.length, 1, `one line for the redirects of one second: ${redirects.join(" | ")}`);
            assert.match(redirects[0], /cluster redirects - MOVED slot \d+ to [^ ]+:\d+$/);
        } finally {
            client.close();
        }
    });
});
