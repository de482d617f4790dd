/** Generic key commands: deletion, expiry, renaming, copying, DUMP/RESTORE, MIGRATE, SCAN, SORT, OBJECT, WAIT. */
import { positive, sorted } from "./normalize";
import { BIN, K, type Case, type Family, type SetupCommand } from "./types";

const withString = [["SET", K.a, "hello"]] as const;
const withList = [["RPUSH", K.a, "3", "1", "2"]] as const;
/** A key with a TTL of 100 s. */
const withExpiry = [["SET", K.a, "hello", "EX", "100"]] as const;
/** 2100-01-01T00:00:00Z: a fixed expiry, so EXPIRETIME reads the same whenever it runs. */
const FAR = 4102444800;
const withFarExpiry = [["SET", K.a, "hello"], ["EXPIREAT", K.a, String(FAR)]] as const;
const withTwoStrings = [["SET", K.a, "1"], ["SET", K.b, "2"]] as const;

/** DUMP of the string "hello" (RDB version 11, Valkey 7.2+). */
const HELLO_PAYLOAD = Buffer.from("000568656c6c6f0b000aad620598abc983", "hex");
/** DUMP of the list [a, b, c]. */
const LIST_PAYLOAD = Buffer.from("12010210100000000300816102816202816302ff0b00a1c7047f68acbb17", "hex");
/** The same payload with its checksum damaged. */
const BAD_PAYLOAD = Buffer.from("000568656c6c6f0b000aad620598abc984", "hex");

/** A port nothing listens on: MIGRATE fails at once (connection refused). */
const DEAD_PORT = 1;
const HOST = "127.0.0.1";

/** LFU counting for OBJECT FREQ, undone after the call. */
const LFU: SetupCommand = { args: ["CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"], route: "allNodes" };
const NO_EVICTION: SetupCommand = { args: ["CONFIG", "SET", "maxmemory-policy", "noeviction"], route: "allNodes" };

/** Seconds since the last access: 0 or 1 depending on the clock; any count looks alike. */
function anyCount(value: unknown): unknown {
    return typeof value === "number" && value >= 0 ? "a count" : value;
}

/** A SCAN page with its keys in a canonical order (the order is the server's hash order). */
function scanPage(value: unknown): unknown {
    if (!Array.isArray(value) || value.length !== 2) return value;
    return [value[0], sorted(value[1])];
}

/** A partial SCAN page: where it stops depends on the server's rehashing, so only its shape counts. */
function partialScanPage(value: unknown): unknown {
    if (!Array.isArray(value) || value.length !== 2) return value;
    const [cursor, keys] = value as [unknown, unknown[]];
    return [String(cursor) === "0" ? "finished" : "more", keys.length > 0 ? "some keys" : "no keys"];
}

/** A cluster SCAN step: the cursor object reduced to whether the scan is over, keys sorted. */
function clusterScanPage(value: unknown): unknown {
    if (!Array.isArray(value) || value.length !== 2) return value;
    const [cursor, keys] = value as [{ isFinished(): boolean }, unknown[]];
    return [{ finished: cursor.isFinished() }, sorted(keys)];
}

/**
 * A keyless call, queued in an atomic batch, goes to a random node in GLIDE's cluster client,
 * replicas included (where WAIT fails and RANDOMKEY may not see a key yet): on the cluster those
 * cases run as a client call and a pipeline only; standalone, in every mode.
 */
function keyless(testCase: Case): Case[] {
    if (testCase.batch === false || testCase.only !== undefined) return [testCase];
    return [
        { ...testCase, only: "standalone" },
        { ...testCase, only: "cluster", batchModes: ["pipeline"] },
    ];
}

/** The expire family: the same conditions through each of the four commands. */
function expireCases(method: "expire" | "pexpire" | "expireAt" | "pexpireAt"): Case[] {
    const millis = method.startsWith("p");
    const absolute = method.endsWith("At");
    /** A time later than the key's expiry, an earlier one (still in the future), and one in the past. */
    const scale = millis ? 1000 : 1;
    const later = absolute ? (FAR + 100) * scale : 200 * scale;
    const earlier = absolute ? (FAR - 100) * scale : 50 * scale;
    const past = absolute ? 1 * scale : -1;
    const farSetup = absolute ? withFarExpiry : withExpiry;
    const option = (name: string) => ({ lib }: { lib: any }) => ({ expireOption: lib.ExpireOptions[name] });
    const cases: Case[] = [
        { method, title: "key without expiry", setup: withString, args: [K.a, later] },
        { method, title: "missing key", args: [K.missing, later] },
        { method, title: "replaces an expiry", setup: farSetup, args: [K.a, later] },
        { method, title: absolute ? "in the past" : "negative", setup: withString, args: [K.a, past] },
        { method, title: "zero", setup: withString, args: [K.a, 0] },
        { method, title: "null options", setup: withString, args: [K.a, later, null] },
        { method, title: "undefined expireOption", setup: withString, args: [K.a, later, { expireOption: undefined }] },
        { method, title: "null expireOption", setup: withString, args: [K.a, later, { expireOption: null }] },
        { method, title: "Buffer key", setup: withString, args: [Buffer.from(K.a), later] },
        { method, title: "wrong type key", setup: withList, args: [K.a, later] },
        { method, title: "fractional", setup: withString, args: [K.a, 1.5] },
        { method, title: "huge", setup: withString, args: [K.a, 2 ** 62] },
        { method, title: "NaN", setup: withString, args: [K.a, NaN] },
    ];
    const conditions: [title: string, name: string, setup: readonly (readonly string[])[], value: number][] = [
        ["HasNoExpiry, no expiry", "HasNoExpiry", withString, later],
        ["HasNoExpiry, with expiry", "HasNoExpiry", farSetup, later],
        ["HasNoExpiry, missing key", "HasNoExpiry", [], later],
        ["HasNoExpiry, in the past", "HasNoExpiry", withString, past],
        ["HasExistingExpiry, no expiry", "HasExistingExpiry", withString, later],
        ["HasExistingExpiry, with expiry", "HasExistingExpiry", farSetup, later],
        ["HasExistingExpiry, in the past, no expiry", "HasExistingExpiry", withString, past],
        ["HasExistingExpiry, in the past, with expiry", "HasExistingExpiry", farSetup, past],
        ["NewExpiryGreaterThanCurrent, later", "NewExpiryGreaterThanCurrent", farSetup, later],
        ["NewExpiryGreaterThanCurrent, earlier", "NewExpiryGreaterThanCurrent", farSetup, earlier],
        ["NewExpiryGreaterThanCurrent, no expiry", "NewExpiryGreaterThanCurrent", withString, later],
        ["NewExpiryGreaterThanCurrent, in the past", "NewExpiryGreaterThanCurrent", farSetup, past],
        ["NewExpiryGreaterThanCurrent, missing key", "NewExpiryGreaterThanCurrent", [], later],
        ["NewExpiryLessThanCurrent, later", "NewExpiryLessThanCurrent", farSetup, later],
        ["NewExpiryLessThanCurrent, earlier", "NewExpiryLessThanCurrent", farSetup, earlier],
        ["NewExpiryLessThanCurrent, no expiry", "NewExpiryLessThanCurrent", withString, later],
        ["NewExpiryLessThanCurrent, in the past", "NewExpiryLessThanCurrent", farSetup, past],
    ];
    for (const [title, name, setup, value] of conditions) {
        cases.push({ method, title, setup, args: (ctx) => [K.a, value, option(name)(ctx)] });
    }
    return cases;
}

/** After the expire commands: what the key's TTL reads (deleted, kept, changed). */
function expiryReadCases(method: "ttl" | "pttl" | "expiretime" | "pexpiretime"): Case[] {
    const batchName = method === "expiretime" ? "expireTime" : method === "pexpiretime" ? "pexpireTime" : undefined;
    const timeDependent = method === "ttl" || method === "pttl";
    const normalize = timeDependent ? positive : undefined;
    const clientCases: Case[] = [
        { method, title: "key with expiry", setup: withFarExpiry, args: [K.a], normalize },
        { method, title: "key without expiry", setup: withString, args: [K.a] },
        { method, title: "missing key", args: [K.missing] },
        { method, title: "wrong type key", setup: withList, args: [K.a] },
        { method, title: "Buffer key", setup: withFarExpiry, args: [Buffer.from(K.a)], normalize },
        { method, title: "binary key", setup: [["SET", BIN, "v", "EX", "100"]], args: [BIN], normalize: positive },
    ];
    if (batchName === undefined) return clientCases;
    // GLIDE's Batch spells these expireTime / pexpireTime: the client method is not on the batch, the batch's not on the client.
    return [
        ...clientCases.map((c) => ({ ...c, batch: false as const })),
        ...clientCases.map((c) => ({ ...c, method: batchName })),
    ];
}

const sortSetup = [
    ["RPUSH", K.a, "3", "1", "2"],
    ["SET", "{dk}w_1", "30"],
    ["SET", "{dk}w_2", "10"],
    ["SET", "{dk}w_3", "20"],
    ["SET", "{dk}n_1", "one"],
    ["SET", "{dk}n_3", "three"],
] as const;
const alphaSetup = [["RPUSH", K.a, "banana", "apple", "cherry"]] as const;

/** The SORT options, shared by sort, sortReadOnly and (with a destination) sortStore. */
function sortCases(method: "sort" | "sortReadOnly" | "sortStore"): Case[] {
    const store = method === "sortStore";
    const keys = (key: unknown) => (store ? [key, K.b] : [key]);
    const cases: Case[] = [
        { method, title: "numbers", setup: sortSetup, args: keys(K.a) },
        { method, title: "missing key", args: keys(K.missing) },
        { method, title: "wrong type key", setup: withString, args: keys(K.a) },
        { method, title: "not numbers", setup: alphaSetup, args: keys(K.a) },
        { method, title: "isAlpha", setup: alphaSetup, args: [...keys(K.a), { isAlpha: true }] },
        { method, title: "isAlpha false", setup: sortSetup, args: [...keys(K.a), { isAlpha: false }] },
        { method, title: "orderBy DESC", setup: sortSetup, args: ({ lib }) => [...keys(K.a), { orderBy: lib.SortOrder.DESC }] },
        { method, title: "orderBy ASC", setup: sortSetup, args: ({ lib }) => [...keys(K.a), { orderBy: lib.SortOrder.ASC }] },
        { method, title: "limit", setup: sortSetup, args: [...keys(K.a), { limit: { offset: 1, count: 1 } }] },
        { method, title: "limit with negative count", setup: sortSetup, args: [...keys(K.a), { limit: { offset: 1, count: -1 } }] },
        { method, title: "limit with negative offset", setup: sortSetup, args: [...keys(K.a), { limit: { offset: -1, count: 2 } }] },
        { method, title: "limit past the end", setup: sortSetup, args: [...keys(K.a), { limit: { offset: 10, count: 2 } }] },
        { method, title: "byPattern in the key's slot", setup: sortSetup, args: [...keys(K.a), { byPattern: "{dk}w_*" }] },
        { method, title: "byPattern in another slot", setup: sortSetup, args: [...keys(K.a), { byPattern: "w_*" }] },
        { method, title: "byPattern nosort", setup: sortSetup, args: [...keys(K.a), { byPattern: "nosort" }] },
        { method, title: "getPatterns with # and a missing value", setup: sortSetup, args: [...keys(K.a), { getPatterns: ["#", "{dk}n_*"] }] },
        { method, title: "getPatterns in another slot", setup: sortSetup, args: [...keys(K.a), { getPatterns: ["n_*"] }] },
        { method, title: "empty getPatterns", setup: sortSetup, args: [...keys(K.a), { getPatterns: [] }] },
        { method, title: "empty byPattern", setup: sortSetup, args: [...keys(K.a), { byPattern: "" }] },
        { method, title: "empty Buffer byPattern", setup: sortSetup, args: [...keys(K.a), { byPattern: Buffer.alloc(0) }] },
        { method, title: "undefined fields", setup: sortSetup, args: [...keys(K.a), { byPattern: undefined, limit: undefined, getPatterns: undefined, orderBy: undefined, isAlpha: undefined }] },
        { method, title: "null fields", setup: sortSetup, args: [...keys(K.a), { byPattern: null, limit: null, getPatterns: null, orderBy: null, isAlpha: null }] },
        {
            method,
            title: "every option",
            setup: sortSetup,
            args: ({ lib }) => [
                ...keys(K.a),
                { byPattern: "{dk}w_*", getPatterns: [Buffer.from("{dk}n_*"), "#"], limit: { offset: 0, count: 2 }, orderBy: lib.SortOrder.DESC, isAlpha: false },
            ],
        },
        { method, title: "a set, isAlpha", setup: [["SADD", K.a, "b", "a", "c"]], args: [...keys(K.a), { isAlpha: true }] },
        { method, title: "a sorted set", setup: [["ZADD", K.a, "1", "30", "2", "10"]], args: keys(K.a) },
        { method, title: "binary elements", setup: [["RPUSH", K.a, BIN, "a"]], args: [...keys(K.a), { isAlpha: true }] },
        { method, title: "Buffer key", setup: sortSetup, args: keys(Buffer.from(K.a)) },
        { method, title: "null options", setup: sortSetup, args: [...keys(K.a), null] },
        { method, title: "undefined options", setup: sortSetup, args: [...keys(K.a), undefined] },
    ];
    if (store) {
        cases.push(
            { method, title: "replaces the destination", setup: [...sortSetup, ["SET", K.b, "old"]], args: [K.a, K.b] },
            { method, title: "missing key deletes the destination", setup: [["SET", K.b, "old"]], args: [K.missing, K.b] },
            { method, title: "destination in another slot", setup: sortSetup, args: [K.a, K.Xa] },
            { method, title: "Buffer destination", setup: sortSetup, args: [K.a, Buffer.from(K.b)] },
        );
    } else {
        cases.push(
            { method, title: "bytes decoder", setup: [["RPUSH", K.a, BIN, "a"]], args: ({ lib }) => [K.a, { isAlpha: true, decoder: lib.Decoder.Bytes }], batch: [K.a, { isAlpha: true }] },
            { method, title: "string decoder", setup: sortSetup, args: ({ lib }) => [K.a, { decoder: lib.Decoder.String }], batch: [K.a] },
        );
    }
    return cases;
}

export const genericFamily: Family = {
    name: "generic",
    cases: [
        // del / unlink / exists / touch: several keys, several slots.
        ...(["del", "unlink", "exists", "touch"] as const).flatMap((method): Case[] => [
            { method, title: "one key", setup: withString, args: [[K.a]] },
            { method, title: "existing and missing", setup: withTwoStrings, args: [[K.a, K.b, K.missing]] },
            { method, title: "the same key twice", setup: withString, args: [[K.a, K.a]] },
            { method, title: "missing keys", args: [[K.missing, K.c]] },
            { method, title: "empty list", args: [[]] },
            { method, title: "every type", setup: [...withList, ["SET", K.b, "v"], ["HSET", K.c, "f", "v"]], args: [[K.a, K.b, K.c]] },
            { method, title: "binary and Buffer keys", setup: [["SET", BIN, "v"], ...withString], args: [[BIN, Buffer.from(K.a)]] },
            {
                method,
                title: "keys in other slots",
                setup: [["SET", K.Xa, "1"], ["SET", K.Xb, "2"], ...withString],
                args: [[K.Xa, K.Xb, K.a, K.missing]],
                batchModes: ["pipeline"],
            },
            { method, title: "keys in other slots, twice", setup: [["SET", K.Xa, "1"]], args: [[K.Xa, K.Xb, K.Xa]], batchModes: ["pipeline"] },
        ]),

        // The expire family.
        ...expireCases("expire"),
        ...expireCases("pexpire"),
        ...expireCases("expireAt"),
        ...expireCases("pexpireAt"),
        ...expiryReadCases("ttl"),
        ...expiryReadCases("pttl"),
        ...expiryReadCases("expiretime"),
        ...expiryReadCases("pexpiretime"),
        { method: "persist", title: "key with expiry", setup: withExpiry, args: [K.a] },
        { method: "persist", title: "key without expiry", setup: withString, args: [K.a] },
        { method: "persist", title: "missing key", args: [K.missing] },
        { method: "persist", title: "Buffer key", setup: withExpiry, args: [Buffer.from(K.a)] },

        // type
        { method: "type", title: "string", setup: withString, args: [K.a] },
        { method: "type", title: "list", setup: withList, args: [K.a] },
        { method: "type", title: "set", setup: [["SADD", K.a, "m"]], args: [K.a] },
        { method: "type", title: "sorted set", setup: [["ZADD", K.a, "1", "m"]], args: [K.a] },
        { method: "type", title: "hash", setup: [["HSET", K.a, "f", "v"]], args: [K.a] },
        { method: "type", title: "stream", setup: [["XADD", K.a, "1-1", "f", "v"]], args: [K.a] },
        { method: "type", title: "missing key", args: [K.missing] },
        { method: "type", title: "binary key", setup: [["SET", BIN, "v"]], args: [BIN] },

        // rename / renamenx
        { method: "rename", title: "to a new name", setup: withString, args: [K.a, K.b] },
        { method: "rename", title: "over an existing key", setup: withTwoStrings, args: [K.a, K.b] },
        { method: "rename", title: "to itself", setup: withString, args: [K.a, K.a] },
        { method: "rename", title: "missing key", args: [K.missing, K.b] },
        { method: "rename", title: "binary names", setup: [["SET", K.a, "v"]], args: [Buffer.from(K.a), Buffer.concat([Buffer.from("{dk}"), BIN])] },
        { method: "rename", title: "to another slot", setup: withString, args: [K.a, K.Xa] },
        { method: "rename", title: "keeps the expiry", setup: withFarExpiry, args: [K.a, K.b] },
        { method: "renamenx", title: "to a new name", setup: withString, args: [K.a, K.b] },
        { method: "renamenx", title: "over an existing key", setup: withTwoStrings, args: [K.a, K.b] },
        { method: "renamenx", title: "to itself", setup: withString, args: [K.a, K.a] },
        { method: "renamenx", title: "missing key", args: [K.missing, K.b] },
        { method: "renamenx", title: "to another slot", setup: withString, args: [K.a, K.Xa] },

        // copy
        { method: "copy", title: "to a new key", setup: withString, args: [K.a, K.b] },
        { method: "copy", title: "onto an existing key", setup: withTwoStrings, args: [K.a, K.b] },
        { method: "copy", title: "replace onto an existing key", setup: withTwoStrings, args: [K.a, K.b, { replace: true }] },
        { method: "copy", title: "replace false", setup: withTwoStrings, args: [K.a, K.b, { replace: false }] },
        { method: "copy", title: "missing source", args: [K.missing, K.b] },
        { method: "copy", title: "to itself", setup: withString, args: [K.a, K.a] },
        { method: "copy", title: "to another slot", setup: withString, args: [K.a, K.Xa] },
        { method: "copy", title: "a list, Buffer keys", setup: withList, args: [Buffer.from(K.a), Buffer.from(K.b)] },
        { method: "copy", title: "destinationDB", setup: withString, args: [K.a, K.b, { destinationDB: 1 }] },
        { method: "copy", title: "destinationDB 0 onto itself", setup: withString, args: [K.a, K.a, { destinationDB: 0 }] },
        { method: "copy", title: "destinationDB and replace", setup: withString, args: [K.a, K.a, { destinationDB: 1, replace: true }] },
        { method: "copy", title: "destinationDB out of range", setup: withString, args: [K.a, K.b, { destinationDB: 1000 }] },
        { method: "copy", title: "negative destinationDB", setup: withString, args: [K.a, K.b, { destinationDB: -1 }] },
        { method: "copy", title: "undefined options", setup: withString, args: [K.a, K.b, undefined] },
        { method: "copy", title: "empty options", setup: withString, args: [K.a, K.b, {}] },

        // move (GLIDE's client and batch have it on both kinds; the cluster refuses it)
        { method: "move", title: "to db 1", setup: withString, args: [K.a, 1], only: "standalone" },
        { method: "move", title: "missing key", args: [K.missing, 1], only: "standalone" },
        { method: "move", title: "to the same db", setup: withString, args: [K.a, 0], only: "standalone" },
        { method: "move", title: "db out of range", setup: withString, args: [K.a, 1000], only: "standalone" },
        { method: "move", title: "negative db", setup: withString, args: [K.a, -1], only: "standalone" },
        { method: "move", title: "Buffer key", setup: withString, args: [Buffer.from(K.a), 1], only: "standalone" },
        { method: "move", title: "refused by a cluster", setup: withString, args: [K.a, 1], only: "cluster" },

        // dump / restore
        { method: "dump", title: "string", setup: withString, args: [K.a] },
        { method: "dump", title: "list", setup: [["RPUSH", K.a, "a", "b", "c"]], args: [K.a] },
        { method: "dump", title: "missing key", args: [K.missing] },
        { method: "dump", title: "binary key", setup: [["SET", BIN, "hello"]], args: [BIN] },
        { method: "restore", title: "new key", args: [K.a, 0, HELLO_PAYLOAD] },
        { method: "restore", title: "a list", args: [K.a, 0, LIST_PAYLOAD] },
        { method: "restore", title: "with a ttl", args: [K.a, 100000, HELLO_PAYLOAD] },
        { method: "restore", title: "onto an existing key", setup: withString, args: [K.a, 0, HELLO_PAYLOAD] },
        { method: "restore", title: "replace onto an existing key", setup: withList, args: [K.a, 0, HELLO_PAYLOAD, { replace: true }] },
        { method: "restore", title: "replace false onto an existing key", setup: withString, args: [K.a, 0, HELLO_PAYLOAD, { replace: false }] },
        { method: "restore", title: "absttl in the future", args: [K.a, FAR * 1000, HELLO_PAYLOAD, { absttl: true }] },
        { method: "restore", title: "absttl in the past", args: [K.a, 1, HELLO_PAYLOAD, { absttl: true }] },
        { method: "restore", title: "absttl false", args: [K.a, 1000, HELLO_PAYLOAD, { absttl: false }] },
        { method: "restore", title: "idletime", args: [K.a, 0, HELLO_PAYLOAD, { idletime: 1000 }] },
        { method: "restore", title: "negative idletime", args: [K.a, 0, HELLO_PAYLOAD, { idletime: -1 }] },
        { method: "restore", title: "frequency", args: [K.a, 0, HELLO_PAYLOAD, { frequency: 10 }] },
        { method: "restore", title: "frequency out of range", args: [K.a, 0, HELLO_PAYLOAD, { frequency: 256 }] },
        { method: "restore", title: "idletime and frequency together", args: [K.a, 0, HELLO_PAYLOAD, { idletime: 10, frequency: 10 }] },
        { method: "restore", title: "idletime and frequency together, on an existing key", setup: withString, args: [K.a, 0, HELLO_PAYLOAD, { idletime: 10, frequency: 10 }] },
        { method: "restore", title: "replace, absttl and idletime", setup: withString, args: [K.a, FAR * 1000, HELLO_PAYLOAD, { replace: true, absttl: true, idletime: 5 }] },
        { method: "restore", title: "replace and frequency", setup: withString, args: [K.a, 0, HELLO_PAYLOAD, { replace: true, frequency: 5 }] },
        { method: "restore", title: "negative ttl", args: [K.a, -1, HELLO_PAYLOAD] },
        { method: "restore", title: "fractional ttl", args: [K.a, 1.5, HELLO_PAYLOAD] },
        { method: "restore", title: "damaged payload", args: [K.a, 0, BAD_PAYLOAD] },
        { method: "restore", title: "empty payload", args: [K.a, 0, Buffer.alloc(0)] },
        { method: "restore", title: "not a payload", args: [K.a, 0, Buffer.from("hello")] },
        { method: "restore", title: "binary key", args: [BIN, 0, HELLO_PAYLOAD] },
        { method: "restore", title: "null options", args: [K.a, 0, HELLO_PAYLOAD, null] },
        { method: "restore", title: "undefined options", args: [K.a, 0, HELLO_PAYLOAD, undefined] },
        { method: "restore", title: "empty options", args: [K.a, 0, HELLO_PAYLOAD, {}] },

        // migrate: to a port nothing listens on; GLIDE checks some arguments itself.
        { method: "migrate", title: "missing key", args: [HOST, DEAD_PORT, K.missing, 0, 100] },
        { method: "migrate", title: "unreachable destination", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100] },
        { method: "migrate", title: "copy and replace", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, { copy: true, replace: true }] },
        { method: "migrate", title: "copy and replace false", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, { copy: false, replace: false }] },
        { method: "migrate", title: "password", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, { password: "secret" }] },
        { method: "migrate", title: "username and password", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, { username: "user", password: "secret" }] },
        { method: "migrate", title: "username without password", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, { username: "user" }] },
        { method: "migrate", title: "username without password, missing key", args: [HOST, DEAD_PORT, K.missing, 0, 100, { username: "user" }] },
        { method: "migrate", title: "empty options", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, {}] },
        { method: "migrate", title: "undefined options", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 100, undefined] },
        { method: "migrate", title: "zero timeout", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 0] },
        { method: "migrate", title: "negative timeout", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, -1] },
        { method: "migrate", title: "negative destinationDB", setup: withString, args: [HOST, DEAD_PORT, K.a, -1, 100] },
        { method: "migrate", title: "fractional timeout", setup: withString, args: [HOST, DEAD_PORT, K.a, 0, 1.5] },
        { method: "migrate", title: "Buffer key", setup: withString, args: [HOST, DEAD_PORT, Buffer.from(K.a), 0, 100] },
        { method: "migrate", title: "empty key", args: [HOST, DEAD_PORT, "", 0, 100] },
        { method: "migrate", title: "several keys, missing", args: [HOST, DEAD_PORT, [K.a, K.b], 0, 100], only: "standalone" },
        { method: "migrate", title: "several keys, one existing", setup: withString, args: [HOST, DEAD_PORT, [K.a, K.b], 0, 100, { copy: true }], only: "standalone" },
        { method: "migrate", title: "empty key list", args: [HOST, DEAD_PORT, [], 0, 100] },
        { method: "migrate", title: "empty key list and username without password", args: [HOST, DEAD_PORT, [], 0, 100, { username: "user" }] },

        // randomKey
        ...keyless({ method: "randomKey", title: "the only key", setup: withString, args: [] }),
        ...keyless({ method: "randomKey", title: "empty database", args: [] }),
        ...keyless({ method: "randomKey", title: "binary key, bytes decoder", setup: [["SET", BIN, "v"]], args: ({ lib }) => [{ decoder: lib.Decoder.Bytes }], batch: [] }),
        ...keyless({ method: "randomKey", title: "string decoder", setup: withString, args: ({ lib }) => [{ decoder: lib.Decoder.String }], batch: [] }),
        ...keyless({ method: "randomKey", title: "binary key, string decoder", setup: [["SET", BIN, "v"]], args: ({ lib }) => [{ decoder: lib.Decoder.String }], batch: [] }),
        ...keyless({ method: "randomKey", title: "undefined options", setup: withString, args: [undefined], batch: [] }),
        { method: "randomKey", title: "routed to the key's primary", setup: withString, args: [{ route: { type: "primarySlotKey", key: K.a } }], only: "cluster", batch: false },
        { method: "randomKey", title: "routed to another primary", setup: withString, args: [{ route: { type: "primarySlotKey", key: K.Xb } }], only: "cluster", batch: false },

        // scan (standalone): cursor strings and options
        { method: "scan", title: "from the start", setup: withTwoStrings, args: ["0"], only: "standalone", batch: false, normalize: scanPage },
        { method: "scan", title: "empty database", args: ["0"], only: "standalone", batch: false },
        { method: "scan", title: "Buffer cursor", setup: withTwoStrings, args: [Buffer.from("0")], only: "standalone", batch: false, normalize: scanPage },
        { method: "scan", title: "invalid cursor", args: ["abc"], only: "standalone", batch: false },
        { method: "scan", title: "negative cursor", args: ["-1"], only: "standalone", batch: false },
        { method: "scan", title: "empty cursor", args: [""], only: "standalone", batch: false },
        { method: "scan", title: "huge cursor", setup: withString, args: ["18446744073709551615"], only: "standalone", batch: false },
        { method: "scan", title: "cursor too big", args: ["18446744073709551616"], only: "standalone", batch: false },
        { method: "scan", title: "match", setup: withTwoStrings, args: ["0", { match: "*a" }], only: "standalone", batch: false, normalize: scanPage },
        { method: "scan", title: "match a Buffer", setup: [["SET", BIN, "v"], ...withString], args: ["0", { match: BIN }], only: "standalone", batch: false, normalize: scanPage },
        { method: "scan", title: "empty match", setup: withString, args: ["0", { match: "" }], only: "standalone", batch: false, normalize: scanPage },
        { method: "scan", title: "count", setup: withTwoStrings, args: ["0", { count: 100 }], only: "standalone", batch: false, normalize: scanPage },
        {
            method: "scan",
            title: "count smaller than the keys",
            setup: Array.from({ length: 40 }, (_, i) => ["SET", `{dk}k${i}`, "v"]),
            args: ["0", { count: 2 }],
            only: "standalone",
            batch: false,
            normalize: partialScanPage,
        },
        { method: "scan", title: "zero count", setup: withString, args: ["0", { count: 0 }], only: "standalone", batch: false },
        { method: "scan", title: "negative count", setup: withString, args: ["0", { count: -1 }], only: "standalone", batch: false },
        ...(["STRING", "LIST", "SET", "ZSET", "HASH", "STREAM"] as const).map(
            (type): Case => ({
                method: "scan",
                title: `type ${type}`,
                setup: [...withString, ["RPUSH", K.b, "x"], ["SADD", K.c, "m"], ["ZADD", K.d, "1", "m"], ["HSET", "{dk}h", "f", "v"], ["XADD", "{dk}s", "1-1", "f", "v"]],
                args: ({ lib }) => ["0", { type: lib.ObjectType[type] }],
                only: "standalone",
                batch: false,
                normalize: scanPage,
            }),
        ),
        { method: "scan", title: "every option", setup: [...withTwoStrings, ["RPUSH", K.c, "x"]], args: ({ lib }) => ["0", { match: "{dk}*", count: 50, type: lib.ObjectType.STRING }], only: "standalone", batch: false, normalize: scanPage },
        { method: "scan", title: "binary key, bytes decoder", setup: [["SET", BIN, "v"]], args: ({ lib }) => ["0", { decoder: lib.Decoder.Bytes }], only: "standalone", batch: false },
        { method: "scan", title: "binary key, string decoder", setup: [["SET", BIN, "v"]], args: ({ lib }) => ["0", { decoder: lib.Decoder.String }], only: "standalone", batch: false },
        { method: "scan", title: "null options", setup: withString, args: ["0", null], only: "standalone", batch: false },

        // scan (cluster): GLIDE's cluster scan with a ClusterScanCursor, one step (the first shard by slot).
        ...((): Case[] => {
            const everywhere = [["SET", K.a, "1"], ["SET", K.Xa, "2"], ["SET", K.Xb, "3"], ["RPUSH", "dk:list", "x"]] as const;
            const scan = (title: string, options: (lib: any) => unknown, setup: readonly SetupCommand[] = everywhere): Case => ({
                method: "scan",
                title: `cluster: ${title}`,
                setup,
                args: ({ lib }) => [new lib.ClusterScanCursor(), options(lib)],
                only: "cluster",
                batch: false,
                normalize: clusterScanPage,
            });
            return [
                scan("new cursor", () => undefined),
                scan("empty cluster", () => undefined, []),
                scan("match", () => ({ match: "dk:*" })),
                scan("match a Buffer", () => ({ match: Buffer.from("dk:cross:*") })),
                scan("count", () => ({ count: 100 })),
                scan("type", (lib) => ({ type: lib.ObjectType.LIST })),
                scan("allowNonCoveredSlots", () => ({ allowNonCoveredSlots: true })),
                scan("allowNonCoveredSlots false", () => ({ allowNonCoveredSlots: false })),
                scan("every option", (lib) => ({ match: "*", count: 10, type: lib.ObjectType.STRING, allowNonCoveredSlots: true })),
                scan("bytes decoder", (lib) => ({ decoder: lib.Decoder.Bytes })),
                scan("string decoder", (lib) => ({ decoder: lib.Decoder.String })),
                scan("null options", () => null),
                scan("empty match", () => ({ match: "" })),
                scan("empty Buffer match", () => ({ match: Buffer.alloc(0) })),
                scan("zero count", () => ({ count: 0 })),
                scan("negative count", () => ({ count: -1 })),
                ...["0", "", "finished", "not a cursor"].map(
                    (id): Case => ({
                        method: "scan",
                        title: `cluster: cursor id ${JSON.stringify(id)}`,
                        setup: everywhere,
                        args: ({ lib }) => [new lib.ClusterScanCursor(id)],
                        only: "cluster",
                        batch: false,
                        normalize: clusterScanPage,
                    }),
                ),
            ];
        })(),

        // sort / sortReadOnly / sortStore
        ...sortCases("sort"),
        ...sortCases("sortReadOnly"),
        ...sortCases("sortStore"),

        // OBJECT …
        { method: "objectEncoding", title: "embstr", setup: withString, args: [K.a] },
        { method: "objectEncoding", title: "int", setup: [["SET", K.a, "12345"]], args: [K.a] },
        { method: "objectEncoding", title: "raw", setup: [["SET", K.a, "x".repeat(100)]], args: [K.a] },
        { method: "objectEncoding", title: "listpack", setup: withList, args: [K.a] },
        { method: "objectEncoding", title: "intset", setup: [["SADD", K.a, "1", "2"]], args: [K.a] },
        { method: "objectEncoding", title: "missing key", args: [K.missing] },
        { method: "objectEncoding", title: "binary key", setup: [["SET", BIN, "v"]], args: [BIN] },
        { method: "objectFreq", title: "with an LFU policy", setup: [LFU, ...withString], teardown: [NO_EVICTION], args: [K.a] },
        { method: "objectFreq", title: "restored with a frequency", setup: [LFU, ["RESTORE", K.a, "0", HELLO_PAYLOAD, "FREQ", "42"]], teardown: [NO_EVICTION], args: [K.a] },
        { method: "objectFreq", title: "missing key, LFU policy", setup: [LFU], teardown: [NO_EVICTION], args: [K.missing] },
        { method: "objectFreq", title: "without an LFU policy", setup: withString, args: [K.a] },
        { method: "objectFreq", title: "missing key, no LFU policy", args: [K.missing] },
        { method: "objectIdletime", title: "fresh key", setup: withString, args: [K.a], normalize: anyCount },
        { method: "objectIdletime", title: "restored with an idle time", setup: [["RESTORE", K.a, "0", HELLO_PAYLOAD, "IDLETIME", "1000"]], args: [K.a], normalize: (v) => (typeof v === "number" && v >= 1000 && v < 1100 ? "about 1000" : v) },
        { method: "objectIdletime", title: "missing key", args: [K.missing] },
        { method: "objectIdletime", title: "with an LFU policy", setup: [LFU, ...withString], teardown: [NO_EVICTION], args: [K.a] },
        { method: "objectRefcount", title: "string", setup: [["SET", K.a, "hello world, not shared"]], args: [K.a] },
        { method: "objectRefcount", title: "shared integer", setup: [["SET", K.a, "1"]], args: [K.a] },
        { method: "objectRefcount", title: "list", setup: withList, args: [K.a] },
        { method: "objectRefcount", title: "missing key", args: [K.missing] },
        { method: "objectRefcount", title: "Buffer key", setup: withList, args: [Buffer.from(K.a)] },

        // wait: standalone has no replicas; each cluster primary has one.
        ...keyless({ method: "wait", title: "no replicas asked", args: [0, 0] }),
        ...keyless({ method: "wait", title: "one replica, short timeout", args: [1, 100] }),
        ...keyless({ method: "wait", title: "after a write", setup: withString, args: [1, 100] }),
        ...keyless({ method: "wait", title: "more replicas than there are", args: [5, 100] }),
        ...keyless({ method: "wait", title: "negative timeout", args: [0, -1] }),
        ...keyless({ method: "wait", title: "negative replicas", args: [-1, 100] }),
    ],
};
