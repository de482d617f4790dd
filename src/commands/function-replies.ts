/**
 * Reply converters of FUNCTION LIST and FUNCTION STATS, shared by both clients and the batches:
 * RESP3 maps and RESP2 flat arrays become the same records, sets become arrays.
 */
import { RespMap, type RespValue } from "../protocol/types";
import { flatPairs, statusAs, toRecord } from "./replies";
import type { FunctionListResponse, FunctionStatsSingleResponse } from "./server-options";
import type { GlideString } from "./types";

function listOf(reply: RespValue): RespValue[] {
    if (reply instanceof Set) return Array.from(reply);
    return Array.isArray(reply) ? reply : [];
}

function isMapLike(reply: RespValue): boolean {
    return reply instanceof RespMap || Array.isArray(reply);
}

/** Flags arrive as simple strings: Buffers too when the caller asked for bytes, as GLIDE gives them. */
function functionInfo(reply: RespValue, bytes: boolean): Record<string, GlideString | null | GlideString[]> {
    return toRecord(reply, (value) =>
        value instanceof Set || Array.isArray(value)
            ? (listOf(value).map((flag) => statusAs(flag, bytes)) as GlideString[])
            : (statusAs(value, bytes) as GlideString | null),
    );
}

export function toFunctionList(reply: RespValue, bytes = false): FunctionListResponse {
    return listOf(reply).map((library) =>
        toRecord(library, (value) =>
            isMapLike(value) ? listOf(value).map((info) => functionInfo(info, bytes)) : (statusAs(value, bytes) as GlideString),
        ),
    );
}

/** running_script: null or { name, command, duration_ms }; engines: { <engine>: { libraries_count, functions_count } }. */
export function toFunctionStats(reply: RespValue): FunctionStatsSingleResponse {
    const stats: FunctionStatsSingleResponse = {};
    const flat = flatPairs(reply);
    for (let i = 0; i < flat.length; i += 2) {
        const name = String(flat[i]);
        const value = flat[i + 1];
        if (value === null) stats[name] = null;
        else if (name === "engines") stats[name] = toRecord(value, (engine) => toRecord(engine, (count) => count as number));
        else stats[name] = toRecord(value, (field) => (Array.isArray(field) ? (field as GlideString[]) : (field as GlideString | number)));
    }
    return stats;
}
