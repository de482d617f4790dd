/**
 * One definition per FT.* command. On a cluster they go where GLIDE 2.5.2 sends them: by the
 * slot of their first argument (the index name, or the alias for FT.ALIASADD / ALIASUPDATE /
 * ALIASDEL), FT._LIST and FT._ALIASLIST to every primary (see routing/cluster/policies.ts).
 * The queries (search, aggregate, info, explain, explaincli, profile) are readonly: with a
 * `readFrom` that allows it they go to a replica, as GLIDE sends them; the others to the primary.
 */
import { as, command, FIRST_KEY } from "../../commands/core";
import type { DecoderOption, GlideString } from "../../commands/types";
import { ftCreateArgs } from "./create-args";
import type { Field, FtAggregateOptions, FtCreateOptions, FtInfoOptions, FtSearchOptions } from "./options";
import {
    ftAggregateArgs,
    ftInfoArgs,
    ftProfileAggregateArgs,
    ftProfileSearchArgs,
    ftSearchArgs,
    type ProfileOptions,
} from "./query-args";
import {
    toAggregateReply,
    toAliasListReply,
        toInfoReply,
    toPlainReply,
    toProfileReply,
    toSearchReply,
    toSearchWithSortKeysReply,
} from "./replies";

const ftSearch = command({
    args: (indexName: GlideString, query: GlideString, options?: FtSearchOptions & DecoderOption) => ftSearchArgs(indexName, query, options),
    reply: (reply, bytes) => toSearchReply(reply, bytes),
    optionsAt: 2,
    readonly: true,
    keys: FIRST_KEY,
});

export const ftCommands = {
    create: command({
        args: (indexName: GlideString, schema: Field[], options?: FtCreateOptions) => ftCreateArgs(indexName, schema, options),
        reply: as<"OK">,
        keys: FIRST_KEY,
    }),
    dropindex: command({ args: (indexName: GlideString) => ["FT.DROPINDEX", indexName], reply: as<"OK">, keys: FIRST_KEY }),
    list: command({ args: (options?: DecoderOption) => ["FT._LIST"], reply: toPlainReply<GlideString[]>, optionsAt: 0 }),
    search: ftSearch,
    /** The same command with WITHSORTKEYS, whose reply has a sort key after each document's key. */
    searchWithSortKeys: { ...ftSearch, reply: toSearchWithSortKeysReply },
    aggregate: command({
        args: (indexName: GlideString, query: GlideString, options?: DecoderOption & FtAggregateOptions) => ftAggregateArgs(indexName, query, options),
        reply: (reply, bytes) => toAggregateReply(reply, bytes),
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    info: command({
        args: (indexName: GlideString, options?: DecoderOption & FtInfoOptions) => ftInfoArgs(indexName, options),
        reply: toInfoReply,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    explain: command({
        args: (indexName: GlideString, query: GlideString, options?: DecoderOption) => ["FT.EXPLAIN", indexName, query],
        reply: toPlainReply<GlideString>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    explaincli: command({
        args: (indexName: GlideString, query: GlideString, options?: DecoderOption) => ["FT.EXPLAINCLI", indexName, query],
        reply: toPlainReply<GlideString[]>,
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    profileSearch: command({
        args: (indexName: GlideString, query: GlideString, options?: DecoderOption & ProfileOptions<FtSearchOptions>) =>
            ftProfileSearchArgs(indexName, query, options),
        reply: toProfileReply((reply, bytes) => toSearchReply(reply, bytes, "FT.PROFILE")),
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    profileAggregate: command({
        args: (indexName: GlideString, query: GlideString, options?: DecoderOption & ProfileOptions<FtAggregateOptions>) =>
            ftProfileAggregateArgs(indexName, query, options),
        reply: toProfileReply((reply, bytes) => toAggregateReply(reply, bytes, "FT.PROFILE")),
        optionsAt: 2,
        readonly: true,
        keys: FIRST_KEY,
    }),
    aliasadd: command({
        args: (indexName: GlideString, alias: GlideString) => ["FT.ALIASADD", alias, indexName],
        reply: as<"OK">,
        keys: FIRST_KEY,
    }),
    aliasdel: command({ args: (alias: GlideString) => ["FT.ALIASDEL", alias], reply: as<"OK">, keys: FIRST_KEY }),
    aliasupdate: command({
        args: (alias: GlideString, indexName: GlideString) => ["FT.ALIASUPDATE", alias, indexName],
        reply: as<"OK">,
        keys: FIRST_KEY,
    }),
    aliaslist: command({ args: (options?: DecoderOption) => ["FT._ALIASLIST"], reply: toAliasListReply, optionsAt: 0 }),
};
