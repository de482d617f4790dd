/** Stream entry commands (xadd, xdel, xlen, xtrim, xrange, xrevrange, xread) against a real server. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { Decoder, InfBoundary, TimeoutError } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, OTHER_BINARY, rejectsWithPrefix, stringKey, suiteClients } from "../helpers/family";
import { sleep } from "../helpers/wait";

const ALL = [InfBoundary.NegativeInfinity, InfBoundary.PositiveInfinity] as const;

for (const kind of CLIENT_KINDS) {
    describe(`stream entry commands (${kind.name})`, () => {
        let client: TestClient;
        /** A second client, to add entries while `client` is blocked. */
        let writer: TestClient;

        suiteClients(kind, 2, (created) => ([client, writer] = created));

        /** A stream with entries 1-0 … n-0, each holding field "f" = "v<i>". */
        async function streamOf(key: string, count: number): Promise<string> {
            for (let i = 1; i <= count; i++) assert.equal(await client.xadd(key, [["f", `v${i}`]], { id: `${i}-0` }), `${i}-0`);
            return key;
        }

        describe("xadd", () => {
            it("adds an entry under the given id or one the server generates", async () => {
                const key = uniqueKey();
                assert.equal(
                    await client.xadd(key, [
                        ["name", "Ada"],
                        ["lang", "en"],
                    ], { id: "5-1" }),
                    "5-1",
                );
                assert.equal(await client.xadd(key, [["a", "b"]], { id: "5-*" }), "5-2");
                const generated = await client.xadd(key, [["name", "Bob"]]);
                assert.equal(typeof generated, "string");
                assert.match(generated as string, /^\d+-\d+$/);
                assert.deepEqual(await client.xrange(key, ...ALL), {
                    "5-1": [
                        ["name", "Ada"],
                        ["lang", "en"],
                    ],
                    "5-2": [["a", "b"]],
                    [generated as string]: [["name", "Bob"]],
                });
            });

            it("with makeStream: false, adds nothing to a missing stream and replies null", async () => {
                const key = uniqueKey();
                assert.equal(await client.xadd(key, [["f", "v"]], { makeStream: false }), null);
                assert.equal(await client.exists([key]), 0);
                await streamOf(key, 1);
                assert.equal(await client.xadd(key, [["f", "v"]], { makeStream: false, id: "2-0" }), "2-0");
                assert.equal(await client.xlen(key), 2);
            });

            it("trims as it adds (MAXLEN and MINID, exact)", async () => {
                const key = await streamOf(uniqueKey(), 3);
                assert.equal(
                    await client.xadd(key, [["f", "v4"]], { id: "4-0", trim: { method: "maxlen", threshold: 2, exact: true } }),
                    "4-0",
                );
                assert.deepEqual(Object.keys((await client.xrange(key, ...ALL))!), ["3-0", "4-0"]);
                assert.equal(
                    await client.xadd(key, [["f", "v5"]], { id: "5-0", trim: { method: "minid", threshold: "5", exact: true } }),
                    "5-0",
                );
                assert.deepEqual(await client.xrange(key, ...ALL), { "5-0": [["f", "v5"]] });
            });

            it("trims nearly (~) with a LIMIT: whole nodes only, so a small stream keeps its entries", async () => {
                const key = await streamOf(uniqueKey(), 3);
                const trim = { method: "maxlen", threshold: 1, exact: false, limit: 10 } as const;
                assert.equal(await client.xadd(key, [["f", "v4"]], { id: "4-0", trim }), "4-0");
                assert.equal(await client.xlen(key), 4);
            });

            it("rejects an id not greater than the last one, and LIMIT with exact trimming", async () => {
                const key = await streamOf(uniqueKey(), 2);
                await rejectsWithPrefix(client.xadd(key, [["f", "v"]], { id: "2-0" }), "An error was signalled by the server: - ResponseError: The ID specified in XADD");
                await rejectsWithPrefix(
                    client.xadd(key, [["f", "v"]], { trim: { method: "maxlen", threshold: 1, exact: true, limit: 5 } }),
                    "An error was signalled by the server: - ResponseError: syntax error, LIMIT cannot be used without the special ~ option",
                );
                assert.equal(await client.xlen(key), 2);
            });

            it("is binary-safe and returns the id as a Buffer with Decoder.Bytes", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                assert.deepEqual(
                    await client.xadd(key, [[BINARY, OTHER_BINARY]], { id: "7-7", decoder: Decoder.Bytes }),
                    Buffer.from("7-7"),
                );
                assert.deepEqual(await client.xrange(key, ...ALL, { decoder: Decoder.Bytes }), { "7-7": [[BINARY, OTHER_BINARY]] });
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.xadd(await stringKey(client), [["f", "v"]]), "WRONGTYPE");
            });
        });

        describe("xdel / xlen", () => {
            it("delete the given entries and count what is left", async () => {
                const key = await streamOf(uniqueKey(), 4);
                assert.equal(await client.xlen(key), 4);
                assert.equal(await client.xdel(key, ["1-0", "3-0", "9-0"]), 2);
                assert.equal(await client.xlen(key), 2);
                assert.deepEqual(Object.keys((await client.xrange(key, ...ALL))!), ["2-0", "4-0"]);
                assert.equal(await client.xdel(key, ["1-0"]), 0);
            });

            it("treat a missing key as an empty stream", async () => {
                const key = uniqueKey();
                assert.equal(await client.xlen(key), 0);
                assert.equal(await client.xdel(key, ["1-0"]), 0);
            });

            it("reject a key of another type", async () => {
                const key = await stringKey(client);
                await rejectsWithPrefix(client.xlen(key), "WRONGTYPE");
                await rejectsWithPrefix(client.xdel(key, ["1-0"]), "WRONGTYPE");
            });
        });

        describe("xtrim", () => {
            it("trims exactly by MAXLEN and by MINID, replying how many entries went", async () => {
                const key = await streamOf(uniqueKey(), 6);
                assert.equal(await client.xtrim(key, { method: "maxlen", threshold: 4, exact: true }), 2);
                assert.deepEqual(Object.keys((await client.xrange(key, ...ALL))!), ["3-0", "4-0", "5-0", "6-0"]);
                assert.equal(await client.xtrim(key, { method: "minid", threshold: "5-0", exact: true }), 2);
                assert.deepEqual(Object.keys((await client.xrange(key, ...ALL))!), ["5-0", "6-0"]);
                assert.equal(await client.xtrim(key, { method: "maxlen", threshold: 5, exact: true }), 0);
            });

            it("trims nearly (~): whole nodes only, so nothing from a small stream", async () => {
                const key = await streamOf(uniqueKey(), 5);
                assert.equal(await client.xtrim(key, { method: "maxlen", threshold: 1, exact: false }), 0);
                assert.equal(await client.xtrim(key, { method: "minid", threshold: "4", exact: false, limit: 100 }), 0);
                assert.equal(await client.xlen(key), 5);
            });

            it("replies 0 for a missing key and rejects a key of another type", async () => {
                assert.equal(await client.xtrim(uniqueKey(), { method: "maxlen", threshold: 0, exact: true }), 0);
                await rejectsWithPrefix(client.xtrim(await stringKey(client), { method: "maxlen", threshold: 0, exact: true }), "WRONGTYPE");
            });
        });

        describe("xrange / xrevrange", () => {
            it("return entries by id in order: ids as keys, [field, value] pairs", async () => {
                const key = uniqueKey();
                await client.xadd(key, [["a", "1"], ["b", "2"]], { id: "1-1" });
                await client.xadd(key, [["c", "3"]], { id: "2-0" });
                await client.xadd(key, [["d", "4"]], { id: "10-0" });
                const expected = { "1-1": [["a", "1"], ["b", "2"]], "2-0": [["c", "3"]], "10-0": [["d", "4"]] };
                const ascending = await client.xrange(key, InfBoundary.NegativeInfinity, InfBoundary.PositiveInfinity);
                assert.deepEqual(ascending, expected);
                assert.deepEqual(Object.keys(ascending!), ["1-1", "2-0", "10-0"]);
                const descending = await client.xrevrange(key, InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity);
                assert.deepEqual(descending, expected);
                assert.deepEqual(Object.keys(descending!), ["10-0", "2-0", "1-1"]);
            });

            it("honour inclusive and exclusive ends", async () => {
                const key = await streamOf(uniqueKey(), 5);
                assert.deepEqual(Object.keys((await client.xrange(key, { value: "2-0" }, { value: "4-0" }))!), ["2-0", "3-0", "4-0"]);
                assert.deepEqual(
                    Object.keys((await client.xrange(key, { value: "2-0", isInclusive: false }, { value: "4-0", isInclusive: false }))!),
                    ["3-0"],
                );
                assert.deepEqual(
                    Object.keys((await client.xrevrange(key, { value: "5-0", isInclusive: false }, { value: "3" }))!),
                    ["4-0", "3-0"],
                );
                assert.deepEqual(await client.xrange(key, { value: "4-0" }, { value: "2-0" }), {});
            });

            it("limit with count (options or a bare count), null when count is not positive", async () => {
                const key = await streamOf(uniqueKey(), 5);
                assert.deepEqual(await client.xrange(key, ...ALL, { count: 2 }), { "1-0": [["f", "v1"]], "2-0": [["f", "v2"]] });
                assert.deepEqual(await client.xrevrange(key, InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity, 1), {
                    "5-0": [["f", "v5"]],
                });
                assert.equal(await client.xrange(key, ...ALL, { count: 0 }), null);
                assert.equal(await client.xrevrange(key, InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity, { count: -1 }), null);
            });

            it("reply {} for a missing key and reject a key of another type", async () => {
                assert.deepEqual(await client.xrange(uniqueKey(), ...ALL), {});
                assert.deepEqual(await client.xrevrange(uniqueKey(), InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity), {});
                const key = await stringKey(client);
                await rejectsWithPrefix(client.xrange(key, ...ALL), "WRONGTYPE");
                await rejectsWithPrefix(client.xrevrange(key, InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity), "WRONGTYPE");
            });

            it("return Buffers with Decoder.Bytes (ids stay the record's keys)", async () => {
                const key = uniqueKey();
                await client.xadd(key, [[BINARY, OTHER_BINARY], [OTHER_BINARY, BINARY]], { id: "3-3" });
                const bytes = { decoder: Decoder.Bytes };
                assert.deepEqual(await client.xrevrange(key, InfBoundary.PositiveInfinity, InfBoundary.NegativeInfinity, bytes), {
                    "3-3": [
                        [BINARY, OTHER_BINARY],
                        [OTHER_BINARY, BINARY],
                    ],
                });
            });
        });

        describe("xread", () => {
            it("reads every stream after its id, as a GlideRecord in argument order", async () => {
                const [first, second, missing] = keysInOneSlot(3);
                await streamOf(first, 3);
                await streamOf(second, 1);
                assert.deepEqual(await client.xread({ [second]: "0-0", [missing]: "0-0", [first]: "1-0" }), [
                    { key: second, value: { "1-0": [["f", "v1"]] } },
                    { key: first, value: { "2-0": [["f", "v2"]], "3-0": [["f", "v3"]] } },
                ]);
                assert.deepEqual(
                    await client.xread([
                        { key: first, value: "2-0" },
                        { key: second, value: "0" },
                    ], { count: 1 }),
                    [
                        { key: first, value: { "3-0": [["f", "v3"]] } },
                        { key: second, value: { "1-0": [["f", "v1"]] } },
                    ],
                );
            });

            it("replies null when no stream has newer entries", async () => {
                const [first, missing] = keysInOneSlot(2);
                await streamOf(first, 2);
                assert.equal(await client.xread({ [first]: "2-0" }), null);
                assert.equal(await client.xread({ [missing]: "0-0" }), null);
            });

            it("returns Buffers with Decoder.Bytes", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
                await client.xadd(key, [[BINARY, OTHER_BINARY]], { id: "1-0" });
                assert.deepEqual(await client.xread([{ key, value: "0-0" }], { decoder: Decoder.Bytes }), [
                    { key, value: { "1-0": [[BINARY, OTHER_BINARY]] } },
                ]);
            });

            it("rejects a key of another type and a bad id", async () => {
                await rejectsWithPrefix(client.xread({ [await stringKey(client)]: "0-0" }), "WRONGTYPE");
                await rejectsWithPrefix(client.xread({ [uniqueKey()]: "not-an-id" }), "An error was signalled by the server: - ResponseError: Invalid stream ID");
            });

            it("with block, waits for an entry another client adds", async () => {
                const [key, other] = keysInOneSlot(2);
                await streamOf(other, 1);
                const waiting = client.xread({ [key]: "$", [other]: "$" }, { block: 5000 });
                await sleep(100);
                assert.equal(await writer.xadd(key, [["new", "entry"]], { id: "42-0" }), "42-0");
                assert.deepEqual(await waiting, [{ key, value: { "42-0": [["new", "entry"]] } }]);
            });

            it("with block: 0, waits as long as it takes", async () => {
                const key = uniqueKey();
                const waiting = client.xread({ [key]: "$" }, { block: 0, count: 1 });
                // Longer than the client's request timeout (2000 ms): block 0 has no client-side limit.
                await sleep(2300);
                await writer.xadd(key, [["late", "entry"]], { id: "1-0" });
                assert.deepEqual(await waiting, [{ key, value: { "1-0": [["late", "entry"]] } }]);
            });

            it("with block, does not hold up other commands on the same client", async () => {
                const key = uniqueKey();
                const finished: string[] = [];
                const blocked = client.xread({ [key]: "$" }, { block: 1000 }).then((reply) => {
                    finished.push("xread");
                    return reply;
                });
                const other = await streamOf(uniqueKey(), 1);
                for (let i = 0; i < 20; i++) assert.equal(await client.xlen(other), 1);
                finished.push("ordinary");
                assert.equal(await blocked, null);
                assert.deepEqual(finished, ["ordinary", "xread"]);
            });

            it("with block, replies null at its own timeout, even past the client's request timeout", async () => {
                const key = uniqueKey();
                const started = Date.now();
                const reply = await client.xread({ [key]: "$" }, { block: 2200 }).catch((error: unknown) => {
                    assert.ok(!(error instanceof TimeoutError), "the blocking xread timed out client-side");
                    throw error;
                });
                const elapsed = Date.now() - started;
                assert.equal(reply, null);
                assert.ok(elapsed >= 2100, `settled after ${elapsed} ms, before the server timeout`);
            });

            it("with block, still answers at once when entries are there", async () => {
                const key = await streamOf(uniqueKey(), 2);
                const started = Date.now();
                assert.deepEqual(await client.xread({ [key]: "1-0" }, { block: 3000 }), [{ key, value: { "2-0": [["f", "v2"]] } }]);
                assert.ok(Date.now() - started < 1000);
            });
        });
    });
}
