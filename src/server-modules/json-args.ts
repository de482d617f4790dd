/**
 * Argument builders the JSON commands share. They keep GLIDE 2.5.2's argv exactly, quirks included
 * (the argv is part of the contract): a falsy path or arrpop index is left out, and an options
 * object without `path` still appends its (undefined) path.
 */
import type { CommandArg } from "../protocol/types";
import type { GlideString } from "../commands/types";
import type { JsonArrPopOptions, JsonGetOptions, JsonPathOption } from "./json-options";

/** JSON.X key [path]: the path whenever an options object is given. */
export function keyAndPath(name: string) {
    return (key: GlideString, options?: JsonPathOption): CommandArg[] => (options ? [name, key, options.path] : [name, key]);
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
