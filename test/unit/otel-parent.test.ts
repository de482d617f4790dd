/** Parent span contexts: W3C Trace Context validation, GLIDE's warning and fallback. */
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, describe, it } from "node:test";

import { configureLog, Level } from "../../src/observability/core-log";
import { isValidTraceState, validParentContext } from "../../src/observability/otel-parent";

const TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
const SPAN_ID = "b7ad6b7169203331";

describe("parent span context", () => {
    // The warnings go to a log file of this test's own (an absolute name leaves glide-logs/ out).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "otel-parent-"));
    configureLog(Level.Warn, path.join(dir, "warnings"));
    after(() => {
        configureLog(undefined, undefined);
        fs.rmSync(dir, { recursive: true, force: true });
    });
    let seen = 0;
    /** The lines written since the last call. */
    const newLines = (): string[] => {
        const all = fs.readdirSync(dir).flatMap((name) => fs.readFileSync(path.join(dir, name), "utf8").split("\n").filter(Boolean));
        const fresh = all.slice(seen);
        seen = all.length;
        return fresh;
    };

    it("accepts a valid context and an absent one", () => {
        const context = { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1, traceState: "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7" };
        assert.deepEqual(validParentContext(() => context), context);
        assert.equal(validParentContext(() => undefined), undefined);
        assert.equal(validParentContext(undefined), undefined);
        assert.deepEqual(newLines(), []);
    });

    it("falls back to a standalone span with GLIDE's warning when invalid", () => {
        const invalid = [
            [{ traceId: "XYZ", spanId: SPAN_ID, traceFlags: 1 }, 'Invalid traceId "XYZ" — expected 32 lowercase hex chars.'],
            [{ traceId: TRACE_ID.toUpperCase(), spanId: SPAN_ID, traceFlags: 1 }, "Invalid traceId"],
            [{ traceId: "0".repeat(32), spanId: SPAN_ID, traceFlags: 1 }, "Invalid traceId"],
            [{ traceId: TRACE_ID, spanId: "0".repeat(16), traceFlags: 1 }, "Invalid spanId"],
            [{ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 256 }, 'Invalid traceFlags "256" — expected integer 0-255.'],
            [{ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1.5 }, "Invalid traceFlags"],
            [{ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: 1, traceState: "Bad Key=1" }, "Invalid traceState"],
        ] as const;
        for (const [context, message] of invalid) {
            assert.equal(validParentContext(() => context as never), undefined);
            const lines = newLines();
            assert.equal(lines.length, 1);
            assert.match(lines[0], /WARN.*GlideOpenTelemetry - /);
            assert.ok(lines[0].includes(message) && lines[0].includes("Falling back to standalone span."), lines[0]);
        }
        assert.equal(validParentContext(() => { throw new Error("boom"); }), undefined);
        const lines = newLines();
        assert.ok(lines[0].includes("parentSpanContextProvider threw: Error: boom. Falling back to standalone span."), lines[0]);
    });

    it("checks tracestate as W3C defines it", () => {
        for (const good of ["", "a=1", "congo=t61rcWkgMzE", "tenant@vendor=x", "a=1, b=2", "k=v w"]) assert.ok(isValidTraceState(good), good);
        const tooMany = Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(",");
        for (const bad of ["novalue", "=v", "A=1", "a=1,a=2", "a=x,y", "a=x\ty", "a=b=c", tooMany]) assert.ok(!isValidTraceState(bad), bad);
    });
});
