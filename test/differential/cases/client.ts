/** What a client answers itself: closed clients, statistics, password updates, features it was not configured with. */
import { K, type Family } from "./types";

/** Process-wide counters depend on every client alive: only their names and kinds are compared. */
function counters(value: unknown): unknown {
    if (typeof value !== "object" || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([name, count]) => [name, typeof count]));
}

const close = (client: { close(): void }) => client.close();

export const clientFamily: Family = {
    name: "client",
    cases: [
        { method: "get", title: "after close", freshClient: true, prelude: close, args: [K.a], batch: false },
        { method: "customCommand", title: "after close", freshClient: true, prelude: close, args: [["PING"]], batch: false },
        { method: "exec", title: "after close", freshClient: true, prelude: close, args: ({ lib, cluster }) => [new (cluster ? lib.ClusterBatch : lib.Batch)(true).set(K.a, "1"), true], batch: false },
        { method: "close", title: "twice", freshClient: true, prelude: close, args: [], batch: false },
        { method: "close", title: "with a message", freshClient: true, args: ["bye"], batch: false },
        { method: "getPubSubMessage", title: "after close", freshClient: true, prelude: close, args: [], batch: false },
        { method: "tryGetPubSubMessage", title: "after close", freshClient: true, prelude: close, args: [], batch: false },
        { method: "getStatistics", title: "counters", args: [], batch: false, normalize: counters },
        { method: "refreshIamToken", title: "without IAM", args: [], batch: false },
        ...["getCacheHitRate", "getCacheMissRate", "getCacheEntryCount", "getCacheEvictions", "getCacheExpirations", "getCacheTotalLookups"].map(
            (method) => ({ method, title: "without a cache", args: [], batch: false as const }),
        ),
        { method: "updateConnectionPassword", title: "set, not applied now", freshClient: true, args: ["new-password"], batch: false },
        { method: "updateConnectionPassword", title: "set, applied now, on a server without a password", freshClient: true, args: ["new-password", true], batch: false },
        { method: "updateConnectionPassword", title: "null, applied now", freshClient: true, args: [null, true], batch: false },
        { method: "updateConnectionPassword", title: "null", freshClient: true, args: [null], batch: false },
        { method: "updateConnectionPassword", title: "empty, applied now", freshClient: true, args: ["", true], batch: false },
        { method: "reset", title: "on a client of its own", freshClient: true, args: [] },
        { method: "watch", title: "one key", freshClient: true, args: [[K.a]] , batch: false },
        { method: "watch", title: "no keys", freshClient: true, args: [[]], batch: false },
        { method: "watch", title: "keys in two slots", freshClient: true, args: [[K.Xa, K.Xb]], batch: false },
        { method: "unwatch", title: "without watch", freshClient: true, args: [], batch: false },
        { method: "unwatch", title: "after watch", freshClient: true, prelude: (client) => client.watch([K.a]), args: [], batch: false },
    ],
};
