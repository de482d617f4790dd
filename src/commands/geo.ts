/** Geospatial commands (a geo index is a sorted set scored by geohash). */
import { as, command, FIRST_KEY, TWO_KEYS } from "./core";
import type {
    GeoAddOptions,
    GeoSearchResultOptions,
    GeoSearchShape,
    GeoSearchStoreResultOptions,
    GeospatialData,
    GeoUnit,
    SearchOrigin,
} from "./geo-options";
import { toNullableNumber, toNumber } from "./replies";
import type { DecoderOption, GlideString } from "./types";
import type { CommandArg, RespValue } from "../protocol/types";

/** One GEOSEARCH item with WITH* flags: the member, then [distance?, hash?, [longitude, latitude]?]. */
export type GeoSearchItem = [GlideString, [number?, number?, [number, number]?]?];

function geoaddArgs(
    key: GlideString,
    membersToGeospatialData: Map<GlideString, GeospatialData>,
    options?: GeoAddOptions,
): CommandArg[] {
    const args: CommandArg[] = ["GEOADD", key];
    if (options?.updateMode !== undefined) args.push(options.updateMode);
    if (options?.changed) args.push("CH");
    for (const [member, { longitude, latitude }] of membersToGeospatialData) args.push(longitude, latitude, member);
    return args;
}

/** FROMMEMBER / FROMLONLAT, then BYRADIUS / BYBOX. */
function searchAreaArgs(searchFrom: SearchOrigin, searchBy: GeoSearchShape): CommandArg[] {
    const args: CommandArg[] =
        "member" in searchFrom
            ? ["FROMMEMBER", searchFrom.member]
            : ["FROMLONLAT", searchFrom.position.longitude, searchFrom.position.latitude];
    if ("radius" in searchBy) args.push("BYRADIUS", searchBy.radius, searchBy.unit);
    else args.push("BYBOX", searchBy.width, searchBy.height, searchBy.unit);
    return args;
}

/** ASC/DESC, COUNT [ANY] (ANY is only valid with COUNT; a count of 0 is none, as in GLIDE). */
function resultOrderArgs(options?: GeoSearchResultOptions | GeoSearchStoreResultOptions): CommandArg[] {
    const args: CommandArg[] = [];
    if (options?.sortOrder !== undefined) args.push(options.sortOrder);
    if (options?.count) {
        args.push("COUNT", options.count);
        if (options.isAny) args.push("ANY");
    }
    return args;
}

function geosearchArgs(
    key: GlideString,
    searchFrom: SearchOrigin,
    searchBy: GeoSearchShape,
    options?: GeoSearchResultOptions & DecoderOption,
): CommandArg[] {
    const args: CommandArg[] = ["GEOSEARCH", key, ...searchAreaArgs(searchFrom, searchBy), ...resultOrderArgs(options)];
    if (options?.withCoord) args.push("WITHCOORD");
    if (options?.withDist) args.push("WITHDIST");
    if (options?.withHash) args.push("WITHHASH");
    return args;
}

function geosearchstoreArgs(
    destination: GlideString,
    source: GlideString,
    searchFrom: SearchOrigin,
    searchBy: GeoSearchShape,
    options?: GeoSearchStoreResultOptions,
): CommandArg[] {
    const args: CommandArg[] = ["GEOSEARCHSTORE", destination, source, ...searchAreaArgs(searchFrom, searchBy)];
    args.push(...resultOrderArgs(options));
    if (options?.storeDist) args.push("STOREDIST");
    return args;
}

function toPosition(reply: RespValue): [number, number] | null {
    if (reply === null) return null;
    const [longitude, latitude] = reply as RespValue[];
    return [toNumber(longitude), toNumber(latitude)];
}

/**
 * Without WITH* flags the server sends bare members; with them, [member, …extras] where the extras
 * come in GLIDE's order (distance, hash, coordinates), each only if asked for.
 */
function toGeoSearchItems(reply: RespValue): GeoSearchItem[] {
    return (reply as RespValue[]).map((item) => {
        if (!Array.isArray(item)) return item as unknown as GeoSearchItem;
        const [member, ...extras] = item;
        const converted = extras.map((extra) => (Array.isArray(extra) ? toPosition(extra) : toNumber(extra)));
        return [member as GlideString, converted as [number?, number?, [number, number]?]];
    });
}

export const geoCommands = {
    geoadd: command({
        args: geoaddArgs,
        reply: toNumber,
        keys: FIRST_KEY,
    }),
    geosearch: command({
        args: geosearchArgs,
        batchArgs: (key: GlideString, searchFrom: SearchOrigin, searchBy: GeoSearchShape, resultOptions?: GeoSearchResultOptions) =>
            geosearchArgs(key, searchFrom, searchBy, resultOptions),
        reply: toGeoSearchItems,
        optionsAt: 3,
        readonly: true,
        keys: FIRST_KEY,
    }),
    geosearchstore: command({
        args: geosearchstoreArgs,
        batchArgs: (
            destination: GlideString,
            source: GlideString,
            searchFrom: SearchOrigin,
            searchBy: GeoSearchShape,
            resultOptions?: GeoSearchStoreResultOptions,
        ) => geosearchstoreArgs(destination, source, searchFrom, searchBy, resultOptions),
        reply: toNumber,
        keys: TWO_KEYS,
    }),
    geopos: command({
        args: (key: GlideString, members: GlideString[]) => ["GEOPOS", key, ...members],
        reply: (reply) => (reply as RespValue[]).map(toPosition),
        readonly: true,
        keys: FIRST_KEY,
    }),
    geodist: command({
        args: (key: GlideString, member1: GlideString, member2: GlideString, options?: { unit?: GeoUnit }) => {
            const args: CommandArg[] = ["GEODIST", key, member1, member2];
            if (options?.unit !== undefined) args.push(options.unit);
            return args;
        },
        reply: toNullableNumber,
        readonly: true,
        keys: FIRST_KEY,
    }),
    geohash: command({
        args: (key: GlideString, members: GlideString[]) => ["GEOHASH", key, ...members],
        // Text in the client method; in a batch, as the batch's decoder makes them (as in GLIDE).
        reply: as<(string | null)[]>,
        stringReply: true,
        clientDecoderOnly: true,
        readonly: true,
        keys: FIRST_KEY,
    }),
};
