/**
 * Bookkeeping that guarantees no test server outlives its owner process.
 *
 * Layout: <repo>/.test-servers/<run>/owner.json names the owning process; each server has a
 * directory <run>/<name>/ (its --dir) with server.json holding its pid and port. A normal or
 * crashing exit kills the servers synchronously; a SIGKILLed owner leaves the files behind for
 * reapStale() of a later run.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** A started server as the registry sees it. */
export interface TrackedServer {
    /** Graceful-enough stop that waits for the process to exit. */
    stop(): Promise<void>;
    /** Kills the process without waiting; used where only synchronous code may run. */
    killNow(): void;
}

interface OwnerRecord {
    pid: number;
    startTime?: string;
}

interface ServerRecord {
    pid: number;
    port: number;
}

const OWNER_FILE = "owner.json";
const SERVER_FILE = "server.json";
const SERVER_BINARY_NAMES = ["valkey-server", "redis-server"];
// A run directory without owner file may be one being created right now by another process.
const ORPHAN_GRACE_MS = 60_000;

const tracked = new Set<TrackedServer>();
let currentRunDir: string | undefined;
let hooksInstalled = false;

export function repoRoot(): string {
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, "package.json"))) {
        const parent = path.dirname(dir);
        if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
        dir = parent;
    }
    return dir;
}

export function serversRoot(): string {
    return path.join(repoRoot(), ".test-servers");
}

/** This process's run directory, created on first use. */
export function runDirectory(): string {
    if (currentRunDir && fs.existsSync(currentRunDir)) return currentRunDir;
    fs.mkdirSync(serversRoot(), { recursive: true });
    currentRunDir = fs.mkdtempSync(path.join(serversRoot(), `${process.pid}-`));
    const owner: OwnerRecord = { pid: process.pid, startTime: processStartTime(process.pid) };
    fs.writeFileSync(path.join(currentRunDir, OWNER_FILE), JSON.stringify(owner));
    installExitHooks();
    return currentRunDir;
}

/** A fresh directory inside the run directory, e.g. a server's --dir. */
export function makeRunSubdir(prefix: string): string {
    return fs.mkdtempSync(path.join(runDirectory(), `${prefix}-`));
}

export function track(server: TrackedServer): void {
    tracked.add(server);
}

export function untrack(server: TrackedServer): void {
    tracked.delete(server);
}

export function writeServerRecord(dir: string, pid: number, port: number): void {
    const record: ServerRecord = { pid, port };
    fs.writeFileSync(path.join(dir, SERVER_FILE), JSON.stringify(record));
}

/** Stops every server this process started and removes the run directory. */
export async function stopAll(): Promise<void> {
    await Promise.allSettled([...tracked].map((server) => server.stop()));
    removeRunDirectory();
}

function stopAllSync(): void {
    for (const server of tracked) server.killNow();
    tracked.clear();
    removeRunDirectory();
}

function removeRunDirectory(): void {
    if (!currentRunDir) return;
    fs.rmSync(currentRunDir, { recursive: true, force: true });
    currentRunDir = undefined;
}

function installExitHooks(): void {
    if (hooksInstalled) return;
    hooksInstalled = true;
    // 'exit' also fires after a fatal uncaught exception, so no 'uncaughtException' listener is
    // needed; adding one would swallow the crash and, under node:test, steal test failures.
    process.on("exit", stopAllSync);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
        const onSignal = (): void => {
            stopAllSync();
            process.removeListener(signal, onSignal);
            // Re-raise so other listeners, or the default action, decide how the process ends.
            if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
        };
        process.on(signal, onSignal);
    }
}

/** Kills servers left by runs whose owner process is gone (e.g. SIGKILLed) and removes their files. */
export function reapStale(): { killedServers: number; removedRuns: number } {
    const result = { killedServers: 0, removedRuns: 0 };
    let runs: string[];
    try {
        runs = fs.readdirSync(serversRoot());
    } catch {
        return result;
    }
    for (const run of runs) {
        const runDir = path.join(serversRoot(), run);
        if (runDir === currentRunDir || !isAbandoned(runDir)) continue;
        result.killedServers += killRecordedServers(runDir);
        fs.rmSync(runDir, { recursive: true, force: true });
        result.removedRuns += 1;
    }
    return result;
}

function isAbandoned(runDir: string): boolean {
    let owner: OwnerRecord;
    try {
        owner = JSON.parse(fs.readFileSync(path.join(runDir, OWNER_FILE), "utf8")) as OwnerRecord;
    } catch {
        try {
            return Date.now() - fs.statSync(runDir).mtimeMs > ORPHAN_GRACE_MS;
        } catch {
            return false;
        }
    }
    if (!isAlive(owner.pid)) return true;
    // Same pid but a different start time: the pid was recycled by an unrelated process.
    return owner.startTime !== undefined && processStartTime(owner.pid) !== owner.startTime;
}

function killRecordedServers(runDir: string): number {
    let killed = 0;
    for (const entry of fs.readdirSync(runDir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const serverDir = path.join(runDir, entry.name);
        let record: ServerRecord;
        try {
            record = JSON.parse(fs.readFileSync(path.join(serverDir, SERVER_FILE), "utf8")) as ServerRecord;
        } catch {
            continue;
        }
        if (!isOurServer(record, serverDir)) continue;
        try {
            process.kill(record.pid, "SIGKILL");
            killed += 1;
        } catch {
            // Already gone.
        }
    }
    return killed;
}

/** Guards against killing an unrelated process that reused a dead server's pid. */
function isOurServer(record: ServerRecord, serverDir: string): boolean {
    let commandLine: string;
    try {
        commandLine = fs.readFileSync(`/proc/${record.pid}/cmdline`, "utf8");
    } catch {
        return false;
    }
    if (!SERVER_BINARY_NAMES.some((name) => commandLine.includes(name))) return false;
    // The server rewrites its title to "valkey-server 127.0.0.1:PORT" and chdirs into --dir.
    if (commandLine.includes(`:${record.port}`)) return true;
    try {
        return fs.readlinkSync(`/proc/${record.pid}/cwd`).startsWith(serverDir);
    } catch {
        return false;
    }
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

/** Field 22 of /proc/<pid>/stat: start time in clock ticks since boot; undefined off Linux. */
function processStartTime(pid: number): string | undefined {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name (field 2) may contain spaces; fields after it are plain.
        const afterName = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return afterName[22 - 3];
    } catch {
        return undefined;
    }
}
