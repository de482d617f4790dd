/**
 * GlideFt calls whose argv must equal GLIDE's, byte for byte: every method, every option of the
 * .d.ts, the edge values where GLIDE sends or leaves out an option (0, "", [], false), and the
 * options GLIDE refuses before sending. The MockServer answers each with `reply` (default OK), so
 * the outcomes (values or errors) are compared as well.
 */
import type { Served } from "./resp-writer";

export interface FtCall {
    title: string;
    /** Runs the call with one side's GlideFt, client and library. */
    call: (ft: any, client: any, lib: any) => Promise<unknown>;
    /** The reply the MockServer serves to every FT.* command of the call. */
    reply?: Served;
}

const vector = (...values: number[]) => Buffer.from(new Float32Array(values).buffer);

const EVERY_FIELD = [
    { type: "TEXT", name: "title", alias: "t", sortable: true, nostem: true, weight: 2.5, withsuffixtrie: true },
    { type: "TEXT", name: "body", nosuffixtrie: true, weight: 0 },
    { type: "TEXT", name: "both", withsuffixtrie: true, nosuffixtrie: true },
    { type: "TAG", name: "tags", alias: "g", separator: "|", caseSensitive: true, sortable: true },
    { type: "TAG", name: Buffer.from("bin"), separator: "", caseSensitive: false },
    { type: "NUMERIC", name: "price", alias: "p", sortable: true },
    {
        type: "VECTOR",
        name: "embedding",
        alias: "e",
        sortable: true,
        attributes: {
            algorithm: "HNSW",
            dimensions: 4,
            distanceMetric: "COSINE",
            type: "FLOAT32",
            initialCap: 100,
            numberOfEdges: 16,
            vectorsExaminedOnConstruction: 200,
            vectorsExaminedOnRuntime: 10,
        },
    },
    { type: "VECTOR", name: "flat", attributes: { algorithm: "FLAT", dimensions: 2, distanceMetric: "L2", initialCap: 5 } },
    { type: "VECTOR", name: "plain", attributes: { algorithm: "HNSW", dimensions: 3, distanceMetric: "IP" } },
    { type: "VECTOR", name: "zeros", attributes: { algorithm: "HNSW", dimensions: 0, distanceMetric: "IP", initialCap: 0, numberOfEdges: 0 } },
    { type: "VECTOR", name: "flatWithM", attributes: { algorithm: "FLAT", dimensions: 1, distanceMetric: "L2", numberOfEdges: 3 } },
];

export const ARGV_CASES: FtCall[] = [
    { title: "create: one TEXT field, no options", call: (ft, c) => ft.create(c, "idx", [{ type: "TEXT", name: "t" }]) },
    { title: "create: an empty schema", call: (ft, c) => ft.create(c, "idx", []) },
    { title: "create: every field type and attribute", call: (ft, c) => ft.create(c, "idx", EVERY_FIELD) },
    {
        title: "create: every index option (JSON)",
        call: (ft, c) =>
            ft.create(c, "idx", [{ type: "NUMERIC", name: "$.n", alias: "n" }], {
                dataType: "JSON",
                prefixes: ["a:", Buffer.from("b:")],
                score: 0.5,
                language: "english",
                skipInitialScan: true,
                minStemSize: 3,
                withOffsets: true,
                stopWords: ["the", "a"],
                punctuation: ",.",
            }),
    },
    {
        title: "create: HASH with NOOFFSETS, NOSTOPWORDS, zero score and stem size",
        call: (ft, c) => ft.create(c, "idx", [{ type: "TEXT", name: "t" }], { dataType: "HASH", noOffsets: true, noStopWords: true, score: 0, minStemSize: 0 }),
    },
    {
        title: "create: empty prefix and stop-word lists, empty language and punctuation, false flags",
        call: (ft, c) =>
            ft.create(c, "idx", [{ type: "TEXT", name: "t", sortable: false, nostem: false }], {
                dataType: "HASH",
                prefixes: [],
                stopWords: [],
                language: "",
                punctuation: "",
                skipInitialScan: false,
                withOffsets: false,
                noOffsets: false,
                noStopWords: false,
            }),
    },
    { title: "create: options without dataType", call: (ft, c) => ft.create(c, "idx", [{ type: "TAG", name: "g" }], { prefixes: ["p:"] }) },
    {
        title: "create: withOffsets with noOffsets is refused",
        call: (ft, c) => ft.create(c, "idx", [], { dataType: "HASH", withOffsets: true, noOffsets: true }),
    },
    {
        title: "create: noStopWords with stopWords is refused",
        call: (ft, c) => ft.create(c, "idx", [], { dataType: "HASH", noStopWords: true, stopWords: [] }),
    },
    { title: "create: a binary index name", call: (ft, c) => ft.create(c, Buffer.from([0x69, 0xff, 0x78]), [{ type: "TEXT", name: "t" }]) },
    { title: "dropindex", call: (ft, c) => ft.dropindex(c, "idx") },
    { title: "list", call: (ft, c) => ft.list(c), reply: ["a", "b"] },
    { title: "search: no options", call: (ft, c) => ft.search(c, "idx", "*"), reply: [0] },
    {
        title: "search: every option, KNN with PARAMS",
        call: (ft, c) =>
            ft.search(c, "idx", "*=>[KNN 2 @embedding $q AS score]", {
                timeout: 100,
                returnFields: [{ fieldIdentifier: "title" }, { fieldIdentifier: "score", alias: "distance" }],
                params: [
                    { key: "q", value: vector(0.1, 0.2, 0.3, 0.4) },
                    { key: "other", value: "x" },
                ],
                nocontent: true,
                dialect: 2,
                verbatim: true,
                inorder: true,
                slop: 1,
                sortby: "score",
                sortbyOrder: "DESC",
                shardScope: "ALLSHARDS",
                consistency: "CONSISTENT",
                limit: { offset: 0, count: 5 },
            }),
        reply: [0],
    },
    {
        title: "search: COUNT, SOMESHARDS, INCONSISTENT, sortby with SortOrder",
        call: (ft, c, lib) => ft.search(c, "idx", "*", { count: true, shardScope: "SOMESHARDS", consistency: "INCONSISTENT", sortby: "p", sortbyOrder: lib.SortOrder.ASC }),
        reply: [3],
    },
    {
        title: "search: zero values and empty lists",
        call: (ft, c) => ft.search(c, "idx", "*", { timeout: 0, slop: 0, dialect: 0, limit: { offset: 0, count: 0 }, returnFields: [], params: [] }),
        reply: [0],
    },
    {
        title: "search: empty alias and sortby, false flags",
        call: (ft, c) => ft.search(c, "idx", "*", { returnFields: [{ fieldIdentifier: "a", alias: "" }], sortby: "", nocontent: false, verbatim: false, inorder: false, count: false }),
        reply: [0],
    },
    { title: "search: sortbyOrder without sortby is refused", call: (ft, c) => ft.search(c, "idx", "*", { sortbyOrder: "ASC" }) },
    { title: "search: withsortkeys without sortby is refused", call: (ft, c) => ft.search(c, "idx", "*", { withsortkeys: true }) },
    { title: "search: limit and count together", call: (ft, c) => ft.search(c, "idx", "*", { count: true, limit: { offset: 1, count: 2 } }), reply: [0] },
    { title: "aggregate: no options", call: (ft, c) => ft.aggregate(c, "idx", "*"), reply: [0] },
    {
        title: "aggregate: every option and clause",
        call: (ft, c, lib) =>
            ft.aggregate(c, "idx", "@price:[0 100]", {
                timeout: 10,
                loadFields: ["@title", "@price"],
                params: [{ key: "lo", value: "0" }],
                verbatim: true,
                inorder: true,
                slop: 2,
                dialect: 2,
                clauses: [
                    { type: "FILTER", expression: "@price > 1" },
                    {
                        type: "GROUPBY",
                        properties: ["@tags", "@title"],
                        reducers: [
                            { function: "COUNT", args: [], name: "count" },
                            { function: "SUM", args: ["@price"] },
                            { function: "QUANTILE", args: ["@price", "0.5"], name: "" },
                        ],
                    },
                    { type: "APPLY", expression: "@count * 2", name: "double" },
                    { type: "SORTBY", properties: [{ property: "@count", order: lib.SortOrder.DESC }, { property: "@tags", order: "ASC" }], max: 3 },
                    { type: "SORTBY", properties: [{ property: "@count", order: "ASC" }], max: 0 },
                    { type: "LIMIT", offset: 1, count: 2 },
                ],
            }),
        reply: [0],
    },
    { title: "aggregate: LOAD *", call: (ft, c) => ft.aggregate(c, "idx", "*", { loadAll: true }), reply: [0] },
    { title: "aggregate: LOAD 0", call: (ft, c) => ft.aggregate(c, "idx", "*", { loadFields: [] }), reply: [0] },
    { title: "aggregate: loadAll false, zero values", call: (ft, c) => ft.aggregate(c, "idx", "*", { loadAll: false, timeout: 0, slop: 0, dialect: 0 }), reply: [0] },
    { title: "aggregate: empty GROUPBY and SORTBY", call: (ft, c) => ft.aggregate(c, "idx", "*", { clauses: [{ type: "GROUPBY", properties: [], reducers: [] }, { type: "SORTBY", properties: [] }] }), reply: [0] },
    { title: "aggregate: an unknown clause is refused", call: (ft, c) => ft.aggregate(c, "idx", "*", { clauses: [{ type: "NOPE" }] }) },
    { title: "info", call: (ft, c) => ft.info(c, "idx"), reply: ["index_name", "idx"] },
    { title: "info: every option", call: (ft, c) => ft.info(c, "idx", { scope: "CLUSTER", shardScope: "SOMESHARDS", consistency: "INCONSISTENT" }), reply: ["index_name", "idx"] },
    { title: "info: one option", call: (ft, c) => ft.info(c, "idx", { consistency: "CONSISTENT" }), reply: ["index_name", "idx"] },
    { title: "explain", call: (ft, c) => ft.explain(c, "idx", "@title:hello"), reply: "INTERSECT {\n}\n" },
    { title: "explaincli", call: (ft, c) => ft.explaincli(c, "idx", "@title:hello"), reply: ["INTERSECT {", "}"] },
    { title: "profileSearch: limited, with options", call: (ft, c) => ft.profileSearch(c, "idx", "*", { limited: true, nocontent: true, timeout: 3 }), reply: [[0], ["t", 1]] },
    { title: "profileSearch: no options", call: (ft, c) => ft.profileSearch(c, "idx", "*"), reply: [[0], ["t", 1]] },
    { title: "profileSearch: COUNT, PARAMS, not limited", call: (ft, c) => ft.profileSearch(c, "idx", "*", { limited: false, count: true, params: [{ key: "a", value: "b" }] }), reply: [[0], ["t", 1]] },
    { title: "profileAggregate: limited, LOAD *", call: (ft, c) => ft.profileAggregate(c, "idx", "*", { limited: true, loadAll: true }), reply: [[0], ["t", 1]] },
    { title: "profileAggregate: clauses", call: (ft, c) => ft.profileAggregate(c, "idx", "*", { clauses: [{ type: "LIMIT", offset: 0, count: 1 }], timeout: 5 }), reply: [[0], ["t", 1]] },
    { title: "aliasadd: alias first on the wire", call: (ft, c) => ft.aliasadd(c, "idx", "alias") },
    { title: "aliasdel", call: (ft, c) => ft.aliasdel(c, "alias") },
    { title: "aliasupdate", call: (ft, c) => ft.aliasupdate(c, "alias", "idx") },
    { title: "aliaslist", call: (ft, c) => ft.aliaslist(c), reply: ["alias", "idx"] },
];
