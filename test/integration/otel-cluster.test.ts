/**
 * OpenTelemetry with a cluster: a span per call with the node that served it, one span for a
 * multi-slot command or a batch, and a MOVED redirection counted in glide.moved_errors while the
 * command's span stays Ok. Own cluster: a slot is migrated.
 */
import assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";

import { ClusterBatch, GlideClusterClient, OpenTelemetry } from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { uniqueKey } from "../helpers/clients";
import { attributesOf, eventually, jsonLines, telemetryDir, type FileSpan } from "../helpers/otel-files";
import { startCluster, type ClusterHandle } from "../helpers/servers";
import { migrateSlot, ownerOf, ownerPort, withNodeIds, type ClusterNode } from "../helpers/slot-migration";

interface MetricsLine {
    scope_metrics: { metrics: { name: string; data_points: { value: number }[] }[] }[];
}

describe("OpenTelemetry with a cluster", () => {
    const dir = telemetryDir("otel-cluster");
    const spansFile = path.join(dir, "spans.json");
    const metricsFile = path.join(dir, "metrics.json");
    let cluster: ClusterHandle;
    let nodes: ClusterNode[];
    let client: GlideClusterClient;

    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 0 });
        nodes = await withNodeIds(cluster.seeds);
        OpenTelemetry.init({ traces: { endpoint: `file://${spansFile}`, samplePercentage: 100 }, metrics: { endpoint: `file://${metricsFile}` }, flushIntervalMs: 100 });
        client = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 2000 });
    });

    after(async () => {
        client?.close();
        await cluster?.stop();
    });

    async function spansFor(marker: string, count: number): Promise<FileSpan[]> {
        const read = () => jsonLines<FileSpan>(spansFile).filter((span) => attributesOf(span)["db.query.text"].includes(marker));
        return eventually(read, (spans) => spans.length >= count);
    }

    it("records the node that served each command", async () => {
        const keys = Array.from({ length: 6 }, (_, index) => uniqueKey(`otel-node-${index}`));
        for (const key of keys) await client.set(key, "v");
        const spans = await spansFor("otel-node-", keys.length);
        assert.equal(spans.length, keys.length);
        const ports = new Set<string>();
        for (const [index, key] of keys.entries()) {
            const attributes = attributesOf(spans[index]);
            assert.equal(attributes["db.query.text"], `SET ${key} ?`);
            assert.equal(attributes["server.port"], String(await ownerPort(cluster.seeds[0], keySlot(key))));
            ports.add(attributes["server.port"]);
        }
        assert.ok(ports.size > 1, "keys of several nodes");
    });

    it("makes one span for a multi-slot command and one for a batch", async () => {
        const [a, b] = [uniqueKey("otel-multi-a"), uniqueKey("otel-multi-b")];
        assert.notEqual(keySlot(a), keySlot(b));
        await client.mget([a, b]);
        await client.exec(new ClusterBatch(false).set(a, "1").get(b), true);
        const [mget, batch] = await spansFor("otel-multi-a", 2);
        assert.deepEqual([mget.name, batch.name], ["MGet", "Batch"]);
        assert.equal(attributesOf(mget)["db.query.text"], `MGET ${a} ${b}`);
        assert.equal(attributesOf(batch)["db.query.text"], `SET ${a} ?\nGET ${b}`);
        assert.equal(jsonLines<FileSpan>(spansFile).filter((span) => attributesOf(span)["db.query.text"].includes("otel-multi-a")).length, 2);
    });

    it("counts a MOVED redirection; the command's span is Ok", async () => {
        const key = uniqueKey("otel-moved");
        await client.set(key, "here");
        const slot = keySlot(key);
        const source = await ownerOf(nodes, slot);
        const target = nodes.find((node) => node.port !== source.port)!;
        await migrateSlot(nodes, slot, source, target);
        assert.equal(await client.get(key), "here");
        const [, get] = await spansFor(key, 2);
        assert.deepEqual([get.name, get.status], ["Get", "Ok"]);
        const moved = (line: MetricsLine) => line.scope_metrics[0].metrics.find((metric) => metric.name === "glide.moved_errors")?.data_points[0].value ?? 0;
        const lines = await eventually(() => jsonLines<MetricsLine>(metricsFile), (read) => read.length > 0 && moved(read[read.length - 1]) >= 1);
        assert.ok(moved(lines[lines.length - 1]) >= 1);
    });
});
