/**
 * WATCH isolation: a caller's watch and its next atomic exec run on a connection of their own, so
 * other callers of the same client (their EXEC, UNWATCH, transactions) neither clear that WATCH
 * nor get aborted by it. Standalone and cluster, RESP2 and RESP3.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClusterClient, RequestError } from "../../src";
import { CLIENT_KINDS, keysInOneSlot, type TestClient } from "../helpers/clients";
import { suiteClients } from "../helpers/family";

/** A promise and the function that resolves it, to order two callers' steps. */
function signal(): { wait: Promise<void>; fire: () => void } {
    let fire!: () => void;
    const wait = new Promise<void>((resolve) => (fire = resolve));
    return { wait, fire };
}

for (const kind of CLIENT_KINDS) {
    describe(`watch isolation (${kind.name})`, () => {
        let client: TestClient;
        let other: TestClient;
        suiteClients(kind, 2, (created) => ([client, other] = created));

        const unwatch = (on: TestClient) =>
            on instanceof GlideClusterClient ? (on as GlideClusterClient).unwatch() : (on as TestClient).unwatch();

        it("watch then exec: runs when the key is unchanged, null when another client changed it", async () => {
            const [key] = keysInOneSlot(1, "watch-basic");
            assert.equal(await client.watch([key]), "OK");
            assert.deepEqual(await client.exec(kind.newBatch(true).set(key, "1").get(key), true), ["OK", "1"]);
            assert.equal(await client.watch([key]), "OK");
            await other.set(key, "changed");
            assert.equal(await client.exec(kind.newBatch(true).set(key, "2"), true), null);
            assert.equal(await client.get(key), "changed");
            // The session ended with that exec: the next transaction is not guarded by it.
            await other.set(key, "again");
            assert.deepEqual(await client.exec(kind.newBatch(true).set(key, "3"), true), ["OK"]);
        });

        it("watch of several calls accumulates keys; unwatch ends the session", async () => {
            const [a, b] = keysInOneSlot(2, "watch-more");
            await client.watch([a]);
            await client.watch([b]);
            await other.set(b, "changed");
            assert.equal(await client.exec(kind.newBatch(true).set(a, "x"), true), null);
            await client.watch([a]);
            assert.equal(await unwatch(client), "OK");
            await other.set(a, "changed");
            assert.deepEqual(await client.exec(kind.newBatch(true).set(a, "mine"), true), ["OK"]);
        });

        it("another caller's EXEC and UNWATCH neither clear this caller's WATCH nor get aborted by it", async () => {
            const [watched, elsewhere] = keysInOneSlot(2, "watch-iso");
            const watchSet = signal();
            const otherDone = signal();
            // The other caller is already waiting before the watcher starts: a separate async task.
            const otherCaller = (async () => {
                await watchSet.wait;
                await other.set(watched, "changed");
                // On one shared connection this EXEC would be aborted by the watcher's WATCH ...
                const result = await client.exec(kind.newBatch(true).set(elsewhere, "B").get(elsewhere), true);
                // ... and this UNWATCH (or that EXEC) would clear it.
                const unwatched = await unwatch(client);
                otherDone.fire();
                return [result, unwatched];
            })();
            const watcher = (async () => {
                await client.watch([watched]);
                watchSet.fire();
                await otherDone.wait;
                return client.exec(kind.newBatch(true).set(watched, "A"), true);
            })();
            const [[otherResult, unwatched], watcherResult] = await Promise.all([otherCaller, watcher]);
            assert.deepEqual(otherResult, ["OK", "B"]);
            assert.equal(unwatched, "OK");
            assert.equal(watcherResult, null);
            assert.equal(await client.get(watched), "changed");
        });

        it("callers started together (Promise.all) each keep their own WATCH", async () => {
            const [counter] = keysInOneSlot(1, "watch-counter");
            await client.set(counter, "0");
            const callers = 20;
            const rounds = 5;
            let aborted = 0;
            const increment = async () => {
                for (let done = 0; done < rounds; ) {
                    await client.watch([counter]);
                    const value = Number(await client.get(counter));
                    const result = await client.exec(kind.newBatch(true).set(counter, String(value + 1)), true);
                    if (result === null) aborted++;
                    else done++;
                }
            };
            await Promise.all(Array.from({ length: callers }, increment));
            // Without isolation one caller's EXEC clears the others' WATCH and increments are lost.
            assert.equal(await client.get(counter), String(callers * rounds));
            assert.ok(aborted > 0, "concurrent increments conflicted at least once");
        });

        it("a caller that never watched runs its transactions on the shared connection, unguarded", async () => {
            const [key] = keysInOneSlot(1, "watch-none");
            await other.set(key, "x");
            assert.deepEqual(await client.exec(kind.newBatch(true).set(key, "y"), true), ["OK"]);
            assert.equal(await unwatch(client), "OK");
        });

        it("a transaction that cannot be queued fails on the session and ends it", async () => {
            const [key] = keysInOneSlot(1, "watch-abort");
            await client.watch([key]);
            await assert.rejects(client.exec(kind.newBatch(true).set(key, "v").customCommand(["NOSUCHCOMMAND"]), true), RequestError);
            await other.set(key, "changed");
            assert.deepEqual(await client.exec(kind.newBatch(true).set(key, "after"), true), ["OK"]);
        });
    });
}
