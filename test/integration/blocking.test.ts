/** Blocking commands run on connections of their own and never hold up other traffic. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { TimeoutError, type GlideClient } from "../../src";
import { PROTOCOLS, newStandaloneClient, uniqueKey } from "../helpers/clients";

for (const { name, protocol } of PROTOCOLS) {
    describe(`blocking commands (${name})`, () => {
        let client: GlideClient;
        let pusher: GlideClient;
        before(async () => {
            client = await newStandaloneClient(protocol, { requestTimeout: 200 });
            pusher = await newStandaloneClient(protocol);
        });
        after(() => {
            client.close();
            pusher.close();
        });

        it("other commands complete while BLPOP waits", async () => {
            const list = uniqueKey("list");
            const finished: string[] = [];
            const blocked = client.blpop([list], 1).then((reply) => {
                finished.push("blpop");
                return reply;
            });
            await Promise.all(Array.from({ length: 100 }, (_, i) => client.set(uniqueKey(), String(i))));
            finished.push("sets");
            // The request timeout is 200 ms, but BLPOP gets its own 1 s + grace: no TimeoutError.
            assert.equal(await blocked, null);
            assert.deepEqual(finished, ["sets", "blpop"]);
        });

        it("concurrent blocking calls each get their element", async () => {
            const [first, second] = [uniqueKey("list"), uniqueKey("list")];
            const waiting = [client.blpop([first], 5), client.brpop([second], 5)];
            await new Promise((resolve) => setTimeout(resolve, 50));
            await pusher.customCommand(["RPUSH", first, "a"]);
            await pusher.customCommand(["RPUSH", second, "b"]);
            assert.deepEqual(await Promise.all(waiting), [
                [first, "a"],
                [second, "b"],
            ]);
        });

        it("a blocking call with no server timeout still settles when the client closes", async () => {
            const own = await newStandaloneClient(protocol);
            const forever = own.blpop([uniqueKey("list")], 0);
            await new Promise((resolve) => setTimeout(resolve, 50));
            own.close();
            await assert.rejects(forever, (error: Error) => !(error instanceof TimeoutError));
        });
    });
}
