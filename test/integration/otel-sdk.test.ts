/**
 * Beyond GLIDE: with the user's own OpenTelemetry SDK registered, sampled commands become spans
 * of their tracer provider, children of the active context, with the database semantic
 * conventions, instead of going to the configured endpoint.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

import { GlideClient, OpenTelemetry, RequestError } from "../../src";
import { uniqueKey } from "../helpers/clients";
import { jsonLines, telemetryDir } from "../helpers/otel-files";
import { standaloneAddress } from "../helpers/shared";
import { sleep } from "../helpers/wait";

describe("OpenTelemetry through the user's SDK", () => {
    const file = path.join(telemetryDir("otel-sdk"), "spans.json");
    const exporter = new InMemorySpanExporter();
    let client: GlideClient;

    before(async () => {
        context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
        trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
        OpenTelemetry.init({ traces: { endpoint: `file://${file}`, samplePercentage: 100 }, flushIntervalMs: 50 });
        client = await GlideClient.createClient({ addresses: [await standaloneAddress()] });
    });

    after(() => {
        client?.close();
        trace.disable();
        context.disable();
    });

    it("parents command spans on the active span, with semantic-convention attributes", async () => {
        const key = uniqueKey("otel-sdk");
        const tracer = trace.getTracer("app");
        const parent = await tracer.startActiveSpan("handle-request", async (span) => {
            await client.set(key, "v");
            await client.get(key);
            await assert.rejects(client.lpush(key, ["x"]), RequestError);
            span.end();
            return span.spanContext();
        });
        const spans = exporter.getFinishedSpans().filter((span) => String(span.attributes["db.query.text"]).includes(key));
        assert.deepEqual(
            spans.map((span) => span.name),
            ["Set", "Get", "LPush"],
        );
        const { port } = await standaloneAddress();
        for (const span of spans) {
            assert.equal(span.kind, SpanKind.CLIENT);
            assert.equal(span.instrumentationScope.name, "valkey_glide");
            assert.equal(span.spanContext().traceId, parent.traceId);
            assert.equal(span.parentSpanContext?.spanId, parent.spanId);
            assert.equal(span.attributes["db.system.name"], "redis");
            assert.equal(span.attributes["server.address"], "127.0.0.1");
            assert.equal(span.attributes["server.port"], port);
            assert.equal(span.attributes["db.namespace"], "0");
        }
        const [set, get, lpush] = spans;
        assert.equal(get.attributes["db.operation.name"], "GET");
        assert.equal(get.attributes["db.query.text"], `GET ${key}`);
        assert.equal(set.attributes["db.query.text"], `SET ${key} ?`);
        assert.deepEqual([set.status.code, get.status.code], [SpanStatusCode.UNSET, SpanStatusCode.OK]);
        assert.equal(lpush.status.code, SpanStatusCode.ERROR);
        assert.match(lpush.status.message!, /^WRONGTYPE/);
        assert.equal(lpush.attributes["error.type"], "RequestError");
        await sleep(200);
        assert.equal(jsonLines(file).length, 0, "the configured endpoint gets nothing while the SDK takes the spans");
    });

    it("makes root spans outside any active span", async () => {
        const key = uniqueKey("otel-sdk-root");
        await client.get(key);
        const [span] = exporter.getFinishedSpans().filter((finished) => finished.attributes["db.query.text"] === `GET ${key}`);
        assert.equal(span.parentSpanContext, undefined);
    });
});
