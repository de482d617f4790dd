/**
 * Lua scripting: SCRIPT EXISTS / FLUSH / KILL / SHOW with GlideClient's signatures, and
 * invokeScript's EVALSHA-then-EVAL run that both clients share.
 */
import { serverErrorText } from "../errors";
import type { CommandArg, RespValue } from "../protocol/types";
import { as, command, THIRD_ARG_KEY, type CommandDef } from "./core";
import { genericReply } from "./generic-reply";
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
    reply: genericReply,
    optionsAt: 3,
    keys: THIRD_ARG_KEY,
});

/** SCRIPT LOAD goes where the server's cache is: every node of a cluster. */
const SCRIPT_LOAD = command({ args: (code: GlideString) => ["SCRIPT", "LOAD", code] });

/** How a client runs one definition (its dispatch). */
export type RunCommand = (def: CommandDef, params: unknown[]) => Promise<unknown>;

/**
 * Runs a script by its hash; when the server does not know it (NOSCRIPT: never loaded, flushed,
 * or another node), loads it with SCRIPT LOAD (on every node of a cluster, as GLIDE does) and
 * runs it by its hash again.
 */
export async function invokeScriptWith(run: RunCommand, script: Script, options?: ScriptOptions): Promise<GlideReturnType> {
    const keys = options?.keys ?? [];
    const args = options?.args ?? [];
    const evalsha = [script.getHash(), keys, args, options];
    try {
        return (await run(EVALSHA, evalsha)) as GlideReturnType;
    } catch (error) {
        // A released script has no code to send: the caller hears the server's NOSCRIPT, as from GLIDE.
        const code = scriptCode(script);
        if (code === undefined || !serverErrorText(error)?.startsWith("NOSCRIPT")) throw error;
        await run(SCRIPT_LOAD, [code]);
        return (await run(EVALSHA, evalsha)) as GlideReturnType;
    }
}
