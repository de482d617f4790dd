/**
 * GlideFt: the Search module's commands (FT.*) as GLIDE 2.5.2's static methods, on either client.
 * Each runs its definition (server-modules/ft/commands.ts) through the client's own dispatch.
 */
import type { GlideClient } from "../client/glide-client";
import type { GlideClusterClient } from "../client/glide-cluster-client";
import { RUN_DEFINITION, type DefinitionRunner } from "../commands/external-dispatch";
import type { CommandDef } from "../commands/core";
import type { DecoderOption, GlideRecord, GlideString } from "../commands/types";
import { ftCommands } from "./ft/commands";
import type { Field, FtAggregateOptions, FtCreateOptions, FtInfoOptions, FtSearchOptions } from "./ft/options";
import type { FtAggregateReturnType, FtInfoReturnType, FtSearchReturnType } from "./ft/replies";

export type { FtAggregateReturnType, FtInfoReturnType, FtSearchReturnType } from "./ft/replies";

type Client = GlideClient | GlideClusterClient;

/** Async, so that an option GLIDE refuses (a plain Error) rejects the promise, as in GLIDE. */
async function run<R>(client: Client, def: CommandDef, params: unknown[]): Promise<R> {
    return (await (client as unknown as DefinitionRunner)[RUN_DEFINITION](def, params)) as R;
}

export class GlideFt {
    static create(client: Client, indexName: GlideString, schema: Field[], options?: FtCreateOptions): Promise<"OK"> {
        return run(client, ftCommands.create, [indexName, schema, options]);
    }

    static dropindex(client: Client, indexName: GlideString): Promise<"OK"> {
        return run(client, ftCommands.dropindex, [indexName]);
    }

    static list(client: Client, options?: DecoderOption): Promise<GlideString[]> {
        return run(client, ftCommands.list, [options]);
    }

    static aggregate(client: Client, indexName: GlideString, query: GlideString, options?: DecoderOption & FtAggregateOptions): Promise<FtAggregateReturnType> {
        return run(client, ftCommands.aggregate, [indexName, query, options]);
    }

    static info(client: Client, indexName: GlideString, options?: DecoderOption & FtInfoOptions): Promise<FtInfoReturnType> {
        return run(client, ftCommands.info, [indexName, options]);
    }

    static explain(client: Client, indexName: GlideString, query: GlideString, options?: DecoderOption): Promise<GlideString> {
        return run(client, ftCommands.explain, [indexName, query, options]);
    }

    static explaincli(client: Client, indexName: GlideString, query: GlideString, options?: DecoderOption): Promise<GlideString[]> {
        return run(client, ftCommands.explaincli, [indexName, query, options]);
    }

    static search(client: Client, indexName: GlideString, query: GlideString, options?: FtSearchOptions & DecoderOption): Promise<FtSearchReturnType> {
        const def = options?.withsortkeys ? ftCommands.searchWithSortKeys : ftCommands.search;
        return run(client, def, [indexName, query, options]);
    }

    static profileSearch(
        client: Client,
        indexName: GlideString,
        query: GlideString,
        options?: DecoderOption & FtSearchOptions & { limited?: boolean },
    ): Promise<[FtSearchReturnType, Record<string, number>]> {
        return run(client, ftCommands.profileSearch, [indexName, query, options]);
    }

    static profileAggregate(
        client: Client,
        indexName: GlideString,
        query: GlideString,
        options?: DecoderOption & FtAggregateOptions & { limited?: boolean },
    ): Promise<[FtAggregateReturnType, Record<string, number>]> {
        return run(client, ftCommands.profileAggregate, [indexName, query, options]);
    }

    static aliasadd(client: Client, indexName: GlideString, alias: GlideString): Promise<"OK"> {
        return run(client, ftCommands.aliasadd, [indexName, alias]);
    }

    static aliasdel(client: Client, alias: GlideString): Promise<"OK"> {
        return run(client, ftCommands.aliasdel, [alias]);
    }

    static aliasupdate(client: Client, alias: GlideString, indexName: GlideString): Promise<"OK"> {
        return run(client, ftCommands.aliasupdate, [alias, indexName]);
    }

    static aliaslist(client: Client, options?: DecoderOption): Promise<GlideRecord<GlideString>> {
        return run(client, ftCommands.aliaslist, [options]);
    }
}
