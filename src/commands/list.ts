/** List commands. */
import { as, command, type KeySpec } from "./core";
import type { DecoderOption, GlideString } from "./types";

/** BLPOP key [key …] timeout: every argument but the last is a key. */
const KEYS_THEN_TIMEOUT: KeySpec = [1, -2, 1];

export const listCommands = {
    blpop: command({
        args: (keys: GlideString[], timeout: number, options?: DecoderOption) => ["BLPOP", ...keys, timeout],
        reply: as<[GlideString, GlideString] | null>,
        optionsAt: 2,
        keys: KEYS_THEN_TIMEOUT,
        blockingSeconds: (_keys, timeout) => timeout,
    }),
    brpop: command({
        args: (keys: GlideString[], timeout: number, options?: DecoderOption) => ["BRPOP", ...keys, timeout],
        reply: as<[GlideString, GlideString] | null>,
        optionsAt: 2,
        keys: KEYS_THEN_TIMEOUT,
        blockingSeconds: (_keys, timeout) => timeout,
    }),
};
