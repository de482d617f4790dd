/** Option types and enums of the geo commands (as in GLIDE's API). */
import type { ConditionalChange, SortOrder } from "./options";
import type { GlideString } from "./types";

/** A position on Earth, in degrees. */
export interface GeospatialData {
    longitude: number;
    latitude: number;
}

export interface GeoAddOptions {
    /** Only update existing members (XX) or only add new ones (NX). */
    updateMode?: ConditionalChange;
    /** Count changed members (CH), not only added ones. */
    changed?: boolean;
}

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

export type GeoSearchResultOptions = GeoSearchCommonResultOptions & {
    withCoord?: boolean;
    withDist?: boolean;
    withHash?: boolean;
};

export type GeoSearchStoreResultOptions = GeoSearchCommonResultOptions & {
    /** Store the distances as scores (STOREDIST), not the geohashes. */
    storeDist?: boolean;
};

export interface GeoCircleShape {
    radius: number;
    unit: GeoUnit;
}

export interface GeoBoxShape {
    width: number;
    height: number;
    unit: GeoUnit;
}

export type GeoSearchShape = GeoCircleShape | GeoBoxShape;

export interface CoordOrigin {
    position: GeospatialData;
}

export interface MemberOrigin {
    member: GlideString;
}

export type SearchOrigin = CoordOrigin | MemberOrigin;
