/** More generic commands: SORT, OBJECT, WAIT, WATCH/UNWATCH, MIGRATE. */
import { as, command, EVERY_ARG_KEY, FIRST_KEY, type KeySpec } from "./core";
import type { MigrateOptions, SortOptions } from "./options";
import { statusAs, toNullableNumber, toText } from "./replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** OBJECT <subcommand> key. */
const KEY_AFTER_SUBCOMMAND: KeySpec = [2, 2, 1];
/** MIGRATE host port key …: COMMAND INFO's static key (the KEYS form names its keys at the end). */
const MIGRATED_KEY: KeySpec = [3, 3, 1];

/**
 * BY, LIMIT, GET, ASC/DESC, ALPHA, in the order SORT documents them. As in GLIDE, an option that
 * is empty or null is left out (an empty `byPattern` string sends no BY).
 */
function sortOptionArgs(options?: SortOptions): CommandArg[] {
    const args: CommandArg[] = [];
    if (options?.byPattern) args.push("BY", options.byPattern);
    if (options?.limit) args.push("LIMIT", options.limit.offset, options.limit.count);
    for (const pattern of options?.getPatterns ?? []) args.push("GET", pattern);
    if (options?.orderBy) args.push(options.orderBy);
    if (options?.isAlpha) args.push("ALPHA");
    return args;
}

/**
 * A single key, or (standalone only) several keys sent with an empty key and KEYS. GLIDE refuses
 * an empty key list and a username without a password itself, before sending.
 */
function migrateArgs(
    host: string,
    port: number,
    key: GlideString | GlideString[],
    destinationDB: number,
    timeout: number,
    options?: MigrateOptions,
): CommandArg[] {
    const keys = Array.isArray(key) ? key : undefined;
    if (keys?.length === 0) throw new Error("key must not be an empty array");
    if (options?.username !== undefined && options.password === undefined) {
        throw new Error("MigrateOptions: 'username' requires 'password' to be set");
    }
    const args: CommandArg[] = ["MIGRATE", host, port, keys ? "" : (key as GlideString), destinationDB, timeout];
    if (options?.copy) args.push("COPY");
    if (options?.replace) args.push("REPLACE");
    if (options?.password !== undefined) {
        if (options.username !== undefined) args.push("AUTH2", options.username, options.password);
        else args.push("AUTH", options.password);
    }
    if (keys) args.push("KEYS", ...keys);
    return args;
}

const objectSubcommand = (subcommand: string) =>
    command({
        args: (key: GlideString) => ["OBJECT", subcommand, key],
        reply: toNullableNumber,
        readonly: true,
        keys: KEY_AFTER_SUBCOMMAND,
    });

export const genericExtraCommands = {
    sort: command({
        args: (key: GlideString, options?: SortOptions & DecoderOption) => ["SORT", key, ...sortOptionArgs(options)],
        reply: as<(GlideString | null)[]>,
        optionsAt: 1,
        keys: FIRST_KEY,
    }),
    sortReadOnly: command({
        args: (key: GlideString, options?: SortOptions & DecoderOption) => [
            "SORT_RO",
            key,
            ...sortOptionArgs(options),
        ],
        reply: as<(GlideString | null)[]>,
        optionsAt: 1,
        readonly: true,
        keys: FIRST_KEY,
    }),
    sortStore: command({
        args: (key: GlideString, destination: GlideString, options?: SortOptions) => [
            "SORT",
            key,
            ...sortOptionArgs(options),
            "STORE",
            destination,
        ],
        reply: as<number>,
        // COMMAND INFO only lists the sorted key (STORE's is movable); the destination is the last argument.
        keys: FIRST_KEY,
    }),
    objectEncoding: command({
        args: (key: GlideString) => ["OBJECT", "ENCODING", key],
        reply: (reply) => (reply === null ? null : toText(reply)),
        stringReply: true,
        // In a batch, the encoding's name follows the batch's decoder.
        clientDecoderOnly: true,
        batchReply: as<GlideString | null>,
        readonly: true,
        keys: KEY_AFTER_SUBCOMMAND,
    }),
    objectFreq: objectSubcommand("FREQ"),
    objectIdletime: objectSubcommand("IDLETIME"),
    objectRefcount: objectSubcommand("REFCOUNT"),
    wait: command({
        args: (numreplicas: number, timeout: number) => ["WAIT", numreplicas, timeout],
        reply: as<number>,
        // WAIT's timeout is in milliseconds; it counts this connection's writes, so it stays on it.
        blockingSeconds: (_numreplicas: number, timeout: number) => timeout / 1000,
        sameConnection: true,
    }),
    // Not readonly: WATCH must reach the primary, where the transaction it guards runs.
    watch: command({
        args: (keys: GlideString[]) => ["WATCH", ...keys],
        reply: as<"OK">,
        keys: EVERY_ARG_KEY,
    }),
    // GLIDE types the key as one key on BaseClient and as one or several on GlideClient: one
    // definition takes either (several keys are sent as an empty key and KEYS …).
    migrate: command({
        args: migrateArgs,
        // Typed as a string by GLIDE, but NOKEY follows the decoder (a Buffer for Bytes); OK is always text.
        reply: (reply, bytes) => (reply === "OK" ? reply : statusAs(reply, bytes)) as string,
        keys: MIGRATED_KEY,
    }),
};

/** Standalone only: `unwatch` is on GlideClient (GLIDE's Batch has none). */
export const standaloneGenericCommands = {
    unwatch: command({
        args: () => ["UNWATCH"],
        reply: as<"OK">,
    }),
};
