/** Hash-field expiry commands (Valkey 9.0+): HSETEX, HGETEX, HEXPIRE and friends, HTTL and friends, HPERSIST. */
import { as, command, FIRST_KEY } from "./core";
import {
    convertFieldsAndValuesToHashDataType,
    type HExpireOptions,
    type HGetExExpiry,
    type HGetExOptions,
    type HSetExExpiry,
    type HSetExOptions,
} from "./hash-options";
import type { TimeUnit } from "./options";
import type { DecoderOption, GlideString, HashDataType } from "./types";
import type { CommandArg } from "../protocol/types";

/** FIELDS numfields field [field …], the tail these commands share. */
function fieldsArgs(fields: GlideString[]): CommandArg[] {
    return ["FIELDS", fields.length, ...fields];
}

/**
 * EX/PX/EXAT/PXAT count, or the command's keyword (HSETEX: KEEPTTL, HGETEX: PERSIST). As in GLIDE,
 * a missing or null expiry adds nothing, and a count that is not an integer is refused before sending.
 */
function expiryArgs(name: string, keyword: string, expiry: HSetExExpiry | HGetExExpiry | null | undefined): CommandArg[] {
    if (!expiry) return [];
    if (expiry === keyword) return [keyword];
    // Anything else is taken as a time (the other command's keyword too, and refused as one).
    const { type, count } = expiry as { type: TimeUnit; count: number };
    if (!Number.isInteger(count)) {
        throw new Error(`${name} received expiry '${JSON.stringify(expiry)}'. Count must be an integer`);
    }
    return [type, count];
}

function hsetexArgs(
    key: GlideString,
    fieldsAndValues: HashDataType | Record<string, GlideString>,
    options?: HSetExOptions,
): CommandArg[] {
    const args: CommandArg[] = ["HSETEX", key];
    if (options?.fieldConditionalChange) args.push(options.fieldConditionalChange);
    args.push(...expiryArgs("HSETEX", "KEEPTTL", options?.expiry));
    const pairs = convertFieldsAndValuesToHashDataType(fieldsAndValues);
    // Without pairs the server reports the missing FIELDS itself.
    if (pairs.length > 0) args.push("FIELDS", pairs.length, ...pairs.flatMap(({ field, value }) => [field, value]));
    return args;
}

function hgetexArgs(key: GlideString, fields: GlideString[], options?: HGetExOptions & DecoderOption): CommandArg[] {
    return ["HGETEX", key, ...expiryArgs("HGETEX", "PERSIST", options?.expiry), ...fieldsArgs(fields)];
}

/** HEXPIRE, HPEXPIRE, HEXPIREAT, HPEXPIREAT: key, time, optional condition, fields. */
function expireArgs(
    name: string,
    key: GlideString,
    time: number,
    fields: GlideString[],
    options?: HExpireOptions,
): CommandArg[] {
    const args: CommandArg[] = [name, key, time];
    if (options?.condition) args.push(options.condition);
    return [...args, ...fieldsArgs(fields)];
}

/** HTTL, HPTTL, HEXPIRETIME, HPEXPIRETIME, HPERSIST: key and fields, one integer per field. */
function perFieldCommand(name: string, readonly: boolean) {
    return command({
        args: (key: GlideString, fields: GlideString[]) => [name, key, ...fieldsArgs(fields)],
        reply: as<number[]>,
        readonly,
        keys: FIRST_KEY,
    });
}

export const hashExpiryCommands = {
    hsetex: command({
        args: hsetexArgs,
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    hgetex: command({
        args: hgetexArgs,
        reply: as<(GlideString | null)[]>,
        optionsAt: 2,
        keys: FIRST_KEY,
    }),
    hexpire: command({
        args: (key: GlideString, seconds: number, fields: GlideString[], options?: HExpireOptions) =>
            expireArgs("HEXPIRE", key, seconds, fields, options),
        reply: as<number[]>,
        keys: FIRST_KEY,
    }),
    hpexpire: command({
        args: (key: GlideString, milliseconds: number, fields: GlideString[], options?: HExpireOptions) =>
            expireArgs("HPEXPIRE", key, milliseconds, fields, options),
        reply: as<number[]>,
        keys: FIRST_KEY,
    }),
    hexpireat: command({
        args: (key: GlideString, unixTimestampSeconds: number, fields: GlideString[], options?: HExpireOptions) =>
            expireArgs("HEXPIREAT", key, unixTimestampSeconds, fields, options),
        reply: as<number[]>,
        keys: FIRST_KEY,
    }),
    hpexpireat: command({
        args: (key: GlideString, unixTimestampMilliseconds: number, fields: GlideString[], options?: HExpireOptions) =>
            expireArgs("HPEXPIREAT", key, unixTimestampMilliseconds, fields, options),
        reply: as<number[]>,
        keys: FIRST_KEY,
    }),
    hpersist: perFieldCommand("HPERSIST", false),
    httl: perFieldCommand("HTTL", true),
    hpttl: perFieldCommand("HPTTL", true),
    hexpiretime: perFieldCommand("HEXPIRETIME", true),
    hpexpiretime: perFieldCommand("HPEXPIRETIME", true),
};
