/** Which server and CLI binaries to run: valkey when installed, else the redis fallback. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export interface ServerBinaries {
    server: string;
    cli: string;
    flavor: "valkey" | "redis";
    /** e.g. "8.0.1" */
    version: string;
    majorVersion: number;
}

let cached: ServerBinaries | undefined;

export function serverBinaries(): ServerBinaries {
    cached ??= detect();
    return cached;
}

function detect(): ServerBinaries {
    for (const flavor of ["valkey", "redis"] as const) {
        const server = onPath(`${flavor}-server`);
        const cli = onPath(`${flavor}-cli`);
        if (!server || !cli) continue;
        const versionText = execFileSync(server, ["--version"], { encoding: "utf8" });
        const version = /v=(\d+\.\d+\.\d+)/.exec(versionText)?.[1] ?? "0.0.0";
        return { server, cli, flavor, version, majorVersion: Number(version.split(".")[0]) };
    }
    throw new Error("neither valkey-server/valkey-cli nor redis-server/redis-cli is on PATH; run scripts/ensure-valkey.sh");
}

export function onPath(command: string): string | undefined {
    for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
        if (!dir) continue;
        const candidate = path.join(dir, command);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return candidate;
        } catch {
            // Not in this directory.
        }
    }
    return undefined;
}

/** `enable-debug-command` exists in valkey and in redis since 7.0. */
export function supportsDebugCommandConfig(binaries: ServerBinaries): boolean {
    return binaries.flavor === "valkey" || binaries.majorVersion >= 7;
}
