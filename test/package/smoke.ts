/** Runs a smoke fixture (fixtures/smoke.cjs, smoke.mjs or a bundle of one) and checks what it read back. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { standaloneAddress } from "../helpers/shared";

const run = promisify(execFile);

export interface SmokeReport {
    module: "cjs" | "esm";
    runtime: string;
    value: string | null;
}

/**
 * Runs `command args` in cwd against the shared standalone server. It must exit by itself within
 * the timeout (close() leaves nothing running) having read back the value it was given.
 */
export async function runSmoke(command: string, args: string[], cwd: string, module: SmokeReport["module"]): Promise<SmokeReport> {
    const { host, port } = await standaloneAddress();
    const value = `smoke-${randomBytes(8).toString("hex")}`;
    const { stdout } = await run(command, args, {
        cwd,
        timeout: 60_000,
        env: { ...process.env, GLIDE_TS_SMOKE_ADDRESS: `${host}:${port}`, GLIDE_TS_SMOKE_VALUE: value, NO_COLOR: "1" },
    });
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    const report = JSON.parse(lastLine) as SmokeReport;
    assert.equal(report.module, module);
    assert.equal(report.value, value);
    return report;
}
