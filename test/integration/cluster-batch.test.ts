/** ClusterBatch on GlideClusterClient: transactions on one slot, pipelines across slots (RESP2 and RESP3). */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ClusterBatch, ClusterTransaction, Decoder, GlideClusterClient, ListDirection, RequestError } from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { keysInOneSlot, PROTOCOLS, uniqueKey } from "../helpers/clients";
import { clusterSeeds } from "../helpers/shared";

for (const { name, protocol } of PROTOCOLS) {
    describe(`ClusterBatch ${name}`, () => {
        let client: GlideClusterClient;
        before(async () => {
            const [seed] = await clusterSeeds();
            client = await GlideClusterClient.createClient({ addresses: [seed], protocol, requestTimeout: 2000 });
        });
        after(() => client?.close());

        it("a transaction runs on its keys' slot, replies converted and in order", async () => {
            const [a, b] = keysInOneSlot(2, "tx");
            const batch = new ClusterBatch(true).set(a, "10").incrBy(a, 5).get(a).mset({ [b]: "x" }).mget([a, b]).del([a, b]);
            assert.deepEqual(await client.exec(batch, true), ["OK", 15, "15", "OK", ["15", "x"], 2]);
            const legacy = new ClusterTransaction().set(a, "v").get(a);
            assert.deepEqual(await client.exec(legacy, true), ["OK", "v"]);
        });

        it("a transaction over keys of several nodes fails at once, saying why", async () => {
            const [first] = keysInOneSlot(1, "tx-first");
            const shards = (await client.customCommand(["CLUSTER", "SLOTS"])) as [number, number][];
            const otherNode = Array.from({ length: 1000 }, () => uniqueKey("tx-other")).find(
                (key) => !shards.some(([start, end]) => start <= keySlot(first) && keySlot(first) <= end && start <= keySlot(key) && keySlot(key) <= end),
            )!;
            const batch = new ClusterBatch(true).set(first, "1").set(otherNode, "2");
            // Bouncing between the two nodes until the timeout would end in a TimeoutError or a bare MOVED.
            await assert.rejects(client.exec(batch, true), (error: Error) => error instanceof RequestError && error.message === "Received crossed slots in pipeline- CrossSlot");
            assert.equal(await client.get(first), null, "nothing was sent");
        });

        it("a transaction over two slots of one node is refused before sending too", async () => {
            const [a] = keysInOneSlot(1, "tx-same-node");
            const shards = (await client.customCommand(["CLUSTER", "SLOTS"])) as [number, number][];
            const [start, end] = shards.find(([from, to]) => from <= keySlot(a) && keySlot(a) <= to)!;
            const b = Array.from({ length: 2000 }, () => uniqueKey("tx-same-node-b")).find(
                (key) => keySlot(key) !== keySlot(a) && start <= keySlot(key) && keySlot(key) <= end,
            )!;
            const cases = [
                new ClusterBatch(true).set(a, "1").get(b),
                new ClusterBatch(true).mget([a, b]),
                new ClusterBatch(true).customCommand(["SET", a, "1"]).customCommand(["GET", b]),
                new ClusterBatch(true).lmpop([a, b], ListDirection.LEFT),
            ];
            // GLIDE's words: its core refuses commands of different slots; the server, one command over several.
            const crossed = "Received crossed slots in pipeline- CrossSlot";
            const crossSlot = "An error was signalled by the server: - CrossSlot: Keys in request don't hash to the same slot";
            const expected = [crossed, crossSlot, crossed, crossSlot];
            for (const [index, batch] of cases.entries()) {
                await assert.rejects(client.exec(batch, false), (error: Error) => error instanceof RequestError && error.message === expected[index]);
            }
            assert.equal(await client.exists([a]), 0);
            // The same commands on one slot go through; a pipeline may span slots.
            assert.deepEqual(await client.exec(new ClusterBatch(true).set(a, "1").get(a), true), ["OK", "1"]);
            assert.deepEqual(await client.exec(new ClusterBatch(false).set(a, "2").get(b), true), ["OK", null]);
            await client.del([a]);
        });

        it("a pipeline sends each command to its own slot and keeps the caller's order", async () => {
            const keys = Array.from({ length: 60 }, (_, i) => `pipeline-${uniqueKey()}-${i}`);
            assert.ok(new Set(keys.map(keySlot)).size > 30);
            const writes = new ClusterBatch(false);
            keys.forEach((key, i) => writes.set(key, `v${i}`));
            assert.deepEqual(await client.exec(writes, true), keys.map(() => "OK"));
            const reads = new ClusterBatch(false).mget(keys);
            keys.forEach((key) => reads.get(key));
            reads.customCommand(["STRLEN", keys[0]]).del(keys);
            const [values, ...rest] = (await client.exec(reads, true))!;
            assert.deepEqual(values, keys.map((_, i) => `v${i}`));
            assert.deepEqual(rest, [...keys.map((_, i) => `v${i}`), 2, keys.length]);
        });

        it("a pipeline larger than the in-flight limit counts once per node", async () => {
            const tag = uniqueKey("large");
            const batch = new ClusterBatch(false);
            for (let i = 0; i < 2500; i++) batch.set(`${tag}:${i}-${uniqueKey()}`, "v");
            const replies = (await client.exec(batch, true))!;
            assert.equal(replies.length, 2500);
            assert.ok(replies.every((reply) => reply === "OK"));
        });

        it("a pipeline mixes keyed, multi-slot and broadcast commands, replies in batch order", async () => {
            const keys = Array.from({ length: 20 }, (_, i) => `mixed-${uniqueKey()}-${i}`);
            const batch = new ClusterBatch(false)
                .mset(Object.fromEntries(keys.map((key) => [key, key])))
                .mget(keys)
                .customCommand(["DBSIZE"])
                .customCommand(["PING"])
                .exists(keys)
                .del(keys)
                .get(keys[0]);
            const [mset, mget, dbsize, ping, exists, del, gone] = (await client.exec(batch, true))!;
            assert.equal(mset, "OK");
            assert.deepEqual(mget, keys);
            assert.ok(typeof dbsize === "number" && dbsize >= keys.length);
            assert.equal(ping, "PONG");
            assert.equal(exists, keys.length);
            assert.equal(del, keys.length);
            assert.equal(gone, null);
        });

        it("raiseOnError false leaves a command's error in place; bytes when asked", async () => {
            const key = uniqueKey("errors");
            const batch = new ClusterBatch(false).customCommand(["LPUSH", key, "x"]).get(key).lpop(key);
            const result = (await client.exec(batch, false))!;
            assert.equal(result[0], 1);
            assert.ok(result[1] instanceof RequestError && /^WRONGTYPE/.test(result[1].message));
            assert.equal(result[2], "x");
            await assert.rejects(client.exec(batch, true), (error: Error) => /^WRONGTYPE/.test(error.message));
            const bytes = await client.exec(new ClusterBatch(false).set(key, "b").get(key), true, { decoder: Decoder.Bytes });
            assert.deepEqual(bytes, ["OK", Buffer.from("b")]);
        });

        it("route sends the whole batch to one node", async () => {
            const key = uniqueKey("routed");
            const batch = new ClusterBatch(false).set(key, "v").customCommand(["INFO", "server"]);
            const [ok, info] = (await client.exec(batch, true, { route: { type: "primarySlotKey", key } }))!;
            assert.equal(ok, "OK");
            assert.match(String(info), /tcp_port:\d+/);
            const tx = new ClusterBatch(true).get(key);
            assert.deepEqual(await client.exec(tx, true, { route: { type: "primarySlotKey", key } }), ["v"]);
            await assert.rejects(client.exec(tx, true, { retryStrategy: { retryServerError: true, retryConnectionError: false } }), RequestError);
        });
    });
}
