/**
 * The JSON module's commands, each defined once: GlideJson's static methods (on either client) and
 * JsonBatch's come from this table. Replies are shaped as GLIDE's customCommand shapes them, which
 * is what GLIDE's JSON methods return. Only the methods whose options GLIDE hands to customCommand
 * (set, get, mget, arrpop, resp, objkeys) take a per-call decoder.
 */
import { command, FIRST_KEY, type KeySpec, type ReplyConverter } from "../commands/core";
import { customReply, genericReply } from "../commands/generic-reply";
import type { ConditionalChange } from "../commands/options";
import type { DecoderOption, GlideString } from "../commands/types";
import { arrPopArgs, getOptionArgs, jsonScalar, keyAndPath, withPath } from "./json-args";
import type { JsonArrPopOptions, JsonGetOptions, JsonPathOption, ReturnTypeJson, UniversalReturnTypeJson } from "./json-options";

/** JSON.MGET key [key …] path. */
const KEYS_THEN_PATH: KeySpec = [1, -2, 1];
/** JSON.DEBUG MEMORY|FIELDS key [path]; readonly as the command (not its subcommands) says, as GLIDE takes it. */
const KEY_AFTER_SUBCOMMAND: KeySpec = [2, 2, 1];

/** A reply in customCommand's generic shape, typed as the method declares it. */
function replyAs<R>(): ReplyConverter<R> {
    return genericReply as ReplyConverter<R>;
}

/** GLIDE's core turns JSON.TOGGLE's 0/1 and "true"/"false" into booleans (custom-replies.ts). */
const TOGGLE = ["JSON.TOGGLE"];
const count = replyAs<ReturnTypeJson<number>>();

export const jsonCommands = {
    set: command({
        args: (key: GlideString, path: GlideString, value: GlideString, options?: { conditionalChange: ConditionalChange } & DecoderOption) =>
            options?.conditionalChange !== undefined ? ["JSON.SET", key, path, value, options.conditionalChange] : ["JSON.SET", key, path, value],
        optionsAt: 3,
        keys: FIRST_KEY,
        reply: replyAs<"OK" | null>(),
    }),
    get: command({
        args: (key: GlideString, options?: JsonGetOptions & DecoderOption) => ["JSON.GET", key, ...(options ? getOptionArgs(options) : [])],
        optionsAt: 1,
        keys: FIRST_KEY,
        readonly: true,
        reply: replyAs<ReturnTypeJson<GlideString>>(),
    }),
    mget: command({
        args: (keys: GlideString[], path: GlideString, options?: DecoderOption) => ["JSON.MGET", ...keys, path],
        optionsAt: 2,
        keys: KEYS_THEN_PATH,
        readonly: true,
        reply: replyAs<ReturnTypeJson<GlideString[]>>(),
    }),
    arrinsert: command({
        args: (key: GlideString, path: GlideString, index: number, values: GlideString[]) => ["JSON.ARRINSERT", key, path, index.toString(), ...values],
        keys: FIRST_KEY,
        reply: count,
    }),
    arrpop: command({
        args: (key: GlideString, options?: JsonArrPopOptions & DecoderOption) => arrPopArgs(key, options),
        optionsAt: 1,
        keys: FIRST_KEY,
        reply: replyAs<ReturnTypeJson<GlideString>>(),
    }),
    arrlen: command({
        args: (key: GlideString, options?: JsonPathOption) => (options?.path ? ["JSON.ARRLEN", key, options.path] : ["JSON.ARRLEN", key]),
        keys: FIRST_KEY,
        readonly: true,
        reply: count,
    }),
    arrtrim: command({
        args: (key: GlideString, path: GlideString, start: number, end: number) => ["JSON.ARRTRIM", key, path, start.toString(), end.toString()],
        keys: FIRST_KEY,
        reply: count,
    }),
    arrindex: command({
        args: (key: GlideString, path: GlideString, scalar: GlideString | number | boolean | null, options?: { start: number; end?: number }) => [
            "JSON.ARRINDEX",
            key,
            path,
            jsonScalar(scalar),
            ...(options?.start !== undefined ? [options.start.toString()] : []),
            ...(options?.end !== undefined ? [options.end.toString()] : []),
        ],
        keys: FIRST_KEY,
        readonly: true,
        reply: count,
    }),
    toggle: command({ args: keyAndPath("JSON.TOGGLE"), keys: FIRST_KEY, reply: (reply, bytes) => customReply(TOGGLE, reply, bytes) as ReturnTypeJson<boolean> }),
    del: command({ args: keyAndPath("JSON.DEL"), keys: FIRST_KEY, reply: replyAs<number>() }),
    forget: command({ args: keyAndPath("JSON.FORGET"), keys: FIRST_KEY, reply: replyAs<number>() }),
    type: command({ args: keyAndPath("JSON.TYPE"), keys: FIRST_KEY, readonly: true, reply: replyAs<ReturnTypeJson<GlideString>>() }),
    clear: command({ args: keyAndPath("JSON.CLEAR"), keys: FIRST_KEY, reply: count }),
    resp: command({
        args: (key: GlideString, options?: JsonPathOption & DecoderOption) => keyAndPath("JSON.RESP")(key, options),
        optionsAt: 1,
        keys: FIRST_KEY,
        readonly: true,
        reply: replyAs<UniversalReturnTypeJson<(number | GlideString) | (number | GlideString | null) | null>>(),
    }),
    strlen: command({ args: keyAndPath("JSON.STRLEN"), keys: FIRST_KEY, readonly: true, reply: count }),
    strappend: command({
        args: (key: GlideString, value: GlideString, options?: JsonPathOption) => [...keyAndPath("JSON.STRAPPEND")(key, options), value],
        keys: FIRST_KEY,
        reply: count,
    }),
    arrappend: command({
        args: (key: GlideString, path: GlideString, values: GlideString[]) => ["JSON.ARRAPPEND", key, path, ...values],
        keys: FIRST_KEY,
        reply: count,
    }),
    debugMemory: command({
        args: (key: GlideString, options?: JsonPathOption) => withPath(["JSON.DEBUG", "MEMORY", key], options),
        keys: KEY_AFTER_SUBCOMMAND,
        readonly: true,
        reply: count,
    }),
    debugFields: command({
        args: (key: GlideString, options?: JsonPathOption) => withPath(["JSON.DEBUG", "FIELDS", key], options),
        keys: KEY_AFTER_SUBCOMMAND,
        readonly: true,
        reply: count,
    }),
    numincrby: command({
        args: (key: GlideString, path: GlideString, num: number) => ["JSON.NUMINCRBY", key, path, num.toString()],
        keys: FIRST_KEY,
        reply: replyAs<GlideString>(),
    }),
    nummultby: command({
        args: (key: GlideString, path: GlideString, num: number) => ["JSON.NUMMULTBY", key, path, num.toString()],
        keys: FIRST_KEY,
        reply: replyAs<GlideString>(),
    }),
    objlen: command({ args: keyAndPath("JSON.OBJLEN"), keys: FIRST_KEY, readonly: true, reply: count }),
    objkeys: command({
        args: (key: GlideString, options?: JsonPathOption & DecoderOption) => keyAndPath("JSON.OBJKEYS")(key, options),
        optionsAt: 1,
        keys: FIRST_KEY,
        readonly: true,
        reply: replyAs<ReturnTypeJson<GlideString[]>>(),
    }),
};
