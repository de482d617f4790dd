/** Option types and enums of the geo commands (as in GLIDE's API). */
import type { ConditionalChange, SortOrder } from "./options";
import type { GlideString } from "./types";

/** A position on Earth, in degrees. */
export interface GeospatialData {
    longitude: number;
    latitude: number;
}

/** GEOADD's options: the condition to write under and whether changed members count. */
export interface GeoAddOptions {
    /** Only update existing members (XX) or only add new ones (NX). */
    updateMode?: ConditionalChange;
    /** Count changed members (CH), not only added ones. */
    changed?: boolean;
}

/** Distance units of the GEO commands. */
export enum GeoUnit {
    METERS = "m",
    KILOMETERS = "km",
    MILES = "mi",
    FEET = "ft",
}

/** What GEOSEARCH and GEOSEARCHSTORE share: order and count of the results. */
export interface GeoSearchCommonResultOptions {
    sortOrder?: SortOrder;
    count?: number;
    /** With `count`: stop at the first `count` matches found, not the nearest ones (ANY). */
    isAny?: boolean;
}

/** What GEOSEARCH returns beside the members: coordinates, distances, hashes, order and count. */
export type GeoSearchResultOptions = GeoSearchCommonResultOptions & {
    withCoord?: boolean;
    withDist?: boolean;
    withHash?: boolean;
};

/** GEOSEARCHSTORE's options: order and count, and storing distances instead of hashes. */
export type GeoSearchStoreResultOptions = GeoSearchCommonResultOptions & {
    /** Store the distances as scores (STOREDIST), not the geohashes. */
    storeDist?: boolean;
};

/** A GEOSEARCH area: a circle of this radius. */
export interface GeoCircleShape {
    radius: number;
    unit: GeoUnit;
}

/** A GEOSEARCH area: a rectangle of this width and height. */
export interface GeoBoxShape {
    width: number;
    height: number;
    unit: GeoUnit;
}

/** The area a GEOSEARCH covers. */
export type GeoSearchShape = GeoCircleShape | GeoBoxShape;

/** A GEOSEARCH centre given as a position. */
export interface CoordOrigin {
    position: GeospatialData;
}

/** A GEOSEARCH centre given as a member of the set. */
export interface MemberOrigin {
    member: GlideString;
}

/** Where a GEOSEARCH is centred. */
export type SearchOrigin = CoordOrigin | MemberOrigin;
