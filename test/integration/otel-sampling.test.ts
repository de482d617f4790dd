/**
 * Sampling: an omitted samplePercentage traces nothing (GLIDE's quirk), 0% nothing, 100% every
 * command, 50% about half. Commands go in rounds smaller than the span queue, each round flushed.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

import { GlideClient, OpenTelemetry } from "../../src";
import { uniqueKey } from "../helpers/clients";
import { attributesOf, jsonLines, telemetryDir, type FileSpan } from "../helpers/otel-files";
import { standaloneAddress } from "../helpers/shared";
import { sleep } from "../helpers/wait";

const FLUSH_MS = 50;
const ROUND = 1000;

describe("OpenTelemetry sampling", () => {
    const file = path.join(telemetryDir("otel-sampling"), "spans.json");
    let client: GlideClient;

    before(async () => {
        OpenTelemetry.init({ traces: { endpoint: `file://${file}` }, flushIntervalMs: FLUSH_MS });
        client = await GlideClient.createClient({ addresses: [await standaloneAddress()] });
    });

    after(() => client?.close());

    /** Runs `count` GETs of one marker key and returns how many spans were written for them. */
    async function spansFor(count: number): Promise<number> {
        const key = uniqueKey("otel-sample");
        for (let sent = 0; sent < count; sent += ROUND) {
            await Promise.all(Array.from({ length: Math.min(ROUND, count - sent) }, () => client.get(key)));
            await sleep(FLUSH_MS * 3);
        }
        return jsonLines<FileSpan>(file).filter((span) => attributesOf(span)["db.query.text"] === `GET ${key}`).length;
    }

    it("traces nothing when samplePercentage was omitted", async () => {
        assert.equal(OpenTelemetry.getSamplePercentage(), undefined);
        assert.equal(await spansFor(500), 0);
    });

    it("traces nothing at 0% and every command at 100%", async () => {
        OpenTelemetry.setSamplePercentage(0);
        assert.equal(await spansFor(500), 0);
        OpenTelemetry.setSamplePercentage(100);
        assert.equal(await spansFor(500), 500);
    });

    it("traces about half at 50%", async () => {
        OpenTelemetry.setSamplePercentage(50);
        const traced = await spansFor(4000);
        // Binomial(4000, 0.5): 2000 ± 32 (one standard deviation); these bounds are 12 away.
        assert.ok(traced > 1600 && traced < 2400, `${traced} of 4000 traced`);
    });
});
