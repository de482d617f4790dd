/**
 * Lua scripting: SCRIPT EXISTS / FLUSH / KILL / SHOW with GlideClient's signatures, and
 * invokeScript's EVALSHA-then-EVAL run that both clients share.
 */
import { serverErrorText } from "../errors";
import type { CommandArg, RespValue } from "../protocol/types";
import { as, command, THIRD_ARG_KEY, type CommandDef } from "./core";
import { customReply } from "./generic-reply";
import type { FlushMode } from "./options";
import { toBoolean } from "./replies";
import { scriptCode, type Script } from "./script";
import { numkeysArgs } from "./server-args";
import type { DecoderOption, GlideReturnType, GlideString } from "./types";

export const standaloneScriptingCommands = {
    scriptExists: command({
        args: (sha1s: GlideString[]) => ["SCRIPT", "EXISTS", ...sha1s],
        reply: (reply) => (reply as RespValue[]).map(toBoolean),
    }),
    scriptFlush: command({
        args: (mode?: FlushMode): CommandArg[] => (mode === undefined ? ["SCRIPT", "FLUSH"] : ["SCRIPT", "FLUSH", mode]),
        reply: as<"OK">,
    }),
    scriptKill: command({ args: () => ["SCRIPT", "KILL"], reply: as<"OK"> }),
};

/** BaseClient's scripting commands (same signature on both clients). */
export const scriptingCommands = {
    scriptShow: command({
        args: (sha1: GlideString, options?: DecoderOption) => ["SCRIPT", "SHOW", sha1],
        reply: as<GlideString>,
        optionsAt: 1,
    }),
};

export interface ScriptOptions extends DecoderOption {
    keys?: GlideString[];
    args?: GlideString[];
}

// The keys follow numkeys (argv[2]); with none the call is keyless (see firstKeyPosition).
const EVALSHA = command({
    args: (hash: string, keys: GlideString[], args: GlideString[], options?: DecoderOption) => numkeysArgs("EVALSHA", hash, keys, args),
    reply: (reply) => customReply([], reply),
    optionsAt: 3,
    keys: THIRD_ARG_KEY,
});

const EVAL = command({
    args: (code: GlideString, keys: GlideString[], args: GlideString[], options?: DecoderOption) => numkeysArgs("EVAL", code, keys, args),
    reply: (reply) => customReply([], reply),
    optionsAt: 3,
    keys: THIRD_ARG_KEY,
});

/** How a client runs one definition (its dispatch). */
export type RunCommand = (def: CommandDef, params: unknown[]) => Promise<unknown>;

/**
 * Runs a script by its hash; when the server does not know it (NOSCRIPT: never loaded, flushed,
 * or another node), EVAL runs it once with its code, which also caches it for the next EVALSHA.
 */
export async function invokeScriptWith(run: RunCommand, script: Script, options?: ScriptOptions): Promise<GlideReturnType> {
    const keys = options?.keys ?? [];
    const args = options?.args ?? [];
    try {
        return (await run(EVALSHA, [script.getHash(), keys, args, options])) as GlideReturnType;
    } catch (error) {
        if (!serverErrorText(error)?.startsWith("NOSCRIPT")) throw error;
        return (await run(EVAL, [scriptCode(script), keys, args, options])) as GlideReturnType;
    }
}
