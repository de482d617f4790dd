/**
 * OpenTelemetry.init's validation and the sampling API, side by side with GLIDE's in one process:
 * a refused configuration leaves both uninitialised, so every bad one can be tried before the
 * good one. GLIDE throws plain Errors from its core; ours are ConfigurationErrors with its words.
 */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import { ConfigurationError, OpenTelemetry } from "../../src";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const glide = require("@valkey/valkey-glide") as { OpenTelemetry: typeof OpenTelemetry };

function outcome(init: () => void): string {
    try {
        init();
        return "ok";
    } catch (error) {
        return `error: ${(error as Error).message}`;
    }
}

describe("OpenTelemetry configuration, as GLIDE's", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "otel-config-"));

    it("answers the same before init", () => {
        for (const lib of [OpenTelemetry, glide.OpenTelemetry]) {
            assert.equal(lib.isInitialized(), false);
            assert.equal(lib.getSamplePercentage(), undefined);
            assert.equal(lib.shouldSample(), false);
            assert.throws(() => lib.setSamplePercentage(5), { message: "OpenTelemetry config traces not initialized" });
        }
        assert.throws(() => OpenTelemetry.setSamplePercentage(5), ConfigurationError);
    });

    it("refuses the same configurations with the same messages", () => {
        const bad: object[] = [
            {},
            { traces: { endpoint: "ftp://collector" } },
            { traces: { endpoint: "not a url" } },
            { traces: { endpoint: "" } },
            { traces: { endpoint: "file:///no/such/folder/spans.json" } },
            { traces: { endpoint: "file:///no/such/folder" } },
            { traces: { endpoint: "file://relative/x.json" } },
            { metrics: { endpoint: "file:///no/such/m.json" } },
            { metrics: { endpoint: `file://${dir}/missing-subfolder-without-extension` } },
            { metrics: { endpoint: "ftp://x" } },
            { traces: { endpoint: "http://127.0.0.1:1", samplePercentage: 101 } },
            { traces: { endpoint: "http://127.0.0.1:1", samplePercentage: -1 } },
            { traces: { endpoint: "http://127.0.0.1:1" }, flushIntervalMs: 0 },
            { traces: { endpoint: "http://127.0.0.1:1" }, flushIntervalMs: -5 },
            // Which check comes first, when several fail.
            { traces: { endpoint: "ftp://x" }, flushIntervalMs: 0 },
            { traces: { endpoint: "ftp://t" }, metrics: { endpoint: "ftp://m" } },
            { traces: { endpoint: "http://127.0.0.1:1", samplePercentage: 200 }, metrics: { endpoint: "ftp://m" } },
            { traces: { endpoint: "http://127.0.0.1:1", samplePercentage: 200 }, flushIntervalMs: 0 },
        ];
        for (const config of bad) {
            const theirs = outcome(() => glide.OpenTelemetry.init(config));
            const ours = outcome(() => OpenTelemetry.init(config));
            assert.match(theirs, /^error: /, JSON.stringify(config));
            assert.equal(ours, theirs, JSON.stringify(config));
            assert.throws(() => OpenTelemetry.init(config as never), ConfigurationError);
        }
        assert.equal(OpenTelemetry.isInitialized(), false);
    });

    it("initialises once; an omitted samplePercentage traces nothing until set", () => {
        const config = { traces: { endpoint: `file://${dir}/` }, flushIntervalMs: 1000 };
        for (const lib of [OpenTelemetry, glide.OpenTelemetry]) {
            lib.init(config);
            assert.equal(lib.isInitialized(), true);
            assert.equal(lib.getSamplePercentage(), undefined);
            assert.equal(lib.shouldSample(), false);
            // Ignored, even though it is invalid: the first configuration stays.
            lib.init({ traces: { endpoint: "ftp://ignored", samplePercentage: 7 } });
            assert.equal(lib.getSamplePercentage(), undefined);
            assert.throws(() => lib.setSamplePercentage(101), { message: "Sample percentage must be between 0 and 100" });
            assert.throws(() => lib.setSamplePercentage(-1), { message: "Sample percentage must be between 0 and 100" });
            lib.setSamplePercentage(2.5);
            assert.equal(lib.getSamplePercentage(), 2.5);
            lib.setSamplePercentage(100);
            assert.equal(lib.shouldSample(), true);
            lib.setSamplePercentage(0);
            assert.equal(lib.shouldSample(), false);
            lib.setParentSpanContextProvider(null);
        }
    });
});
