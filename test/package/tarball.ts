/** Packs the repository as `npm pack` would publish it and installs the tarball into scratch projects. */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

export const repoRoot = path.join(__dirname, "../../..");
export const fixturesDir = path.join(repoRoot, "test/package/fixtures");

const run = promisify(execFile);

export interface PackedTarball {
    file: string;
    /** Compressed size in bytes. */
    size: number;
    paths: string[];
}

/** npm as the test runner was started by (`npm test` sets npm_execpath), else the one on PATH. */
export function npmCommand(args: string[]): [string, string[]] {
    const npmCli = process.env.npm_execpath;
    return npmCli && /npm-cli\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli, ...args]] : ["npm", args];
}

function npm(args: string[], cwd: string, timeout: number) {
    const [command, commandArgs] = npmCommand(args);
    return run(command, commandArgs, { cwd, timeout, maxBuffer: 64 * 1024 * 1024 });
}

export function makeScratchDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `glide-ts-${prefix}-`));
}

/** `npm pack` (which builds dist/ through the prepare script) into dir. */
export async function packTarball(dir: string): Promise<PackedTarball> {
    const { stdout } = await npm(["pack", "--json", "--pack-destination", dir], repoRoot, 180_000);
    // The prepare script's own output comes before npm's JSON.
    const [entry] = JSON.parse(stdout.slice(stdout.search(/^\[/m))) as [
        { filename: string; size: number; files: { path: string }[] },
    ];
    return { file: path.join(dir, entry.filename), size: entry.size, paths: entry.files.map((file) => file.path) };
}

/**
 * A new project in dir with only the tarball installed, offline (it has no dependencies to fetch),
 * and the smoke-test fixtures copied in.
 */
export async function installIntoScratchProject(tarball: string, dir: string): Promise<void> {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "scratch", private: true }));
    await npm(["install", "--offline", "--no-audit", "--no-fund", tarball], dir, 120_000);
    for (const fixture of fs.readdirSync(fixturesDir)) fs.copyFileSync(path.join(fixturesDir, fixture), path.join(dir, fixture));
}
