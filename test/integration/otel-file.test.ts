/**
 * OpenTelemetry to file:// endpoints, read back: one JSON line per span with GLIDE's keys, for
 * single commands, batches, errors and parent contexts; metrics lines with the timeout counter.
 * Own server: CLIENT PAUSE makes the timeouts.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

import { Batch, GlideClient, OpenTelemetry, RequestError, TimeoutError } from "../../src";
import { attributesOf, eventually, jsonLines, telemetryDir, type FileSpan } from "../helpers/otel-files";
import { rawCommand } from "../helpers/resp";
import { startStandalone, type ServerHandle } from "../helpers/servers";
import { uniqueKey } from "../helpers/clients";

const SPAN_KEYS = ["end_time", "events", "kind", "links", "name", "parent_span_id", "scope", "scope_attributes", "span_attributes", "span_id", "start_time", "status", "trace_id"];
const PARENT = { traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1, traceState: "congo=t61rcWkgMzE" };

interface MetricsLine {
    resource: Record<string, string>;
    scope_metrics: { scope: { name: string }; metrics: { name: string; unit: string; description: string; data_points: { value: number; time: string; start_time?: string }[] }[] }[];
}

describe("OpenTelemetry file exporter", () => {
    const dir = telemetryDir("otel-file");
    const spansFile = path.join(dir, "signals.json");
    const metricsFile = path.join(dir, "metrics.json");
    let server: ServerHandle;
    let client: GlideClient;

    before(async () => {
        server = await startStandalone({ name: "otel-file" });
        // A folder: spans go to GLIDE's default file name in it.
        OpenTelemetry.init({ traces: { endpoint: `file://${dir}/`, samplePercentage: 100 }, metrics: { endpoint: `file://${metricsFile}` }, flushIntervalMs: 100 });
        client = await GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], databaseId: 3, requestTimeout: 100 });
    });

    after(async () => {
        client?.close();
        await server?.stop();
    });

    /** The spans whose query text mentions `marker` (each test uses its own keys). */
    async function spansFor(marker: string, count: number): Promise<FileSpan[]> {
        const read = () => jsonLines<FileSpan>(spansFile).filter((span) => attributesOf(span)["db.query.text"].includes(marker));
        return eventually(read, (spans) => spans.length >= count);
    }

    it("writes one line per command with GLIDE's keys and attributes", async () => {
        const key = uniqueKey("otel");
        const before = Date.now() * 1000;
        await client.set(key, "secret-value");
        await client.get(key);
        await client.hgetall(key + "h");
        const [set, get, hgetall] = await spansFor(key, 3);
        assert.deepEqual(Object.keys(set).sort(), SPAN_KEYS);
        assert.deepEqual([set.name, get.name, hgetall.name], ["Set", "Get", "HGetAll"]);
        assert.deepEqual(set.span_attributes, [
            { "db.system.name": "redis" },
            { "server.address": server.host },
            { "server.port": String(server.port) },
            { "db.namespace": "3" },
            { "db.operation.name": "SET" },
            { "db.query.text": `SET ${key} ?` },
        ]);
        assert.ok(!JSON.stringify(set).includes("secret-value"));
        // A plain OK leaves the status Unset, as GLIDE's core does; other replies are Ok.
        assert.deepEqual([set.status, get.status], ["Unset", "Ok"]);
        for (const span of [set, get]) {
            assert.equal(span.kind, "Client");
            assert.equal(span.scope, "valkey_glide");
            assert.equal(span.parent_span_id, "0000000000000000");
            assert.match(span.trace_id, /^[0-9a-f]{32}$/);
            assert.match(span.span_id, /^[0-9a-f]{16}$/);
            assert.deepEqual([span.events, span.links], [[], []]);
            const start = Number(span.start_time);
            assert.ok(start >= before - 1000 && start <= Number(span.end_time) && Number(span.end_time) <= Date.now() * 1000 + 1000);
        }
        assert.notEqual(set.trace_id, get.trace_id);
    });

    it("names customCommand CustomCommand and records errors with their message", async () => {
        const key = uniqueKey("otel-err");
        await client.customCommand(["SET", key, "x"]);
        await assert.rejects(client.lpush(key, ["y"]), RequestError);
        const [custom, lpush] = await spansFor(key, 2);
        assert.equal(custom.name, "CustomCommand");
        assert.equal(attributesOf(custom)["db.operation.name"], "SET");
        assert.equal(lpush.name, "LPush");
        assert.match(lpush.status, /^Error \{ description: "WRONGTYPE: Operation against a key holding the wrong kind of value" \}$/);
    });

    it("makes one Batch span per batch, atomic or not", async () => {
        const key = uniqueKey("otel-batch");
        await client.exec(new Batch(false).set(key, "1").get(key), true);
        await client.exec(new Batch(true).incr(key).get(key), true);
        const [pipeline, transaction] = await spansFor(key, 2);
        for (const span of [pipeline, transaction]) {
            assert.equal(span.name, "Batch");
            assert.equal(attributesOf(span)["db.operation.name"], "PIPELINE");
            assert.equal(span.status, "Ok");
        }
        assert.equal(attributesOf(pipeline)["db.query.text"], `SET ${key} ?\nGET ${key}`);
        assert.equal(attributesOf(transaction)["db.query.text"], `INCR ${key}\nGET ${key}`);
        // GLIDE writes the query text before the operation name in a batch span.
        assert.deepEqual(Object.keys(Object.assign({}, ...pipeline.span_attributes)).slice(4), ["db.query.text", "db.operation.name"]);
    });

    it("parents spans on the provider's context, and falls back when it is invalid", async () => {
        const key = uniqueKey("otel-parent");
        OpenTelemetry.setParentSpanContextProvider(() => PARENT);
        await client.get(key + ":child");
        OpenTelemetry.setParentSpanContextProvider(() => ({ ...PARENT, spanId: "not-hex" }));
        await client.get(key + ":invalid");
        OpenTelemetry.setParentSpanContextProvider(null);
        await client.get(key + ":none");
        const [child, invalid, none] = await spansFor(key, 3);
        assert.deepEqual([child.trace_id, child.parent_span_id], [PARENT.traceId, PARENT.spanId]);
        for (const standalone of [invalid, none]) {
            assert.equal(standalone.parent_span_id, "0000000000000000");
            assert.notEqual(standalone.trace_id, PARENT.traceId);
        }
    });

    it("counts timeouts in glide.timeout_errors, cumulatively, one JSON line per flush", async () => {
        await rawCommand(server.host, server.port, ["CLIENT", "PAUSE", "500"]);
        await assert.rejects(client.get("paused-1"), TimeoutError);
        await assert.rejects(client.get("paused-2"), TimeoutError);
        const timeouts = (line: MetricsLine) => line.scope_metrics[0].metrics.find((metric) => metric.name === "glide.timeout_errors");
        const lines = await eventually(
            () => jsonLines<MetricsLine>(metricsFile),
            (read) => read.length > 0 && timeouts(read[read.length - 1])?.data_points[0].value === 2,
        );
        const last = lines[lines.length - 1];
        assert.equal(last.scope_metrics[0].scope.name, "valkey_glide");
        assert.equal(last.resource["service.name"], "unknown_service:node");
        const counter = timeouts(last)!;
        assert.deepEqual([counter.unit, counter.description, counter.data_points[0].value], ["1", "Number of timeout errors encountered", 2]);
        assert.ok(Number(counter.data_points[0].start_time) < Number(counter.data_points[0].time));
        const values = lines.map((line) => timeouts(line)?.data_points[0].value ?? 0);
        assert.deepEqual(values, [...values].sort((a, b) => a - b), "cumulative");
        const gauge = last.scope_metrics[0].metrics.find((metric) => metric.name === "glide.subscription_last_sync_timestamp")!;
        assert.equal(gauge.unit, "ms");
        const timed = await spansFor("paused-", 2);
        assert.match(timed[0].status, /^Error \{ description: "timed out" \}$/);
    });
});
