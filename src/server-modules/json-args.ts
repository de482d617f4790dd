/**
 * Argument builders the JSON commands share. They keep GLIDE 2.5.2's argv exactly, quirks included
 * (the argv is part of the contract): a falsy arrlen / arrpop path or arrpop index is left out.
 */
import type { CommandArg } from "../protocol/types";
import type { GlideString } from "../commands/types";
import type { JsonArrPopOptions, JsonGetOptions, JsonPathOption } from "./json-options";

/**
 * `head` and the path, whenever an options object is given. GLIDE refuses an options object
 * without a path with a TypeError before sending anything; so do we, saying why.
 */
export function withPath(head: CommandArg[], options?: JsonPathOption): CommandArg[] {
    if (!options) return head;
    if (options.path == null) throw new TypeError(`${head[0]}: the options have no path; give { path } or leave the options out`);
    return [...head, options.path];
}

/** JSON.X key [path]. */
export function keyAndPath(name: string) {
    return (key: GlideString, options?: JsonPathOption): CommandArg[] => withPath([name, key], options);
}

export function getOptionArgs(options: JsonGetOptions): CommandArg[] {
    const args: CommandArg[] = [];
    if (options.path) args.push(...(Array.isArray(options.path) ? options.path : [options.path]));
    if (options.indent) args.push("INDENT", options.indent);
    if (options.newline) args.push("NEWLINE", options.newline);
    if (options.space) args.push("SPACE", options.space);
    if (options.noescape) args.push("NOESCAPE");
    return args;
}

export function arrPopArgs(key: GlideString, options?: JsonArrPopOptions): CommandArg[] {
    const args: CommandArg[] = ["JSON.ARRPOP", key];
    if (options?.path) args.push(options.path);
    // GLIDE leaves out index 0 too, which then pops the last element.
    if (options?.index) args.push(options.index.toString());
    return args;
}

/** ARRINDEX's scalar as JSON text: numbers and booleans spelled out, null as null, strings as given (already JSON). */
export function jsonScalar(scalar: GlideString | number | boolean | null): GlideString {
    if (typeof scalar === "number") return scalar.toString();
    if (typeof scalar === "boolean") return scalar ? "true" : "false";
    return scalar === null ? "null" : scalar;
}
