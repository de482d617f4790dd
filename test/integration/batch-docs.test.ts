/**
 * The batch examples of GLIDE's documentation (the Node.js learning guide's "Batching" chapter and
 * the batch page of the wrapper docs) give the documented results, standalone and cluster, RESP2
 * and RESP3. Keys carry a unique hash tag so runs do not collide and atomic cluster batches stay
 * on one slot (as the docs ask).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Batch, ClusterBatch, ClusterTransaction, RequestError, Transaction, type GlideClusterClient } from "../../src";
import { CLIENT_KINDS, uniqueKey, type TestClient } from "../helpers/clients";
import { suiteClients } from "../helpers/family";

for (const kind of CLIENT_KINDS) {
    describe(`documented batch examples (${kind.name})`, () => {
        let client: TestClient;
        suiteClients(kind, 1, (created) => ([client] = created));

        it("atomic batch: set, decrBy, incrBy, get → ['OK', 800, 200, '800']", async () => {
            const tag = uniqueKey("account");
            const batch = kind
                .newBatch(true)
                .set(`${tag}:1:balance`, "1000")
                .decrBy(`${tag}:1:balance`, 200)
                .incrBy(`${tag}:2:balance`, 200)
                .get(`${tag}:1:balance`);
            assert.deepEqual(await client.exec(batch, true), ["OK", 800, 200, "800"]);
        });

        it("pipeline: two sets and two gets → ['OK', 'OK', 'val1', 'val2']", async () => {
            const [key1, key2] = [uniqueKey("key1"), uniqueKey("key2")];
            const batch = kind.newBatch(false).set(key1, "val1").set(key2, "val2").get(key1).get(key2);
            assert.deepEqual(await client.exec(batch, false), ["OK", "OK", "val1", "val2"]);
        });

        it("deprecated Transaction / ClusterTransaction still run atomically", async () => {
            const key = uniqueKey("k");
            const tx = kind.cluster ? (new ClusterTransaction() as unknown as Batch) : new Transaction();
            assert.equal(tx.isAtomic, true);
            tx.set(key, "v").get(key);
            assert.deepEqual(await client.exec(tx, true), ["OK", "v"]);
            // Its replacement gives the same.
            assert.deepEqual(await client.exec(kind.newBatch(true).set(key, "v").get(key), true), ["OK", "v"]);
        });

        it("raiseOnError false: errors in place (set, lpop, del, rename)", async () => {
            const tag = uniqueKey("errors");
            const [key, key2] = [`${tag}:key`, `${tag}:key2`];
            const batch = kind.newBatch(false).set(key, "hello").lpop(key).del([key]).rename(key, key2);
            const result = (await client.exec(batch, false))!;
            assert.equal(result.length, 4);
            assert.equal(result[0], "OK");
            assert.ok(result[1] instanceof RequestError);
            assert.equal(result[1].message, "WRONGTYPE: Operation against a key holding the wrong kind of value");
            assert.equal(result[2], 1);
            assert.ok(result[3] instanceof RequestError);
            assert.match(result[3].message, /no such key/);
        });

        it("raiseOnError true: the transaction's first error is thrown (WRONGTYPE)", async () => {
            const tag = uniqueKey("errors-tx");
            const [key, key2] = [`${tag}:key`, `${tag}:key2`];
            const batch = kind.newBatch(true).set(key, "hello").lpop(key).del([key]).rename(key, key2);
            await assert.rejects(client.exec(batch, true), (error: Error) => error instanceof RequestError && error.message.startsWith("WRONGTYPE: "));
            // The transaction ran to its end on the server: errors inside EXEC do not roll back.
            assert.equal(await client.exists([key, key2]), 0);
        });

        it("standalone atomic example with timeout 2000: ['OK', 'OK', 50, 50, '50']", async () => {
            const tag = uniqueKey("account");
            const [source, dest] = [`${tag}:source`, `${tag}:dest`];
            const batch = kind.newBatch(true).set(source, "100").set(dest, "0").incrBy(dest, 50).decrBy(source, 50).get(source);
            assert.deepEqual(await client.exec(batch, true, { timeout: 2000 }), ["OK", "OK", 50, 50, "50"]);
        });

        it("pipeline example with timeout 2000: ['OK', 'OK', 'value1', 'value2']", async () => {
            const tag = uniqueKey("temp");
            const batch = kind.newBatch(false).set(`${tag}:key1`, "value1").set(`${tag}:key2`, "value2").get(`${tag}:key1`).get(`${tag}:key2`);
            assert.deepEqual(await client.exec(batch, false, { timeout: 2000 }), ["OK", "OK", "value1", "value2"]);
        });

        it("atomic visits example with timeout 3000: ['OK', 6, '6']", async () => {
            const key = `${uniqueKey("user")}:100:visits`;
            const batch = kind.newBatch(true).set(key, "1").incrBy(key, 5).get(key);
            assert.deepEqual(await client.exec(batch, true, { timeout: 3000 }), ["OK", 6, "6"]);
        });

        it("pipeline across slots with retryStrategy (cluster) → ['OK', 125, '125', 1, 2, ['user2', 'user1']]", async () => {
            const [views, logins] = [`page:${uniqueKey("home")}:views`, `recent:${uniqueKey("logins")}`];
            const batch = kind
                .newBatch(false)
                .set(views, "100")
                .incrBy(views, 25)
                .get(views)
                .lpush(logins, ["user1"])
                .lpush(logins, ["user2"])
                .lrange(logins, 0, 1);
            const expected = ["OK", 125, "125", 1, 2, ["user2", "user1"]];
            if (kind.cluster) {
                const cluster = client as unknown as GlideClusterClient;
                const options = { timeout: 5000, retryStrategy: { retryServerError: false, retryConnectionError: true } };
                assert.deepEqual(await cluster.exec(batch as unknown as ClusterBatch, false, options), expected);
            } else {
                assert.deepEqual(await client.exec(batch, false, { timeout: 5000 }), expected);
            }
        });

        it("retryStrategy on an atomic batch is refused, on either client, in GLIDE's words", async () => {
            const key = uniqueKey();
            const options = { retryStrategy: { retryServerError: true, retryConnectionError: false } };
            await assert.rejects(
                // Not in the standalone client's options type, yet GLIDE checks it there too.
                client.exec(kind.newBatch(true).set(key, "v"), true, options as never),
                (error: Error) => error instanceof RequestError && error.message === "Retry strategy is not supported for atomic batches.",
            );
            assert.equal(await client.get(key), null);
        });

        it("MGET then SET in one pipeline: [[null, null], 'OK'] on empty keys", async () => {
            const tag = uniqueKey("key");
            const batch = kind.newBatch(false).mget([tag, `${tag}:1`]).set(tag, "value");
            assert.deepEqual(await client.exec(batch, false), [[null, null], "OK"]);
        });
    });
}
