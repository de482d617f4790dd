/**
 * One run of GlideFt on a server with the Search module: an index of every field type (HNSW and
 * FLAT vectors), documents, then every method the stand-in module can run. RediSearch's FT.PROFILE
 * nests its timings where GLIDE's core expects numbers: both refuse it, and only the start of the
 * message (before GLIDE's debug print of the reply) is compared; converted profiles are compared
 * on recorded replies (recorded-replies.ts). Each step's outcome is
 * recorded; GLIDE's record and glide-ts's must be equal. Names carry the side's hash tag, so both
 * sides work on the same server and, on a cluster, an index and its documents share a slot.
 */
import { capture, renderOutcome } from "../harness/outcome";

export class ScenarioRecord {
    readonly lines: string[] = [];

    constructor(readonly tag: string) {}

    async step(title: string, call: () => Promise<unknown>, normalize: (value: unknown) => unknown = (value) => value): Promise<void> {
        const outcome = await capture(async () => normalize(await call()));
        const text = renderOutcome(outcome).split(this.tag).join("<tag>").replace(/ \(response was [\s\S]*(?="\)$)/, " (response was …)");
        this.lines.push(`${title}: ${text.split(Buffer.from(this.tag).toString("hex")).join("<tag in hex>")}`);
    }
}

const vector = (...values: number[]) => Buffer.from(new Float32Array(values).buffer);

/**
 * Numbers that change from run to run (memory sizes, timings) become their kind. max_doc_id too:
 * a document written while FT.CREATE's initial scan runs may be indexed twice, which a faster
 * client meets more often.
 */
function infoShape(info: unknown): unknown {
    const stable = new Set(["index_name", "index_options", "index_definition", "attributes", "num_docs", "hash_indexing_failures"]);
    const shape = (value: unknown): unknown => {
        if (typeof value === "number") return "<number>";
        if (typeof value === "string" && isNumeric(value)) return "<numeric text>";
        if (Buffer.isBuffer(value) && isNumeric(value.toString())) return "<numeric bytes>";
        if (Array.isArray(value)) return value.map(shape);
        return value;
    };
    return Object.fromEntries(Object.entries(info as Record<string, unknown>).map(([key, value]) => [key, stable.has(key) ? value : shape(value)]));
}

const isNumeric = (text: string) => text !== "" && (text === "nan" || text === "-nan" || !Number.isNaN(Number(text)));

/** FT._LIST on a cluster joins the primaries' lists in reply order: sorted, and this side's only. */
const ownSorted = (tag: string) => (names: unknown) =>
    (names as (string | Buffer)[]).filter((name) => name.toString().includes(tag)).sort((a, b) => a.toString().localeCompare(b.toString()));

export async function runModuleScenario(record: ScenarioRecord, lib: any, client: any): Promise<void> {
    const ft = lib.GlideFt;
    const t = record.tag;
    const index = `{${t}}products`;
    const flatIndex = `{${t}}flat`;
    const bytes = { decoder: lib.Decoder.Bytes };
    const schema = [
        { type: "TEXT", name: "title", sortable: true, weight: 2 },
        { type: "TAG", name: "color", separator: "|" },
        { type: "NUMERIC", name: "price", sortable: true },
        { type: "VECTOR", name: "embedding", attributes: { algorithm: "HNSW", dimensions: 2, distanceMetric: "L2", numberOfEdges: 8, vectorsExaminedOnConstruction: 100, vectorsExaminedOnRuntime: 10 } },
    ];
    await record.step("create HASH index with HNSW", () => ft.create(client, index, schema, { dataType: "HASH", prefixes: [`{${t}}:p:`] }));
    await record.step("create FLAT index", () =>
        ft.create(client, flatIndex, [{ type: "VECTOR", name: "embedding", alias: "vec", attributes: { algorithm: "FLAT", dimensions: 2, distanceMetric: "COSINE", initialCap: 10 } }, { type: "NUMERIC", name: "price" }], {
            dataType: "HASH",
            prefixes: [`{${t}}:p:`],
            skipInitialScan: true,
        }),
    );
    await record.step("create an existing index", () => ft.create(client, index, schema));
    const products: [string, string, number, number[]][] = [
        ["red lamp", "red", 30, [0, 0]],
        ["blue lamp", "blue", 20, [1, 1]],
        ["red mug", "red|kitchen", 5, [2, 2]],
    ];
    for (const [i, [title, color, price, embedding]] of products.entries()) {
        await client.hset(`{${t}}:p:${i}`, { title, color, price: String(price), embedding: vector(...embedding) });
    }
    const knn = (count: number, query: number[]) => ({
        params: [{ key: "query", value: vector(...query) }],
        returnFields: [{ fieldIdentifier: "title" }, { fieldIdentifier: "distance" }],
        sortby: "distance",
        dialect: 2,
        limit: { offset: 0, count },
    });
    await record.step("search text", () => ft.search(client, index, "@title:lamp", { sortby: "price", returnFields: [{ fieldIdentifier: "title" }, { fieldIdentifier: "price", alias: "cost" }] }));
    await record.step("search NOCONTENT, limit", () => ft.search(client, index, "*", { nocontent: true, sortby: "price", sortbyOrder: "DESC", limit: { offset: 1, count: 1 } }));
    await record.step("search tag, verbatim, bytes", () => ft.search(client, index, "@color:{red}", { verbatim: true, sortby: "price", returnFields: [{ fieldIdentifier: "title" }], ...bytes }));
    await record.step("search numeric range, RETURN 0", () => ft.search(client, index, "@price:[10 40]", { returnFields: [], sortby: "price" }));
    await record.step("search with no match", () => ft.search(client, index, "@title:nothing"));
    await record.step("search INORDER SLOP TIMEOUT", () => ft.search(client, index, "red lamp", { inorder: true, slop: 0, timeout: 1000, nocontent: true }));
    await record.step("HNSW KNN with PARAMS", () => ft.search(client, index, "*=>[KNN 2 @embedding $query AS distance]", knn(2, [0.9, 0.9])));
    await record.step("FLAT KNN with PARAMS", () => ft.search(client, flatIndex, "*=>[KNN 3 @vec $query AS distance]", { ...knn(3, [1, 0.5]), returnFields: [{ fieldIdentifier: "distance" }] }));
    await record.step("hybrid KNN with a filter", () => ft.search(client, index, "(@price:[0 25])=>[KNN 3 @embedding $query AS distance]", knn(3, [0, 0])));
    await record.step("search on a missing index", () => ft.search(client, `{${t}}missing`, "*"));
    await record.step("aggregate: load, groupby with reducers, sortby", () =>
        ft.aggregate(client, index, "*", {
            loadFields: ["@color", "@price"],
            clauses: [
                { type: "GROUPBY", properties: ["@color"], reducers: [{ function: "COUNT", args: [], name: "n" }, { function: "SUM", args: ["@price"], name: "total" }] },
                { type: "SORTBY", properties: [{ property: "@total", order: lib.SortOrder.DESC }], max: 10 },
            ],
        }),
    );
    await record.step("aggregate: apply, filter, limit", () =>
        ft.aggregate(client, index, "*", {
            loadFields: ["@price", "@title"],
            clauses: [
                { type: "APPLY", expression: "@price * 2", name: "double" },
                { type: "FILTER", expression: "@double > 15" },
                { type: "SORTBY", properties: [{ property: "@price", order: lib.SortOrder.ASC }] },
                { type: "LIMIT", offset: 0, count: 5 },
            ],
        }),
    );
    await record.step("aggregate: LOAD *, params, dialect, bytes", () =>
        ft.aggregate(client, index, "@price:[$lo $hi]", {
            loadAll: true,
            params: [{ key: "lo", value: "0" }, { key: "hi", value: "10" }],
            dialect: 2,
            timeout: 1000,
            ...bytes,
        }),
    );
    // Documents hold binary vectors: a search that returns every field fails to decode them as
    // text (GLIDE's "Decoding error"), so these return the title only.
    await record.step("search WITHSORTKEYS", () => ft.search(client, index, "*", { sortby: "price", withsortkeys: true, returnFields: [{ fieldIdentifier: "title" }] }));
    await record.step("search returning binary vectors as text", () => ft.search(client, index, "@title:mug"));
    await record.step("profileSearch (the stand-in's profile layout)", () => ft.profileSearch(client, index, "@title:lamp", { returnFields: [{ fieldIdentifier: "title" }] }));
    await record.step("profileAggregate (the stand-in's profile layout)", () => ft.profileAggregate(client, index, "*", { limited: true, loadFields: ["@title"] }));
    await record.step("info", () => ft.info(client, index), infoShape);
    await record.step("info, bytes", () => ft.info(client, flatIndex, bytes), infoShape);
    await record.step("info of a missing index", () => ft.info(client, `{${t}}missing`));
    await record.step("explain", () => ft.explain(client, index, "@title:lamp @price:[0 10]"));
    await record.step("explain, bytes", () => ft.explain(client, index, "@color:{red}", bytes));
    await record.step("explaincli", () => ft.explaincli(client, index, "@title:lamp | @title:mug"));
    const alias = `{${t}}alias`;
    await record.step("aliasadd", () => ft.aliasadd(client, index, alias));
    await record.step("aliasadd again", () => ft.aliasadd(client, index, alias));
    await record.step("search through the alias", () => ft.search(client, alias, "@title:mug", { returnFields: [{ fieldIdentifier: "title" }] }));
    await record.step("aliasupdate", () => ft.aliasupdate(client, alias, flatIndex));
    await record.step("aliasdel", () => ft.aliasdel(client, alias));
    await record.step("aliasdel again", () => ft.aliasdel(client, alias));
    await record.step("aliaslist (the stand-in has no FT._ALIASLIST)", () => ft.aliaslist(client));
    await record.step("list", () => ft.list(client), ownSorted(t));
    await record.step("list, bytes", () => ft.list(client, bytes), ownSorted(t));
    await record.step("dropindex", () => ft.dropindex(client, index));
    await record.step("dropindex FLAT", () => ft.dropindex(client, flatIndex));
    await record.step("dropindex again", () => ft.dropindex(client, index));
    await record.step("list after dropping", () => ft.list(client), ownSorted(t));
}
