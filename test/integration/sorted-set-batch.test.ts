/**
 * Every sorted-set command in a batch (transaction and pipeline): replies converted as GLIDE's batches
 * convert them (member/score lists as { key, value } entries, where the client methods give { element, score }).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ConditionalChange, Decoder, InfBoundary, RequestError, ScoreFilter } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, type TestClient } from "../helpers/clients";
import { BINARY, suiteClients } from "../helpers/family";

for (const kind of CLIENT_KINDS) {
    describe(`sorted-set commands in a batch (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        for (const atomic of [true, false]) {
            it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                const [key, other, single, destination, missing, lex] = keysInOneSlot(6);
                const batch = kind
                    .newBatch(atomic)
                    .zadd(key, { a: 1, b: 2, c: 3 })
                    .zadd(other, [
                        { element: "b", score: 10 },
                        { element: "d", score: "+inf" },
                    ])
                    .zadd(single, { only: -Infinity })
                    .zadd(lex, { x: 0, y: 0, z: 0 })
                    .zaddIncr(key, "a", 0.5)
                    .zaddIncr(key, "a", 1, { conditionalChange: ConditionalChange.ONLY_IF_DOES_NOT_EXIST })
                    .zincrby(key, 1, "c")
                    .zcard(key)
                    .zscore(key, "a")
                    .zscore(other, "d")
                    .zmscore(key, ["b", "nope"])
                    .zrank(key, "b")
                    .zrankWithScore(key, "c")
                    .zrevrank(key, "c")
                    .zrevrankWithScore(other, "d")
                    .zcount(key, { value: 1.5, isInclusive: false }, InfBoundary.PositiveInfinity)
                    .zlexcount(lex, { value: "y" }, InfBoundary.PositiveInfinity)
                    .zrange(key, { start: 0, end: -1 })
                    .zrange(key, { start: 0, end: 0 }, true)
                    .zrange(lex, { type: "byLex", start: InfBoundary.NegativeInfinity, end: { value: "y" } })
                    .zrangeWithScores(key, { type: "byScore", start: { value: 2 }, end: InfBoundary.PositiveInfinity })
                    .zrangeStore(destination, key, { start: 0, end: 1 })
                    .zrandmember(single)
                    .zrandmemberWithCount(single, 1)
                    .zrandmemberWithCountWithScores(single, 1)
                    .zdiff([key, other])
                    .zdiffWithScores([other, key])
                    .zdiffstore(destination, [key, other])
                    .zinter([key, other])
                    .zinterWithScores([key, other])
                    .zinterstore(destination, [key, other], { aggregationType: "MAX" })
                    .zintercard([key, other])
                    .zunion([key, other])
                    .zunionWithScores(
                        [
                            [key, 2],
                            [other, 1],
                        ],
                        { aggregationType: "MIN" },
                    )
                    .zunionstore(destination, [key, other])
                    .zscan(single, "0")
                    .zpopmin(other)
                    .zpopmax(key, 2)
                    .bzpopmin([missing, key], 1)
                    .bzpopmax([missing], 0.1)
                    .zadd(key, { m: 1, n: 2 })
                    .zmpop([missing, key], ScoreFilter.MAX)
                    .bzmpop([missing, key], ScoreFilter.MIN, 1, 5)
                    .zmpop([missing], ScoreFilter.MIN)
                    .zadd(key, { p: 1, q: 2, r: 3 })
                    .zremRangeByRank(key, 0, 0)
                    .zremRangeByScore(key, { value: 2, isInclusive: false }, InfBoundary.PositiveInfinity)
                    .zremRangeByLex(lex, InfBoundary.NegativeInfinity, { value: "y", isInclusive: false })
                    .zrem(key, ["q", "nope"]);
                assert.deepEqual(await client.exec(batch, true), [
                    3,
                    2,
                    1,
                    3,
                    1.5,
                    null,
                    4,
                    3,
                    1.5,
                    Infinity,
                    [2, null],
                    1,
                    [2, 4],
                    0,
                    [0, Infinity],
                    2,
                    2,
                    ["a", "b", "c"],
                    ["c"],
                    ["x", "y"],
                    [
                        { key: "b", value: 2 },
                        { key: "c", value: 4 },
                    ],
                    2,
                    "only",
                    ["only"],
                    [["only", -Infinity]],
                    ["a", "c"],
                    [{ key: "d", value: Infinity }],
                    2,
                    ["b"],
                    [{ key: "b", value: 12 }],
                    1,
                    1,
                    ["a", "c", "b", "d"],
                    [
                        { key: "a", value: 3 },
                        { key: "b", value: 4 },
                        { key: "c", value: 8 },
                        { key: "d", value: Infinity },
                    ],
                    4,
                    ["0", ["only", "-inf"]],
                    [{ key: "b", value: 10 }],
                    [
                        { key: "c", value: 4 },
                        { key: "b", value: 2 },
                    ],
                    [key, "a", 1.5],
                    null,
                    2,
                    [key, [{ key: "n", value: 2 }]],
                    [key, [{ key: "m", value: 1 }]],
                    null,
                    3,
                    1,
                    1,
                    1,
                    1,
                ]);
            });
        }

        it("returns Buffers with Decoder.Bytes", async () => {
            const [key, other] = keysInOneSlot(2);
            const batch = kind
                .newBatch(false)
                .zadd(key, [
                    { element: BINARY, score: 1 },
                    { element: "t", score: 2 },
                ])
                .zadd(other, [{ element: BINARY, score: 5 }])
                .zrange(key, { start: 0, end: -1 })
                .zrangeWithScores(key, { start: 0, end: 0 })
                .zinter([key, other])
                .zpopmin(key)
                .zmpop([key], ScoreFilter.MIN)
                .zscore(other, BINARY);
            assert.deepEqual(await client.exec(batch, true, { decoder: Decoder.Bytes }), [
                2,
                1,
                [BINARY, Buffer.from("t")],
                [{ key: BINARY, value: 1 }],
                [BINARY],
                [{ key: BINARY, value: 1 }],
                [Buffer.from(key), [{ key: Buffer.from("t"), value: 2 }]],
                5,
            ]);
        });

        it("takes GLIDE's batch forms: a bare `reverse` boolean and a bare `count`", async () => {
            const [key, destination] = keysInOneSlot(2);
            // GLIDE's Batch declares zrange(key, range, reverse?) and zpopmin(key, count?).
            const loose = kind.newBatch(true).zadd(key, { a: 1, b: 2, c: 3 }) as unknown as {
                zrange(key: string, range: object, reverse: boolean): typeof loose;
                zrangeWithScores(key: string, range: object, reverse: boolean): typeof loose;
                zpopmin(key: string, count: number): typeof loose;
                zmpop(keys: string[], modifier: ScoreFilter, count: number): typeof loose;
                zrangeStore(destination: string, source: string, range: object, reverse: boolean): typeof loose;
            };
            loose
                .zrange(key, { start: 0, end: 0 }, true)
                .zrangeWithScores(key, { start: 0, end: 0 }, true)
                .zrangeStore(destination, key, { start: 0, end: 0 }, true)
                .zpopmin(key, 2)
                .zmpop([key], ScoreFilter.MIN, 5);
            assert.deepEqual(await client.exec(loose as unknown as ReturnType<typeof kind.newBatch>, true), [
                3,
                ["c"],
                [{ key: "c", value: 3 }],
                1,
                [
                    { key: "a", value: 1 },
                    { key: "b", value: 2 },
                ],
                [key, [{ key: "c", value: 3 }]],
            ]);
        });

        it("a server error stays in its slot when raiseOnError is false", async () => {
            const [text, key] = keysInOneSlot(2);
            await client.set(text, "v");
            const batch = kind.newBatch(false).zcard(text).zadd(key, { a: 1 }).zscore(key, "a");
            const [error, added, score] = (await client.exec(batch, false)) as [unknown, number, number];
            assert.ok(error instanceof RequestError);
            assert.match(error.message, /^WRONGTYPE/);
            assert.deepEqual([added, score], [1, 1]);
        });
    });
}
