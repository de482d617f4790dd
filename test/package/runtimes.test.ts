/**
 * The packed tarball on every runtime it claims (Node 20, 22, 24, Bun, Deno) and bundled into one
 * file by esbuild and webpack: each connects to the shared server and reads back what it wrote.
 * A runtime or bundler the registry cannot provide here is skipped, with the reason in the report.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { BUNDLER_TARGETS } from "./bundlers";
import { RUNTIME_TARGETS } from "./runtimes";
import { runSmoke } from "./smoke";
import { installIntoScratchProject, makeScratchDir, packTarball } from "./tarball";

const outcomes: string[] = [];

describe("the package on each runtime and bundler", () => {
    let packDir: string;
    let project: string;

    before(async () => {
        packDir = makeScratchDir("pack");
        project = makeScratchDir("runtimes");
        await installIntoScratchProject((await packTarball(packDir)).file, project);
    });
    after(() => {
        for (const dir of [packDir, project]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
        console.log(`runtime matrix:\n${outcomes.map((line) => `  ${line}`).join("\n")}`);
    });

    for (const target of RUNTIME_TARGETS) {
        it(target.name, async (t) => {
            const prepared = await target.prepare();
            if ("skipped" in prepared) {
                outcomes.push(`${target.name}: SKIPPED, ${prepared.skipped}`);
                t.skip(prepared.skipped);
                return;
            }
            const seen: string[] = [];
            for (const { command, args, module } of prepared.runs) {
                const report = await runSmoke(command, args, project, module);
                assert.match(report.runtime, target.runtime);
                seen.push(`${module} on ${report.runtime}`);
            }
            outcomes.push(`${target.name}: passed (${seen.join(", ")})`);
        });
    }

    for (const target of BUNDLER_TARGETS) {
        it(`bundled by ${target.name}`, async (t) => {
            const result = await target.bundle(project);
            if ("skipped" in result) {
                outcomes.push(`${target.name}: SKIPPED, ${result.skipped}`);
                t.skip(result.skipped);
                return;
            }
            for (const bundle of result.bundles) {
                const dir = path.dirname(bundle.file);
                assert.deepEqual(fs.readdirSync(dir), [path.basename(bundle.file)], `${bundle.name}: one file`);
                assert.doesNotMatch(fs.readFileSync(bundle.file, "utf8"), /require\(["']glide-ts["']\)|from ?["']glide-ts["']/);
                await runSmoke(process.execPath, [bundle.file], dir, bundle.module);
                fs.rmSync(dir, { recursive: true, force: true });
            }
            outcomes.push(`${target.name}: passed (${result.bundles.map((bundle) => bundle.name).join("; ")})`);
        });
    }
});
