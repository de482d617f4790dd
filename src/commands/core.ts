/**
 * The define-once mechanism: a command is one `CommandDef` (argument builder, routing facts, reply
 * converter). Client methods and batch methods are generated from the same definitions, and their
 * TypeScript signatures are derived from the definition's `args` parameters and `reply` result.
 */
import type { CommandArg, RespValue } from "../protocol/types";

/** argv positions of the keys, as in COMMAND INFO: first, last (negative counts from the end), step. */
export type KeySpec = readonly [first: number, last: number, step: number];

export const FIRST_KEY: KeySpec = [1, 1, 1];
export const EVERY_ARG_KEY: KeySpec = [1, -1, 1];
export const KEY_VALUE_PAIRS: KeySpec = [1, -1, 2];
export const TWO_KEYS: KeySpec = [1, 2, 1];
/** BLPOP key [key …] timeout: every argument but the last is a key. */
export const KEYS_THEN_TIMEOUT: KeySpec = [1, -2, 1];
/**
 * The key is argv[2]: after a subcommand (OBJECT ENCODING key), or the first of a numkeys list
 * (LMPOP numkeys key …; the others must share its slot, so the first routes the command).
 */
export const SECOND_ARG_KEY: KeySpec = [2, 2, 1];
/** The key is argv[3]: the first of a numkeys list after a timeout (BLMPOP timeout numkeys key …). */
export const THIRD_ARG_KEY: KeySpec = [3, 3, 1];

/** Converts a decoded reply to GLIDE's shape. `bytes` tells whether bulk strings arrived as Buffers. */
export type ReplyConverter<R> = (reply: RespValue, bytes: boolean) => R;

export interface CommandDef<P extends unknown[] = any[], R = unknown, B extends unknown[] = never> {
    /** Builds the full argv, command name first, from the method's parameters. */
    readonly args: (...params: P) => CommandArg[];
    /**
     * The batch method's form, where GLIDE's Batch spells the command differently from its client
     * (`zpopmin(key, count?)` against `zpopmin(key, options?)`): builds the same argv from the
     * batch method's parameters, which it also types. Absent (B = never): the batch method takes
     * `args`'s. A definition made by spreading another (`{ ...def, args }`) inherits it: override both.
     */
    batchArgs?(...params: B): CommandArg[];
    /** Converts the reply; the reply passes through unchanged when absent. */
    readonly reply?: ReplyConverter<R>;
    /**
     * The batch's converter, where GLIDE's batch result differs from its client method's (GLIDE
     * reshapes some replies in the client method only: `lcsIdx` gives an object there, a
     * GlideRecord in a batch). Absent: the batch converts as the client does.
     */
    readonly batchReply?: ReplyConverter<unknown>;
    /** Index of the parameter that may carry `decoder` (and, on the cluster client, `route`). */
    readonly optionsAt?: number;
    /** The reply is text whatever the decoder (INFO, TYPE, CONFIG GET, …). */
    readonly stringReply?: boolean;
    /** The reply is binary whatever the decoder (DUMP): bulk strings always arrive as Buffers. */
    readonly bytesReply?: boolean;
    /**
     * With stringReply / bytesReply: GLIDE fixes that decoder in the client method only (TYPE,
     * DUMP, XCLAIM JUSTID); queued in a batch, the reply is decoded as the batch's decoder says.
     */
    readonly clientDecoderOnly?: boolean;
    /** The command does not write: it may be served by a replica when `readFrom` allows. */
    readonly readonly?: boolean;
    /** Where the keys are in argv; absent for keyless commands. */
    readonly keys?: KeySpec;
    /**
     * Blocking commands: their server-side timeout in seconds (0 = forever), read from the params;
     * `undefined` when this call does not block (XREAD without BLOCK is an ordinary command).
     * Typed loosely so that it never takes part in inferring the method's parameters.
     */
    readonly blockingSeconds?: (...params: any[]) => number | undefined;
    /**
     * With blockingSeconds: the command acts on its own connection's state (WAIT counts the
     * replication of that connection's writes), so it keeps the long deadline but stays on the
     * shared connection instead of taking a dedicated one.
     */
    readonly sameConnection?: boolean;
    /**
     * Commands whose keys start after a keyword at a varying position (XREAD … STREAMS key …, a
     * "movablekeys" command): the keyword and the argv position its search starts from, as in the
     * command's key specs. `keys` is then absent.
     */
    readonly keysAfter?: readonly [keyword: string, searchFrom: number];
}

/** argv position of the first key of a call, or undefined when these args have none. */
export function firstKeyPosition(def: CommandDef, args: readonly CommandArg[]): number | undefined {
    if (def.keysAfter !== undefined) {
        const [keyword, searchFrom] = def.keysAfter;
        const at = args.indexOf(keyword, searchFrom);
        return at >= 0 && at + 1 < args.length ? at + 1 : undefined;
    }
    const first = def.keys?.[0];
    if (first === undefined || first >= args.length) return undefined;
    // No keys before the trailing arguments (BLPOP timeout with an empty key list).
    if (def.keys![1] < 0 && first > args.length + def.keys![1]) return undefined;
    // A numkeys list of no keys (FCALL f 0 arg …): what follows numkeys is an argument, not a key.
    if (isNumkeysList(def.keys!) && args[first - 1] === 0) return undefined;
    return first;
}

function isNumkeysList(keys: KeySpec): boolean {
    return keys === SECOND_ARG_KEY || keys === THIRD_ARG_KEY;
}

/**
 * argv positions of every key of a call, as far as the definition tells: its key spec, the keys
 * after `keysAfter`'s keyword (XREAD … STREAMS key … id …: the first half), and for a numkeys list
 * (LMPOP numkeys key …) the numkeys keys that follow.
 */
export function keyPositions(def: CommandDef, args: readonly CommandArg[]): number[] {
    const positions: number[] = [];
    if (def.keysAfter !== undefined) {
        const first = firstKeyPosition(def, args);
        if (first === undefined) return positions;
        const count = Math.floor((args.length - first) / 2);
        for (let i = 0; i < count; i++) positions.push(first + i);
        return positions;
    }
    if (def.keys === undefined) return positions;
    const [first, lastSpec, step] = def.keys;
    let last = lastSpec < 0 ? args.length + lastSpec : lastSpec;
    const numkeys = args[first - 1];
    if (isNumkeysList(def.keys) && typeof numkeys === "number") last = first + numkeys - 1;
    for (let at = first; at <= last && at < args.length; at += step) positions.push(at);
    return positions;
}

/** `blockingSeconds` for a command whose timeout (in seconds) is the parameter at `index`. */
export function timeoutParam(index: number): (...params: unknown[]) => number {
    return (...params) => params[index] as number;
}

/** Declares one command; the identity at run time, it only fixes the types. */
export function command<P extends unknown[], R = RespValue, B extends unknown[] = never>(def: CommandDef<P, R, B>): CommandDef<P, R, B> {
    return def;
}

/** The argv a batch queues for a call of the batch method (its own form when it has one). */
export function batchCallArgs(def: CommandDef, params: unknown[]): CommandArg[] {
    const build = (def.batchArgs ?? def.args) as (...params: unknown[]) => CommandArg[];
    return build.apply(undefined, params);
}

/** A typed pass-through converter: `reply: as<GlideString | null>` (instantiation expression). */
export function as<T>(reply: RespValue): T {
    return reply as unknown as T;
}

export type CommandTable = Record<string, CommandDef<any, any, any>>;

/** The method signatures a client gets from a table of definitions. */
export type ClientMethods<D extends CommandTable> = {
    [K in keyof D]: D[K] extends CommandDef<infer P, infer R, any> ? (...params: P) => Promise<R> : never;
};

/** The method signatures a batch gets: the batch form's parameters (else the client's), returning the batch. */
export type BatchMethods<D extends CommandTable, T> = {
    [K in keyof D]: D[K] extends CommandDef<infer P, any, infer B> ? (...params: [B] extends [never] ? P : B) => T : never;
};

/** Installs one method per definition on a prototype, each calling `dispatch(def, params)`. */
export function installMethods(
    proto: object,
    table: CommandTable,
    dispatch: (self: any, def: CommandDef, params: unknown[]) => unknown,
): void {
    for (const name of Object.keys(table)) {
        const def = table[name];
        Object.defineProperty(proto, name, {
            configurable: true,
            writable: true,
            enumerable: false,
            value: function (this: unknown, ...params: unknown[]) {
                return dispatch(this, def, params);
            },
        });
    }
}

/** The options object of a call (the parameter at `optionsAt`), if any. */
export function callOptions(def: CommandDef, params: unknown[]): { decoder?: number; route?: unknown } | undefined {
    if (def.optionsAt === undefined) return undefined;
    const options = params[def.optionsAt];
    return typeof options === "object" && options !== null ? (options as { decoder?: number }) : undefined;
}
