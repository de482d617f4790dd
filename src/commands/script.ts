/** A Lua script run by `invokeScript`: its SHA1 is computed once, its code kept for reloading. */
import { createHash } from "node:crypto";

import { RequestError } from "../errors";
import type { GlideString } from "./types";

// Kept outside the class so that Script's public surface is exactly GLIDE's.
const codes = new WeakMap<Script, GlideString>();

export class Script {
    readonly #hash: string;

    constructor(code: GlideString) {
        codes.set(this, code);
        this.#hash = createHash("sha1").update(code).digest("hex");
    }

    /** The script's SHA1 digest, as EVALSHA and SCRIPT EXISTS take it. */
    getHash(): string {
        return this.#hash;
    }

    /** Drops the script's code; a released script runs only while the server still caches it. */
    release(): void {
        codes.delete(this);
    }
}

/** The code to load when the server no longer knows the script's hash. */
export function scriptCode(script: Script): GlideString {
    const code = codes.get(script);
    if (code === undefined) throw new RequestError(`Script ${script.getHash()} was released and is no longer cached by the server`);
    return code;
}
