/**
 * The argv of FT.SEARCH, FT.AGGREGATE, FT.INFO and FT.PROFILE, in GLIDE 2.5.2's order and with its
 * choices of what is sent (TIMEOUT 0 is left out, SLOP 0 and DIALECT 0 are sent, …).
 */
import type { CommandArg } from "../../protocol/types";
import type { GlideRecord, GlideString } from "../../commands/types";
import type { FtAggregateOptions, FtInfoOptions, FtSearchOptions } from "./options";

export function ftSearchArgs(indexName: GlideString, query: GlideString, options?: FtSearchOptions): CommandArg[] {
    return ["FT.SEARCH", indexName, query, ...searchOptionArgs(options)];
}

export function ftAggregateArgs(indexName: GlideString, query: GlideString, options?: FtAggregateOptions): CommandArg[] {
    return ["FT.AGGREGATE", indexName, query, ...aggregateOptionArgs(options)];
}

export function ftInfoArgs(indexName: GlideString, options?: FtInfoOptions): CommandArg[] {
    const args: CommandArg[] = ["FT.INFO", indexName];
    if (options?.scope) args.push(options.scope);
    if (options?.shardScope) args.push(options.shardScope);
    if (options?.consistency) args.push(options.consistency);
    return args;
}

export type ProfileOptions<O> = O & { limited?: boolean };

export function ftProfileSearchArgs(indexName: GlideString, query: GlideString, options?: ProfileOptions<FtSearchOptions>): CommandArg[] {
    return [...profileHead(indexName, "SEARCH", query, options?.limited), ...searchOptionArgs(options)];
}

export function ftProfileAggregateArgs(indexName: GlideString, query: GlideString, options?: ProfileOptions<FtAggregateOptions>): CommandArg[] {
    return [...profileHead(indexName, "AGGREGATE", query, options?.limited), ...aggregateOptionArgs(options)];
}

function profileHead(indexName: GlideString, kind: "SEARCH" | "AGGREGATE", query: GlideString, limited: boolean | undefined): CommandArg[] {
    return limited ? ["FT.PROFILE", indexName, kind, "LIMITED", "QUERY", query] : ["FT.PROFILE", indexName, kind, "QUERY", query];
}

function searchOptionArgs(options: FtSearchOptions | undefined): CommandArg[] {
    if (options === undefined) return [];
    // GLIDE refuses these before sending, with plain Errors.
    if (options.sortbyOrder && !options.sortby) throw new Error("sortbyOrder requires sortby to be set.");
    if (options.withsortkeys && !options.sortby) throw new Error("withsortkeys requires sortby to be set.");
    const args: CommandArg[] = [];
    if (options.shardScope) args.push(options.shardScope);
    if (options.consistency) args.push(options.consistency);
    if (options.nocontent) args.push("NOCONTENT");
    if (options.verbatim) args.push("VERBATIM");
    if (options.inorder) args.push("INORDER");
    if (options.slop !== undefined) args.push("SLOP", String(options.slop));
    if (options.returnFields) args.push("RETURN", ...counted(options.returnFields.flatMap(returnFieldWords)));
    if (options.sortby) {
        args.push("SORTBY", options.sortby);
        if (options.sortbyOrder) args.push(options.sortbyOrder);
    }
    if (options.withsortkeys) args.push("WITHSORTKEYS");
    if (options.timeout) args.push("TIMEOUT", String(options.timeout));
    if (options.params) args.push("PARAMS", ...counted(paramWords(options.params)));
    if (options.limit) args.push("LIMIT", String(options.limit.offset), String(options.limit.count));
    if (options.count) args.push("COUNT");
    if (options.dialect !== undefined) args.push("DIALECT", String(options.dialect));
    return args;
}

function returnFieldWords(field: { fieldIdentifier: GlideString; alias?: GlideString }): GlideString[] {
    return field.alias ? [field.fieldIdentifier, "AS", field.alias] : [field.fieldIdentifier];
}

function aggregateOptionArgs(options: FtAggregateOptions | undefined): CommandArg[] {
    if (options === undefined) return [];
    const args: CommandArg[] = [];
    if (options.verbatim) args.push("VERBATIM");
    if (options.inorder) args.push("INORDER");
    if (options.slop !== undefined) args.push("SLOP", String(options.slop));
    if (options.loadAll) args.push("LOAD", "*");
    else if (options.loadFields) args.push("LOAD", ...counted(options.loadFields));
    if (options.timeout) args.push("TIMEOUT", String(options.timeout));
    if (options.params) args.push("PARAMS", ...counted(paramWords(options.params)));
    for (const clause of options.clauses ?? []) args.push(...clauseWords(clause));
    if (options.dialect !== undefined) args.push("DIALECT", String(options.dialect));
    return args;
}

type Clause = NonNullable<FtAggregateOptions["clauses"]>[number];

function clauseWords(clause: Clause): CommandArg[] {
    switch (clause.type) {
        case "LIMIT":
            return ["LIMIT", String(clause.offset), String(clause.count)];
        case "FILTER":
            return ["FILTER", clause.expression];
        case "GROUPBY":
            return [
                "GROUPBY",
                ...counted(clause.properties),
                ...clause.reducers.flatMap((reducer) => [
                    "REDUCE",
                    reducer.function,
                    ...counted(reducer.args),
                    ...(reducer.name ? ["AS", reducer.name] : []),
                ]),
            ];
        case "SORTBY": {
            const words = clause.properties.flatMap((sort) => [sort.property, sort.order]);
            return ["SORTBY", ...counted(words), ...(clause.max ? ["MAX", String(clause.max)] : [])];
        }
        case "APPLY":
            return ["APPLY", clause.expression, "AS", clause.name];
        default:
            throw new Error("Unknown clause type in FtAggregateOptions");
    }
}

function paramWords(params: GlideRecord<GlideString>): GlideString[] {
    return params.flatMap(({ key, value }) => [key, value]);
}

/** The words, preceded by their count (as the server reads `RETURN 3 a AS b`). */
function counted(words: readonly GlideString[]): CommandArg[] {
    return [String(words.length), ...words];
}
