/**
 * The reply shape of `customCommand`, scripts and functions: GLIDE gives maps as GlideRecord
 * ({ key, value } entries), sets as arrays and attributes as { value, attributes }, on RESP2 and
 * RESP3 alike, after its core has reshaped the replies of the commands it knows (custom-replies.ts).
 */
import { RespAttributed, RespMap, type RespValue } from "../protocol/types";
import { shapeOf } from "./custom-replies";
import type { GlideReturnType } from "./types";

function toRecord(flat: RespValue[], bytes: boolean): GlideReturnType {
    const record: { key: GlideReturnType; value: GlideReturnType }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) record.push({ key: toGlide(flat[i], bytes), value: toGlide(flat[i + 1], bytes) });
    return record as unknown as GlideReturnType;
}

/**
 * A decoded reply in GLIDE's form. Simple strings are decoded as the caller asked (Buffers for
 * bytes) but for "OK", which GLIDE always gives as text.
 */
function toGlide(reply: RespValue, bytes: boolean): GlideReturnType {
    if (typeof reply === "string") return bytes && reply !== "OK" ? Buffer.from(reply) : reply;
    if (reply instanceof RespMap) return toRecord(reply.entries, bytes);
    if (Array.isArray(reply)) return reply.map((item) => toGlide(item, bytes));
    if (reply instanceof Set) return Array.from(reply, (item) => toGlide(item, bytes));
    if (reply instanceof RespAttributed) {
        return { value: toGlide(reply.value, bytes), attributes: toGlide(reply.attributes, bytes) } as unknown as GlideReturnType;
    }
    return reply as GlideReturnType;
}

/** A reply of a script or function (whose shape no command name tells). */
export function genericReply(reply: RespValue, bytes = false): GlideReturnType {
    return toGlide(reply, bytes);
}

/** Converts a reply of an arbitrary command the way GLIDE's customCommand does. */
export function customReply(args: readonly unknown[], reply: RespValue, bytes = false): GlideReturnType {
    const shape = shapeOf(args);
    return toGlide(shape === undefined ? reply : shape(reply), bytes);
}
