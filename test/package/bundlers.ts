/**
 * esbuild and webpack (from the npm registry) bundling the scratch project's smoke fixtures into
 * one file each, written to a folder of its own with no node_modules, to be run by Node.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fetchFromNpm } from "./runtime-cache";
import type { SmokeReport } from "./smoke";
import { makeScratchDir } from "./tarball";

export const ESBUILD_VERSION = "0.28.2";
export const WEBPACK_VERSION = "5.113.0";

/**
 * esbuild turns the package's require("node:…") calls into a shim that throws in ESM output
 * ("Dynamic require of … is not supported"); the usual banner gives ESM bundles a require.
 */
export const ESM_REQUIRE_BANNER = `import { createRequire } from "node:module"; const require = createRequire(import.meta.url);`;

export interface Bundle {
    name: string;
    file: string;
    module: SmokeReport["module"];
}

export interface BundlerTarget {
    name: string;
    bundle(project: string): Promise<{ bundles: Bundle[] } | { skipped: string }>;
}

interface EsbuildApi {
    build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}

interface WebpackStats {
    hasErrors(): boolean;
    toString(options: Record<string, unknown>): string;
}
type WebpackApi = (options: Record<string, unknown>, callback: (error: Error | null, stats?: WebpackStats) => void) => void;

function loadFrom<T>(dir: string, name: string): T {
    return createRequire(path.join(dir, "package.json"))(name) as T;
}

const esbuild: BundlerTarget = {
    name: `esbuild ${ESBUILD_VERSION}`,
    async bundle(project) {
        const fetched = await fetchFromNpm(`esbuild@${ESBUILD_VERSION}`);
        if ("skipped" in fetched) return fetched;
        const api = loadFrom<EsbuildApi>(fetched.dir, "esbuild");
        const variants = [
            { name: "ESM entry to CommonJS", entry: "smoke.mjs", format: "cjs", file: "bundle.cjs", module: "esm" },
            { name: "CommonJS entry to CommonJS", entry: "smoke.cjs", format: "cjs", file: "bundle.cjs", module: "cjs" },
            { name: "ESM entry to ESM, require banner", entry: "smoke.mjs", format: "esm", file: "bundle.mjs", module: "esm" },
        ] as const;
        const bundles: Bundle[] = [];
        for (const variant of variants) {
            const file = path.join(makeScratchDir("esbuild"), variant.file);
            await api.build({
                absWorkingDir: project,
                entryPoints: [variant.entry],
                bundle: true,
                platform: "node",
                format: variant.format,
                outfile: file,
                logLevel: "silent",
                ...(variant.format === "esm" ? { banner: { js: ESM_REQUIRE_BANNER } } : {}),
            });
            bundles.push({ name: variant.name, file, module: variant.module });
        }
        return { bundles };
    },
};

const webpack: BundlerTarget = {
    name: `webpack ${WEBPACK_VERSION}`,
    async bundle(project) {
        const fetched = await fetchFromNpm(`webpack@${WEBPACK_VERSION}`);
        if ("skipped" in fetched) return fetched;
        const compile = loadFrom<WebpackApi>(fetched.dir, "webpack");
        const outDir = makeScratchDir("webpack");
        const stats = await new Promise<WebpackStats>((resolve, reject) =>
            compile(
                {
                    mode: "production",
                    target: "node",
                    context: project,
                    entry: { esm: "./smoke.mjs", cjs: "./smoke.cjs" },
                    output: { path: outDir, filename: "[name].bundle.cjs" },
                },
                (error, result) => (error || !result ? reject(error ?? new Error("webpack gave no stats")) : resolve(result)),
            ),
        );
        if (stats.hasErrors()) throw new Error(`webpack failed:\n${stats.toString({ all: false, errors: true })}`);
        const written = fs.readdirSync(outDir).sort();
        if (written.join() !== "cjs.bundle.cjs,esm.bundle.cjs") throw new Error(`webpack wrote more than one file a bundle: ${written.join(", ")}`);
        // Each bundle alone in its folder, so that it cannot lean on a file beside it.
        const bundles = (["esm", "cjs"] as const).map((module) => {
            const file = path.join(makeScratchDir("webpack-bundle"), `${module}.bundle.cjs`);
            fs.renameSync(path.join(outDir, `${module}.bundle.cjs`), file);
            return { name: `${module === "esm" ? "ESM" : "CommonJS"} entry, production mode`, file, module };
        });
        fs.rmSync(outDir, { recursive: true, force: true });
        return { bundles };
    },
};

export const BUNDLER_TARGETS = [esbuild, webpack];
