/**
 * What the package exports at run time, against GLIDE's index: every name GLIDE exports is ours too
 * (or listed, with its reason, in the accepted differences), and the shared values agree: the
 * same kind of thing, the same constants, the same enum members.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, it } from "node:test";

import { ACCEPTED_MISSING_EXPORTS } from "./accepted-differences";
import { GLIDE, GLIDE_TS, glideSkipReason } from "./harness/libraries";
import { capture, render, renderOutcome } from "./harness/outcome";

const INFO_TEXT = "# Server\r\nredis_version:7.2.4\r\nexecutable:/usr/bin/valkey-server\r\nconfig_file:\r\n\r\n# Keyspace\r\ndb0:keys=1,expires=0,avg_ttl=0\r\nlatest_fork_usec:0\r\nip:port:127.0.0.1:6379\r\n";
const NESTED = [
    { key: "a", value: [{ key: "b", value: 1 }] },
    { key: Buffer.from("c"), value: [[{ key: "d", value: null }], [{ key: "e", value: "x" }]] },
    { key: "f", value: [] },
    { key: "g", value: [1, 2] },
];

/** Calls of the helper functions GLIDE's index exports, compared like client calls. */
const HELPER_CALLS: [name: string, args: unknown[]][] = [
    ["convertGlideRecordToRecord", [NESTED]],
    ["convertGlideRecordToRecord", [[]]],
    ["convertRecordToGlideRecord", [{ a: 1, b: { c: 2 } }]],
    ["convertRecordToGlideRecord", [{}]],
    ["convertGlideRecord", [{ a: "1" }]],
    ["convertGlideRecord", [[{ key: "a", value: "1" }]]],
    ["convertKeysAndEntries", [{ s: "0-0" }]],
    ["isGlideRecord", [NESTED]],
    ["isGlideRecord", [[]]],
    ["isGlideRecord", [[{ key: "a" }]]],
    ["isGlideRecord", [[1]]],
    ["isGlideRecord", [{ key: "a", value: 1 }]],
    ["convertElementsAndScores", [{ a: 1, b: -2.5 }]],
    ["convertElementsAndScores", [[{ element: "a", score: 1 }]]],
    ["parseInfoResponse", [INFO_TEXT]],
    ["parseInfoResponse", [""]],
];

/** How a value is compared: functions (classes included: GLIDE's native ones are plain functions) by kind, the rest by rendering. */
function shape(value: unknown): string {
    return typeof value === "function" ? "function" : render(value);
}

describe("differential: runtime exports against GLIDE 2.5.2", { skip: glideSkipReason }, () => {
    const glideNames = Object.keys(GLIDE.lib ?? {});
    const ours = GLIDE_TS.lib as Record<string, unknown>;

    it("every name GLIDE exports is exported, or accepted as missing with a reason", () => {
        const missing = glideNames.filter((name) => !(name in ours));
        const unexplained = missing.filter((name) => !ACCEPTED_MISSING_EXPORTS.some(({ pattern }) => pattern.test(name)));
        assert.deepEqual(unexplained, [], "exported by GLIDE, missing here, and not accepted");
        const stale = ACCEPTED_MISSING_EXPORTS.filter(({ pattern }) => !missing.some((name) => pattern.test(name)));
        assert.deepEqual(stale.map(({ pattern }) => String(pattern)), [], "accepted as missing but exported now (or never by GLIDE): remove them");
        console.log(`# exports: GLIDE ${glideNames.length}, shared ${glideNames.length - missing.length}, accepted as missing ${missing.length}`);
    });

    it("shared names hold the same kind of value: constants, enums and plain objects equal", () => {
        const differing = glideNames
            .filter((name) => name in ours)
            .filter((name) => shape(GLIDE.lib[name]) !== shape(ours[name]))
            .map((name) => `${name}: GLIDE ${shape(GLIDE.lib[name]).slice(0, 200)} | glide-ts ${shape(ours[name]).slice(0, 200)}`);
        assert.deepEqual(differing, []);
    });

    it("the exported helper functions answer as GLIDE's", async () => {
        const differing: string[] = [];
        for (const [name, args] of HELPER_CALLS) {
            const [theirs, mine] = await Promise.all([GLIDE.lib, ours].map((lib) => capture(() => (lib[name] as (...a: unknown[]) => unknown)(...args))));
            if (renderOutcome(theirs) !== renderOutcome(mine)) differing.push(`${name}(${render(args)}): GLIDE ${renderOutcome(theirs)} | glide-ts ${renderOutcome(mine)}`);
        }
        assert.deepEqual(differing, []);
    });

    it("log writes GLIDE's lines, at GLIDE's default level, to standard output", () => {
        const script = (module: string) =>
            `const { log, Level } = require(${JSON.stringify(module)});` +
            `log(Level.Error, "id-e", "first"); log(Level.Warn, "id-w", "second"); log(Level.Info, "id-i", "hidden"); log(Level.Off, "id-o", "never");`;
        const run = (module: string) => {
            const result = spawnSync(process.execPath, ["-e", script(module)], { encoding: "utf8" });
            return { stdout: result.stdout.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/g, "<time>"), stderr: result.stderr };
        };
        const theirs = run("@valkey/valkey-glide");
        assert.match(theirs.stdout, /first[\s\S]*second/, "GLIDE wrote its lines");
        assert.deepEqual(run(path.resolve(__dirname, "../../src")), theirs);
    });
});
