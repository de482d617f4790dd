/**
 * Logger against GLIDE's: the same script runs in a fresh process per library (each process
 * configures its logger once, as GLIDE's core allows), in a folder of its own; the console lines,
 * the files written under it and their lines must be the same, timestamps and hours aside.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import { glideSkipReason } from "./harness/libraries";

const MODULES = { GLIDE: require.resolve("@valkey/valkey-glide"), "glide-ts": path.resolve(__dirname, "../../src") };

/** Each scenario is the body of a script in which `Logger`, `log` and `Level` are the library's. */
const SCENARIOS: [title: string, body: string][] = [
    ["never configured: warn and above on the console", `Logger.log("warn", "w", "shown"); Logger.log("info", "i", "hidden"); Logger.log("error", "e", "shown too");`],
    ["an unknown level is taken for error", `Logger.init("off"); Logger.setLoggerConfig("error"); Logger.log("nonsense", "id", "as error"); Logger.log("trace", "id", "hidden");`],
    ["err appends its stack", `Logger.log("error", "id", "failed", Object.assign(new Error("boom"), { stack: "Error: boom\\n    at here" }));`],
    ["err without a stack, and a non-error", `const e = new Error("x"); e.stack = undefined; Logger.log("error", "id", "a", e); Logger.log("error", "id", "b", "text");`],
    ["init configures only the first time", `Logger.init("info"); Logger.init("error"); Logger.log("info", "id", "still info");`],
    ["logging before init leaves init free", `Logger.log("info", "id", "hidden"); Logger.init("info"); Logger.log("info", "id", "after init");`],
    ["init without a level means warn", `Logger.init(); Logger.log("warn", "id", "w"); Logger.log("info", "id", "i");`],
    ["setLoggerConfig always replaces", `Logger.init("error"); Logger.setLoggerConfig("debug"); Logger.log("debug", "id", "debug"); Logger.log("trace", "id", "trace"); Logger.setLoggerConfig("off"); Logger.log("error", "id", "off");`],
    ["every level to a file", `Logger.init("trace", "app"); for (const level of ["trace", "debug", "info", "warn", "error"]) Logger.log(level, "id-" + level, level + " line");`],
    ["a file name with a folder, and no level", `Logger.init(undefined, "sub/app"); Logger.log("warn", "id", "w"); Logger.log("info", "id", "i");`],
    ["files replaced, then the console again", `Logger.init("info", "one"); Logger.log("info", "a", "to one"); Logger.setLoggerConfig("info", "two"); Logger.log("info", "b", "to two"); Logger.setLoggerConfig("info"); Logger.log("info", "c", "to the console");`],
    ["init with a file writes nothing until a line is logged", `Logger.init("info", "empty");`],
    ["the core's log follows the Logger's configuration", `Logger.init("info", "core"); log(Level.Info, "core-id", "info"); log(Level.Debug, "core-id", "debug");`],
];

const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z/g;
const HOUR_SUFFIX = /\.\d{4}-\d\d-\d\d-\d\d$/;

interface Run {
    stdout: string;
    stderr: string;
    files: Record<string, string>;
}

function run(module: string, body: string): Run {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "glide-logger-"));
    try {
        const script = `const { Logger, log, Level } = require(${JSON.stringify(module)}); ${body}`;
        const result = spawnSync(process.execPath, ["-e", script], { cwd, encoding: "utf8" });
        const files: Record<string, string> = {};
        const logs = path.join(cwd, "glide-logs");
        if (fs.existsSync(logs)) {
            for (const entry of fs.readdirSync(logs, { recursive: true, withFileTypes: true })) {
                if (!entry.isFile()) continue;
                const full = path.join(entry.parentPath, entry.name);
                const name = path.relative(cwd, full);
                assert.match(name, HOUR_SUFFIX, `${name} ends with the UTC hour`);
                assert.ok(name.endsWith(new Date().toISOString().slice(0, 13).replace("T", "-")) || name.endsWith(hourBefore()), `${name} is this hour's file`);
                files[name.replace(HOUR_SUFFIX, ".<hour>")] = fs.readFileSync(full, "utf8").replace(TIME, "<time>");
            }
        }
        return { stdout: result.stdout.replace(TIME, "<time>"), stderr: result.stderr, files };
    } finally {
        fs.rmSync(cwd, { recursive: true, force: true });
    }
}

/** A run that straddles an hour writes the previous hour's file. */
function hourBefore(): string {
    return new Date(Date.now() - 3_600_000).toISOString().slice(0, 13).replace("T", "-");
}

describe("differential: Logger against GLIDE 2.5.2", { skip: glideSkipReason }, () => {
    for (const [title, body] of SCENARIOS) {
        it(title, () => {
            const theirs = run(MODULES.GLIDE, body);
            assert.equal(theirs.stderr, "", "GLIDE's run failed");
            assert.deepEqual(run(MODULES["glide-ts"], body), theirs);
        });
    }

    it("the scenarios tell something apart: GLIDE wrote lines to the console and to files", () => {
        const consoleRun = run(MODULES.GLIDE, SCENARIOS[0][1]);
        assert.match(consoleRun.stdout, /w - shown[\s\S]*e - shown too/);
        const fileRun = run(MODULES.GLIDE, SCENARIOS[8][1]);
        assert.deepEqual(Object.keys(fileRun.files), ["glide-logs/app.<hour>"]);
        assert.equal(fileRun.stdout, "");
    });
});
