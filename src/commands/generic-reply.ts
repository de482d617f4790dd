/**
 * The reply shape of `customCommand`: GLIDE gives maps as GlideRecord ({ key, value } entries),
 * sets as arrays and attributes as { value, attributes }, on RESP2 and RESP3 alike. On RESP2 a map
 * arrives as a flat array, so the commands known to reply with a map are listed here.
 */
import { RespAttributed, RespMap, type RespValue } from "../protocol/types";
import type { GlideReturnType } from "./types";
import { toText } from "./replies";

const MAP_REPLIES = new Set(["HGETALL", "CONFIG GET", "HELLO", "XINFO STREAM", "FUNCTION STATS", "MEMORY STATS"]);
const FLOAT_REPLIES = new Set(["INCRBYFLOAT", "HINCRBYFLOAT", "ZINCRBY", "ZSCORE", "GEODIST"]);

function commandName(args: readonly unknown[]): string {
    const first = toText(args[0] as string).toUpperCase();
    if (args.length > 1 && (first === "CONFIG" || first === "XINFO" || first === "FUNCTION" || first === "MEMORY")) {
        return `${first} ${toText(args[1] as string).toUpperCase()}`;
    }
    return first;
}

function toRecord(flat: RespValue[]): GlideReturnType {
    const record: { key: GlideReturnType; value: GlideReturnType }[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) record.push({ key: toGlide(flat[i]), value: toGlide(flat[i + 1]) });
    return record as unknown as GlideReturnType;
}

function toGlide(reply: RespValue): GlideReturnType {
    if (reply instanceof RespMap) return toRecord(reply.entries);
    if (Array.isArray(reply)) return reply.map(toGlide);
    if (reply instanceof Set) return Array.from(reply, toGlide);
    if (reply instanceof RespAttributed) {
        return { value: toGlide(reply.value), attributes: toGlide(reply.attributes) } as unknown as GlideReturnType;
    }
    return reply as GlideReturnType;
}

/** Converts a reply of an arbitrary command the way GLIDE's customCommand does. */
export function customReply(args: readonly unknown[], reply: RespValue): GlideReturnType {
    if (args.length === 0) return toGlide(reply);
    const name = commandName(args);
    if (Array.isArray(reply) && MAP_REPLIES.has(name)) return toRecord(reply);
    if (FLOAT_REPLIES.has(name) && (typeof reply === "string" || Buffer.isBuffer(reply))) return Number(toText(reply));
    return toGlide(reply);
}
