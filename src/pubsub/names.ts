import { isUtf8 } from "node:buffer";
import type { GlideString } from "../commands/types";
import { undecodableReply, utf8Problem } from "../protocol/decoder-values";

/**
 * Channel and pattern names are bytes to the server: "é" and Buffer.from("é") are the same
 * channel. A name's key is its bytes as a latin1 string (one char per byte), which compares,
 * hashes and converts back losslessly; ASCII strings are their own key.
 */
export function nameKey(name: GlideString): string {
    if (typeof name === "string") {
        // eslint-disable-next-line no-control-regex
        return /^[\x00-\x7f]*$/.test(name) ? name : Buffer.from(name).toString("latin1");
    }
    return name.toString("latin1");
}

export function keyBytes(key: string): Buffer {
    return Buffer.from(key, "latin1");
}

/** A key as the caller reads names: UTF-8 text, or the raw bytes. */
export function keyAs(key: string, bytes: boolean): GlideString {
    const raw = keyBytes(key);
    return bytes ? raw : raw.toString();
}

/** A key as UTF-8 text; a name that is not UTF-8 fails as GLIDE's String-decoded replies do. */
export function keyText(key: string): string {
    const raw = keyBytes(key);
    const problem = isUtf8(raw) ? undefined : utf8Problem(raw, 0, raw.length);
    if (problem !== undefined) throw undecodableReply(problem);
    return raw.toString();
}
