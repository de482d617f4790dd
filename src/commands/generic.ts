/** Generic key commands. */
import { as, command, EVERY_ARG_KEY, FIRST_KEY, TWO_KEYS } from "./core";
import type { ExpireOptions, RestoreOptions } from "./options";
import { statusAs, toBoolean, toText } from "./replies";
import type { GlideString } from "./types";
import type { CommandArg } from "../protocol/types";

/** The condition argument of EXPIRE, EXPIREAT, PEXPIRE and PEXPIREAT (none for null, as for undefined). */
function expireCondition(options?: { expireOption?: ExpireOptions }): CommandArg[] {
    return options?.expireOption == null ? [] : [options.expireOption];
}

function copyArgs(
    source: GlideString,
    destination: GlideString,
    options?: { destinationDB?: number; replace?: boolean },
): CommandArg[] {
    const args: CommandArg[] = ["COPY", source, destination];
    if (options?.destinationDB !== undefined) args.push("DB", options.destinationDB);
    if (options?.replace) args.push("REPLACE");
    return args;
}

function restoreArgs(key: GlideString, ttl: number, value: Buffer, options?: RestoreOptions): CommandArg[] {
    // GLIDE refuses this pair itself, before sending (the server would answer a bare syntax error).
    if (options?.idletime !== undefined && options.frequency !== undefined) {
        throw new Error("syntax error: both IDLETIME and FREQ cannot be set at the same time.");
    }
    const args: CommandArg[] = ["RESTORE", key, ttl, value];
    if (options?.replace) args.push("REPLACE");
    if (options?.absttl) args.push("ABSTTL");
    if (options?.idletime !== undefined) args.push("IDLETIME", options.idletime);
    if (options?.frequency !== undefined) args.push("FREQ", options.frequency);
    return args;
}

export const genericCommands = {
    del: command({
        args: (keys: GlideString[]) => ["DEL", ...keys],
        reply: as<number>,
        keys: EVERY_ARG_KEY,
    }),
    unlink: command({
        args: (keys: GlideString[]) => ["UNLINK", ...keys],
        reply: as<number>,
        keys: EVERY_ARG_KEY,
    }),
    exists: command({
        args: (keys: GlideString[]) => ["EXISTS", ...keys],
        reply: as<number>,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    touch: command({
        args: (keys: GlideString[]) => ["TOUCH", ...keys],
        reply: as<number>,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    type: command({
        args: (key: GlideString) => ["TYPE", key],
        reply: toText,
        stringReply: true,
        // In a batch, GLIDE's TYPE reply (a simple string) follows the batch's decoder.
        clientDecoderOnly: true,
        batchReply: statusAs,
        readonly: true,
        keys: FIRST_KEY,
    }),
    rename: command({
        args: (key: GlideString, newKey: GlideString) => ["RENAME", key, newKey],
        reply: as<"OK">,
        keys: TWO_KEYS,
    }),
    renamenx: command({
        args: (key: GlideString, newKey: GlideString) => ["RENAMENX", key, newKey],
        reply: toBoolean,
        keys: TWO_KEYS,
    }),
    expire: command({
        args: (key: GlideString, seconds: number, options?: { expireOption?: ExpireOptions }) => [
            "EXPIRE",
            key,
            seconds,
            ...expireCondition(options),
        ],
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    expireAt: command({
        args: (key: GlideString, unixSeconds: number, options?: { expireOption?: ExpireOptions }) => [
            "EXPIREAT",
            key,
            unixSeconds,
            ...expireCondition(options),
        ],
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    pexpire: command({
        args: (key: GlideString, milliseconds: number, options?: { expireOption?: ExpireOptions }) => [
            "PEXPIRE",
            key,
            milliseconds,
            ...expireCondition(options),
        ],
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    pexpireAt: command({
        args: (key: GlideString, unixMilliseconds: number, options?: { expireOption?: ExpireOptions }) => [
            "PEXPIREAT",
            key,
            unixMilliseconds,
            ...expireCondition(options),
        ],
        // GLIDE declares a number here, unlike its three siblings, but answers a boolean as they do.
        reply: (reply) => toBoolean(reply) as unknown as number,
        keys: FIRST_KEY,
    }),
    expiretime: command({
        args: (key: GlideString) => ["EXPIRETIME", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    pexpiretime: command({
        args: (key: GlideString) => ["PEXPIRETIME", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    ttl: command({
        args: (key: GlideString) => ["TTL", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    pttl: command({
        args: (key: GlideString) => ["PTTL", key],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    persist: command({
        args: (key: GlideString) => ["PERSIST", key],
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    copy: command({
        args: copyArgs,
        reply: toBoolean,
        keys: TWO_KEYS,
    }),
    move: command({
        args: (key: GlideString, dbIndex: number) => ["MOVE", key, dbIndex],
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    dump: command({
        args: (key: GlideString) => ["DUMP", key],
        reply: as<Buffer | null>,
        bytesReply: true,
        // In a batch, the payload follows the batch's decoder (a String decoder cannot decode it).
        clientDecoderOnly: true,
        readonly: true,
        keys: FIRST_KEY,
    }),
    restore: command({
        args: restoreArgs,
        reply: as<"OK">,
        keys: FIRST_KEY,
    }),
};
