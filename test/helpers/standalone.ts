/** One valkey-server process on a free port of 127.0.0.1, in its own directory. */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

import { findFreePort, HOST } from "./ports";
import { rawCommand, type RawTlsOptions } from "./resp";
import { serverBinaries, supportsDebugCommandConfig } from "./server-binaries";
import { makeRunSubdir, track, untrack, writeServerRecord, type TrackedServer } from "./server-registry";
import type { TlsFiles } from "./tls-files";
import { sleep } from "./wait";

export interface Address {
    host: string;
    port: number;
}

export interface ServerHandle extends Address {
    /** Pid of the current process; changes on restart(). */
    readonly pid: number;
    /** The server's --dir; removed by stop(). */
    readonly dir: string;
    /** Set when the server listens with TLS only (then `port` is its TLS port). */
    readonly tls: TlsFiles | undefined;
    readonly password: string | undefined;
    /** Kills the process, waits until it has exited (its port is free) and removes its dir. */
    stop(): Promise<void>;
    /** Sends a signal without waiting (default SIGKILL); for failure tests, e.g. SIGSTOP/SIGCONT. */
    kill(signal?: NodeJS.Signals): void;
    /** Stops the process (if still running) and starts it again on the same port and dir. */
    restart(): Promise<void>;
}

export interface StandaloneOptions {
    /** Extra server arguments, appended last so they override the defaults. */
    args?: string[];
    password?: string;
    /** Listen with TLS only, on the chosen port. */
    tls?: TlsFiles;
    /** Directory name prefix under the run directory, to tell servers apart. */
    name?: string;
}

const READY_TIMEOUT_MS = 15_000;
const READY_POLL_MS = 20;
const START_ATTEMPTS = 3;
const LOG_FILE = "server.log";

export async function startStandalone(options: StandaloneOptions = {}): Promise<ServerHandle> {
    const forCluster = (options.args ?? []).includes("--cluster-enabled");
    for (let attempt = 1; ; attempt++) {
        const port = await findFreePort({ forCluster });
        const dir = makeRunSubdir(options.name ?? "standalone");
        const server = new ServerProcess(port, dir, buildArgs(port, dir, options), options.tls, options.password);
        try {
            await server.launch();
            return server;
        } catch (error) {
            await server.stop();
            // Another process may grab the port between our probe and the server's bind.
            if (!(error instanceof PortTakenError) || attempt >= START_ATTEMPTS) throw error;
        }
    }
}

function buildArgs(port: number, dir: string, options: StandaloneOptions): string[] {
    const binaries = serverBinaries();
    const listen = options.tls
        ? [
              "--port", "0",
              "--tls-port", String(port),
              "--tls-cert-file", options.tls.certFile,
              "--tls-key-file", options.tls.keyFile,
              "--tls-ca-cert-file", options.tls.caFile,
              "--tls-auth-clients", "no",
              "--tls-replication", "yes",
          ]
        : ["--port", String(port)];
    return [
        ...listen,
        "--bind", HOST,
        "--dir", dir,
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        // The default 5 s delay before a diskless full sync would dominate replica start-up.
        "--repl-diskless-sync-delay", "0",
        ...(supportsDebugCommandConfig(binaries) ? ["--enable-debug-command", "yes"] : []),
        ...(options.password ? ["--requirepass", options.password] : []),
        ...(options.args ?? []),
    ];
}

class PortTakenError extends Error {}

/** Options for the minimal RESP helper to reach a TLS server, with a client cert for mTLS setups. */
export function rawTlsOptions(files: TlsFiles | undefined): RawTlsOptions | undefined {
    if (!files) return undefined;
    return { ca: files.ca, cert: fs.readFileSync(files.clientCertFile), key: fs.readFileSync(files.clientKeyFile) };
}

class ServerProcess implements ServerHandle, TrackedServer {
    readonly host = HOST;
    private child: ChildProcess | undefined;
    private exited: Promise<void> = Promise.resolve();

    constructor(
        readonly port: number,
        readonly dir: string,
        private readonly args: string[],
        readonly tls: TlsFiles | undefined,
        readonly password: string | undefined,
    ) {
        track(this);
    }

    get pid(): number {
        return this.child?.pid ?? -1;
    }

    async launch(): Promise<void> {
        const logPath = path.join(this.dir, LOG_FILE);
        const logOffset = fs.existsSync(logPath) ? fs.statSync(logPath).size : 0;
        const logFd = fs.openSync(logPath, "a");
        let child: ChildProcess;
        try {
            // Output goes straight to a file: no pipes that would need draining or keep node alive.
            child = spawn(serverBinaries().server, this.args, { cwd: this.dir, stdio: ["ignore", logFd, logFd] });
        } finally {
            fs.closeSync(logFd);
        }
        // Never let a running server keep the test process alive; the exit hook kills it.
        child.unref();
        this.child = child;
        this.exited = new Promise((resolve) => {
            child.once("exit", () => resolve());
            child.once("error", () => resolve());
        });
        if (child.pid !== undefined) writeServerRecord(this.dir, child.pid, this.port);
        await this.waitUntilReady(child, logPath, logOffset);
    }

    private async waitUntilReady(child: ChildProcess, logPath: string, logOffset: number): Promise<void> {
        const deadline = Date.now() + READY_TIMEOUT_MS;
        const tlsOptions = rawTlsOptions(this.tls);
        for (;;) {
            const log = readFrom(logPath, logOffset);
            if (hasExited(child)) {
                const message = `${path.basename(serverBinaries().server)} on port ${this.port} exited during start-up:\n${lastLines(log)}`;
                throw log.includes("Address already in use") ? new PortTakenError(message) : new Error(message);
            }
            // The log line proves that *our* process bound the port, not some other listener.
            if (log.includes("Ready to accept connections") && (await this.answersPing(tlsOptions))) return;
            if (Date.now() >= deadline) {
                throw new Error(`server on port ${this.port} not ready after ${READY_TIMEOUT_MS} ms:\n${lastLines(log)}`);
            }
            await sleep(READY_POLL_MS);
        }
    }

    private async answersPing(tlsOptions: RawTlsOptions | undefined): Promise<boolean> {
        try {
            const reply = await rawCommand(this.host, this.port, ["PING"], tlsOptions, 1000);
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH");
        } catch {
            return false;
        }
    }

    async stop(): Promise<void> {
        untrack(this);
        await this.terminate();
        fs.rmSync(this.dir, { recursive: true, force: true });
    }

    kill(signal: NodeJS.Signals = "SIGKILL"): void {
        if (this.child && !hasExited(this.child)) this.child.kill(signal);
    }

    killNow(): void {
        this.kill("SIGKILL");
    }

    async restart(): Promise<void> {
        await this.terminate();
        await this.launch();
    }

    private async terminate(): Promise<void> {
        const child = this.child;
        if (!child || hasExited(child)) return;
        // Keep the event loop alive until the exit is observed, so "port is free" really holds.
        child.ref();
        // No data is persisted, so a graceful shutdown buys nothing, and SIGTERM on a primary
        // waits up to shutdown-timeout for lagging replicas.
        child.kill("SIGKILL");
        await this.exited;
    }
}

function hasExited(child: ChildProcess): boolean {
    return child.exitCode !== null || child.signalCode !== null || child.pid === undefined;
}

function readFrom(file: string, offset: number): string {
    try {
        const content = fs.readFileSync(file);
        return content.toString("utf8", Math.min(offset, content.length));
    } catch {
        return "";
    }
}

function lastLines(text: string, count = 15): string {
    return text.trimEnd().split("\n").slice(-count).join("\n");
}
