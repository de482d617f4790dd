/** A Lua script run by `invokeScript`: its SHA1 is computed once, its code kept for reloading. */
import { createHash } from "node:crypto";

import type { GlideString } from "./types";

// Kept outside the class so that Script's public surface is exactly GLIDE's.
const codes = new WeakMap<Script, GlideString>();

/** A Lua script for `invokeScript`: its hash is computed once, and the code is only sent to a server that does not have it cached. */
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

/** The code to load when the server no longer knows the script's hash; undefined once released. */
export function scriptCode(script: Script): GlideString | undefined {
    return codes.get(script);
}
