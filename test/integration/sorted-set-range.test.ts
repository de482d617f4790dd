/** Sorted-set ranges (by rank, score and lex; stored, counted, removed) on every client kind. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Decoder, InfBoundary, type RangeByLex, type RangeByScore } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, rejectsWrongType, suiteClients } from "../helpers/family";

const { NegativeInfinity: LOWEST, PositiveInfinity: HIGHEST } = InfBoundary;

const ALL_SCORES: RangeByScore = {
    type: "byScore",
    start: LOWEST,
    end: HIGHEST,
};
const ALL_LEX: RangeByLex = { type: "byLex", start: LOWEST, end: HIGHEST };

for (const kind of CLIENT_KINDS) {
    describe(`sorted-set range commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /** A sorted set one=1, two=2, three=3, four=4, five=5. */
        async function numbers(key = uniqueKey("zset")): Promise<string> {
            await client.zadd(key, { one: 1, two: 2, three: 3, four: 4, five: 5 });
            return key;
        }

        /** A sorted set of a…e, all with score 0 (for lex ranges). */
        async function letters(key = uniqueKey("lex")): Promise<string> {
            await client.zadd(key, { a: 0, b: 0, c: 0, d: 0, e: 0 });
            return key;
        }

        async function stringKey(): Promise<string> {
            const key = uniqueKey("str");
            await client.set(key, "v");
            return key;
        }

        describe("zrange by index", () => {
            it("returns the members between two ranks, negative ranks from the end", async () => {
                const key = await numbers();
                const all = ["one", "two", "three", "four", "five"];
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }), all);
                assert.deepEqual(await client.zrange(key, { start: 1, end: 2 }), ["two", "three"]);
                assert.deepEqual(await client.zrange(key, { start: -2, end: -1 }), ["four", "five"]);
                assert.deepEqual(await client.zrange(key, { start: 3, end: 1 }), []);
            });

            it("reverse ranks from the highest score", async () => {
                const key = await numbers();
                assert.deepEqual(await client.zrange(key, { start: 0, end: 1 }, { reverse: true }), ["five", "four"]);
            });

            it("a missing key is an empty range", async () => {
                assert.deepEqual(await client.zrange(uniqueKey(), { start: 0, end: -1 }), []);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.zadd(key, [
                    { element: BINARY, score: 2 },
                    { element: "x", score: 1 },
                ]);
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }, { decoder: Decoder.Bytes }), [
                    Buffer.from("x"),
                    BINARY,
                ]);
            });
        });

        describe("zrange by score", () => {
            it("inclusive and exclusive ends", async () => {
                const key = await numbers();
                const inclusive: RangeByScore = { type: "byScore", start: { value: 2 }, end: { value: 4 } };
                assert.deepEqual(await client.zrange(key, inclusive), ["two", "three", "four"]);
                const exclusive: RangeByScore = {
                    type: "byScore",
                    start: { value: 2, isInclusive: false },
                    end: { value: 4, isInclusive: false },
                };
                assert.deepEqual(await client.zrange(key, exclusive), ["three"]);
            });

            it("infinite ends, and infinite scores inside them", async () => {
                const key = await numbers();
                await client.zadd(key, { top: Infinity, bottom: "-inf" });
                assert.deepEqual(await client.zrange(key, { ...ALL_SCORES }), [
                    "bottom",
                    "one",
                    "two",
                    "three",
                    "four",
                    "five",
                    "top",
                ]);
                const aboveFour: RangeByScore = {
                    type: "byScore",
                    start: { value: 4, isInclusive: false },
                    end: HIGHEST,
                };
                assert.deepEqual(await client.zrange(key, aboveFour), ["five", "top"]);
                const upToInfinity: RangeByScore = {
                    type: "byScore",
                    start: { value: 5 },
                    end: { value: Infinity, isInclusive: false },
                };
                assert.deepEqual(await client.zrange(key, upToInfinity), ["five"]);
            });

            it("limit skips `offset` matches and returns at most `count`", async () => {
                const key = await numbers();
                assert.deepEqual(await client.zrange(key, { ...ALL_SCORES, limit: { offset: 1, count: 2 } }), [
                    "two",
                    "three",
                ]);
                const rest = { ...ALL_SCORES, limit: { offset: 4, count: -1 } };
                assert.deepEqual(await client.zrange(key, rest), ["five"]);
            });

            it("reverse takes the higher end first", async () => {
                const key = await numbers();
                const range: RangeByScore = {
                    type: "byScore",
                    start: { value: 4 },
                    end: LOWEST,
                    limit: { offset: 0, count: 2 },
                };
                assert.deepEqual(await client.zrange(key, range, { reverse: true }), ["four", "three"]);
            });
        });

        describe("zrange by lex", () => {
            it("inclusive, exclusive and infinite ends", async () => {
                const key = await letters();
                const range: RangeByLex = {
                    type: "byLex",
                    start: { value: "b" },
                    end: { value: "d", isInclusive: false },
                };
                assert.deepEqual(await client.zrange(key, range), ["b", "c"]);
                const fromC: RangeByLex = {
                    type: "byLex",
                    start: { value: "c", isInclusive: false },
                    end: HIGHEST,
                };
                assert.deepEqual(await client.zrange(key, fromC), ["d", "e"]);
                assert.deepEqual(await client.zrange(key, { ...ALL_LEX, limit: { offset: 1, count: 3 } }), [
                    "b",
                    "c",
                    "d",
                ]);
            });

            it("reverse takes the higher end first", async () => {
                const key = await letters();
                const range: RangeByLex = { type: "byLex", start: { value: "d" }, end: { value: "b" } };
                assert.deepEqual(await client.zrange(key, range, { reverse: true }), ["d", "c", "b"]);
            });

            it("binary ends", async () => {
                const key = uniqueKey();
                const low = Buffer.from([0x01, 0xff]);
                const high = Buffer.from([0xfe, 0x00]);
                await client.zadd(key, [
                    { element: low, score: 0 },
                    { element: BINARY, score: 0 },
                    { element: high, score: 0 },
                ]);
                // Byte order: BINARY (0x00…) < low (0x01…) < high (0xfe…).
                const range: RangeByLex = { type: "byLex", start: { value: low }, end: { value: high } };
                assert.deepEqual(await client.zrange(key, range, { decoder: Decoder.Bytes }), [low, high]);
                const exclusive: RangeByLex = {
                    type: "byLex",
                    start: { value: BINARY, isInclusive: false },
                    end: { value: high, isInclusive: false },
                };
                assert.deepEqual(await client.zrange(key, exclusive, { decoder: Decoder.Bytes }), [low]);
            });
        });

        describe("zrangeWithScores", () => {
            it("returns { element, score } entries in range order", async () => {
                const key = await numbers();
                assert.deepEqual(await client.zrangeWithScores(key, { start: 0, end: 1 }), [
                    { element: "one", score: 1 },
                    { element: "two", score: 2 },
                ]);
                assert.deepEqual(await client.zrangeWithScores(key, { start: 0, end: 1 }, { reverse: true }), [
                    { element: "five", score: 5 },
                    { element: "four", score: 4 },
                ]);
            });

            it("by score, with limit and infinite scores", async () => {
                const key = await numbers();
                await client.zadd(key, { top: "+inf", half: 0.5 });
                const range: RangeByScore = {
                    type: "byScore",
                    start: { value: 4.5 },
                    end: HIGHEST,
                };
                assert.deepEqual(await client.zrangeWithScores(key, range), [
                    { element: "five", score: 5 },
                    { element: "top", score: Infinity },
                ]);
                const firstTwo = { ...ALL_SCORES, limit: { offset: 0, count: 2 } };
                assert.deepEqual(await client.zrangeWithScores(key, firstTwo), [
                    { element: "half", score: 0.5 },
                    { element: "one", score: 1 },
                ]);
            });

            it("a missing key is an empty list", async () => {
                assert.deepEqual(await client.zrangeWithScores(uniqueKey(), { start: 0, end: -1 }), []);
            });

            it("returns Buffer elements with Decoder.Bytes", async () => {
                const key = uniqueKey();
                await client.zadd(key, [{ element: BINARY, score: -Infinity }]);
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.zrangeWithScores(key, { start: 0, end: -1 }, bytes), [
                    { element: BINARY, score: -Infinity },
                ]);
            });
        });

        describe("zrangeStore", () => {
            it("stores a range by index, by score and by lex, and counts it", async () => {
                const [source, byIndex, byScore, byLex, lexSource] = keysInOneSlot(5);
                await numbers(source);
                await letters(lexSource);
                assert.equal(await client.zrangeStore(byIndex, source, { start: 0, end: 1 }), 2);
                assert.deepEqual(await client.zrangeWithScores(byIndex, { start: 0, end: -1 }), [
                    { element: "one", score: 1 },
                    { element: "two", score: 2 },
                ]);
                const range: RangeByScore = { type: "byScore", start: { value: 3 }, end: HIGHEST };
                assert.equal(await client.zrangeStore(byScore, source, range), 3);
                assert.deepEqual(await client.zrange(byScore, { start: 0, end: -1 }), ["three", "four", "five"]);
                const lex: RangeByLex = { type: "byLex", start: LOWEST, end: { value: "b" } };
                assert.equal(await client.zrangeStore(byLex, lexSource, lex), 2);
                assert.deepEqual(await client.zrange(byLex, { start: 0, end: -1 }), ["a", "b"]);
            });

            it("reverse and limit", async () => {
                const [source, destination] = keysInOneSlot(2);
                await numbers(source);
                const range: RangeByScore = {
                    type: "byScore",
                    start: HIGHEST,
                    end: LOWEST,
                    limit: { offset: 1, count: 2 },
                };
                assert.equal(await client.zrangeStore(destination, source, range, true), 2);
                assert.deepEqual(await client.zrange(destination, { start: 0, end: -1 }), ["three", "four"]);
            });

            it("an empty range empties the destination", async () => {
                const [source, destination] = keysInOneSlot(2);
                await client.zadd(destination, { old: 1 });
                assert.equal(await client.zrangeStore(destination, source, { start: 0, end: -1 }), 0);
                assert.equal(await client.exists([destination]), 0);
            });
        });

        describe("zcount, zlexcount", () => {
            it("zcount counts the scores in a range", async () => {
                const key = await numbers();
                assert.equal(await client.zcount(key, { value: 2 }, { value: 4 }), 3);
                assert.equal(await client.zcount(key, { value: 2, isInclusive: false }, HIGHEST), 3);
                assert.equal(await client.zcount(key, LOWEST, HIGHEST), 5);
                assert.equal(await client.zcount(key, { value: 6 }, HIGHEST), 0);
                assert.equal(await client.zcount(uniqueKey(), LOWEST, { value: 1 }), 0);
            });

            it("zlexcount counts the members in a lex range", async () => {
                const key = await letters();
                assert.equal(await client.zlexcount(key, { value: "b" }, { value: "d" }), 3);
                assert.equal(await client.zlexcount(key, { value: "b", isInclusive: false }, HIGHEST), 3);
                assert.equal(await client.zlexcount(key, LOWEST, { value: "c", isInclusive: false }), 2);
                assert.equal(await client.zlexcount(uniqueKey(), LOWEST, HIGHEST), 0);
            });
        });

        describe("zremRangeByRank, zremRangeByScore, zremRangeByLex", () => {
            it("zremRangeByRank removes a rank range", async () => {
                const key = await numbers();
                assert.equal(await client.zremRangeByRank(key, 0, 1), 2);
                assert.equal(await client.zremRangeByRank(key, -1, -1), 1);
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }), ["three", "four"]);
                assert.equal(await client.zremRangeByRank(uniqueKey(), 0, -1), 0);
            });

            it("zremRangeByScore removes a score range", async () => {
                const key = await numbers();
                await client.zadd(key, { top: Infinity });
                assert.equal(await client.zremRangeByScore(key, { value: 4, isInclusive: false }, HIGHEST), 2);
                assert.equal(await client.zremRangeByScore(key, LOWEST, { value: 2 }), 2);
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }), ["three", "four"]);
                assert.equal(await client.zremRangeByScore(uniqueKey(), { value: 0 }, { value: 1 }), 0);
            });

            it("zremRangeByLex removes a lex range", async () => {
                const key = await letters();
                assert.equal(await client.zremRangeByLex(key, { value: "b" }, { value: "d", isInclusive: false }), 2);
                assert.equal(await client.zremRangeByLex(key, { value: "d", isInclusive: false }, HIGHEST), 1);
                assert.deepEqual(await client.zrange(key, { start: 0, end: -1 }), ["a", "d"]);
                assert.equal(await client.zremRangeByLex(uniqueKey(), LOWEST, HIGHEST), 0);
            });
        });

        it("every range command rejects a key of another type", async () => {
            const key = await stringKey();
            await rejectsWrongType(client.zrange(key, { start: 0, end: -1 }));
            await rejectsWrongType(client.zrangeWithScores(key, ALL_SCORES));
            const [destination, source] = keysInOneSlot(2);
            await client.set(source, "v");
            await rejectsWrongType(client.zrangeStore(destination, source, { start: 0, end: -1 }));
            await rejectsWrongType(client.zcount(key, LOWEST, HIGHEST));
            await rejectsWrongType(client.zlexcount(key, LOWEST, HIGHEST));
            await rejectsWrongType(client.zremRangeByRank(key, 0, -1));
            await rejectsWrongType(client.zremRangeByScore(key, LOWEST, HIGHEST));
            await rejectsWrongType(client.zremRangeByLex(key, LOWEST, HIGHEST));
        });
    });
}
