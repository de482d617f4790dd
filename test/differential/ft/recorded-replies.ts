/**
 * VALKEY-SEARCH REPLIES THE STAND-IN CANNOT GIVE. RediSearch 2.6 (our stand-in) has no ON JSON
 * indexes with valkey-json, no FT._ALIASLIST, no FT.SEARCH COUNT and another FT.INFO layout, so
 * these cases serve replies written from valkey-search's documented formats
 * (docs/commands/ft.info.md, ft.search.md, ft.alias.md of valkey-io/valkey-search) to both
 * clients from a MockServer, and compare how each converts them. A second group serves replies
 * of unexpected shapes, to compare the conversion errors.
 */
import type { FtCall } from "./argv-cases";

const HNSW_ATTRIBUTE = [
    "identifier", "embedding", "attribute", "embedding", "user_indexed_memory", 1024, "type", "VECTOR",
    "index", [
        "capacity", 100, "dimensions", 4, "distance_metric", "COSINE", "size", 2, "data_type", "FLOAT32",
        "algorithm", ["name", "HNSW", "m", 16, "ef_construction", 200, "ef_runtime", 10],
    ],
];
const TAG_ATTRIBUTE = ["identifier", "$.tags", "attribute", "tags", "user_indexed_memory", 12, "type", "TAG", "SEPARATOR", ",", "CASESENSITIVE", 0, "SIZE", 2];
const TEXT_ATTRIBUTE = ["identifier", "$.title", "attribute", "title", "user_indexed_memory", 40, "type", "TEXT", "WITH_SUFFIX_TRIE", 1, "NO_STEM", 0];

/** FT.INFO LOCAL as valkey-search lays it out (ft.info.md, "Response when LOCAL is specified"). */
const INFO_LOCAL = [
    "index_name", "products",
    "index_definition", ["key_type", "JSON", "prefixes", ["product:"], "default_score", "1.0"],
    "attributes", [HNSW_ATTRIBUTE, TAG_ATTRIBUTE, TEXT_ATTRIBUTE],
    "num_docs", 2, "num_records", 6, "total_term_occurrences", 5, "num_terms", 4, "hash_indexing_failures", 0,
    "backfill_in_progress", "0", "backfill_complete_percent", "1.000000", "mutation_queue_size", "0",
    "recent_mutations_queue_delay", "0 sec", "state", "ready",
    "punctuation", ",.<>{}[]\"':;!@#$%^&*()-+=~/\\|", "stopwords", ["a", "the"], "with_offsets", "1", "min_stem_size", 4,
];
const INFO_PRIMARY = ["mode", "PRIMARY", "index_name", "products", "num_docs", "2", "num_records", "6", "hash_indexing_failures", "0"];
const INFO_CLUSTER = [
    "mode", "CLUSTER", "index_name", "products", "backfill_in_progress", "0",
    "backfill_complete_percent_max", "1.000000", "backfill_complete_percent_min", "1.000000", "state", "ready",
];

export const VALKEY_SEARCH_REPLY_CASES: FtCall[] = [
    { title: "[valkey-search reply] info LOCAL layout", call: (ft, c) => ft.info(c, "products"), reply: INFO_LOCAL },
    { title: "[valkey-search reply] info LOCAL layout, bytes", call: (ft, c, lib) => ft.info(c, "products", { decoder: lib.Decoder.Bytes }), reply: INFO_LOCAL },
    { title: "[valkey-search reply] info PRIMARY", call: (ft, c) => ft.info(c, "products", { scope: "PRIMARY" }), reply: INFO_PRIMARY },
    { title: "[valkey-search reply] info CLUSTER", call: (ft, c) => ft.info(c, "products", { scope: "CLUSTER", shardScope: "ALLSHARDS" }), reply: INFO_CLUSTER },
    { title: "[valkey-search reply] aliaslist, pairs array", call: (ft, c) => ft.aliaslist(c), reply: ["product_search", "products", "user_search", "users"] },
    { title: "[valkey-search reply] aliaslist, RESP3 map", call: (ft, c) => ft.aliaslist(c), reply: { map: ["product_search", "products"] } },
    { title: "[valkey-search reply] aliaslist, empty", call: (ft, c) => ft.aliaslist(c), reply: [] },
    { title: "[valkey-search reply] aliaslist, bytes", call: (ft, c, lib) => ft.aliaslist(c, { decoder: lib.Decoder.Bytes }), reply: ["product_search", "products"] },
    { title: "[valkey-search reply] search COUNT: the total alone", call: (ft, c) => ft.search(c, "products", "*", { count: true }), reply: [2] },
    {
        title: "[valkey-search reply] search of an ON JSON index: documents as $ JSON",
        call: (ft, c) => ft.search(c, "products", "@tags:{red}"),
        reply: [2, "product:1", ["$", '{"title":"lamp","tags":"red","price":10}'], "product:2", ["$", '{"title":"mug","tags":"red","price":4}']],
    },
    {
        title: "[valkey-search reply] JSON KNN search with RETURN of JSON paths",
        call: (ft, c) =>
            ft.search(c, "products", "*=>[KNN 2 @embedding $q AS dist]", {
                params: [{ key: "q", value: Buffer.alloc(16) }],
                returnFields: [{ fieldIdentifier: "$.title", alias: "title" }, { fieldIdentifier: "dist" }],
            }),
        reply: [2, "product:2", ["title", "mug", "dist", "0.1"], "product:1", ["title", "lamp", "dist", "0.4"]],
    },
    { title: "[valkey-search reply] search NOCONTENT: keys only", call: (ft, c) => ft.search(c, "products", "*", { nocontent: true }), reply: [2, "product:1", "product:2"] },
    {
        title: "[valkey-search reply] search, bytes",
        call: (ft, c, lib) => ft.search(c, "products", "*", { decoder: lib.Decoder.Bytes }),
        reply: [1, "product:1", ["$", Buffer.from([0x7b, 0x7d])]],
    },
    { title: "[valkey-search reply] search, field maps (RESP3)", call: (ft, c) => ft.search(c, "products", "*"), reply: [1, "product:1", { map: ["title", "lamp"] }] },
    { title: "[valkey-search reply] search: nil fields of a vanished key", call: (ft, c) => ft.search(c, "products", "*"), reply: [2, "product:1", null, "product:2", ["price", "4"]] },
    { title: "[valkey-search reply] search, integer field value", call: (ft, c) => ft.search(c, "products", "*"), reply: [1, "product:1", ["price", 10]] },
    {
        title: "[valkey-search reply] search WITHSORTKEYS",
        call: (ft, c) => ft.search(c, "products", "*", { sortby: "price", withsortkeys: true }),
        reply: [1, "product:1", "#10", ["price", "10"]],
    },
    {
        title: "[valkey-search reply] search WITHSORTKEYS NOCONTENT",
        call: (ft, c) => ft.search(c, "products", "*", { sortby: "price", withsortkeys: true, nocontent: true }),
        reply: [2, "product:1", "#10", "product:2", "#4"],
    },
    {
        title: "[valkey-search reply] aggregate rows",
        call: (ft, c) => ft.aggregate(c, "products", "*", { loadFields: ["@price"], clauses: [{ type: "GROUPBY", properties: ["@tags"], reducers: [{ function: "COUNT", args: [], name: "n" }] }] }),
        reply: [2, ["tags", "red", "n", "2"], ["tags", "blue", "n", "1"]],
    },
    { title: "[valkey-search reply] aggregate values of every type", call: (ft, c) => ft.aggregate(c, "products", "*"), reply: [1, ["a", ["x", 2], "b", 3, "c", { double: 1.5 }, "d", null]] },
    { title: "[valkey-search reply] aggregate, bytes", call: (ft, c, lib) => ft.aggregate(c, "products", "*", { decoder: lib.Decoder.Bytes }), reply: [1, ["tags", "red"]] },
    {
        title: "[GLIDE's profile shape] profileSearch: result and timings",
        call: (ft, c) => ft.profileSearch(c, "products", "*"),
        reply: [[1, "product:1", ["price", "10"]], ["all.count", 1, "sync.time", 5, "query.time", { double: 0.5 }, "text.time", "0.25"]],
    },
    { title: "[GLIDE's profile shape] profileSearch: timings as a map, bytes", call: (ft, c, lib) => ft.profileSearch(c, "products", "*", { decoder: lib.Decoder.Bytes }), reply: [[0], { map: ["all.count", 1] }] },
    { title: "[GLIDE's profile shape] profileAggregate", call: (ft, c) => ft.profileAggregate(c, "products", "*"), reply: [[1, ["n", "1"]], ["t", 2]] },
    { title: "[valkey-search reply] list as a RESP3 set", call: (ft, c) => ft.list(c), reply: { set: ["products", "users"] } },
    { title: "[valkey-search reply] list, bytes", call: (ft, c, lib) => ft.list(c, { decoder: lib.Decoder.Bytes }), reply: ["products"] },
    { title: "[valkey-search reply] explain, bytes", call: (ft, c, lib) => ft.explain(c, "products", "*", { decoder: lib.Decoder.Bytes }), reply: "plan" },
    { title: "[valkey-search reply] an error reply", call: (ft, c) => ft.create(c, "products", []), reply: { error: "Index products already exists." } },
];

/** Replies of shapes the converters refuse: the same RequestError texts as GLIDE's core. */
export const MALFORMED_REPLY_CASES: FtCall[] = [
    { title: "[malformed] search: an integer", call: (ft, c) => ft.search(c, "i", "*"), reply: 5 },
    { title: "[malformed] search: a bulk string", call: (ft, c) => ft.search(c, "i", "*"), reply: "x" },
    { title: "[malformed] search: null", call: (ft, c) => ft.search(c, "i", "*"), reply: null },
    { title: "[malformed] search: OK", call: (ft, c) => ft.search(c, "i", "*"), reply: { simple: "OK" } },
    { title: "[malformed] search: a key without its fields", call: (ft, c) => ft.search(c, "i", "*"), reply: [2, "a", ["f", "v"], "b"] },
    { title: "[malformed] search: odd fields", call: (ft, c) => ft.search(c, "i", "*"), reply: [1, "a", ["f"]] },
    { title: "[malformed] search: a total as text", call: (ft, c) => ft.search(c, "i", "*"), reply: ["1", "a", ["f", "v"]] },
    { title: "[malformed] aggregate: an integer", call: (ft, c) => ft.aggregate(c, "i", "*"), reply: 5 },
    { title: "[malformed] aggregate: an odd row", call: (ft, c) => ft.aggregate(c, "i", "*"), reply: [1, ["a"]] },
    { title: "[malformed] aggregate: a map row", call: (ft, c) => ft.aggregate(c, "i", "*"), reply: [1, { map: ["a", "1"] }] },
    { title: "[malformed] aggregate: a string row", call: (ft, c) => ft.aggregate(c, "i", "*"), reply: [1, "zz"] },
    { title: "[malformed] info: an integer", call: (ft, c) => ft.info(c, "i"), reply: 5 },
    { title: "[malformed] info: a map", call: (ft, c) => ft.info(c, "i"), reply: { map: ["index_name", "i"] } },
    { title: "[malformed] info: odd", call: (ft, c) => ft.info(c, "i"), reply: ["a"] },
    { title: "[malformed] info: an integer name", call: (ft, c) => ft.info(c, "i"), reply: [1, "x"] },
    { title: "[malformed] aliaslist: an integer", call: (ft, c) => ft.aliaslist(c), reply: 5 },
    { title: "[malformed] aliaslist: odd", call: (ft, c) => ft.aliaslist(c), reply: ["x"] },
    { title: "[malformed] profile: not a pair", call: (ft, c) => ft.profileSearch(c, "i", "*"), reply: [[0]] },
    { title: "[malformed] profile: an integer", call: (ft, c) => ft.profileSearch(c, "i", "*"), reply: 3 },
    { title: "[malformed] list: an integer passes through", call: (ft, c) => ft.list(c), reply: 5 },
    { title: "[malformed] dropindex: an integer passes through", call: (ft, c) => ft.dropindex(c, "i"), reply: 5 },
];
