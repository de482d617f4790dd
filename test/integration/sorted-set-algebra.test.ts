/** Sorted-set algebra (ZDIFF, ZINTER, ZUNION, their stores, ZINTERCARD) on every client kind. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Decoder, type KeyWeight } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, type TestClient } from "../helpers/clients";
import { BINARY, rejectsWrongType, suiteClients } from "../helpers/family";

for (const kind of CLIENT_KINDS) {
    describe(`sorted-set algebra commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /**
         * Keys in one slot: first = {a:1, b:2, c:3}, second = {b:10, c:20, d:30}, then a missing key
         * and a destination.
         */
        async function twoSets(): Promise<{ first: string; second: string; missing: string; destination: string }> {
            const [first, second, missing, destination] = keysInOneSlot(4);
            await client.zadd(first, { a: 1, b: 2, c: 3 });
            await client.zadd(second, { b: 10, c: 20, d: 30 });
            return { first, second, missing, destination };
        }

        async function allWithScores(key: string) {
            return client.zrangeWithScores(key, { start: 0, end: -1 });
        }

        describe("zdiff, zdiffWithScores, zdiffstore", () => {
            it("the first set's members absent from the others", async () => {
                const { first, second, missing } = await twoSets();
                assert.deepEqual(await client.zdiff([first, second]), ["a"]);
                assert.deepEqual(await client.zdiff([second, first, missing]), ["d"]);
                assert.deepEqual(await client.zdiff([first]), ["a", "b", "c"]);
                assert.deepEqual(await client.zdiff([missing, first]), []);
            });

            it("WithScores keeps the first set's scores", async () => {
                const { first, second, missing } = await twoSets();
                await client.zadd(first, { top: Infinity });
                assert.deepEqual(await client.zdiffWithScores([first, second]), [
                    { element: "a", score: 1 },
                    { element: "top", score: Infinity },
                ]);
                assert.deepEqual(await client.zdiffWithScores([missing, first]), []);
            });

            it("zdiffstore stores the difference and counts it", async () => {
                const { first, second, missing, destination } = await twoSets();
                assert.equal(await client.zdiffstore(destination, [second, first]), 1);
                assert.deepEqual(await allWithScores(destination), [{ element: "d", score: 30 }]);
                assert.equal(await client.zdiffstore(destination, [missing, first]), 0);
                assert.equal(await client.exists([destination]), 0);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const [first, second] = keysInOneSlot(2);
                await client.zadd(first, [
                    { element: BINARY, score: 1 },
                    { element: "shared", score: 2 },
                ]);
                await client.zadd(second, { shared: 5 });
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.zdiff([first, second], bytes), [BINARY]);
                assert.deepEqual(await client.zdiffWithScores([first, second], bytes), [{ element: BINARY, score: 1 }]);
            });
        });

        describe("zinter, zinterWithScores, zinterstore, zintercard", () => {
            it("zinter returns the common members", async () => {
                const { first, second, missing } = await twoSets();
                assert.deepEqual(await client.zinter([first, second]), ["b", "c"]);
                assert.deepEqual(await client.zinter([first, missing]), []);
            });

            it("WithScores sums the scores by default", async () => {
                const { first, second } = await twoSets();
                assert.deepEqual(await client.zinterWithScores([first, second]), [
                    { element: "b", score: 12 },
                    { element: "c", score: 23 },
                ]);
            });

            it("WithScores takes weights and each aggregation", async () => {
                const { first, second } = await twoSets();
                const weighted: KeyWeight[] = [
                    [first, 10],
                    [second, 0.5],
                ];
                assert.deepEqual(await client.zinterWithScores(weighted), [
                    { element: "b", score: 25 },
                    { element: "c", score: 40 },
                ]);
                assert.deepEqual(await client.zinterWithScores(weighted, { aggregationType: "MIN" }), [
                    { element: "b", score: 5 },
                    { element: "c", score: 10 },
                ]);
                assert.deepEqual(await client.zinterWithScores([first, second], { aggregationType: "MAX" }), [
                    { element: "b", score: 10 },
                    { element: "c", score: 20 },
                ]);
                assert.deepEqual(await client.zinterWithScores([first, second], { aggregationType: "SUM" }), [
                    { element: "b", score: 12 },
                    { element: "c", score: 23 },
                ]);
            });

            it("zinterstore stores the intersection with weights and aggregation", async () => {
                const { first, second, missing, destination } = await twoSets();
                assert.equal(await client.zinterstore(destination, [first, second]), 2);
                assert.deepEqual(await allWithScores(destination), [
                    { element: "b", score: 12 },
                    { element: "c", score: 23 },
                ]);
                const weighted: KeyWeight[] = [
                    [first, 2],
                    [second, 1],
                ];
                assert.equal(await client.zinterstore(destination, weighted, { aggregationType: "MIN" }), 2);
                assert.deepEqual(await allWithScores(destination), [
                    { element: "b", score: 4 },
                    { element: "c", score: 6 },
                ]);
                assert.equal(await client.zinterstore(destination, [first, missing]), 0);
                assert.equal(await client.exists([destination]), 0);
            });

            it("zintercard counts the intersection, up to the limit", async () => {
                const { first, second, missing } = await twoSets();
                assert.equal(await client.zintercard([first, second]), 2);
                assert.equal(await client.zintercard([first, second], { limit: 1 }), 1);
                assert.equal(await client.zintercard([first, second], { limit: 0 }), 2);
                assert.equal(await client.zintercard([first, missing]), 0);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const [first, second] = keysInOneSlot(2);
                await client.zadd(first, [{ element: BINARY, score: 1 }]);
                await client.zadd(second, [{ element: BINARY, score: 2 }]);
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.zinter([first, second], bytes), [BINARY]);
                assert.deepEqual(await client.zinterWithScores([first, second], bytes), [
                    { element: BINARY, score: 3 },
                ]);
            });
        });

        describe("zunion, zunionWithScores, zunionstore", () => {
            it("zunion returns every member once, ordered by summed score", async () => {
                const { first, second, missing } = await twoSets();
                assert.deepEqual(await client.zunion([first, second, missing]), ["a", "b", "c", "d"]);
                assert.deepEqual(await client.zunion([missing]), []);
            });

            it("WithScores sums by default and takes weights and aggregation", async () => {
                const { first, second } = await twoSets();
                assert.deepEqual(await client.zunionWithScores([first, second]), [
                    { element: "a", score: 1 },
                    { element: "b", score: 12 },
                    { element: "c", score: 23 },
                    { element: "d", score: 30 },
                ]);
                const weighted: KeyWeight[] = [
                    [first, -1],
                    [second, 1],
                ];
                assert.deepEqual(await client.zunionWithScores(weighted, { aggregationType: "MAX" }), [
                    { element: "a", score: -1 },
                    { element: "b", score: 10 },
                    { element: "c", score: 20 },
                    { element: "d", score: 30 },
                ]);
            });

            it("infinite scores survive aggregation", async () => {
                const [first, second] = keysInOneSlot(2);
                await client.zadd(first, { up: "+inf", down: 1 });
                await client.zadd(second, { up: 1, down: -Infinity });
                assert.deepEqual(await client.zunionWithScores([first, second], { aggregationType: "MIN" }), [
                    { element: "down", score: -Infinity },
                    { element: "up", score: 1 },
                ]);
                assert.deepEqual(await client.zunionWithScores([first, second], { aggregationType: "MAX" }), [
                    { element: "down", score: 1 },
                    { element: "up", score: Infinity },
                ]);
            });

            it("zunionstore stores the union with weights and aggregation", async () => {
                const { first, second, destination } = await twoSets();
                const weighted: KeyWeight[] = [
                    [first, 100],
                    [second, 1],
                ];
                assert.equal(await client.zunionstore(destination, weighted, { aggregationType: "MIN" }), 4);
                assert.deepEqual(await allWithScores(destination), [
                    { element: "b", score: 10 },
                    { element: "c", score: 20 },
                    { element: "d", score: 30 },
                    { element: "a", score: 100 },
                ]);
                assert.equal(await client.zunionstore(destination, [first]), 3);
                assert.deepEqual(await client.zrange(destination, { start: 0, end: -1 }), ["a", "b", "c"]);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const [first, second] = keysInOneSlot(2);
                await client.zadd(first, [{ element: BINARY, score: 1 }]);
                await client.zadd(second, { x: 2 });
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.zunion([first, second], bytes), [BINARY, Buffer.from("x")]);
                assert.deepEqual(await client.zunionWithScores([first, second], bytes), [
                    { element: BINARY, score: 1 },
                    { element: Buffer.from("x"), score: 2 },
                ]);
            });
        });

        it("every algebra command rejects a key of another type", async () => {
            const [text, zset, destination] = keysInOneSlot(3);
            await client.set(text, "v");
            await client.zadd(zset, { a: 1 });
            const keys = [zset, text];
            await rejectsWrongType(client.zdiff(keys));
            await rejectsWrongType(client.zdiffWithScores([text]));
            await rejectsWrongType(client.zdiffstore(destination, [text]));
            await rejectsWrongType(client.zinter(keys));
            await rejectsWrongType(client.zinterWithScores(keys));
            await rejectsWrongType(client.zinterstore(destination, keys));
            await rejectsWrongType(client.zintercard(keys));
            await rejectsWrongType(client.zunion(keys));
            await rejectsWrongType(client.zunionWithScores(keys));
            await rejectsWrongType(client.zunionstore(destination, keys));
        });
    });
}
