import type { GlideString } from "../commands/types";

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
