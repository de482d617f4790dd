/**
 * GlideFt: the Search module's commands (FT.*) as GLIDE 2.5.2's static methods, on either client.
 * Each runs its definition (server-modules/ft/commands.ts) through the client's own dispatch, as
 * the clients' generated methods do.
 */
import { dispatchMethod, type BaseClient } from "../client/base-client";
import type { GlideClient } from "../client/glide-client";
import type { GlideClusterClient } from "../client/glide-cluster-client";
import type { CommandDef } from "../commands/core";
import type { DecoderOption, GlideRecord, GlideString } from "../commands/types";
import { ftCommands } from "./ft/commands";
import type { Field, FtAggregateOptions, FtCreateOptions, FtInfoOptions, FtSearchOptions } from "./ft/options";
import type { FtAggregateReturnType, FtInfoReturnType, FtSearchReturnType } from "./ft/replies";

export type { FtAggregateReturnType, FtInfoReturnType, FtSearchReturnType } from "./ft/replies";

type Client = GlideClient | GlideClusterClient;

/** An option GLIDE refuses (a plain Error) rejects the promise, as in GLIDE (dispatchMethod's doing). */
function run<R>(client: Client, def: CommandDef, params: unknown[]): Promise<R> {
    return dispatchMethod(client as BaseClient, def, params) as Promise<R>;
}

/** The Search module's commands (FT.*), as static methods taking the client to run them on. */
export class GlideFt {
    /** Creates an index over the keys of `options.prefixes` (FT.CREATE). */
    static create(client: Client, indexName: GlideString, schema: Field[], options?: FtCreateOptions): Promise<"OK"> {
        return run(client, ftCommands.create, [indexName, schema, options]);
    }

    /** Deletes an index, not its documents (FT.DROPINDEX). */
    static dropindex(client: Client, indexName: GlideString): Promise<"OK"> {
        return run(client, ftCommands.dropindex, [indexName]);
    }

    /** The names of every index (FT._LIST; on a cluster, every primary's, joined). */
    static list(client: Client, options?: DecoderOption): Promise<GlideString[]> {
        return run(client, ftCommands.list, [options]);
    }

    /** Runs a query through a pipeline of clauses (FT.AGGREGATE): one record per row. */
    static aggregate(client: Client, indexName: GlideString, query: GlideString, options?: DecoderOption & FtAggregateOptions): Promise<FtAggregateReturnType> {
        return run(client, ftCommands.aggregate, [indexName, query, options]);
    }

    /** The index's definition and statistics (FT.INFO). */
    static info(client: Client, indexName: GlideString, options?: DecoderOption & FtInfoOptions): Promise<FtInfoReturnType> {
        return run(client, ftCommands.info, [indexName, options]);
    }

    /** The query's execution plan as text (FT.EXPLAIN). */
    static explain(client: Client, indexName: GlideString, query: GlideString, options?: DecoderOption): Promise<GlideString> {
        return run(client, ftCommands.explain, [indexName, query, options]);
    }

    /** The query's execution plan, one line per element (FT.EXPLAINCLI). */
    static explaincli(client: Client, indexName: GlideString, query: GlideString, options?: DecoderOption): Promise<GlideString[]> {
        return run(client, ftCommands.explaincli, [indexName, query, options]);
    }

    /** Searches an index (FT.SEARCH): `[total, documents]`; KNN query vectors go in `params`. */
    static search(client: Client, indexName: GlideString, query: GlideString, options?: FtSearchOptions & DecoderOption): Promise<FtSearchReturnType> {
        const def = options?.withsortkeys ? ftCommands.searchWithSortKeys : ftCommands.search;
        return run(client, def, [indexName, query, options]);
    }

    /** Runs FT.SEARCH under FT.PROFILE: its result and the timings by name. */
    static profileSearch(
        client: Client,
        indexName: GlideString,
        query: GlideString,
        options?: DecoderOption & FtSearchOptions & { limited?: boolean },
    ): Promise<[FtSearchReturnType, Record<string, number>]> {
        return run(client, ftCommands.profileSearch, [indexName, query, options]);
    }

    /** Runs FT.AGGREGATE under FT.PROFILE: its result and the timings by name. */
    static profileAggregate(
        client: Client,
        indexName: GlideString,
        query: GlideString,
        options?: DecoderOption & FtAggregateOptions & { limited?: boolean },
    ): Promise<[FtAggregateReturnType, Record<string, number>]> {
        return run(client, ftCommands.profileAggregate, [indexName, query, options]);
    }

    /** Adds an alias of an index (FT.ALIASADD alias index). */
    static aliasadd(client: Client, indexName: GlideString, alias: GlideString): Promise<"OK"> {
        return run(client, ftCommands.aliasadd, [indexName, alias]);
    }

    /** Deletes an alias (FT.ALIASDEL). */
    static aliasdel(client: Client, alias: GlideString): Promise<"OK"> {
        return run(client, ftCommands.aliasdel, [alias]);
    }

    /** Points an alias at an index, creating it if needed (FT.ALIASUPDATE). */
    static aliasupdate(client: Client, alias: GlideString, indexName: GlideString): Promise<"OK"> {
        return run(client, ftCommands.aliasupdate, [alias, indexName]);
    }

    /** Every alias and its index (FT._ALIASLIST). */
    static aliaslist(client: Client, options?: DecoderOption): Promise<GlideRecord<GlideString>> {
        return run(client, ftCommands.aliaslist, [options]);
    }
}
