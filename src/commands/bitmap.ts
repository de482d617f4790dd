/** Bitmap commands. */
import { as, command, FIRST_KEY, type KeySpec } from "./core";
import type { BitFieldGet, BitFieldSubCommands, BitOffsetOptions, BitwiseOperation } from "./bitmap-options";
import { toNullableNumber } from "./replies";
import type { GlideString } from "./types";
import type { CommandArg, RespValue } from "../protocol/types";

/** BITOP operation destkey key [key …]: every argument after the operation is a key. */
const KEYS_AFTER_OPERATION: KeySpec = [2, -1, 1];

/** BITFIELD's integers as numbers (the protocol reads those past 2^53 as bigints). */
function toFieldValues<T extends number | null = number | null>(reply: RespValue): T[] {
    return (reply as RespValue[]).map(toNullableNumber) as T[];
}

function rangeArgs(options?: BitOffsetOptions): CommandArg[] {
    if (!options) return [];
    if (options.end === undefined) return [options.start];
    return options.indexType ? [options.start, options.end, options.indexType] : [options.start, options.end];
}

export const bitmapCommands = {
    setbit: command({
        args: (key: GlideString, offset: number, value: number) => ["SETBIT", key, offset, value],
        reply: as<number>,
        keys: FIRST_KEY,
    }),
    getbit: command({
        args: (key: GlideString, offset: number) => ["GETBIT", key, offset],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    bitcount: command({
        args: (key: GlideString, options?: BitOffsetOptions) => ["BITCOUNT", key, ...rangeArgs(options)],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    bitpos: command({
        args: (key: GlideString, bit: number, options?: BitOffsetOptions) => [
            "BITPOS",
            key,
            bit,
            ...rangeArgs(options),
        ],
        reply: as<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
    bitop: command({
        args: (operation: BitwiseOperation, destination: GlideString, keys: GlideString[]) => [
            "BITOP",
            operation,
            destination,
            ...keys,
        ],
        reply: as<number>,
        keys: KEYS_AFTER_OPERATION,
    }),
    bitfield: command({
        args: (key: GlideString, subcommands: BitFieldSubCommands[]) => [
            "BITFIELD",
            key,
            ...subcommands.flatMap((subcommand) => subcommand.toArgs()),
        ],
        // null for a SET or INCRBY that OVERFLOW FAIL stopped. 64-bit fields are numbers, as in
        // GLIDE, even past the safe-integer range.
        reply: toFieldValues,
        keys: FIRST_KEY,
    }),
    bitfieldReadOnly: command({
        args: (key: GlideString, subcommands: BitFieldGet[]) => [
            "BITFIELD_RO",
            key,
            ...subcommands.flatMap((subcommand) => subcommand.toArgs()),
        ],
        reply: toFieldValues<number>,
        readonly: true,
        keys: FIRST_KEY,
    }),
};
