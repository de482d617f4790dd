/** HyperLogLog commands against a real server, for every client kind and protocol. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { rejectsWithPrefix, suiteClients } from "../helpers/family";

const NOT_AN_HLL = "WRONGTYPE: Key is not a valid HyperLogLog string value.";

for (const kind of CLIENT_KINDS) {
    describe(`hyperloglog commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        describe("pfadd", () => {
            it("tells whether the estimate changed", async () => {
                const key = uniqueKey();
                assert.equal(await client.pfadd(key, ["a", "b", "c"]), true);
                assert.equal(await client.pfadd(key, ["a", "b"]), false);
                assert.equal(await client.pfadd(key, ["d"]), true);
            });

            it("creates the key with no elements, then changes nothing", async () => {
                const key = uniqueKey();
                assert.equal(await client.pfadd(key, []), true);
                assert.equal(await client.customCommand(["EXISTS", key]), 1);
                assert.equal(await client.pfadd(key, []), false);
                assert.equal(await client.pfcount([key]), 0);
            });

            it("accepts binary elements and keys", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), Buffer.from([0xff, 0x00])]);
                assert.equal(await client.pfadd(key, [Buffer.from([0x00, 0xff]), Buffer.from([0xfe])]), true);
                assert.equal(await client.pfcount([key]), 2);
            });

            it("rejects a key of another type, or a string that is no HyperLogLog", async () => {
                const list = uniqueKey("list");
                await client.customCommand(["RPUSH", list, "a"]);
                await rejectsWithPrefix(client.pfadd(list, ["a"]), "WRONGTYPE");
                const text = uniqueKey("text");
                await client.set(text, "not a sketch");
                await rejectsWithPrefix(client.pfadd(text, ["a"]), NOT_AN_HLL);
            });
        });

        describe("pfcount", () => {
            it("estimates one key, or the union of several", async () => {
                const [a, b, missing] = keysInOneSlot(3);
                await client.pfadd(a, ["x", "y", "z"]);
                await client.pfadd(b, ["z", "w"]);
                assert.equal(await client.pfcount([a]), 3);
                assert.equal(await client.pfcount([a, b]), 4);
                assert.equal(await client.pfcount([a, b, missing]), 4);
            });

            it("returns 0 for a missing key", async () => {
                assert.equal(await client.pfcount([uniqueKey("missing")]), 0);
            });

            it("rejects a key of another type", async () => {
                const list = uniqueKey("list");
                await client.customCommand(["RPUSH", list, "a"]);
                await rejectsWithPrefix(client.pfcount([list]), "WRONGTYPE");
            });
        });

        describe("pfmerge", () => {
            it("stores the union in the destination", async () => {
                const [a, b, destination] = keysInOneSlot(3);
                await client.pfadd(a, ["1", "2"]);
                await client.pfadd(b, ["2", "3", "4"]);
                assert.equal(await client.pfmerge(destination, [a, b]), "OK");
                assert.equal(await client.pfcount([destination]), 4);
            });

            it("merges into an existing destination, and creates an empty one from no sources", async () => {
                const [a, destination, empty] = keysInOneSlot(3);
                await client.pfadd(destination, ["d"]);
                await client.pfadd(a, ["a"]);
                assert.equal(await client.pfmerge(destination, [a]), "OK");
                assert.equal(await client.pfcount([destination]), 2);
                assert.equal(await client.pfmerge(empty, []), "OK");
                assert.equal(await client.customCommand(["EXISTS", empty]), 1);
                assert.equal(await client.pfcount([empty]), 0);
            });

            it("rejects a source that is no HyperLogLog", async () => {
                const [text, destination] = keysInOneSlot(2);
                await client.set(text, "plain");
                await rejectsWithPrefix(client.pfmerge(destination, [text]), NOT_AN_HLL);
            });
        });

        it("every method works in a batch", async () => {
            for (const atomic of [true, false]) {
                const [a, b, destination] = keysInOneSlot(3);
                const batch = kind
                    .newBatch(atomic)
                    .pfadd(a, ["x", "y"])
                    .pfadd(a, ["x"])
                    .pfadd(b, ["z"])
                    .pfmerge(destination, [a, b])
                    .pfcount([destination]);
                assert.deepEqual(await client.exec(batch, true), [true, false, true, "OK", 3]);
            }
        });
    });
}
