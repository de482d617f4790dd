/** OpenTelemetry to a grpc:// endpoint: OTLP/gRPC over HTTP/2, decoded by a collector stand-in. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { GlideClient, OpenTelemetry } from "../../src";
import { uniqueKey } from "../helpers/clients";
import { eventually } from "../helpers/otel-files";
import { messages, number, startGrpcCollector, text, type Fields, type GrpcCollector } from "../helpers/otlp-grpc-collector";
import { standaloneAddress } from "../helpers/shared";

const PARENT = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1 };

describe("OpenTelemetry OTLP/gRPC exporter", () => {
    let collector: GrpcCollector;
    let client: GlideClient;

    before(async () => {
        collector = await startGrpcCollector();
        OpenTelemetry.init({ traces: { endpoint: collector.endpoint, samplePercentage: 100 }, metrics: { endpoint: collector.endpoint }, flushIntervalMs: 100 });
        client = await GlideClient.createClient({ addresses: [await standaloneAddress()] });
    });

    after(async () => {
        client?.close();
        await collector?.close();
    });

    /** ExportTraceServiceRequest → resource_spans(1) → scope_spans(2) → spans(2). */
    function spans(): { scope: string | undefined; span: Fields }[] {
        return collector.calls
            .filter((call) => call.path === "/opentelemetry.proto.collector.trace.v1.TraceService/Export")
            .flatMap((call) => messages(call.message, 1))
            .flatMap((resourceSpans) => messages(resourceSpans, 2))
            .flatMap((scopeSpans) => messages(scopeSpans, 2).map((span) => ({ scope: text(messages(scopeSpans, 1)[0], 1), span })));
    }

    function attributes(span: Fields): Record<string, string | undefined> {
        return Object.fromEntries(messages(span, 9).map((keyValue) => [text(keyValue, 1), text(messages(keyValue, 2)[0], 1)]));
    }

    it("sends spans as ExportTraceServiceRequest", async () => {
        const key = uniqueKey("otel-grpc");
        OpenTelemetry.setParentSpanContextProvider(() => PARENT);
        await client.get(key);
        OpenTelemetry.setParentSpanContextProvider(null);
        const [found] = await eventually(
            () => spans().filter(({ span }) => attributes(span)["db.query.text"] === `GET ${key}`),
            (list) => list.length > 0,
        );
        assert.equal(collector.calls[0].contentType, "application/grpc");
        const { scope, span } = found;
        assert.equal(scope, "valkey_glide");
        assert.equal(text(span, 5), "Get");
        assert.equal(number(span, 6), 3n, "SPAN_KIND_CLIENT");
        assert.equal((span.get(1)![0] as Buffer).toString("hex"), PARENT.traceId);
        assert.equal((span.get(4)![0] as Buffer).toString("hex"), PARENT.spanId);
        assert.equal((span.get(2)![0] as Buffer).length, 8);
        const [start, end] = [number(span, 7)!, number(span, 8)!];
        assert.ok(start <= end && end <= BigInt(Date.now() + 1000) * 1_000_000n);
        assert.equal(attributes(span)["db.operation.name"], "GET");
        assert.equal(number(messages(span, 15)[0], 3), 1n, "STATUS_CODE_OK");
    });

    it("sends metrics as ExportMetricsServiceRequest", async () => {
        const calls = await eventually(
            () => collector.calls.filter((call) => call.path === "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"),
            (list) => list.length > 0,
        );
        const metrics = messages(messages(messages(calls[0].message, 1)[0], 2)[0], 2);
        const gauge = metrics.find((metric) => text(metric, 1) === "glide.subscription_last_sync_timestamp")!;
        assert.equal(text(gauge, 3), "ms");
        assert.equal(messages(messages(gauge, 5)[0], 1).length, 1, "one data point");
    });
});
