// Makes the README's two commands work on a fresh clone: when a devDependency is missing from
// node_modules, runs `npm ci` (or `npm install` without a lockfile) before anything else.
// Dependency-free on purpose: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function missingDependencies() {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    return names.filter((name) => !existsSync(join(root, "node_modules", name, "package.json")));
}

/** npm as the caller ran it (`npm start` sets npm_execpath), else the one on PATH. */
function npmCommand(args) {
    const npmCli = process.env.npm_execpath;
    if (npmCli && /npm-cli\.[cm]?js$/.test(npmCli)) return [process.execPath, [npmCli, ...args]];
    return [process.platform === "win32" ? "npm.cmd" : "npm", args];
}

export function ensureDependencies() {
    const missing = missingDependencies();
    if (missing.length === 0) return;
    const args = existsSync(join(root, "package-lock.json")) ? ["ci"] : ["install"];
    const shown = missing.length > 3 ? `${missing.slice(0, 3).join(", ")} and ${missing.length - 3} more` : missing.join(", ");
    console.log(`[setup] node_modules lacks ${shown}: running npm ${args[0]}`);
    const [command, commandArgs] = npmCommand([...args, "--no-audit", "--no-fund"]);
    const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
    if (result.error || result.status !== 0) {
        console.error(`[setup] npm ${args[0]} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
        process.exit(1);
    }
    const stillMissing = missingDependencies();
    if (stillMissing.length > 0) {
        console.error(`[setup] still missing after npm ${args[0]}: ${stillMissing.join(", ")}`);
        process.exit(1);
    }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureDependencies();
