/**
 * GlideFt (glide-ts alone) on the Search module (RediSearch 2.6.37 standing in for valkey-search):
 * vector search with HNSW and FLAT indexes, aggregation, aliases and index administration on
 * both client kinds, and where a cluster keeps an index (the primary of its name's slot).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { GlideClient, GlideClusterClient, GlideFt, ProtocolVersion, RequestError, SortOrder, type Field } from "../../src";
import { moduleSkipReason, startModuleCluster, startModuleStandalone } from "../helpers/module-servers";

const vector = (...values: number[]) => Buffer.from(new Float32Array(values).buffer);

const SCHEMA: Field[] = [
    { type: "TEXT", name: "title" },
    { type: "TAG", name: "color" },
    { type: "NUMERIC", name: "price", sortable: true },
    { type: "VECTOR", name: "hnsw", attributes: { algorithm: "HNSW", dimensions: 2, distanceMetric: "L2" } },
    { type: "VECTOR", name: "flat", attributes: { algorithm: "FLAT", dimensions: 2, distanceMetric: "L2" } },
];

const PRODUCTS: [title: string, color: string, price: number, at: [number, number]][] = [
    ["red lamp", "red", 30, [0, 0]],
    ["blue lamp", "blue", 20, [5, 5]],
    ["red mug", "red", 5, [1, 0]],
];

type AnyClient = GlideClient | GlideClusterClient;

/** Index and documents share the tag's slot, as a cluster needs. */
async function seed(client: AnyClient, tag: string): Promise<string> {
    const index = `{${tag}}idx`;
    assert.equal(await GlideFt.create(client, index, SCHEMA, { dataType: "HASH", prefixes: [`{${tag}}:`], skipInitialScan: true }), "OK");
    for (const [i, [title, color, price, at]] of PRODUCTS.entries()) {
        await client.hset(`{${tag}}:${i}`, { title, color, price: String(price), hnsw: vector(...at), flat: vector(...at) });
    }
    return index;
}

function knn(field: string, count: number, at: [number, number]) {
    return {
        query: `*=>[KNN ${count} @${field} $q AS d]`,
        options: { params: [{ key: "q", value: vector(...at) }], sortby: "d", returnFields: [{ fieldIdentifier: "title" }, { fieldIdentifier: "d" }] },
    };
}

function titlesOf(result: Awaited<ReturnType<typeof GlideFt.search>>): string[] {
    return (result[1] ?? []).map((document) => String(document.value.find((field) => field.key === "title")?.value));
}

function describeClientKind(name: string, connect: () => Promise<AnyClient>): void {
    describe(name, () => {
        let client: AnyClient;
        let index: string;
        const tag = `it-${name.replace(/\W/g, "")}`;
        before(async () => {
            client = await connect();
            index = await seed(client, tag);
        });
        after(async () => {
            await GlideFt.dropindex(client, index).catch(() => undefined);
            client.close();
        });

        it("HNSW and FLAT KNN queries with PARAMS find the nearest vectors first", async () => {
            for (const field of ["hnsw", "flat"]) {
                const { query, options } = knn(field, 2, [0.9, 0.1]);
                const result = await GlideFt.search(client, index, query, options);
                assert.equal(result[0], 2);
                assert.deepEqual(titlesOf(result), ["red mug", "red lamp"], field);
                const distance = result[1][0].value.find((entry) => entry.key === "d")?.value;
                assert.ok(Math.abs(Number(distance) - 0.02) < 1e-5, `${field}: squared L2 distance ${distance}`);
            }
        });

        it("a KNN query restricted by a filter, and text and tag searches", async () => {
            const { options } = knn("hnsw", 3, [0, 0]);
            const filtered = await GlideFt.search(client, index, "(@price:[10 100])=>[KNN 3 @hnsw $q AS d]", options);
            assert.deepEqual(titlesOf(filtered), ["red lamp", "blue lamp"]);
            const lamps = await GlideFt.search(client, index, "@title:lamp @color:{red}", { returnFields: [{ fieldIdentifier: "title" }] });
            assert.deepEqual(titlesOf(lamps), ["red lamp"]);
            const keysOnly = await GlideFt.search(client, index, "*", { nocontent: true, sortby: "price", sortbyOrder: SortOrder.DESC, limit: { offset: 0, count: 2 } });
            assert.deepEqual(keysOnly, [3, [{ key: `{${tag}}:0`, value: [] }, { key: `{${tag}}:1`, value: [] }]]);
        });

        it("aggregate groups, reduces, applies, filters and sorts", async () => {
            const rows = await GlideFt.aggregate(client, index, "*", {
                loadFields: ["@color", "@price"],
                clauses: [
                    { type: "APPLY", expression: "@price * 2", name: "double" },
                    { type: "FILTER", expression: "@double > 1" },
                    { type: "GROUPBY", properties: ["@color"], reducers: [{ function: "COUNT", args: [], name: "n" }, { function: "SUM", args: ["@double"], name: "sum" }] },
                    { type: "SORTBY", properties: [{ property: "@sum", order: SortOrder.DESC }] },
                ],
            });
            assert.deepEqual(rows, [
                [{ key: "color", value: "red" }, { key: "n", value: "2" }, { key: "sum", value: "70" }],
                [{ key: "color", value: "blue" }, { key: "n", value: "1" }, { key: "sum", value: "40" }],
            ]);
        });

        it("info, explain and explaincli describe the index and queries", async () => {
            const info = await GlideFt.info(client, index);
            assert.equal(info.index_name, index);
            assert.equal(Number(info.num_docs), 3);
            assert.match(String(await GlideFt.explain(client, index, "@price:[0 10]")), /NUMERIC/);
            assert.ok((await GlideFt.explaincli(client, index, "@title:lamp")).length > 1);
        });

        it("aliases resolve to their index; the list of indexes holds it", async () => {
            const alias = `{${tag}}alias`;
            assert.equal(await GlideFt.aliasadd(client, index, alias), "OK");
            assert.deepEqual(titlesOf(await GlideFt.search(client, alias, "@title:mug", { returnFields: [{ fieldIdentifier: "title" }] })), ["red mug"]);
            assert.equal(await GlideFt.aliasupdate(client, alias, index), "OK");
            assert.equal(await GlideFt.aliasdel(client, alias), "OK");
            await assert.rejects(GlideFt.aliasdel(client, alias), RequestError);
            assert.ok((await GlideFt.list(client)).includes(index));
        });

        it("the stand-in's FT.PROFILE reply and missing FT._ALIASLIST are refused as GLIDE refuses them", async () => {
            // RediSearch nests its profile, where valkey-search (and GLIDE's converter) expect numbers.
            await assert.rejects(GlideFt.profileSearch(client, index, "@title:lamp", { returnFields: [{ fieldIdentifier: "title" }] }), (error: Error) => error instanceof RequestError && error.message.startsWith("Response was of incompatible type"));
            await assert.rejects(GlideFt.aliaslist(client), /unknown command 'FT._ALIASLIST'/);
        });
    });
}

describe("GlideFt on the Search module", { skip: moduleSkipReason }, () => {
    let server: Awaited<ReturnType<typeof startModuleStandalone>>;
    let cluster: Awaited<ReturnType<typeof startModuleCluster>>;
    before(async () => {
        [server, cluster] = await Promise.all([startModuleStandalone("ft-integration"), startModuleCluster()]);
    });
    after(async () => {
        await Promise.all([server?.stop(), cluster?.stop()]);
    });

    for (const [name, protocol] of [["standalone RESP3", ProtocolVersion.RESP3], ["standalone RESP2", ProtocolVersion.RESP2]] as const) {
        describeClientKind(name, () => GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], protocol, requestTimeout: 3000 }));
    }
    describeClientKind("cluster", () => GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 3000 }));

    describe("an index on a cluster", () => {
        let client: GlideClusterClient;
        before(async () => {
            client = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 3000 });
        });
        after(() => client.close());

        /** Each primary's own FT._LIST, by the first slot it serves. */
        async function indexesByPrimary(): Promise<Map<string, string[]>> {
            const lists = (await client.customCommand(["FT._LIST"], { route: "allPrimaries" })) as string[];
            const perNode = new Map<string, string[]>();
            const slots = (await client.customCommand(["CLUSTER", "SLOTS"])) as [number, number, [string, number]][];
            for (const [, , [host, port]] of slots) {
                perNode.set(`${host}:${port}`, (await client.customCommand(["FT._LIST"], { route: { type: "routeByAddress", host, port } })) as string[]);
            }
            assert.equal(lists.length, [...perNode.values()].flat().length, "FT._LIST joins every primary's list");
            return perNode;
        }

        it("lives on the primary of its name's slot only; list joins every primary's indexes", async () => {
            const names = ["{route-a}idx", "{route-b}idx", "{route-c}idx"];
            for (const name of names) await GlideFt.create(client, name, [{ type: "TEXT", name: "t" }], { dataType: "HASH", prefixes: [`${name}:`] });
            try {
                const perNode = await indexesByPrimary();
                const slots = (await client.customCommand(["CLUSTER", "SLOTS"])) as [number, number, [string, number]][];
                for (const name of names) {
                    const slot = (await client.customCommand(["CLUSTER", "KEYSLOT", name])) as number;
                    const [, , [host, port]] = slots.find(([low, high]) => low <= slot && slot <= high)!;
                    const holders = [...perNode].filter(([, list]) => list.includes(name)).map(([address]) => address);
                    assert.deepEqual(holders, [`${host}:${port}`], name);
                }
                const listed = await GlideFt.list(client);
                for (const name of names) assert.ok(listed.includes(name), name);
            } finally {
                for (const name of names) await GlideFt.dropindex(client, name);
            }
        });

        it("finds only the documents of its own node: keys need the index name's hash tag", async () => {
            const index = "{shop}idx";
            await GlideFt.create(client, index, [{ type: "TEXT", name: "t" }], { dataType: "HASH", prefixes: ["{shop}:", "elsewhere:"] });
            try {
                await client.hset("{shop}:1", { t: "found" });
                // Same prefix rule, another slot (another primary): that node has no such index.
                await client.hset("elsewhere:{x}", { t: "found" });
                const result = await GlideFt.search(client, index, "@t:found", { nocontent: true });
                assert.deepEqual(result, [1, [{ key: "{shop}:1", value: [] }]]);
            } finally {
                await GlideFt.dropindex(client, index);
                await client.del(["{shop}:1", "elsewhere:{x}"]);
            }
        });

        it("queries go to a replica when readFrom allows it, index changes to the primary", async () => {
            const reader = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 3000, readFrom: "preferReplica" });
            const index = "{replica-read}idx";
            try {
                const searchCallsByRole = async (): Promise<Record<string, number>> => {
                    const stats = (await client.customCommand(["INFO", "commandstats"], { route: "allNodes" })) as { key: string; value: string }[];
                    const roles = (await client.customCommand(["ROLE"], { route: "allNodes" })) as { key: string; value: string[] }[];
                    const roleOf = new Map(roles.map(({ key, value }) => [key, String(value[0])]));
                    const counts: Record<string, number> = { master: 0, slave: 0 };
                    for (const { key, value } of stats) counts[roleOf.get(key)!] += Number(/cmdstat_FT\.SEARCH:calls=(\d+)/.exec(value)?.[1] ?? 0);
                    return counts;
                };
                await GlideFt.create(reader, index, [{ type: "TEXT", name: "t" }], { dataType: "HASH", prefixes: ["{replica-read}:"] });
                // The replica must know the index before it is asked.
                await client.customCommand(["WAIT", "1", "2000"], { route: { type: "primarySlotKey", key: index } });
                const before = await searchCallsByRole();
                for (let i = 0; i < 3; i++) assert.deepEqual(await GlideFt.search(reader, index, "*"), [0]);
                const afterwards = await searchCallsByRole();
                assert.deepEqual({ master: afterwards.master - before.master, slave: afterwards.slave - before.slave }, { master: 0, slave: 3 });
            } finally {
                await GlideFt.dropindex(client, index).catch(() => undefined);
                reader.close();
            }
        });

        it("an alias in another slot than its index is refused by the server (CROSSSLOT)", async () => {
            const index = "{alias-home}idx";
            await GlideFt.create(client, index, [{ type: "TEXT", name: "t" }]);
            try {
                await assert.rejects(GlideFt.aliasadd(client, index, "{elsewhere}alias"), /CrossSlot/);
                assert.equal(await GlideFt.aliasadd(client, index, "{alias-home}alias"), "OK");
            } finally {
                await GlideFt.dropindex(client, index);
            }
        });
    });
});
