/** Reply converters of MEMORY STATS, LATENCY and CLIENT TRACKINGINFO, shared by both clients. */
import type { RespValue } from "../protocol/types";
import { flatPairs, toNumber, toText } from "./replies";
import { ClientTrackingInfo, LatencyEntry, LatencyEventInfo, type MemoryStats, type MemoryStatsDb } from "./server-options";

/** "allocator-fragmentation.ratio" → "allocatorFragmentationRatio". */
function camelCase(name: string): string {
    return name.split(/[.-]/).map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join("");
}

/** Numeric fields in camelCase; "db.N" entries gathered under `db` by database number. */
export function toMemoryStats(reply: RespValue): MemoryStats {
    const stats: Record<string, unknown> = {};
    const db: Record<number, MemoryStatsDb> = {};
    const flat = flatPairs(reply);
    for (let i = 0; i < flat.length; i += 2) {
        const name = toText(flat[i]);
        const value = flat[i + 1];
        const dbIndex = /^db\.(\d+)$/.exec(name);
        if (dbIndex !== null) {
            const fields: Record<string, number> = {};
            const pairs = flatPairs(value);
            for (let j = 0; j < pairs.length; j += 2) fields[camelCase(toText(pairs[j]))] = toNumber(pairs[j + 1]);
            db[Number(dbIndex[1])] = fields as unknown as MemoryStatsDb;
        } else if (typeof value === "number" || typeof value === "string" || Buffer.isBuffer(value)) {
            stats[camelCase(name)] = toNumber(value);
        }
    }
    return { db, ...stats } as MemoryStats;
}

export function toLatencyHistory(reply: RespValue): LatencyEntry[] {
    return (reply as RespValue[][]).map(([time, latency]) => Object.assign(new LatencyEntry(), { time: toNumber(time), latency: toNumber(latency) }));
}

/** Each event: name, latest time, latest and max duration (and sum, count on servers that report them). */
export function toLatencyLatest(reply: RespValue): LatencyEventInfo[] {
    return (reply as RespValue[][]).map((event) => {
        const info = Object.assign(new LatencyEventInfo(), {
            // As decoded: a Buffer when the caller reads bytes, as GLIDE gives it.
            eventName: event[0] as string,
            latestTime: toNumber(event[1]),
            latestDuration: toNumber(event[2]),
            maxDuration: toNumber(event[3]),
        });
        if (event.length > 5) Object.assign(info, { sum: toNumber(event[4]), count: toNumber(event[5]) });
        return info;
    });
}

/** The flags and prefixes as decoded: Buffers when the caller reads bytes, as GLIDE gives them. */
function itemSet(reply: RespValue): Set<string> {
    const items = reply instanceof Set ? Array.from(reply) : Array.isArray(reply) ? reply : [];
    return new Set(items as string[]);
}

export function toClientTrackingInfo(reply: RespValue): ClientTrackingInfo {
    let flags = new Set<string>();
    let redirect = -1;
    let prefixes = new Set<string>();
    const flat = flatPairs(reply);
    for (let i = 0; i < flat.length; i += 2) {
        const value = flat[i + 1];
        switch (toText(flat[i])) {
            case "flags":
                flags = itemSet(value);
                break;
            case "redirect":
                redirect = toNumber(value);
                break;
            case "prefixes":
                prefixes = itemSet(value);
                break;
        }
    }
    return new ClientTrackingInfo(flags, redirect, prefixes);
}

/**
 * INFO's text as { field: value }, as GLIDE's exported helper reads it: lines starting with "#"
 * skipped, each other line trimmed and cut at its colons, keeping the part before the first and
 * the part between the first and second (a blank line gives the key "").
 */
export function parseInfoResponse(response: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const line of response.split("\n")) {
        if (line.startsWith("#")) continue;
        const [key, value] = line.trim().split(":");
        fields[key] = value;
    }
    return fields;
}
