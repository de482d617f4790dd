/** OpenTelemetry to an http:// endpoint: OTLP/HTTP JSON, decoded by a collector stand-in. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { GlideClient, OpenTelemetry, RequestError } from "../../src";
import { uniqueKey } from "../helpers/clients";
import { eventually } from "../helpers/otel-files";
import { startCollector, type Collector } from "../helpers/otlp-collector";
import { standaloneAddress } from "../helpers/shared";

interface OtlpSpan {
    traceId: string;
    spanId: string;
    parentSpanId?: string;
    name: string;
    kind: number;
    startTimeUnixNano: string;
    endTimeUnixNano: string;
    attributes: { key: string; value: { stringValue: string } }[];
    status: { code: number; message?: string };
}

describe("OpenTelemetry OTLP/HTTP exporter", () => {
    let collector: Collector;
    let client: GlideClient;

    before(async () => {
        collector = await startCollector();
        // The traces endpoint with its path, the metrics one without: the standard path is added.
        OpenTelemetry.init({ traces: { endpoint: `${collector.url}/v1/traces`, samplePercentage: 100 }, metrics: { endpoint: collector.url }, flushIntervalMs: 100 });
        client = await GlideClient.createClient({ addresses: [await standaloneAddress()] });
    });

    after(async () => {
        client?.close();
        await collector?.close();
    });

    function spans(): OtlpSpan[] {
        return collector.received
            .filter((request) => request.path === "/v1/traces")
            .flatMap((request) => request.body.resourceSpans.flatMap((resource: any) => resource.scopeSpans.flatMap((scope: any) => scope.spans)));
    }

    it("posts ExportTraceServiceRequest bodies the collector decodes", async () => {
        const key = uniqueKey("otel-http");
        await client.set(key, "v");
        await client.get(key);
        await assert.rejects(client.hgetall(key), RequestError);
        const mine = await eventually(
            () => spans().filter((span) => span.attributes.some((attribute) => attribute.value.stringValue.includes(key))),
            (found) => found.length >= 3,
        );
        const request = collector.received.find((received) => received.path === "/v1/traces")!;
        assert.equal(request.contentType, "application/json");
        const scopeSpans = request.body.resourceSpans[0].scopeSpans[0];
        assert.equal(scopeSpans.scope.name, "valkey_glide");
        const [set, get, failed] = mine;
        assert.deepEqual([set.name, get.name, failed.name], ["Set", "Get", "HGetAll"]);
        assert.equal(get.kind, 3, "SPAN_KIND_CLIENT");
        assert.match(get.traceId, /^[0-9a-f]{32}$/);
        assert.equal(get.parentSpanId, undefined);
        assert.ok(BigInt(get.startTimeUnixNano) <= BigInt(get.endTimeUnixNano));
        const attributes = Object.fromEntries(get.attributes.map((attribute) => [attribute.key, attribute.value.stringValue]));
        assert.deepEqual(attributes, {
            "db.system.name": "redis",
            "server.address": "127.0.0.1",
            "server.port": String((await standaloneAddress()).port),
            "db.namespace": "0",
            "db.operation.name": "GET",
            "db.query.text": `GET ${key}`,
        });
        assert.deepEqual([set.status, get.status], [{ code: 0 }, { code: 1 }]);
        assert.equal(failed.status.code, 2);
        assert.match(failed.status.message!, /^WRONGTYPE/);
    });

    it("posts metrics to /v1/metrics", async () => {
        const metrics = await eventually(
            () => collector.received.filter((received) => received.path === "/v1/metrics"),
            (found) => found.length > 0,
        );
        const scopeMetrics = metrics[0].body.resourceMetrics[0].scopeMetrics[0];
        assert.equal(scopeMetrics.scope.name, "valkey_glide");
        const gauge = scopeMetrics.metrics.find((metric: any) => metric.name === "glide.subscription_last_sync_timestamp");
        assert.equal(gauge.unit, "ms");
        assert.equal(gauge.gauge.dataPoints.length, 1);
    });
});
