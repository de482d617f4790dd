/** Argument builders of server and function commands that both clients' signatures share. */
import type { CommandArg } from "../protocol/types";
import type { FailoverOptions, FunctionListOptions } from "./server-options";
import type { GlideString } from "./types";

export function functionListArgs(options?: FunctionListOptions): CommandArg[] {
    const args: CommandArg[] = ["FUNCTION", "LIST"];
    if (options?.libNamePattern !== undefined) args.push("LIBRARYNAME", options.libNamePattern);
    if (options?.withCode) args.push("WITHCODE");
    return args;
}

export function failoverArgs(options?: FailoverOptions): CommandArg[] {
    const args: CommandArg[] = ["FAILOVER"];
    if (options?.to !== undefined) {
        args.push("TO", options.to.host, options.to.port);
        if (options.to.force) args.push("FORCE");
    }
    if (options?.abort) args.push("ABORT");
    if (options?.timeoutMs !== undefined) args.push("TIMEOUT", options.timeoutMs);
    return args;
}

/** FCALL / FCALL_RO / EVALSHA / EVAL: name or script, then numkeys, keys and arguments. */
export function numkeysArgs(command: string, target: GlideString, keys: GlideString[], args: GlideString[]): CommandArg[] {
    return [command, target, keys.length, ...keys, ...args];
}
