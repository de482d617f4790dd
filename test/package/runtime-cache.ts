/**
 * Runtimes and bundlers fetched from the npm registry on first use into
 * node_modules/.cache/glide-ts-runtimes, or GLIDE_TS_RUNTIME_CACHE (not devDependencies: they
 * weigh ~450 MB, and Node's builds are one package per platform). npm's own cache makes later
 * fetches quick.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { npmCommand, repoRoot } from "./tarball";

const run = promisify(execFile);
const cacheRoot = process.env.GLIDE_TS_RUNTIME_CACHE || path.join(repoRoot, "node_modules/.cache/glide-ts-runtimes");
const COMPLETE = ".fetched";

export type Fetched = { dir: string } | { skipped: string };

/** Errors npm reports when the registry cannot be reached: a reason to skip, not to fail. */
const UNREACHABLE = /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_TIMEOUT)\b/;

/** The folder where `npm install spec` was run, fetching it on first use. */
export async function fetchFromNpm(spec: string): Promise<Fetched> {
    const dir = path.join(cacheRoot, spec.replace(/[^\w.@^-]+/g, "_"));
    if (fs.existsSync(path.join(dir, COMPLETE))) return { dir };
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "runtime-cache", private: true }));
    const [command, commandArgs] = npmCommand(["install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--fetch-retries=1", spec]);
    try {
        await run(command, commandArgs, { cwd: dir, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
        const { stderr = "", message, killed } = error as { stderr?: string; message: string; killed?: boolean };
        fs.rmSync(dir, { recursive: true, force: true });
        if (killed) return { skipped: `npm install ${spec} took over 5 minutes (registry unreachable or slow)` };
        const unreachable = UNREACHABLE.exec(stderr);
        if (unreachable) return { skipped: `npm could not reach the registry for ${spec} (${unreachable[1]})` };
        if (/\bE404\b/.test(stderr)) return { skipped: `the registry has no ${spec}` };
        throw new Error(`npm install ${spec} failed:\n${stderr || message}`);
    }
    fs.writeFileSync(path.join(dir, COMPLETE), new Date().toISOString());
    return { dir };
}
