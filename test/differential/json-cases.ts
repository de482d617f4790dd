/**
 * The calls of the JSON differential suite: every GlideJson / JsonBatch method, with legacy paths
 * ("." / "a.b"), JSONPath ("$…"), options, missing keys and paths, and the server's refusals.
 * Keys share the {j} hash tag so that atomic cluster batches can hold them; `a` and `z` do not.
 */
export type JsonMode = "client" | "atomic" | "pipeline";

export interface JsonCase {
    /** A GlideJson / JsonBatch static method, or "customCommand" (the client's and the batch's). */
    method: string;
    title: string;
    /** Arguments after the client (or batch); a builder where they need the side's library. */
    args: readonly unknown[] | ((lib: any) => readonly unknown[]);
    /** Documents set before the call (key → JSON text); DOC at {j}doc when absent. */
    docs?: Record<string, string>;
    /** Other commands run after the documents are set. */
    commands?: readonly string[][];
    modes?: readonly JsonMode[];
    /** Why the error messages of this call may differ (their classes and the way they are raised may not). */
    messagesDiffer?: string;
}

const NO_PATH_MESSAGE = "GLIDE's TypeError is its encoder reading .length of the undefined path; glide-ts says what is missing";

export const DOC = JSON.stringify({
    a: 1,
    b: "two",
    c: [1, 2, 3],
    d: { e: true, f: null, g: [] },
    h: 2.5,
    nested: { a: [4, 5], b: "x", e: 7 },
});
const K = "{j}doc";
const bytes = (lib: any) => ({ decoder: lib.Decoder.Bytes });
const text = (lib: any) => ({ decoder: lib.Decoder.String });

const cases = (method: string, list: [title: string, args: JsonCase["args"], extra?: Partial<JsonCase>][]): JsonCase[] =>
    list.map(([title, args, extra]) => ({ method, title, args, ...extra }));

export const JSON_CASES: JsonCase[] = [
    ...cases("set", [
        ["root", [K, "$", '{"x":[1,"y"]}']],
        ["JSONPath inside", [K, "$.d.new", '"v"']],
        ["legacy path inside", [K, ".nested.b", "42"]],
        ["every match of $..a", [K, "$..a", "0"]],
        ["NX on an existing path: null", (lib) => [K, "$.a", "5", { conditionalChange: lib.ConditionalChange.ONLY_IF_DOES_NOT_EXIST }]],
        ["XX on a missing path: null", (lib) => [K, "$.zz", "5", { conditionalChange: lib.ConditionalChange.ONLY_IF_EXISTS }]],
        ["XX on an existing path", (lib) => [K, "$.a", "5", { conditionalChange: lib.ConditionalChange.ONLY_IF_EXISTS }]],
        ["with a Bytes decoder", (lib) => [K, "$.a", "5", { conditionalChange: lib.ConditionalChange.ONLY_IF_EXISTS, ...bytes(lib) }]],
        ["Buffer key, path and value", [Buffer.from(K), Buffer.from("$.b"), Buffer.from('"b"')]],
        ["invalid JSON: error", [K, "$", "{nope"]],
        ["new key at a non-root path: error", ["{j}none", "$.a", "1"]],
    ]),
    ...cases("get", [
        ["no options", [K]],
        ["JSONPath", [K, { path: "$..a" }]],
        ["legacy path", [K, { path: ".nested" }]],
        ["several JSONPaths", [K, { path: ["$.a", "$.c[1]"] }]],
        ["several legacy paths", [K, { path: [".a", ".b"] }]],
        ["indent, newline and space", [K, { path: "$.d", indent: "  ", newline: "\n", space: " " }]],
        ["noescape", [K, { path: ".b", noescape: true }]],
        ["empty path and formatting left out", [K, { path: "", indent: "", noescape: false }]],
        ["missing key: null", ["{j}none"]],
        ["missing JSONPath: empty array", [K, { path: "$.none" }]],
        ["missing legacy path: error", [K, { path: ".none" }]],
        ["Bytes decoder", (lib) => [K, { path: "$.b", ...bytes(lib) }]],
        ["String decoder", (lib) => [K, { path: "$.b", ...text(lib) }]],
        ["not a JSON key: error", ["{j}plain"], { commands: [["SET", "{j}plain", "x"]] }],
    ]),
    ...cases("mget", [
        ["same slot, JSONPath", [[K, "{j}two", "{j}none"], "$..a"], { docs: { [K]: DOC, "{j}two": '{"a":"x"}' } }],
        ["same slot, legacy path", [[K, "{j}two"], ".a"], { docs: { [K]: DOC, "{j}two": '{"a":"x"}' } }],
        ["keys in different slots", [["a", "z", "{j}doc"], "$.a"], { docs: { a: '{"a":1}', z: '{"a":2}', [K]: DOC } }],
        ["Bytes decoder", (lib) => [[K], "$.b", bytes(lib)]],
        ["no keys: error", [[], "$"]],
    ]),
    ...cases("arrinsert", [
        ["JSONPath", [K, "$.c", 1, ['"x"', "{}"]]],
        ["legacy path, negative index", [K, ".c", -1, ["9"]]],
        ["several matches, one not an array", [K, "$..a", 0, ["0"]]],
        ["index out of range: error", [K, "$.c", 10, ["1"]]],
    ]),
    ...cases("arrpop", [
        ["no options: root is not an array", [K]],
        ["JSONPath", [K, { path: "$.c" }]],
        ["legacy path", [K, { path: ".c" }]],
        ["index 1", [K, { path: "$.c", index: 1 }]],
        ["index 0 (GLIDE leaves it out)", [K, { path: "$.c", index: 0 }]],
        ["index -3", [K, { path: ".c", index: -3 }]],
        ["empty array: null", [K, { path: "$.d.g" }]],
        ["Bytes decoder", (lib) => [K, { path: "$.c", ...bytes(lib) }]],
        ["root array", ["{j}arr"], { docs: { "{j}arr": '["a","b"]' } }],
    ]),
    ...cases("arrlen", [
        ["root array", ["{j}arr"], { docs: { "{j}arr": "[1,2]" } }],
        ["JSONPath, several matches", [K, { path: "$..a" }]],
        ["legacy path", [K, { path: ".c" }]],
        ["legacy path to a non-array: error", [K, { path: ".b" }]],
        ["missing key: null", ["{j}none", { path: "$.c" }]],
        ["empty path left out", ["{j}arr", { path: "" }], { docs: { "{j}arr": "[1,2]" } }],
    ]),
    ...cases("arrtrim", [
        ["JSONPath", [K, "$.c", 0, 1]],
        ["legacy path", [K, ".c", 1, 1]],
        ["start past end: empty", [K, "$.c", 2, 0]],
        ["not an array", [K, "$.a", 0, 1]],
    ]),
    ...cases("arrindex", [
        ["number", [K, "$.c", 2]],
        ["boolean and legacy path", [K, ".c", true]],
        ["null", [K, "$..a", null]],
        ["JSON string", [K, "$.c", '"x"'], { docs: { [K]: '{"c":["y","x"]}' } }],
        ["start", [K, "$.c", 3, { start: 1 }]],
        ["start and end", [K, "$.c", 3, { start: 0, end: 2 }]],
        ["missing key: error", ["{j}none", "$.c", 1]],
    ]),
    ...cases("toggle", [
        ["JSONPath", [K, { path: "$.d.e" }]],
        ["legacy path", [K, { path: ".d.e" }]],
        ["several matches, one not a boolean", [K, { path: "$..e" }]],
        ["legacy path to a non-boolean: error", [K, { path: ".a" }]],
        ["no options: root boolean", ["{j}bool"], { docs: { "{j}bool": "false" } }],
    ]),
    ...cases("del", [
        ["no options: the key", [K]],
        ["JSONPath, several matches", [K, { path: "$..a" }]],
        ["legacy path", [K, { path: ".d" }]],
        ["missing key: 0", ["{j}none"]],
        ["empty path sent as such", [K, { path: "" }]],
    ]),
    ...cases("forget", [
        ["JSONPath", [K, { path: "$.c[0]" }]],
        ["legacy path", [K, { path: "nested.b" }]],
    ]),
    ...cases("type", [
        ["no options", [K]],
        ["JSONPath, several matches", [K, { path: "$..a" }]],
        ["legacy path", [K, { path: ".h" }]],
        ["missing key: null", ["{j}none"]],
        ["options without a path: TypeError", [K, {}], { messagesDiffer: NO_PATH_MESSAGE }],
        ["a decoder in the options is not passed on", (lib) => [K, { path: "$..a", ...bytes(lib) }]],
    ]),
    ...cases("clear", [
        ["no options: the root", [K]],
        ["JSONPath", [K, { path: "$.*" }]],
        ["legacy path", [K, { path: ".c" }]],
    ]),
    ...cases("resp", [
        ["no options", [K]],
        ["JSONPath", [K, { path: "$..a" }]],
        ["legacy path", [K, { path: ".d" }]],
        ["Bytes decoder", (lib) => [K, { path: ".nested", ...bytes(lib) }]],
        ["missing key: null", ["{j}none"]],
    ]),
    ...cases("strlen", [
        ["JSONPath, several matches", [K, { path: "$..b" }]],
        ["legacy path", [K, { path: ".b" }]],
        ["no options: root string", ["{j}str"], { docs: { "{j}str": '"hello"' } }],
        ["legacy path to a non-string: error", [K, { path: ".a" }]],
    ]),
    ...cases("strappend", [
        ["JSONPath", [K, '"!"', { path: "$..b" }]],
        ["legacy path", [K, '"!"', { path: ".b" }]],
        ["no options: root string", ["{j}str", '"!"'], { docs: { "{j}str": '"hello"' } }],
        ["value not JSON: error", [K, "!", { path: "$.b" }]],
    ]),
    ...cases("arrappend", [
        ["JSONPath", [K, "$.c", ["4", '"five"']]],
        ["legacy path", [K, ".nested.a", ["[1]"]]],
        ["several matches, one not an array", [K, "$..a", ["0"]]],
    ]),
    ...cases("debugMemory", [
        ["no options", [K]],
        ["JSONPath", [K, { path: "$..a" }]],
        ["legacy path", [K, { path: ".c" }]],
        ["options without a path: TypeError", [K, {}], { messagesDiffer: NO_PATH_MESSAGE }],
    ]),
    ...cases("debugFields", [
        ["no options", [K]],
        ["JSONPath", [K, { path: "$.d" }]],
        ["legacy path", [K, { path: ".nested" }]],
    ]),
    ...cases("numincrby", [
        ["JSONPath", [K, "$.a", 2]],
        ["JSONPath, several matches, one not a number", [K, "$..a", 1]],
        ["legacy path, fraction", [K, ".h", 0.25]],
        ["legacy path to a non-number: error", [K, ".b", 1]],
    ]),
    ...cases("nummultby", [
        ["JSONPath", [K, "$.h", 2]],
        ["legacy path", [K, ".a", -3]],
        ["legacy path to a non-number: error", [K, ".b", 1]],
    ]),
    ...cases("objlen", [
        ["no options", [K]],
        ["JSONPath, several matches", [K, { path: "$..d" }]],
        ["legacy path", [K, { path: ".nested" }]],
        ["missing key: null", ["{j}none"]],
    ]),
    ...cases("objkeys", [
        ["no options", [K]],
        ["JSONPath", [K, { path: "$.d" }]],
        ["legacy path", [K, { path: ".nested" }]],
        ["Bytes decoder", (lib) => [K, { path: "$..d", ...bytes(lib) }]],
    ]),
    // GLIDE's core reshapes and splits by command name, so customCommand gets the same replies.
    ...cases("customCommand", [
        ["JSON.MGET over several slots", [["JSON.MGET", "a", "z", "$.a"]], { docs: { a: '{"a":1}', z: '{"a":2}' } }],
        ["JSON.TOGGLE with a JSONPath", [["JSON.TOGGLE", K, "$..e"]]],
        ["JSON.TOGGLE with a legacy path", [["JSON.TOGGLE", K, ".d.e"]]],
    ]),
];
