/**
 * The package as a user gets it: `npm pack`, installed offline into an empty project, then used
 * from CommonJS, from ESM and from strict TypeScript (module nodenext and bundler).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { promisify } from "node:util";
import { runSmoke } from "./smoke";
import { installIntoScratchProject, makeScratchDir, packTarball, repoRoot, type PackedTarball } from "./tarball";
import { writeTypeChecks } from "./type-checks";

const TOP_LEVEL_FILES = ["LICENSE", "README.md", "package.json"];
const ENTRY_POINTS = ["dist/cjs/index.js", "dist/cjs/index.d.ts", "dist/esm/index.mjs", "dist/esm/index.d.mts"];

describe("the npm package", () => {
    let packDir: string;
    let project: string;
    let tarball: PackedTarball;
    const installed = (...parts: string[]) => path.join(project, "node_modules/glide-ts", ...parts);

    before(async () => {
        packDir = makeScratchDir("pack");
        project = makeScratchDir("consumer");
        tarball = await packTarball(packDir);
        await installIntoScratchProject(tarball.file, project);
    });
    after(() => {
        for (const dir of [packDir, project]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("holds dist/, the sources its source maps point to, LICENSE and README, and nothing else", () => {
        for (const file of [...TOP_LEVEL_FILES, ...ENTRY_POINTS]) assert.ok(tarball.paths.includes(file), `${file} is not in the tarball`);
        const strays = tarball.paths.filter((file) => !TOP_LEVEL_FILES.includes(file) && !/^(dist|src)\//.test(file));
        assert.deepEqual(strays, []);

        const mapped = new Set<string>();
        for (const map of tarball.paths.filter((file) => file.endsWith(".map"))) {
            const { sources, sourceRoot = "" } = JSON.parse(fs.readFileSync(installed(map), "utf8")) as { sources: string[]; sourceRoot?: string };
            for (const source of sources) mapped.add(path.posix.join(path.posix.dirname(map), sourceRoot, source));
        }
        assert.ok(mapped.size > 50, `only ${mapped.size} sources are mapped`);
        const inTarball = new Set(tarball.paths);
        assert.deepEqual([...mapped].filter((source) => !inTarball.has(source)), [], "sources the maps point to but the tarball lacks");
        const unmapped = tarball.paths.filter((file) => file.startsWith("src/") && !mapped.has(file));
        assert.deepEqual(unmapped, [], "sources no map points to");
    });

    it("describes itself for the registry and bundlers, with no dependencies", () => {
        const manifest = JSON.parse(fs.readFileSync(installed("package.json"), "utf8")) as Record<string, unknown>;
        assert.equal(manifest.license, "Apache-2.0");
        assert.match(fs.readFileSync(installed("LICENSE"), "utf8"), /^\s*Apache License\s+Version 2\.0/);
        assert.equal(manifest.sideEffects, false);
        assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.includes("valkey"));
        assert.equal(manifest.dependencies, undefined);
        const installedPackages = fs.readdirSync(path.join(project, "node_modules")).filter((name) => !name.startsWith("."));
        assert.deepEqual(installedPackages, ["glide-ts"]);
    });

    it("works from a CommonJS script", async () => {
        const report = await runSmoke(process.execPath, ["smoke.cjs"], project, "cjs");
        assert.equal(report.runtime, `node ${process.version}`);
    });

    it("works from an ESM script, with named imports and a default import", async () => {
        await runSmoke(process.execPath, ["smoke.mjs"], project, "esm");
    });

    it("gives import and require the same classes", async () => {
        const { stdout } = await promisify(execFile)(process.execPath, ["dual.mjs"], { cwd: project, timeout: 30_000 });
        const report = JSON.parse(stdout) as { differing: string[]; namedExports: number };
        assert.deepEqual(report.differing, []);
        assert.ok(report.namedExports > 50, `only ${report.namedExports} named ESM exports`);
    });

    for (const resolution of ["nodenext", "bundler"] as const) {
        it(`type-checks CommonJS and ESM consumers with strict TypeScript (moduleResolution ${resolution})`, async () => {
            const tsconfig = writeTypeChecks(project, resolution);
            const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
            const result = await promisify(execFile)(process.execPath, [tsc, "-p", tsconfig], { cwd: project, timeout: 120_000 }).catch(
                (error: { stdout?: string; message: string }) => assert.fail(`tsc found errors:\n${error.stdout || error.message}`),
            );
            assert.equal(result.stdout.trim(), "");
        });
    }
});
