/** Batch and Transaction on GlideClient: results in order, errors in place or raised, WATCH, bytes. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Batch, Decoder, RequestError, Transaction, type GlideClient } from "../../src";
import { PROTOCOLS, newStandaloneClient, uniqueKey } from "../helpers/clients";

for (const { name, protocol } of PROTOCOLS) {
    describe(`batches on GlideClient (${name})`, () => {
        let client: GlideClient;
        let other: GlideClient;
        before(async () => {
            client = await newStandaloneClient(protocol);
            other = await newStandaloneClient(protocol);
        });
        after(() => {
            client.close();
            other.close();
        });

        for (const atomic of [true, false]) {
            it(`${atomic ? "atomic" : "pipeline"}: replies come back converted and in order`, async () => {
                const key = uniqueKey();
                const batch = new Batch(atomic).set(key, "10").incrBy(key, 5).get(key).exists([key, uniqueKey()]).del([key]);
                assert.deepEqual(await client.exec(batch, true), ["OK", 15, "15", 1, 1]);
            });

            it(`${atomic ? "atomic" : "pipeline"}: raiseOnError false leaves errors in place`, async () => {
                const key = uniqueKey();
                const batch = new Batch(atomic).customCommand(["LPUSH", key, "x"]).get(key).strlen(key);
                const result = await client.exec(batch, false);
                assert.equal(result?.[0], 1);
                assert.ok(result?.[1] instanceof RequestError);
                assert.match((result?.[1] as RequestError).message, /^WRONGTYPE/);
                assert.ok(result?.[2] instanceof RequestError);
                await assert.rejects(client.exec(batch, true), (error: Error) => error instanceof RequestError && /^WRONGTYPE/.test(error.message));
            });
        }

        it("a command the server refuses to queue aborts the transaction, raising that command's error as GLIDE does", async () => {
            const key = uniqueKey();
            for (const raiseOnError of [true, false]) {
                const batch = new Batch(true).set(key, "v").customCommand(["NOSUCHCOMMAND"]);
                await assert.rejects(client.exec(batch, raiseOnError), (error: Error) =>
                    error.name === "RequestError" &&
                    error.message === "An error was signalled by the server: - ResponseError: unknown command 'NOSUCHCOMMAND', with args beginning with: ",
                );
            }
            assert.equal(await client.get(key), null, "nothing ran");
        });

        it("a WATCHed key changed by another client makes exec return null", async () => {
            const key = uniqueKey();
            await client.customCommand(["WATCH", key]);
            await other.set(key, "changed");
            assert.equal(await client.exec(new Transaction().set(key, "mine"), true), null);
            assert.equal(await other.get(key), "changed");
        });

        it("every reply follows the batch's decoder, DUMP's and TYPE's too (as in GLIDE's batches)", async () => {
            const key = uniqueKey();
            await client.set(key, "payload");
            const asText = await client.exec(new Batch(false).get(key).type(key), true);
            assert.deepEqual(asText, ["payload", "string"]);
            const asBytes = await client.exec(new Batch(false).dump(key).get(key).type(key), true, { decoder: Decoder.Bytes });
            assert.ok(Buffer.isBuffer(asBytes?.[0]));
            assert.deepEqual(asBytes?.slice(1), [Buffer.from("payload"), Buffer.from("string")]);
            // A payload is not UTF-8: read as text, it fails the batch.
            await assert.rejects(client.exec(new Batch(false).dump(key), true), /^Error: Decoding error/);
        });

        it("an empty batch gives an empty result", async () => {
            assert.deepEqual(await client.exec(new Batch(true), true), []);
        });
    });
}
