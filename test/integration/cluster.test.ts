/** GlideClusterClient against the shared 3-primary/3-replica cluster, on RESP2 and RESP3. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
    ClusterScanCursor,
    Decoder,
    GlideClusterClient,
    InfoOptions,
    RequestError,
    type GlideClusterClientConfiguration,
    type Routes,
} from "../../src";
import { GLIDE_POLICY_CHOICES, knownPolicies, policyFromTips } from "../../src/routing/cluster/policies";
import { keySlot } from "../../src/routing/cluster/slot";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { clusterSeeds } from "../helpers/shared";

interface Shard {
    start: number;
    end: number;
    primary: number;
    replicas: number[];
}

/** The slot map as the server reports it, by port. */
async function shardsOf(client: GlideClusterClient): Promise<Shard[]> {
    const reply = (await client.customCommand(["CLUSTER", "SLOTS"], { route: "randomNode" })) as unknown[][];
    return reply.map((range) => ({
        start: range[0] as number,
        end: range[1] as number,
        primary: (range[2] as unknown[])[1] as number,
        replicas: range.slice(3).map((node) => (node as unknown[])[1] as number),
    }));
}

function shardOfSlot(shards: Shard[], slot: number): Shard {
    const shard = shards.find((candidate) => candidate.start <= slot && slot <= candidate.end);
    assert.ok(shard, `no shard owns slot ${slot}`);
    return shard;
}

/** The port of the node that served an INFO routed by `route`. */
async function portServing(client: GlideClusterClient, route: Routes): Promise<number> {
    const info = (await client.info({ sections: [InfoOptions.Server], route })) as string;
    return Number(/^tcp_port:(\d+)/m.exec(info)?.[1]);
}

function infoCount(info: string, command: string): number {
    return Number(new RegExp(`^cmdstat_${command}:calls=(\\d+)`, "m").exec(info)?.[1] ?? 0);
}

describe("routing policies", () => {
    it("the keyless policy table matches the request/response tips of the server's COMMAND INFO", async () => {
        const [seed] = await clusterSeeds();
        const client = await GlideClusterClient.createClient({ addresses: [seed], requestTimeout: 2000 });
        try {
            const mismatches: string[] = [];
            for (const [name, ours] of knownPolicies()) {
                if (GLIDE_POLICY_CHOICES.has(name)) continue;
                const [command] = name.split("|");
                const [entry] = (await client.customCommand(["COMMAND", "INFO", command], { route: "randomNode" })) as unknown[][];
                if (entry === null || entry === undefined) continue; // not on this server version
                const subcommands = (entry[9] ?? []) as unknown[][];
                const own = name.includes("|") ? subcommands.find((sub) => sub[0] === name) : entry;
                const theirs = policyFromTips(((own?.[7] ?? []) as string[]).map(String));
                if (JSON.stringify(theirs) !== JSON.stringify(ours)) mismatches.push(`${name}: ours ${JSON.stringify(ours)}, server ${JSON.stringify(theirs)}`);
            }
            assert.deepEqual(mismatches, []);

            // And no keyless command with a request policy is missing from the table.
            const known = new Set(knownPolicies().map(([name]) => name));
            const missing: string[] = [];
            const visit = (entry: unknown[]) => {
                const tips = ((entry[7] ?? []) as unknown[]).map(String);
                const policy = policyFromTips(tips);
                if (policy !== undefined && Number(entry[3]) === 0 && !known.has(String(entry[0]))) missing.push(String(entry[0]));
                for (const sub of (entry[9] ?? []) as unknown[][]) visit(sub);
            };
            for (const entry of (await client.customCommand(["COMMAND"], { route: "randomNode" })) as unknown[][]) visit(entry);
            assert.deepEqual(missing, []);
        } finally {
            client.close();
        }
    });
});

for (const { name, protocol } of PROTOCOLS) {
    describe(`GlideClusterClient ${name}`, () => {
        let client: GlideClusterClient;
        const seeds: { host: string; port: number }[] = [];
        const newClient = async (extra: Partial<GlideClusterClientConfiguration> = {}) =>
            GlideClusterClient.createClient({ addresses: [seeds[0]], protocol, requestTimeout: 2000, ...extra });

        before(async () => {
            seeds.push(...(await clusterSeeds()));
            client = await newClient();
        });
        after(() => client?.close());

        it("discovers the whole cluster from any single seed, primary or replica", async () => {
            for (const seed of seeds) {
                const fromSeed = await GlideClusterClient.createClient({ addresses: [seed], protocol, requestTimeout: 2000 });
                try {
                    const everyNode = (await fromSeed.ping({ route: "allNodes" })) as string;
                    assert.equal(everyNode, "PONG");
                    const echoes = (await fromSeed.echo("hi", { route: "allNodes" })) as Record<string, string>;
                    assert.equal(Object.keys(echoes).length, seeds.length);
                } finally {
                    fromSeed.close();
                }
            }
        });

        it("routes keyed commands to the slot's primary", async () => {
            const keys = Array.from({ length: 50 }, () => uniqueKey("routed"));
            for (const key of keys) assert.equal(await client.set(key, key), "OK");
            for (const key of keys) assert.equal(await client.get(key), key);
        });

        it("honours every route type", async () => {
            const shards = await shardsOf(client);
            const primaries = shards.map((shard) => shard.primary).sort();
            const key = uniqueKey("route");
            const shard = shardOfSlot(shards, keySlot(key));

            assert.equal(await portServing(client, { type: "primarySlotKey", key }), shard.primary);
            assert.ok(shard.replicas.includes(await portServing(client, { type: "replicaSlotKey", key })));
            assert.equal(await portServing(client, { type: "primarySlotId", id: shard.start }), shard.primary);
            assert.ok(shard.replicas.includes(await portServing(client, { type: "replicaSlotId", id: shard.end })));
            assert.equal(await portServing(client, { type: "routeByAddress", host: seeds[1].host, port: seeds[1].port }), seeds[1].port);
            assert.equal(await portServing(client, { type: "routeByAddress", host: `${seeds[2].host}:${seeds[2].port}` }), seeds[2].port);
            const random = await portServing(client, "randomNode");
            assert.ok(seeds.some((seed) => seed.port === random));

            const fromPrimaries = (await client.info({ sections: [InfoOptions.Server], route: "allPrimaries" })) as Record<string, string>;
            assert.deepEqual(Object.keys(fromPrimaries).map((address) => Number(address.split(":")[1])).sort(), primaries);
            const fromAll = (await client.time({ route: "allNodes" })) as Record<string, [string, string]>;
            assert.equal(Object.keys(fromAll).length, seeds.length);
            const defaultInfo = (await client.info()) as Record<string, string>;
            assert.equal(Object.keys(defaultInfo).length, primaries.length, "INFO goes to every primary by default");

            await assert.rejects(client.ping({ route: { type: "routeByAddress", host: "127.0.0.1", port: 1 } }), RequestError);
            await assert.rejects(client.ping({ route: { type: "primarySlotId", id: 16384 } }), RequestError);
        });

        it("combines replies of several nodes as the server's response policies say", async () => {
            const sizes = (await client.customCommand(["DBSIZE"], { route: "allPrimaries" })) as number;
            assert.equal(typeof sizes, "number");
            assert.equal(typeof (await client.dbsize()), "number");
            assert.equal(await client.ping(), "PONG");
            assert.equal(await client.ping({ message: "m", route: "allNodes" }), "m");
            assert.equal(await client.configSet({ "lazyfree-lazy-user-del": "no" }), "OK");
            assert.equal(typeof (await client.clientId()), "number");
            const ids = (await client.clientId({ route: "allPrimaries" })) as Record<string, number>;
            assert.equal(Object.keys(ids).length, 3);
            const config = (await client.configGet(["maxmemory"], { route: { type: "primarySlotId", id: 0 } })) as Record<string, string>;
            assert.deepEqual(Object.keys(config), ["maxmemory"]);
        });

        it("customCommand routes by the command's key, its policy, or a random node", async () => {
            const key = uniqueKey("custom");
            assert.equal(await client.customCommand(["SET", key, "v"]), "OK");
            assert.equal(await client.customCommand(["get", key]), "v");
            assert.equal(await client.customCommand(["EVAL", "return redis.call('GET', KEYS[1])", "1", key]), "v");
            assert.equal(typeof (await client.customCommand(["DBSIZE"])), "number");
            const perNode = (await client.customCommand(["CONFIG", "GET", "port"], { route: "allNodes" })) as { key: string; value: unknown }[];
            assert.equal(perNode.length, seeds.length);
            for (const { key, value } of perNode) assert.deepEqual(value, [{ key: "port", value: key.split(":")[1] }]);
        });

        it("splits MSET, MGET, EXISTS, TOUCH, DEL and UNLINK across many slots", async () => {
            const keys = Array.from({ length: 200 }, (_, i) => `multi-${uniqueKey()}-${i}`);
            assert.ok(new Set(keys.map(keySlot)).size > 100);
            const pairs = Object.fromEntries(keys.map((key, i) => [key, `value-${i}`]));
            assert.equal(await client.mset(pairs), "OK");
            const missing = uniqueKey("missing");
            assert.deepEqual(await client.mget([...keys, missing]), [...keys.map((_, i) => `value-${i}`), null]);
            const asBytes = await client.mget(keys.slice(0, 3), { decoder: Decoder.Bytes });
            assert.deepEqual(asBytes, [Buffer.from("value-0"), Buffer.from("value-1"), Buffer.from("value-2")]);
            assert.equal(await client.exists([...keys, missing, keys[0]]), keys.length + 1);
            assert.equal(await client.touch(keys), keys.length);
            assert.equal(await client.del(keys.slice(0, 100)), 100);
            assert.equal(await client.unlink([...keys.slice(50), missing]), 100);
            assert.deepEqual(await client.mget(keys.slice(95, 105)), new Array(10).fill(null));
        });

        it("reads from replicas with readFrom preferReplica (seen in the replica's commandstats)", async () => {
            const reader = await newClient({ readFrom: "preferReplica" });
            try {
                const key = uniqueKey("replica-read");
                await client.set(key, "v");
                await client.customCommand(["WAIT", "1", "1000"], { route: { type: "primarySlotKey", key } });
                const shard = shardOfSlot(await shardsOf(client), keySlot(key));
                const statsOf = async (port: number) =>
                    infoCount(
                        (await client.info({ sections: [InfoOptions.Commandstats], route: { type: "routeByAddress", host: seeds[0].host, port } })) as string,
                        "strlen",
                    );
                const before = await Promise.all(shard.replicas.map(statsOf));
                const primaryBefore = await statsOf(shard.primary);
                for (let i = 0; i < 20; i++) assert.equal(await reader.strlen(key), 1);
                const after = await Promise.all(shard.replicas.map(statsOf));
                const replicaCalls = after.reduce((sum, count, i) => sum + count - before[i], 0);
                assert.equal(replicaCalls, 20);
                assert.equal(await statsOf(shard.primary), primaryBefore);
            } finally {
                reader.close();
            }
        });

        it("scans every shard once, across calls, with MATCH and a Bytes decoder", async () => {
            const prefix = uniqueKey("scan");
            const keys = Array.from({ length: 300 }, (_, i) => `${prefix}-${i}-${uniqueKey()}`);
            await client.mset(Object.fromEntries(keys.map((key) => [key, "v"])));
            const seen: string[] = [];
            let cursor = new ClusterScanCursor();
            let calls = 0;
            while (!cursor.isFinished()) {
                const [next, found] = await client.scan(cursor, { match: `${prefix}*`, count: 50 });
                seen.push(...(found as string[]));
                cursor = next;
                calls++;
            }
            assert.ok(calls > 3);
            assert.equal(seen.length, keys.length, "no key twice");
            assert.deepEqual(seen.sort(), [...keys].sort());

            // A cursor rebuilt from its id resumes where the scan was.
            const resumed: string[] = [];
            let resumable = new ClusterScanCursor();
            do {
                const [next, found] = await client.scan(new ClusterScanCursor(resumable.getCursor()), { match: `${prefix}*`, count: 50 });
                resumed.push(...(found as string[]));
                resumable = next;
            } while (!resumable.isFinished());
            assert.deepEqual(resumed.sort(), [...keys].sort());

            const [, bytes] = await client.scan(new ClusterScanCursor(), { match: `${prefix}*`, count: 1000, decoder: Decoder.Bytes });
            assert.ok(bytes.every((key) => Buffer.isBuffer(key)));
            await client.del(keys);
        });

        it("blocking commands wait on their key's primary without stalling other traffic", async () => {
            const key = uniqueKey("blocking");
            const waiting = client.blpop([key], 2);
            await new Promise((resolve) => setTimeout(resolve, 50));
            assert.equal(await client.get(uniqueKey("other")), null);
            assert.equal(await client.rpush(key, ["x"]), 1);
            assert.deepEqual(await waiting, [key, "x"]);
            assert.equal(await client.blpop([uniqueKey("empty")], 0.1), null);
        });

        it("commands whose keys follow a keyword (XREAD … STREAMS key) route by that key, blocking or not", async () => {
            const key = uniqueKey("stream");
            const id = (await client.xadd(key, [["field", "value"]])) as string;
            const read = await client.xread({ [key]: "0" });
            assert.ok(read !== null);
            const waiting = client.xread({ [key]: id }, { block: 2000 });
            await new Promise((resolve) => setTimeout(resolve, 50));
            await client.xadd(key, [["later", "x"]]);
            assert.ok((await waiting) !== null);
        });

        it("select: database 0 on every node; other databases only where the server allows them", async () => {
            assert.equal(await client.select(0), "OK");
            const key = uniqueKey("select");
            assert.equal(await client.set(key, "v"), "OK");
            assert.equal(await client.get(key), "v");
            const info = (await client.info({ sections: [InfoOptions.Server], route: "randomNode" })) as string;
            if (/^valkey_version:[0-8]\./m.test(info)) await assert.rejects(client.select(1), RequestError);
        });

        it("lazyConnect discovers on the first command", async () => {
            const lazy = await newClient({ lazyConnect: true });
            try {
                const key = uniqueKey("lazy");
                assert.equal(await lazy.set(key, "v"), "OK");
                assert.equal(await client.get(key), "v");
            } finally {
                lazy.close();
            }
        });
    });
}
