/**
 * 100k traced commands against a collector that never answers: the span queue stays bounded
 * (the overflow is dropped, not kept) and the heap does not grow with the command count.
 */
import assert from "node:assert/strict";
import * as net from "node:net";
import { after, before, describe, it } from "node:test";
import * as v8 from "node:v8";
import * as vm from "node:vm";

import { GlideClient, OpenTelemetry } from "../../src";
import { tracingState } from "../../src/observability/otel-tracing";
import { uniqueKey } from "../helpers/clients";
import { standaloneAddress } from "../helpers/shared";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

function heapAfterGc(): number {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
}

describe("OpenTelemetry span memory", () => {
    let client: GlideClient;
    let silent: net.Server;

    before(async () => {
        // Accepts connections and never replies: exports hang until their own timeout.
        silent = net.createServer(() => undefined);
        await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
        const { port } = silent.address() as net.AddressInfo;
        OpenTelemetry.init({ traces: { endpoint: `http://127.0.0.1:${port}/v1/traces`, samplePercentage: 100 }, flushIntervalMs: 3_600_000 });
        client = await GlideClient.createClient({ addresses: [await standaloneAddress()] });
    });

    after(() => {
        client?.close();
        silent?.close();
    });

    async function run(commands: number, key: string): Promise<void> {
        for (let sent = 0; sent < commands; sent += 1000) await Promise.all(Array.from({ length: 1000 }, () => client.get(key)));
    }

    it("keeps at most 2048 spans between flushes over 100k commands", async () => {
        const key = uniqueKey("otel-memory");
        await run(10_000, key);
        const early = heapAfterGc();
        await run(90_000, key);
        const late = heapAfterGc();
        const queue = tracingState.queue!;
        assert.equal(queue.size, 2048);
        assert.equal(queue.dropped, 100_000 - 2048);
        // 90k more spans kept would be tens of megabytes; a bounded queue leaves the heap flat.
        assert.ok(late - early < 8 * 1024 * 1024, `heap grew by ${Math.round((late - early) / 1024)} KiB`);
    });
});
