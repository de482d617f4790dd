/**
 * FT.CREATE's argv. Which options are sent follows GLIDE 2.5.2 exactly (recorded side by side in
 * test/differential/ft-argv.test.ts): some are sent when defined (score 0, weight 0, an empty
 * prefix list), others only when truthy (an empty language, a 0 dimension are left out).
 */
import type { CommandArg } from "../../protocol/types";
import type { GlideString } from "../../commands/types";
import type { Field, FtCreateOptions, TagField, TextField, VectorField } from "./options";

export function ftCreateArgs(indexName: GlideString, schema: Field[], options?: FtCreateOptions): CommandArg[] {
    const args: CommandArg[] = ["FT.CREATE", indexName];
    if (options !== undefined) pushIndexOptions(args, options);
    args.push("SCHEMA");
    for (const field of schema) pushField(args, field);
    return args;
}

function pushIndexOptions(args: CommandArg[], options: FtCreateOptions): void {
    // GLIDE refuses these before sending anything, with these plain Errors.
    if (options.withOffsets && options.noOffsets) throw new Error("withOffsets and noOffsets are mutually exclusive.");
    if (options.noStopWords && options.stopWords) throw new Error("noStopWords and stopWords are mutually exclusive.");
    if (options.dataType) args.push("ON", options.dataType);
    if (options.prefixes) args.push("PREFIX", options.prefixes.length, ...options.prefixes);
    if (options.score !== undefined) args.push("SCORE", String(options.score));
    if (options.language) args.push("LANGUAGE", options.language);
    if (options.skipInitialScan) args.push("SKIPINITIALSCAN");
    if (options.minStemSize !== undefined) args.push("MINSTEMSIZE", String(options.minStemSize));
    if (options.withOffsets) args.push("WITHOFFSETS");
    else if (options.noOffsets) args.push("NOOFFSETS");
    if (options.noStopWords) args.push("NOSTOPWORDS");
    else if (options.stopWords) args.push("STOPWORDS", options.stopWords.length, ...options.stopWords);
    if (options.punctuation) args.push("PUNCTUATION", options.punctuation);
}

function pushField(args: CommandArg[], field: Field): void {
    args.push(field.name);
    if (field.alias) args.push("AS", field.alias);
    args.push(field.type);
    switch (field.type) {
        case "TEXT":
            pushTextOptions(args, field);
            break;
        case "TAG":
            pushTagOptions(args, field);
            break;
        case "VECTOR":
            // A vector field is never SORTABLE, whatever `sortable` says.
            pushVectorAttributes(args, field);
            return;
    }
    if (field.sortable) args.push("SORTABLE");
}

function pushTextOptions(args: CommandArg[], field: TextField): void {
    if (field.nostem) args.push("NOSTEM");
    if (field.weight !== undefined) args.push("WEIGHT", String(field.weight));
    if (field.withsuffixtrie) args.push("WITHSUFFIXTRIE");
    else if (field.nosuffixtrie) args.push("NOSUFFIXTRIE");
}

function pushTagOptions(args: CommandArg[], field: TagField): void {
    if (field.separator) args.push("SEPARATOR", field.separator);
    if (field.caseSensitive) args.push("CASESENSITIVE");
}

/** ALGORITHM count attribute value …: the count is that of the words that follow. */
function pushVectorAttributes(args: CommandArg[], field: VectorField): void {
    const attributes = field.attributes as VectorField["attributes"] | undefined;
    if (attributes === undefined) return;
    const words: CommandArg[] = [];
    if (attributes.dimensions) words.push("DIM", String(attributes.dimensions));
    if (attributes.distanceMetric) words.push("DISTANCE_METRIC", attributes.distanceMetric);
    words.push("TYPE", attributes.type ?? "FLOAT32");
    if (attributes.initialCap) words.push("INITIAL_CAP", String(attributes.initialCap));
    // Sent for FLAT fields too when given, as GLIDE sends them.
    const hnsw = attributes as Partial<{ numberOfEdges: number; vectorsExaminedOnConstruction: number; vectorsExaminedOnRuntime: number }>;
    if (hnsw.numberOfEdges) words.push("M", String(hnsw.numberOfEdges));
    if (hnsw.vectorsExaminedOnConstruction) words.push("EF_CONSTRUCTION", String(hnsw.vectorsExaminedOnConstruction));
    if (hnsw.vectorsExaminedOnRuntime) words.push("EF_RUNTIME", String(hnsw.vectorsExaminedOnRuntime));
    args.push(attributes.algorithm, words.length, ...words);
}
