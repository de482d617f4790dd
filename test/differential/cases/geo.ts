/** Geospatial commands. */
import { BIN, K, type CallContext, type Family, type SetupCommand } from "./types";

/** A binary key in the `{dk}` slot. */
const BIN_KEY = Buffer.concat([Buffer.from("{dk}"), BIN]);

const PALERMO = { longitude: 13.361389, latitude: 38.115556 };
const CATANIA = { longitude: 15.087269, latitude: 37.502669 };

const withCities: SetupCommand[] = [
    ["GEOADD", K.a, "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"],
    ["GEOADD", K.a, "12.758489", "38.788135", "edge1", "17.241510", "38.788135", "edge2"],
];
const withList: SetupCommand[] = [["RPUSH", K.a, "x"]];
const withBinaryMember: SetupCommand[] = [["GEOADD", BIN_KEY, "13.361389", "38.115556", BIN]];

const fromPalermo = { member: "Palermo" };
const fromPosition = { position: { longitude: 15, latitude: 37 } };
const radius = ({ lib }: CallContext, value: number, unit = "KILOMETERS") => ({ radius: value, unit: lib.GeoUnit[unit] });
const box = ({ lib }: CallContext, width: number, height: number, unit = "KILOMETERS") => ({ width, height, unit: lib.GeoUnit[unit] });

export const geoFamily: Family = {
    name: "geo",
    cases: [
        // GEOADD
        { method: "geoadd", title: "two members", args: [K.a, new Map([["Palermo", PALERMO], ["Catania", CATANIA]])] },
        { method: "geoadd", title: "existing member moved", setup: withCities, args: [K.a, new Map([["Palermo", CATANIA]])] },
        { method: "geoadd", title: "changed", setup: withCities, args: [K.a, new Map([["Palermo", CATANIA], ["Rome", { longitude: 12.5, latitude: 41.9 }]]), { changed: true }] },
        { method: "geoadd", title: "only if exists", setup: withCities, args: ({ lib }) => [K.a, new Map([["Palermo", CATANIA], ["Rome", { longitude: 12.5, latitude: 41.9 }]]), { updateMode: lib.ConditionalChange.ONLY_IF_EXISTS }] },
        { method: "geoadd", title: "only if exists, changed", setup: withCities, args: ({ lib }) => [K.a, new Map([["Palermo", CATANIA]]), { updateMode: lib.ConditionalChange.ONLY_IF_EXISTS, changed: true }] },
        { method: "geoadd", title: "only if does not exist", setup: withCities, args: ({ lib }) => [K.a, new Map([["Palermo", CATANIA], ["Rome", { longitude: 12.5, latitude: 41.9 }]]), { updateMode: lib.ConditionalChange.ONLY_IF_DOES_NOT_EXIST }] },
        { method: "geoadd", title: "empty options", args: [K.a, new Map([["Palermo", PALERMO]]), {}] },
        { method: "geoadd", title: "null options", args: [K.a, new Map([["Palermo", PALERMO]]), null] },
        { method: "geoadd", title: "changed false", setup: withCities, args: [K.a, new Map([["Palermo", CATANIA]]), { changed: false }] },
        { method: "geoadd", title: "latitude out of range", args: [K.a, new Map([["Pole", { longitude: 10, latitude: 86 }]])] },
        { method: "geoadd", title: "longitude out of range", args: [K.a, new Map([["Nowhere", { longitude: 181, latitude: 0 }]])] },
        { method: "geoadd", title: "limits of the range", args: [K.a, new Map([["corner", { longitude: -180, latitude: -85.05112878 }]])] },
        { method: "geoadd", title: "no members", args: [K.a, new Map()] },
        { method: "geoadd", title: "binary key and member", args: [BIN_KEY, new Map([[BIN, PALERMO]])] },
        { method: "geoadd", title: "wrong type", setup: withList, args: [K.a, new Map([["Palermo", PALERMO]])] },

        // GEODIST
        { method: "geodist", title: "default unit", setup: withCities, args: [K.a, "Palermo", "Catania"] },
        { method: "geodist", title: "meters", setup: withCities, args: ({ lib }) => [K.a, "Palermo", "Catania", { unit: lib.GeoUnit.METERS }] },
        { method: "geodist", title: "kilometers", setup: withCities, args: ({ lib }) => [K.a, "Palermo", "Catania", { unit: lib.GeoUnit.KILOMETERS }] },
        { method: "geodist", title: "miles", setup: withCities, args: ({ lib }) => [K.a, "Palermo", "edge2", { unit: lib.GeoUnit.MILES }] },
        { method: "geodist", title: "feet", setup: withCities, args: ({ lib }) => [K.a, "edge1", "Catania", { unit: lib.GeoUnit.FEET }] },
        { method: "geodist", title: "same member", setup: withCities, args: [K.a, "Palermo", "Palermo"] },
        { method: "geodist", title: "missing member", setup: withCities, args: [K.a, "Palermo", "Rome"] },
        { method: "geodist", title: "missing key", args: [K.missing, "Palermo", "Catania"] },
        { method: "geodist", title: "empty options", setup: withCities, args: [K.a, "Palermo", "Catania", {}] },
        { method: "geodist", title: "null options", setup: withCities, args: [K.a, "Palermo", "Catania", null] },
        { method: "geodist", title: "binary member", setup: [...withBinaryMember, ["GEOADD", BIN_KEY, "15", "37", "x"]], args: [BIN_KEY, BIN, "x"] },
        { method: "geodist", title: "wrong type", setup: withList, args: [K.a, "Palermo", "Catania"] },

        // GEOHASH
        { method: "geohash", title: "members", setup: withCities, args: [K.a, ["Palermo", "Catania"]] },
        { method: "geohash", title: "missing member", setup: withCities, args: [K.a, ["Palermo", "Rome"]] },
        { method: "geohash", title: "missing key", args: [K.missing, ["Palermo"]] },
        { method: "geohash", title: "no members", setup: withCities, args: [K.a, []] },
        { method: "geohash", title: "binary member", setup: withBinaryMember, args: [BIN_KEY, [BIN]] },
        { method: "geohash", title: "wrong type", setup: withList, args: [K.a, ["x"]] },

        // GEOPOS
        { method: "geopos", title: "members", setup: withCities, args: [K.a, ["Palermo", "Catania"]] },
        { method: "geopos", title: "missing members", setup: withCities, args: [K.a, ["Rome", "Palermo", "Milan"]] },
        { method: "geopos", title: "missing key", args: [K.missing, ["Palermo"]] },
        { method: "geopos", title: "no members", setup: withCities, args: [K.a, []] },
        { method: "geopos", title: "binary member", setup: withBinaryMember, args: [BIN_KEY, [BIN]] },
        { method: "geopos", title: "wrong type", setup: withList, args: [K.a, ["x"]] },

        // GEOSEARCH
        { method: "geosearch", title: "from member, by radius", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200)] },
        { method: "geosearch", title: "from position, by radius", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 200)] },
        { method: "geosearch", title: "from member, by box", setup: withCities, args: (ctx) => [K.a, fromPalermo, box(ctx, 400, 400)] },
        { method: "geosearch", title: "from position, by box in miles", setup: withCities, args: (ctx) => [K.a, fromPosition, box(ctx, 300, 200, "MILES")] },
        { method: "geosearch", title: "radius in meters", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200000, "METERS")] },
        { method: "geosearch", title: "radius in feet", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 600000, "FEET")] },
        { method: "geosearch", title: "ascending", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { sortOrder: ctx.lib.SortOrder.ASC }] },
        { method: "geosearch", title: "descending", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { sortOrder: ctx.lib.SortOrder.DESC }] },
        { method: "geosearch", title: "count", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { count: 2, sortOrder: ctx.lib.SortOrder.ASC }] },
        { method: "geosearch", title: "count with any", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { count: 1, isAny: true }] },
        { method: "geosearch", title: "any without count", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { isAny: true }] },
        { method: "geosearch", title: "count 0", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { count: 0 }] },
        { method: "geosearch", title: "negative count", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { count: -1 }] },
        { method: "geosearch", title: "withCoord", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200), { withCoord: true, sortOrder: ctx.lib.SortOrder.ASC }] },
        { method: "geosearch", title: "withDist", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200), { withDist: true, sortOrder: ctx.lib.SortOrder.ASC }] },
        { method: "geosearch", title: "withHash", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200), { withHash: true, sortOrder: ctx.lib.SortOrder.ASC }] },
        {
            method: "geosearch",
            title: "every WITH option",
            setup: withCities,
            args: (ctx) => [K.a, fromPosition, box(ctx, 400, 400), { withCoord: true, withDist: true, withHash: true, sortOrder: ctx.lib.SortOrder.DESC, count: 3 }],
        },
        { method: "geosearch", title: "withCoord and withDist", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300, "MILES"), { withCoord: true, withDist: true, count: 2 }] },
        { method: "geosearch", title: "WITH options false", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, 300), { withCoord: false, withDist: false, withHash: false }] },
        { method: "geosearch", title: "nothing in range", setup: withCities, args: (ctx) => [K.a, { position: { longitude: -100, latitude: 40 } }, radius(ctx, 10)] },
        { method: "geosearch", title: "missing origin member", setup: withCities, args: (ctx) => [K.a, { member: "Rome" }, radius(ctx, 100)] },
        { method: "geosearch", title: "missing key", args: (ctx) => [K.missing, fromPosition, radius(ctx, 100)] },
        { method: "geosearch", title: "negative radius", setup: withCities, args: (ctx) => [K.a, fromPosition, radius(ctx, -1)] },
        { method: "geosearch", title: "invalid origin", setup: withCities, args: (ctx) => [K.a, { position: { longitude: 200, latitude: 0 } }, radius(ctx, 100)] },
        { method: "geosearch", title: "binary member, bytes decoder", setup: withBinaryMember, args: (ctx) => [BIN_KEY, { member: BIN }, radius(ctx, 10), { withDist: true, decoder: ctx.lib.Decoder.Bytes }] },
        { method: "geosearch", title: "string decoder", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200), { decoder: ctx.lib.Decoder.String, sortOrder: ctx.lib.SortOrder.ASC }] },
        { method: "geosearch", title: "undefined options", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200), undefined] },
        { method: "geosearch", title: "null options", setup: withCities, args: (ctx) => [K.a, fromPalermo, radius(ctx, 200), null] },
        { method: "geosearch", title: "wrong type", setup: withList, args: (ctx) => [K.a, fromPosition, radius(ctx, 100)] },

        // GEOSEARCHSTORE
        { method: "geosearchstore", title: "by radius", setup: withCities, args: (ctx) => [K.b, K.a, fromPalermo, radius(ctx, 200)] },
        { method: "geosearchstore", title: "by box from position", setup: withCities, args: (ctx) => [K.b, K.a, fromPosition, box(ctx, 400, 400)] },
        { method: "geosearchstore", title: "storeDist", setup: withCities, args: (ctx) => [K.b, K.a, fromPalermo, radius(ctx, 200), { storeDist: true }] },
        { method: "geosearchstore", title: "count and order", setup: withCities, args: (ctx) => [K.b, K.a, fromPosition, radius(ctx, 300), { count: 2, sortOrder: ctx.lib.SortOrder.DESC, storeDist: true }] },
        { method: "geosearchstore", title: "count with any", setup: withCities, args: (ctx) => [K.b, K.a, fromPosition, radius(ctx, 300), { count: 1, isAny: true }] },
        { method: "geosearchstore", title: "count 0", setup: withCities, args: (ctx) => [K.b, K.a, fromPosition, radius(ctx, 300), { count: 0 }] },
        { method: "geosearchstore", title: "null options", setup: withCities, args: (ctx) => [K.b, K.a, fromPalermo, radius(ctx, 200), null] },
        { method: "geosearchstore", title: "nothing found", setup: [...withCities, ["SET", K.b, "old"]], args: (ctx) => [K.b, K.a, { position: { longitude: -100, latitude: 40 } }, radius(ctx, 10)] },
        { method: "geosearchstore", title: "missing source", args: (ctx) => [K.b, K.missing, fromPosition, radius(ctx, 100)] },
        { method: "geosearchstore", title: "missing origin member", setup: withCities, args: (ctx) => [K.b, K.a, { member: "Rome" }, radius(ctx, 100)] },
        { method: "geosearchstore", title: "into the source", setup: withCities, args: (ctx) => [K.a, K.a, fromPalermo, radius(ctx, 100)] },
        { method: "geosearchstore", title: "binary keys", setup: withBinaryMember, args: (ctx) => [Buffer.from(K.b), BIN_KEY, { member: BIN }, radius(ctx, 10)] },
        { method: "geosearchstore", title: "wrong type source", setup: withList, args: (ctx) => [K.b, K.a, fromPosition, radius(ctx, 100)] },
        { method: "geosearchstore", title: "keys in other slots", setup: [["GEOADD", K.Xa, "15", "37", "x"]], args: (ctx) => [K.Xb, K.Xa, fromPosition, radius(ctx, 100)], batchModes: ["pipeline"] },
    ],
};
