/** getStatistics' shape (GLIDE 2.5.2's keys) and its subscription counters, on a server of this file's own. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClient, getStatistics } from "../../src";
import { rawCommandParsed, startStandalone, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

/** What GLIDE 2.5.2's getStatistics() returns, in its order (listed by running it). */
const GLIDE_KEYS = [
    "total_connections",
    "total_clients",
    "total_values_compressed",
    "total_values_decompressed",
    "total_original_bytes",
    "total_bytes_compressed",
    "total_bytes_decompressed",
    "compression_skipped_count",
    "subscription_out_of_sync_count",
    "subscription_last_sync_timestamp",
];

type Statistics = Record<string, string>;
const read = () => getStatistics() as Statistics;

describe("getStatistics", () => {
    let server: ServerHandle;
    before(async () => {
        server = await startStandalone({ name: "statistics-sync" });
        await rawCommandParsed(server.host, server.port, ["ACL", "SETUSER", "limited", "on", ">pw", "~*", "+@all", "resetchannels", "&ok*"]);
    });
    after(() => server.stop());

    it("has GLIDE's keys, in GLIDE's order, every value a decimal string, compression counters 0", () => {
        const statistics = read();
        assert.deepEqual(Object.keys(statistics), GLIDE_KEYS);
        for (const [key, value] of Object.entries(statistics)) assert.match(value, /^\d+$/, key);
        for (const key of GLIDE_KEYS.slice(2, 8)) assert.equal(statistics[key], "0", key);
    });

    it("a client in sync stamps the last sync time; one whose server refuses a subscription counts checks out of sync", async () => {
        const startedAt = Date.now();
        const client = await GlideClient.createClient({
            addresses: [{ host: server.host, port: server.port }],
            credentials: { username: "limited", password: "pw" },
            advancedConfiguration: { pubsubReconciliationIntervalMs: 50 },
        });
        try {
            const connected = read();
            assert.ok(Number(connected.subscription_last_sync_timestamp) >= startedAt, "stamped at start, nothing desired being in sync");
            assert.ok(Number(connected.subscription_last_sync_timestamp) <= Date.now());

            assert.equal(await client.subscribeLazy(["forbidden"]), null);
            const outOfSyncBefore = Number(read().subscription_out_of_sync_count);
            await waitFor("checks out of sync", async () => (Number(read().subscription_out_of_sync_count) >= outOfSyncBefore + 2 ? true : read().subscription_out_of_sync_count));
            const stampWhileOut = read().subscription_last_sync_timestamp;

            await client.unsubscribeLazy(["forbidden"]);
            await waitFor("a check in sync", async () => (Number(read().subscription_last_sync_timestamp) > Number(stampWhileOut) ? true : "no newer stamp"));
            const counted = read().subscription_out_of_sync_count;
            await new Promise((resolve) => setTimeout(resolve, 200));
            assert.equal(read().subscription_out_of_sync_count, counted, "in sync, no more mismatches are counted");
        } finally {
            client.close();
        }
    });
});
