/**
 * GlideJson and JsonBatch on servers with the JSON module, without GLIDE: the legacy-path and
 * JSONPath reply conventions, decoders, both batch forms, and where a cluster client sends each
 * command (the slot of its key, replicas for readonly ones under preferReplica, JSON.MGET split).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { ClusterBatch, Batch, ConditionalChange, Decoder, GlideClient, GlideClusterClient, GlideJson, JsonBatch, ProtocolVersion } from "../../src";
import type { ClusterHandle } from "../helpers/cluster";
import { moduleSkipReason, startModuleCluster, startModuleStandalone } from "../helpers/module-servers";
import type { ServerHandle } from "../helpers/standalone";

const DOC = '{"a":1,"b":"x","c":[1,2,3],"d":{"a":true}}';

describe("GlideJson / JsonBatch on the JSON module", { skip: moduleSkipReason }, () => {
    let standalone: ServerHandle;
    let cluster: ClusterHandle;
    const clients: (GlideClient | GlideClusterClient)[] = [];

    before(async () => {
        [standalone, cluster] = await Promise.all([startModuleStandalone("json-integration"), startModuleCluster()]);
    });
    after(async () => {
        for (const client of clients) client.close();
        await Promise.all([standalone?.stop(), cluster?.stop()]);
    });

    async function standaloneClient(protocol: ProtocolVersion): Promise<GlideClient> {
        const client = await GlideClient.createClient({ addresses: [{ host: standalone.host, port: standalone.port }], protocol });
        clients.push(client);
        return client;
    }
    async function clusterClient(extra: object = {}): Promise<GlideClusterClient> {
        const client = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], ...extra });
        clients.push(client);
        return client;
    }

    for (const protocol of [ProtocolVersion.RESP3, ProtocolVersion.RESP2]) {
        it(`answers legacy paths with one value and JSONPaths with an array of matches (${ProtocolVersion[protocol]})`, async () => {
            const client = await standaloneClient(protocol);
            assert.equal(await GlideJson.set(client, "doc", "$", DOC), "OK");
            assert.equal(await GlideJson.set(client, "doc", "$.a", "2", { conditionalChange: ConditionalChange.ONLY_IF_DOES_NOT_EXIST }), null);
            assert.equal(await GlideJson.get(client, "doc", { path: ".b" }), '"x"');
            assert.equal(await GlideJson.get(client, "doc", { path: "$..a" }), "[1,true]");
            assert.deepEqual(await GlideJson.type(client, "doc", { path: "$..a" }), ["integer", "boolean"]);
            assert.equal(await GlideJson.type(client, "doc", { path: ".c" }), "array");
            assert.deepEqual(await GlideJson.toggle(client, "doc", { path: "$..a" }), [null, false]);
            assert.equal(await GlideJson.toggle(client, "doc", { path: ".d.a" }), true);
            assert.deepEqual(await GlideJson.arrappend(client, "doc", "$.c", ["4"]), [4]);
            assert.equal(await GlideJson.arrpop(client, "doc", { path: ".c", index: 1 }), "2");
            assert.deepEqual(await GlideJson.numincrby(client, "doc", "$.a", 1.5), "[2.5]");
            assert.deepEqual(await GlideJson.objkeys(client, "doc", { path: "$.d", decoder: Decoder.Bytes }), [[Buffer.from("a")]]);
            assert.deepEqual(await GlideJson.resp(client, "doc", { path: ".d" }), ["{", ["a", "true"]]);
            assert.equal(await GlideJson.get(client, "missing"), null);
            await assert.rejects(GlideJson.get(client, "doc", { path: ".none" }), /NONEXISTENT/);
            await assert.rejects(GlideJson.type(client, "doc", {} as { path: string }), TypeError);
        });
    }

    it("queues every kind of call in an atomic batch and a pipeline, replies in order", async () => {
        const client = await standaloneClient(ProtocolVersion.RESP3);
        for (const atomic of [true, false]) {
            const batch = new Batch(atomic);
            JsonBatch.set(batch, "batched", "$", DOC);
            JsonBatch.strappend(batch, "batched", '"y"', { path: ".b" });
            JsonBatch.toggle(batch, "batched", { path: "$.d.a" });
            JsonBatch.arrlen(batch, "batched", { path: "$.c" });
            JsonBatch.get(batch, "batched", { path: ["$.b", "$.d.a"] });
            JsonBatch.strlen(batch, "batched", { path: ".a" });
            JsonBatch.del(batch, "batched");
            const results = await client.exec(batch, false);
            assert.equal(results?.length, 7);
            assert.deepEqual(results!.slice(0, 5), ["OK", 2, [false], [3], '{"$.b":["xy"],"$.d.a":[false]}']);
            assert.match(String(results![5]), /WRONGTYPE/);
            assert.equal(results![6], 1);
        }
    });

    it("on a cluster: JSON.MGET spans slots, an atomic batch stays on one slot", async () => {
        const client = await clusterClient();
        for (const key of ["a", "z", "{a}2"]) await GlideJson.set(client, key, "$", `{"k":"${key}"}`);
        assert.deepEqual(await GlideJson.mget(client, ["z", "a", "none", "{a}2"], "$.k"), ['["z"]', '["a"]', null, '["{a}2"]']);
        const batch = new ClusterBatch(true);
        JsonBatch.mget(batch, ["a", "{a}2"], ".k");
        JsonBatch.debugMemory(batch, "a");
        const [values, memory] = (await client.exec(batch, true))!;
        assert.deepEqual(values, ['"a"', '"{a}2"']);
        assert.equal(typeof memory, "number");
    });

    it("on a cluster: each command goes to its key's node, readonly ones to replicas under preferReplica", async () => {
        const client = await clusterClient({ readFrom: "preferReplica" });
        const replicated = () => client.customCommand(["WAIT", "1", "2000"], { route: { type: "primarySlotKey", key: "routed" } });
        await GlideJson.set(client, "routed", "$", DOC);
        await replicated();
        await client.customCommand(["CONFIG", "RESETSTAT"], { route: "allNodes" });
        await GlideJson.get(client, "routed");
        await GlideJson.debugMemory(client, "routed", { path: "$.c" });
        await GlideJson.arrlen(client, "routed", { path: "$.c" });
        await GlideJson.numincrby(client, "routed", "$.a", 1);
        await replicated();
        const served = await commandsByRole(client);
        // The replica runs the write too, as the primary replicates it.
        assert.deepEqual(served, { primary: ["json.numincrby"], replica: ["json.arrlen", "json.debug|memory", "json.get", "json.numincrby"] });
    });
});

/** Which JSON commands each kind of node ran since the stats were reset; refusals (MOVED) would show up too. */
async function commandsByRole(client: GlideClusterClient): Promise<Record<string, string[]>> {
    const stats = byNode<string>(await client.customCommand(["INFO", "commandstats"], { route: "allNodes" }));
    const roles = byNode<unknown[]>(await client.customCommand(["ROLE"], { route: "allNodes" }));
    const served: Record<string, string[]> = {};
    for (const [address, text] of Object.entries(stats)) {
        const names = [...text.matchAll(/cmdstat_(json\.[^:]+):/gi)].map((match) => match[1].toLowerCase());
        if (names.length === 0) continue;
        const role = roles[address][0] === "master" ? "primary" : "replica";
        served[role] = [...(served[role] ?? []), ...names].sort();
    }
    return served;
}

/** A multi-node customCommand reply (a GlideRecord by address) as a plain object. */
function byNode<T>(reply: unknown): Record<string, T> {
    return Object.fromEntries((reply as { key: string; value: T }[]).map(({ key, value }) => [key, value]));
}
