/**
 * Large batches and batch deadlines: 100 000-command pipelines and transactions (no stack
 * overflow, bounded heap), a batch counts once per node against inflightRequestsLimit, the batch
 * timeout overrides requestTimeout both ways, and atomic batches from many callers never
 * interleave. Standalone and cluster, RESP2 and RESP3.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { RequestError, TimeoutError } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, newClusterClient, newStandaloneClient, uniqueKey, type TestClient } from "../helpers/clients";
import { suiteClients } from "../helpers/family";

const LARGE = 100_000;

for (const kind of CLIENT_KINDS) {
    describe(`large and timed batches (${kind.name})`, () => {
        let client: TestClient;
        suiteClients(kind, 1, (created) => ([client] = created));

        it(`a ${LARGE}-command pipeline: replies in order, heap bounded`, async () => {
            const tag = uniqueKey("large");
            // Spread over many slots on a cluster: the pipeline is split per node and reassembled.
            const keyOf = (i: number) => (kind.cluster ? `${tag}-${i % 5000}` : `${tag}:${i % 5000}`);
            global.gc?.();
            const heapBefore = process.memoryUsage().heapUsed;
            const writes = kind.newBatch(false);
            for (let i = 0; i < LARGE; i++) writes.set(keyOf(i), `v${i}`);
            const written = (await client.exec(writes, true, { timeout: 60_000 }))!;
            assert.equal(written.length, LARGE);
            assert.ok(written.every((reply) => reply === "OK"));
            const reads = kind.newBatch(false);
            for (let i = 0; i < LARGE; i++) reads.get(keyOf(i));
            const values = (await client.exec(reads, true, { timeout: 60_000 }))!;
            assert.equal(values.length, LARGE);
            // Each key holds the value of the last of its 20 writes.
            for (let i = 0; i < LARGE; i += 997) assert.equal(values[i], `v${LARGE - 5000 + (i % 5000)}`);
            const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
            assert.ok(heapGrowth < 400, `heap grew by ${heapGrowth.toFixed(0)} MB`);
            const cleanup = kind.newBatch(false);
            for (let i = 0; i < 5000; i++) cleanup.del([keyOf(i)]);
            await client.exec(cleanup, true, { timeout: 60_000 });
        });

        it(`a ${LARGE}-command transaction`, async () => {
            const [counter, list] = keysInOneSlot(2, "large-tx");
            const batch = kind.newBatch(true);
            for (let i = 0; i < LARGE / 2; i++) batch.incr(counter).rpush(list, [String(i)]);
            const result = (await client.exec(batch, true, { timeout: 60_000 }))!;
            assert.equal(result.length, LARGE);
            assert.deepEqual(result.slice(0, 4), [1, 1, 2, 2]);
            assert.deepEqual(result.slice(-2), [LARGE / 2, LARGE / 2]);
            assert.equal(await client.llen(list), LARGE / 2);
            await client.del([counter, list]);
        });

        it("options.timeout overrides requestTimeout for the whole batch, both ways", async () => {
            const [list] = keysInOneSlot(1, "slow");
            // BLPOP in a batch does not get a connection of its own: it holds the batch for 0.4 s.
            const slow = () => kind.newBatch(false).set(`${list}:x`, "1").blpop([list], 0.4);
            const started = performance.now();
            await assert.rejects(client.exec(slow(), true, { timeout: 100 }), TimeoutError);
            const elapsed = performance.now() - started;
            assert.ok(elapsed >= 90 && elapsed < 380, `timed out after ${elapsed.toFixed(0)} ms`);
            const fast = await (kind.cluster ? newClusterClient : newStandaloneClient)(kind.protocol, { requestTimeout: 100 });
            try {
                await assert.rejects(fast.exec(slow() as never, true), TimeoutError);
                assert.deepEqual(await fast.exec(slow() as never, true, { timeout: 2000 }), ["OK", null]);
                // The connection is still in step after the timed-out batch: replies reach their callers.
                assert.equal(await fast.get(`${list}:x`), "1");
            } finally {
                fast.close();
            }
        });

        it("a batch takes one place of inflightRequestsLimit per node, however long", async () => {
            const limited = await (kind.cluster ? newClusterClient : newStandaloneClient)(kind.protocol, {
                inflightRequestsLimit: kind.cluster ? 3 : 1,
                requestTimeout: 10_000,
            });
            try {
                const tag = uniqueKey("limited");
                const keyOf = (i: number) => (kind.cluster ? `${tag}-${i % 300}` : `${tag}:${i % 300}`);
                const batch = kind.newBatch(false);
                for (let i = 0; i < 20_000; i++) batch.set(keyOf(i), "v");
                // Ends with a 0.3 s BLPOP, so the batch is still in flight when the next request comes.
                batch.blpop([keyOf(0) + "-list"], 0.3);
                const running = limited.exec(batch as never, true);
                await new Promise((resolve) => setTimeout(resolve, 50));
                if (!kind.cluster) {
                    // The one place is taken: another request is refused until the batch completes.
                    await assert.rejects(limited.get(keyOf(0)), (error: Error) => error instanceof RequestError && error.message === "Reached maximum inflight requests- ClientError");
                }
                const result = (await running) as unknown[];
                assert.equal(result.length, 20_001);
                assert.equal(result[20_000], null);
                assert.equal(await limited.get(keyOf(0)), "v");
            } finally {
                limited.close();
            }
        });

        it("atomic batches from many callers never interleave", async () => {
            const [list] = keysInOneSlot(1, "interleave");
            const callers = 50;
            const perBatch = 20;
            await Promise.all(
                Array.from({ length: callers }, (_, caller) => {
                    const batch = kind.newBatch(true);
                    for (let i = 0; i < perBatch; i++) batch.rpush(list, [`${caller}:${i}`]);
                    return client.exec(batch, true);
                }),
            );
            const all = await client.lrange(list, 0, -1);
            assert.equal(all.length, callers * perBatch);
            // Each caller's elements form one contiguous run, in its order.
            for (let start = 0; start < all.length; start += perBatch) {
                const caller = String(all[start]).split(":")[0];
                assert.deepEqual(
                    all.slice(start, start + perBatch),
                    Array.from({ length: perBatch }, (_, i) => `${caller}:${i}`),
                );
            }
            await client.del([list]);
        });
    });
}
