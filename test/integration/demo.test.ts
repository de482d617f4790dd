/** `npm start` keeps working: the demo runs to its end against the shared server, and leaves no key behind. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { join } from "node:path";
import { it } from "node:test";
import { promisify } from "node:util";
import { GlideClient } from "../../src";
import { standaloneAddress } from "../helpers/shared";

async function demoKeys(address: { host: string; port: number }): Promise<unknown[]> {
    const client = await GlideClient.createClient({ addresses: [address] });
    try {
        return (await client.customCommand(["KEYS", "demo:*"])) as unknown[];
    } finally {
        client.close();
    }
}

it("the demo runs every step on the server VALKEY_PORT names, and removes its keys", async () => {
    const { host, port } = await standaloneAddress();
    assert.equal(host, "127.0.0.1", "VALKEY_PORT alone means a server on 127.0.0.1");
    const root = join(__dirname, "../../..");
    const env: NodeJS.ProcessEnv = { ...process.env, VALKEY_PORT: String(port), GLIDE_TS_ENTRY: join(root, "build-test/src/index.js") };
    delete env.VALKEY_HOST;
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts/demo.mjs")], { env, timeout: 60_000 });
    assert.doesNotMatch(stdout, /started a throwaway/);
    assert.match(stdout, /ping\(\)\s+-> PONG/);
    assert.match(stdout, /a server error\s+-> RequestError: WRONGTYPE/);
    assert.match(stdout, /after close\(\)\s+-> ClosingError/);
    assert.match(stdout, /demo finished/);
    assert.deepEqual(await demoKeys({ host, port }), []);
});
