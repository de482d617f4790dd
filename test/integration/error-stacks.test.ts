/** A rejected call's stack shows the code that awaited it, not only the socket callback that read the reply. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { RequestError } from "../../src";
import { CLIENT_KINDS, uniqueKey, type TestClient } from "../helpers/clients";

async function getOfAHashKeyAwaitedHere(client: TestClient, key: string): Promise<unknown> {
    return await client.get(key);
}

for (const kind of CLIENT_KINDS) {
    describe(`error stacks (${kind.name})`, () => {
        let client: TestClient;
        before(async () => {
            client = await kind.create();
        });
        after(() => client?.close());

        it("a server error's stack names the awaiting function and this file", async () => {
            const key = uniqueKey("stack");
            await client.hset(key, { field: "value" });
            const error = await getOfAHashKeyAwaitedHere(client, key).then(
                () => assert.fail("GET of a hash must reject"),
                (error: unknown) => error as Error,
            );
            await client.del([key]);
            assert.ok(error instanceof RequestError);
            assert.match(error.stack!, /^RequestError: WRONGTYPE/);
            assert.match(error.stack!, /at async getOfAHashKeyAwaitedHere \(.*error-stacks\.test\.js/);
        });
    });
}
