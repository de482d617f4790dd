/** List commands against a real server, for every client kind and protocol. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, InsertPosition, ListDirection, TimeoutError } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, binaryKey, OTHER_BINARY, rejectsWithPrefix, stringKey, suiteClients } from "../helpers/family";
import { sleep } from "../helpers/wait";

for (const kind of CLIENT_KINDS) {
    describe(`list commands (${kind.name})`, () => {
        let client: TestClient;
        /** A second client, to push while `client` is blocked. */
        let pusher: TestClient;

        suiteClients(kind, 2, (created) => ([client, pusher] = created));

        async function listOf(key: string, elements: string[]): Promise<string> {
            assert.equal(await client.rpush(key, elements), elements.length);
            return key;
        }

        describe("lpush / rpush", () => {
            it("return the new length and push at their end, in argument order", async () => {
                const key = uniqueKey();
                assert.equal(await client.lpush(key, ["b", "a"]), 2);
                assert.deepEqual(await client.lrange(key, 0, -1), ["a", "b"]);
                assert.equal(await client.rpush(key, ["c", "d"]), 4);
                assert.equal(await client.lpush(key, ["z"]), 5);
                assert.deepEqual(await client.lrange(key, 0, -1), ["z", "a", "b", "c", "d"]);
            });

            it("are binary-safe", async () => {
                const key = binaryKey();
                assert.equal(await client.rpush(key, [BINARY]), 1);
                assert.equal(await client.lpush(key, [OTHER_BINARY]), 2);
                assert.deepEqual(await client.lrange(key, 0, -1, { decoder: Decoder.Bytes }), [OTHER_BINARY, BINARY]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.lpush(key, ["a"]), "WRONGTYPE");
                await rejectsWithPrefix(client.rpush(key, ["a"]), "WRONGTYPE");
            });
        });

        describe("lpushx / rpushx", () => {
            it("push only onto an existing list", async () => {
                const key = uniqueKey();
                assert.equal(await client.lpushx(key, ["a"]), 0);
                assert.equal(await client.rpushx(key, ["a"]), 0);
                assert.equal(await client.exists([key]), 0);
                await listOf(key, ["m"]);
                assert.equal(await client.lpushx(key, ["l1", "l2"]), 3);
                assert.equal(await client.rpushx(key, ["r"]), 4);
                assert.deepEqual(await client.lrange(key, 0, -1), ["l2", "l1", "m", "r"]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.lpushx(key, ["a"]), "WRONGTYPE");
                await rejectsWithPrefix(client.rpushx(key, ["a"]), "WRONGTYPE");
            });
        });

        describe("lpop / rpop", () => {
            it("remove and return the end element, or null for a missing key", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c"]);
                assert.equal(await client.lpop(key), "a");
                assert.equal(await client.rpop(key), "c");
                assert.equal(await client.rpop(key), "b");
                assert.equal(await client.lpop(key), null);
                assert.equal(await client.rpop(key), null);
                assert.equal(await client.exists([key]), 0);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.rpush(key, [BINARY, OTHER_BINARY]);
                assert.deepEqual(await client.lpop(key, { decoder: Decoder.Bytes }), BINARY);
                assert.deepEqual(await client.rpop(key, { decoder: Decoder.Bytes }), OTHER_BINARY);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.lpop(key), "WRONGTYPE");
                await rejectsWithPrefix(client.rpop(key), "WRONGTYPE");
            });
        });

        describe("lpopCount / rpopCount", () => {
            it("pop up to count elements, or null for a missing key", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c", "d", "e"]);
                assert.deepEqual(await client.lpopCount(key, 2), ["a", "b"]);
                assert.deepEqual(await client.rpopCount(key, 2), ["e", "d"]);
                assert.deepEqual(await client.lpopCount(key, 10), ["c"]);
                assert.equal(await client.lpopCount(key, 2), null);
                assert.equal(await client.rpopCount(key, 2), null);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.rpush(key, [BINARY, OTHER_BINARY, BINARY]);
                assert.deepEqual(await client.rpopCount(key, 1, { decoder: Decoder.Bytes }), [BINARY]);
                assert.deepEqual(await client.lpopCount(key, 2, { decoder: Decoder.Bytes }), [BINARY, OTHER_BINARY]);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.lpopCount(key, 1), "WRONGTYPE");
                await rejectsWithPrefix(client.rpopCount(key, 1), "WRONGTYPE");
            });
        });

        describe("lrange", () => {
            it("returns the inclusive range, negative indexes counting from the tail", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c", "d"]);
                assert.deepEqual(await client.lrange(key, 1, 2), ["b", "c"]);
                assert.deepEqual(await client.lrange(key, -2, -1), ["c", "d"]);
                assert.deepEqual(await client.lrange(key, 0, 100), ["a", "b", "c", "d"]);
                assert.deepEqual(await client.lrange(key, 5, 10), []);
                assert.deepEqual(await client.lrange(key, 2, 1), []);
            });

            it("returns an empty array for a missing key", async () => {
                assert.deepEqual(await client.lrange(uniqueKey(), 0, -1), []);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.lrange(await stringKey(client), 0, -1), "WRONGTYPE");
            });
        });

        describe("lindex", () => {
            it("returns the element at the index, or null out of range or for a missing key", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c"]);
                assert.equal(await client.lindex(key, 0), "a");
                assert.equal(await client.lindex(key, -1), "c");
                assert.equal(await client.lindex(key, 3), null);
                assert.equal(await client.lindex(uniqueKey(), 0), null);
            });

            it("returns a Buffer with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.rpush(key, [BINARY]);
                assert.deepEqual(await client.lindex(key, 0, { decoder: Decoder.Bytes }), BINARY);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.lindex(await stringKey(client), 0), "WRONGTYPE");
            });
        });

        describe("linsert", () => {
            it("inserts before or after the pivot and returns the new length", async () => {
                const key = await listOf(uniqueKey(), ["a", "c"]);
                assert.equal(await client.linsert(key, InsertPosition.Before, "c", "b"), 3);
                assert.equal(await client.linsert(key, InsertPosition.After, "c", "d"), 4);
                assert.deepEqual(await client.lrange(key, 0, -1), ["a", "b", "c", "d"]);
            });

            it("returns -1 for a missing pivot and 0 for a missing key", async () => {
                const key = await listOf(uniqueKey(), ["a"]);
                assert.equal(await client.linsert(key, InsertPosition.After, "nope", "x"), -1);
                assert.equal(await client.linsert(uniqueKey(), InsertPosition.Before, "a", "x"), 0);
            });

            it("is binary-safe", async () => {
                const key = binaryKey();
                await client.rpush(key, [BINARY]);
                assert.equal(await client.linsert(key, InsertPosition.Before, BINARY, OTHER_BINARY), 2);
                assert.deepEqual(await client.lrange(key, 0, -1, { decoder: Decoder.Bytes }), [OTHER_BINARY, BINARY]);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.linsert(await stringKey(client), InsertPosition.After, "a", "b"), "WRONGTYPE");
            });
        });

        describe("llen", () => {
            it("returns the length, 0 for a missing key", async () => {
                assert.equal(await client.llen(await listOf(uniqueKey(), ["a", "b", "c"])), 3);
                assert.equal(await client.llen(uniqueKey()), 0);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.llen(await stringKey(client)), "WRONGTYPE");
            });
        });

        describe("lrem", () => {
            it("removes from the head (count > 0), the tail (count < 0) or everywhere (0)", async () => {
                const key = await listOf(uniqueKey(), ["x", "a", "x", "b", "x", "c", "x"]);
                assert.equal(await client.lrem(key, 1, "x"), 1);
                assert.deepEqual(await client.lrange(key, 0, -1), ["a", "x", "b", "x", "c", "x"]);
                assert.equal(await client.lrem(key, -1, "x"), 1);
                assert.deepEqual(await client.lrange(key, 0, -1), ["a", "x", "b", "x", "c"]);
                assert.equal(await client.lrem(key, 0, "x"), 2);
                assert.deepEqual(await client.lrange(key, 0, -1), ["a", "b", "c"]);
                assert.equal(await client.lrem(key, 0, "x"), 0);
            });

            it("returns 0 for a missing key", async () => {
                assert.equal(await client.lrem(uniqueKey(), 0, "x"), 0);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.lrem(await stringKey(client), 0, "x"), "WRONGTYPE");
            });
        });

        describe("lset", () => {
            it("replaces the element at the index", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c"]);
                assert.equal(await client.lset(key, 1, "B"), "OK");
                assert.equal(await client.lset(key, -1, "C"), "OK");
                assert.deepEqual(await client.lrange(key, 0, -1), ["a", "B", "C"]);
            });

            it("rejects a missing key and an index out of range", async () => {
                await rejectsWithPrefix(client.lset(uniqueKey(), 0, "a"), "An error was signalled by the server: - ResponseError: no such key");
                const key = await listOf(uniqueKey(), ["a"]);
                await rejectsWithPrefix(client.lset(key, 5, "b"), "An error was signalled by the server: - ResponseError: index out of range");
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.lset(await stringKey(client), 0, "a"), "WRONGTYPE");
            });
        });

        describe("ltrim", () => {
            it("keeps only the range; an empty range deletes the key", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c", "d"]);
                assert.equal(await client.ltrim(key, 1, -2), "OK");
                assert.deepEqual(await client.lrange(key, 0, -1), ["b", "c"]);
                assert.equal(await client.ltrim(key, 5, 10), "OK");
                assert.equal(await client.exists([key]), 0);
                assert.equal(await client.ltrim(uniqueKey(), 0, 1), "OK");
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.ltrim(await stringKey(client), 0, 1), "WRONGTYPE");
            });
        });

        describe("lpos", () => {
            it("returns the first index, or null when absent or for a missing key", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c", "b", "d", "b"]);
                assert.equal(await client.lpos(key, "b"), 1);
                assert.equal(await client.lpos(key, "z"), null);
                assert.equal(await client.lpos(uniqueKey(), "b"), null);
            });

            it("honours rank, count and maxLength", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c", "b", "d", "b"]);
                assert.equal(await client.lpos(key, "b", { rank: 2 }), 3);
                assert.equal(await client.lpos(key, "b", { rank: -1 }), 5);
                assert.deepEqual(await client.lpos(key, "b", { count: 2 }), [1, 3]);
                assert.deepEqual(await client.lpos(key, "b", { count: 0 }), [1, 3, 5]);
                assert.deepEqual(await client.lpos(key, "b", { count: 0, rank: -1 }), [5, 3, 1]);
                assert.deepEqual(await client.lpos(key, "b", { count: 0, maxLength: 4 }), [1, 3]);
                assert.equal(await client.lpos(key, "d", { maxLength: 4 }), null);
                assert.deepEqual(await client.lpos(key, "z", { count: 2 }), []);
                assert.deepEqual(await client.lpos(uniqueKey(), "z", { count: 2 }), []);
            });

            it("rejects rank 0 and a key of another type", async () => {
                const key = await listOf(uniqueKey(), ["a"]);
                await rejectsWithPrefix(client.lpos(key, "a", { rank: 0 }), "An error was signalled by the server: - ResponseError: RANK can't be zero");
                await rejectsWithPrefix(client.lpos(await stringKey(client), "a"), "WRONGTYPE");
            });
        });

        describe("lmove", () => {
            it("moves between the chosen ends and returns the element", async () => {
                const [source, destination] = keysInOneSlot(2);
                await listOf(source, ["a", "b", "c"]);
                await listOf(destination, ["x"]);
                assert.equal(await client.lmove(source, destination, ListDirection.LEFT, ListDirection.RIGHT), "a");
                assert.equal(await client.lmove(source, destination, ListDirection.RIGHT, ListDirection.LEFT), "c");
                assert.deepEqual(await client.lrange(source, 0, -1), ["b"]);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["c", "x", "a"]);
            });

            it("rotates a list onto itself", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c"]);
                assert.equal(await client.lmove(key, key, ListDirection.LEFT, ListDirection.RIGHT), "a");
                assert.deepEqual(await client.lrange(key, 0, -1), ["b", "c", "a"]);
            });

            it("returns null for a missing source and creates nothing", async () => {
                const [source, destination] = keysInOneSlot(2);
                assert.equal(await client.lmove(source, destination, ListDirection.LEFT, ListDirection.LEFT), null);
                assert.equal(await client.exists([destination]), 0);
            });

            it("returns a Buffer with Decoder.Bytes", async () => {
                const [source, destination] = keysInOneSlot(2);
                await client.rpush(source, [BINARY]);
                const moved = await client.lmove(source, destination, ListDirection.LEFT, ListDirection.LEFT, {
                    decoder: Decoder.Bytes,
                });
                assert.deepEqual(moved, BINARY);
            });

            it("rejects a destination of another type", async () => {
                const [source, destination] = keysInOneSlot(2);
                await listOf(source, ["a"]);
                await client.set(destination, "x");
                await rejectsWithPrefix(
                    client.lmove(source, destination, ListDirection.LEFT, ListDirection.LEFT),
                    "WRONGTYPE",
                );
                assert.deepEqual(await client.lrange(source, 0, -1), ["a"]);
            });
        });

        describe("lmpop", () => {
            it("pops from the first non-empty list, from either end", async () => {
                const [empty, first, second] = keysInOneSlot(3);
                await listOf(first, ["a", "b", "c"]);
                await listOf(second, ["z"]);
                assert.deepEqual(await client.lmpop([empty, first, second], ListDirection.LEFT), {
                    key: first,
                    elements: ["a"],
                });
                assert.deepEqual(await client.lmpop([empty, first, second], ListDirection.RIGHT, { count: 5 }), {
                    key: first,
                    elements: ["c", "b"],
                });
                assert.deepEqual(await client.lmpop([empty, first, second], ListDirection.LEFT, { count: 2 }), {
                    key: second,
                    elements: ["z"],
                });
            });

            it("ignores a bare count, as GLIDE's client does (only its Batch takes one)", async () => {
                const key = await listOf(uniqueKey(), ["a", "b", "c"]);
                const lmpop = client.lmpop as (...params: unknown[]) => ReturnType<typeof client.lmpop>;
                assert.deepEqual(await lmpop.call(client, [key], ListDirection.LEFT, 2), { key, elements: ["a"] });
            });

            it("returns null when every list is empty", async () => {
                assert.equal(await client.lmpop(keysInOneSlot(2), ListDirection.LEFT), null);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                await client.rpush(key, [BINARY, OTHER_BINARY]);
                assert.deepEqual(await client.lmpop([key], ListDirection.RIGHT, { count: 2, decoder: Decoder.Bytes }), {
                    key,
                    elements: [OTHER_BINARY, BINARY],
                });
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.lmpop([await stringKey(client)], ListDirection.LEFT), "WRONGTYPE");
            });
        });

        describe("blocking commands (blpop, brpop, blmove, blmpop)", () => {
            it("reply at once when an element is there", async () => {
                const [a, b, destination] = keysInOneSlot(3);
                await listOf(a, ["a1", "a2", "a3", "a4"]);
                await listOf(b, ["b1"]);
                assert.deepEqual(await client.blpop([destination, a], 1), [a, "a1"]);
                assert.deepEqual(await client.brpop([destination, a], 1), [a, "a4"]);
                assert.equal(await client.blmove(a, destination, ListDirection.LEFT, ListDirection.RIGHT, 1), "a2");
                assert.deepEqual(await client.blmpop([b, a], ListDirection.RIGHT, 1, { count: 3 }), {
                    key: b,
                    elements: ["b1"],
                });
                assert.deepEqual(await client.blmpop([b, a], ListDirection.LEFT, 1, { count: 3 }), { key: a, elements: ["a3"] });
                assert.deepEqual(await client.lrange(destination, 0, -1), ["a2"]);
            });

            it("return Buffers with Decoder.Bytes", async () => {
                const source = binaryKey();
                await client.rpush(source, [BINARY, OTHER_BINARY, BINARY, OTHER_BINARY]);
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.blpop([source], 1, bytes), [source, BINARY]);
                assert.deepEqual(await client.brpop([source], 1, bytes), [source, OTHER_BINARY]);
                assert.deepEqual(
                    await client.blmove(source, source, ListDirection.RIGHT, ListDirection.LEFT, 1, bytes),
                    BINARY,
                );
                assert.deepEqual(await client.blmpop([source], ListDirection.LEFT, 1, { count: 5, ...bytes }), {
                    key: source,
                    elements: [BINARY, OTHER_BINARY],
                });
            });

            it("do not hold up other commands on the same client", async () => {
                const [list, destination] = keysInOneSlot(2);
                const finished: string[] = [];
                const note = (name: string) => (reply: unknown) => {
                    finished.push(name);
                    return reply;
                };
                const blocked = [
                    client.blpop([list], 1).then(note("blpop")),
                    client.brpop([list], 1).then(note("brpop")),
                    client.blmove(list, destination, ListDirection.LEFT, ListDirection.LEFT, 1).then(note("blmove")),
                    client.blmpop([list], ListDirection.LEFT, 1).then(note("blmpop")),
                ];
                const key = uniqueKey();
                for (let i = 0; i < 20; i++) assert.equal(await client.rpush(key, [String(i)]), i + 1);
                assert.equal(await client.llen(key), 20);
                finished.push("ordinary");
                assert.deepEqual(await Promise.all(blocked), [null, null, null, null]);
                assert.equal(finished[0], "ordinary");
                assert.equal(finished.length, 5);
            });

            it("return null at their own timeout, even past the client's request timeout", async () => {
                // The test clients' requestTimeout is 2000 ms: these wait 2.2 s + grace without a TimeoutError.
                const [list, destination] = keysInOneSlot(2);
                const started = Date.now();
                const replies = await Promise.allSettled([
                    client.blpop([list], 2.2),
                    client.brpop([list], 2.2),
                    client.blmove(list, destination, ListDirection.RIGHT, ListDirection.LEFT, 2.2),
                    client.blmpop([list], ListDirection.RIGHT, 2.2, { count: 2 }),
                ]);
                const elapsed = Date.now() - started;
                for (const reply of replies) {
                    if (reply.status === "rejected") {
                        assert.ok(!(reply.reason instanceof TimeoutError), "a blocking call timed out client-side");
                        throw reply.reason;
                    }
                    assert.equal(reply.value, null);
                }
                assert.ok(elapsed >= 2100, `settled after ${elapsed} ms, before the server timeout`);
                assert.equal(await client.exists([destination]), 0);
            });

            it("receive an element another client pushes", async () => {
                const [first, second, third, fourth, destination] = keysInOneSlot(5);
                const waiting = Promise.all([
                    client.blpop([first], 5),
                    client.brpop([second], 5),
                    client.blmove(third, destination, ListDirection.LEFT, ListDirection.RIGHT, 5),
                    client.blmpop([fourth], ListDirection.LEFT, 5, { count: 10 }),
                ]);
                await sleep(100);
                assert.equal(await pusher.rpush(first, ["one"]), 1);
                assert.equal(await pusher.rpush(second, ["two"]), 1);
                assert.equal(await pusher.rpush(third, ["three"]), 1);
                assert.equal(await pusher.rpush(fourth, ["four", "five"]), 2);
                assert.deepEqual(await waiting, [
                    [first, "one"],
                    [second, "two"],
                    "three",
                    { key: fourth, elements: ["four", "five"] },
                ]);
                assert.deepEqual(await client.lrange(destination, 0, -1), ["three"]);
            });

            it("reject a key of another type", async () => {
                const [key, destination] = keysInOneSlot(2);
                await client.set(key, "x");
                await rejectsWithPrefix(client.blpop([key], 1), "WRONGTYPE");
                await rejectsWithPrefix(client.brpop([key], 1), "WRONGTYPE");
                await rejectsWithPrefix(
                    client.blmove(key, destination, ListDirection.LEFT, ListDirection.LEFT, 1),
                    "WRONGTYPE",
                );
                await rejectsWithPrefix(client.blmpop([key], ListDirection.LEFT, 1), "WRONGTYPE");
            });
        });

        describe("in a batch", () => {
            for (const atomic of [true, false]) {
                it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                    const [key, other, missing] = keysInOneSlot(3);
                    const batch = kind
                        .newBatch(atomic)
                        .rpush(key, ["a", "b", "c"])
                        .lpush(key, ["z"])
                        .rpushx(key, ["d"])
                        .lpushx(missing, ["x"])
                        .rpushx(missing, ["x"])
                        .lrange(key, 0, -1)
                        .llen(key)
                        .lindex(key, -1)
                        .linsert(key, InsertPosition.After, "a", "a2")
                        .lset(key, 0, "y")
                        .lpos(key, "b")
                        .lpos(key, "b", { count: 0 })
                        .lrem(key, 1, "a2")
                        .lpop(key)
                        .rpop(key)
                        .lpopCount(key, 1)
                        .rpopCount(missing, 1)
                        .lmove(key, other, ListDirection.LEFT, ListDirection.LEFT)
                        .lmpop([missing, key], ListDirection.LEFT)
                        .lmpop([missing], ListDirection.LEFT, 1)
                        .rpush(key, ["p", "q", "r", "s", "t"])
                        .blpop([key], 1)
                        .brpop([key], 1)
                        .blmove(key, other, ListDirection.RIGHT, ListDirection.RIGHT, 1)
                        .blmpop([key], ListDirection.LEFT, 1, 5)
                        .ltrim(other, 0, 0)
                        .lrange(other, 0, -1);
                    assert.deepEqual(await client.exec(batch, true), [
                        3,
                        4,
                        5,
                        0,
                        0,
                        ["z", "a", "b", "c", "d"],
                        5,
                        "d",
                        6,
                        "OK",
                        3,
                        [3],
                        1,
                        "y",
                        "d",
                        ["a"],
                        null,
                        "b",
                        // GLIDE's batches keep its core's shape for LMPOP/BLMPOP: a GlideRecord.
                        [{ key, value: ["c"] }],
                        null,
                        5,
                        [key, "p"],
                        [key, "t"],
                        "s",
                        [{ key, value: ["q", "r"] }],
                        "OK",
                        ["b"],
                    ]);
                });
            }

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = binaryKey();
                const batch = kind
                    .newBatch(false)
                    .rpush(key, [BINARY, OTHER_BINARY])
                    .lrange(key, 0, -1)
                    .lmpop([key], ListDirection.LEFT, 1);
                assert.deepEqual(await client.exec(batch, true, { decoder: Decoder.Bytes }), [
                    2,
                    [BINARY, OTHER_BINARY],
                    [{ key, value: [BINARY] }],
                ]);
            });
        });
    });
}
