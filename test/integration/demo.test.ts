/** `npm start` keeps working: the demo runs to its end against the shared server. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { it } from "node:test";
import { promisify } from "node:util";
import { standaloneAddress } from "../helpers/shared";

it("the demo runs every step and exits cleanly", async () => {
    const { host, port } = await standaloneAddress();
    const root = join(__dirname, "../../..");
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts/demo.mjs")], {
        env: { ...process.env, VALKEY_HOST: host, VALKEY_PORT: String(port), GLIDE_TS_ENTRY: join(root, "build-test/src/index.js") },
        timeout: 60_000,
    });
    assert.match(stdout, /ping\(\)\s+-> PONG/);
    assert.match(stdout, /a server error\s+-> RequestError: WRONGTYPE/);
    assert.match(stdout, /after close\(\)\s+-> ClosingError/);
    assert.match(stdout, /demo finished/);
});
