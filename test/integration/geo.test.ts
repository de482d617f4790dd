/** Geospatial commands against a real server, for every client kind and protocol. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
    ConditionalChange,
    Decoder,
    GeoUnit,
    SortOrder,
    type GeospatialData,
    type GlideString,
} from "../../src";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { BINARY, binaryKey, rejectsWithPrefix, stringKey, suiteClients } from "../helpers/family";

const PALERMO: GeospatialData = { longitude: 13.361389, latitude: 38.115556 };
const CATANIA: GeospatialData = { longitude: 15.087269, latitude: 37.502669 };
/** The positions the server gives back: stored as 52-bit geohashes, they are not exactly the input. */
const PALERMO_STORED: [number, number] = [13.361389338970184, 38.1155563954963];
const CATANIA_STORED: [number, number] = [15.087267458438873, 37.50266842333162];
const PALERMO_HASH = 3479099956230698;
const CATANIA_HASH = 3479447370796909;
/** The center of the coordinate searches, and the members' distances from it in miles. */
const CENTER = { position: { longitude: 15, latitude: 37 } };
const BOX_MILES = { width: 200, height: 300, unit: GeoUnit.MILES };
const CATANIA_MILES = 35.0711;
const PALERMO_MILES = 118.3357;

function sicily(): Map<GlideString, GeospatialData> {
    return new Map([
        ["Palermo", PALERMO],
        ["Catania", CATANIA],
    ]);
}

for (const kind of CLIENT_KINDS) {
    describe(`geo commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /** A geo index holding Palermo and Catania. */
        async function sicilyKey(key: GlideString = uniqueKey("geo")): Promise<GlideString> {
            assert.equal(await client.geoadd(key, sicily()), 2);
            return key;
        }

        describe("geoadd", () => {
            it("counts the members added, not the ones moved", async () => {
                const key = await sicilyKey();
                const moved = new Map([
                    ["Palermo", CATANIA],
                    ["Syracuse", { longitude: 15.2875, latitude: 37.0755 }],
                ]);
                assert.equal(await client.geoadd(key, moved), 1);
                assert.deepEqual(await client.geopos(key, ["Palermo"]), [CATANIA_STORED]);
            });

            it("counts changed members too with changed: true", async () => {
                const key = await sicilyKey();
                const data = new Map([
                    ["Palermo", CATANIA],
                    ["Catania", CATANIA],
                    ["Syracuse", { longitude: 15.2875, latitude: 37.0755 }],
                ]);
                assert.equal(await client.geoadd(key, data, { changed: true }), 2);
            });

            it("only updates existing members with ONLY_IF_EXISTS", async () => {
                const key = await sicilyKey();
                const data = new Map([
                    ["Palermo", CATANIA],
                    ["Syracuse", { longitude: 15.2875, latitude: 37.0755 }],
                ]);
                const options = { updateMode: ConditionalChange.ONLY_IF_EXISTS, changed: true };
                assert.equal(await client.geoadd(key, data, options), 1);
                assert.deepEqual(await client.geopos(key, ["Palermo", "Syracuse"]), [CATANIA_STORED, null]);
            });

            it("only adds new members with ONLY_IF_DOES_NOT_EXIST", async () => {
                const key = await sicilyKey();
                const data = new Map([
                    ["Palermo", CATANIA],
                    ["Syracuse", { longitude: 15.2875, latitude: 37.0755 }],
                ]);
                const options = { updateMode: ConditionalChange.ONLY_IF_DOES_NOT_EXIST };
                assert.equal(await client.geoadd(key, data, options), 1);
                assert.deepEqual(await client.geopos(key, ["Palermo"]), [PALERMO_STORED]);
                assert.equal(await client.zcard(key), 3);
            });

            it("stores binary keys and members", async () => {
                const key = binaryKey();
                assert.equal(await client.geoadd(key, new Map([[BINARY, PALERMO]])), 1);
                assert.deepEqual(await client.geopos(key, [BINARY]), [PALERMO_STORED]);
            });

            it("rejects coordinates out of range and a key of another type", async () => {
                const outOfRange = new Map([["x", { longitude: 200, latitude: 100 }]]);
                await rejectsWithPrefix(client.geoadd(uniqueKey(), outOfRange), "An error was signalled by the server: - ResponseError: invalid longitude,latitude pair");
                await rejectsWithPrefix(client.geoadd(await stringKey(client), sicily()), "WRONGTYPE");
            });
        });

        describe("geopos", () => {
            it("returns [longitude, latitude] numbers, null for a missing member", async () => {
                const key = await sicilyKey();
                assert.deepEqual(await client.geopos(key, ["Palermo", "nowhere", "Catania"]), [
                    PALERMO_STORED,
                    null,
                    CATANIA_STORED,
                ]);
            });

            it("returns nulls for a missing key and rejects another type", async () => {
                assert.deepEqual(await client.geopos(uniqueKey(), ["a", "b"]), [null, null]);
                await rejectsWithPrefix(client.geopos(await stringKey(client), ["a"]), "WRONGTYPE");
            });
        });

        describe("geodist", () => {
            it("measures in meters by default and in the unit asked for", async () => {
                const key = await sicilyKey();
                assert.equal(await client.geodist(key, "Palermo", "Catania"), 166274.1516);
                assert.equal(await client.geodist(key, "Palermo", "Catania", { unit: GeoUnit.METERS }), 166274.1516);
                assert.equal(await client.geodist(key, "Palermo", "Catania", { unit: GeoUnit.KILOMETERS }), 166.2742);
                assert.equal(await client.geodist(key, "Palermo", "Catania", { unit: GeoUnit.MILES }), 103.3182);
                assert.equal(await client.geodist(key, "Palermo", "Catania", { unit: GeoUnit.FEET }), 545518.87);
                assert.equal(await client.geodist(key, "Palermo", "Palermo"), 0);
            });

            it("returns null for a missing member or key, and rejects another type", async () => {
                const key = await sicilyKey();
                assert.equal(await client.geodist(key, "Palermo", "nowhere"), null);
                assert.equal(await client.geodist(uniqueKey(), "Palermo", "Catania"), null);
                await rejectsWithPrefix(client.geodist(await stringKey(client), "a", "b"), "WRONGTYPE");
            });

            it("reads binary members", async () => {
                const key = binaryKey();
                const data = new Map<GlideString, GeospatialData>([
                    [BINARY, PALERMO],
                    ["Catania", CATANIA],
                ]);
                await client.geoadd(key, data);
                assert.equal(await client.geodist(key, BINARY, "Catania", { unit: GeoUnit.KILOMETERS }), 166.2742);
            });
        });

        describe("geohash", () => {
            it("returns 11-character geohash strings, null for a missing member", async () => {
                const key = await sicilyKey();
                assert.deepEqual(await client.geohash(key, ["Palermo", "nowhere", "Catania"]), [
                    "sqc8b49rny0",
                    null,
                    "sqdtr74hyu0",
                ]);
                assert.deepEqual(await client.geohash(uniqueKey(), ["Palermo"]), [null]);
                await rejectsWithPrefix(client.geohash(await stringKey(client), ["a"]), "WRONGTYPE");
            });

            it("in a batch, follows the batch's decoder, as in GLIDE (the client method's reply is text)", async () => {
                const key = binaryKey();
                await client.geoadd(key, new Map([[BINARY, PALERMO]]));
                const batch = kind.newBatch(false).geohash(key, [BINARY]);
                assert.deepEqual(await client.exec(batch, true, { decoder: Decoder.Bytes }), [[Buffer.from("sqc8b49rny0")]]);
            });
        });

        describe("geosearch", () => {
            it("returns the members within a radius of a member, nearest first with ASC", async () => {
                const key = await sicilyKey();
                const radius = { radius: 200, unit: GeoUnit.KILOMETERS };
                const found = await client.geosearch(key, { member: "Palermo" }, radius);
                assert.deepEqual([...found].sort(), ["Catania", "Palermo"]);
                assert.deepEqual(
                    await client.geosearch(key, { member: "Palermo" }, radius, { sortOrder: SortOrder.ASC }),
                    ["Palermo", "Catania"],
                );
                assert.deepEqual(
                    await client.geosearch(key, { member: "Palermo" }, radius, { sortOrder: SortOrder.DESC }),
                    ["Catania", "Palermo"],
                );
                const small = { radius: 100, unit: GeoUnit.KILOMETERS };
                assert.deepEqual(await client.geosearch(key, { member: "Palermo" }, small), ["Palermo"]);
            });

            it("searches a box around coordinates, with distance, hash and coordinates as numbers", async () => {
                const key = await sicilyKey();
                const options = { sortOrder: SortOrder.ASC, withCoord: true, withDist: true, withHash: true };
                assert.deepEqual(await client.geosearch(key, CENTER, BOX_MILES, options), [
                    ["Catania", [CATANIA_MILES, CATANIA_HASH, CATANIA_STORED]],
                    ["Palermo", [PALERMO_MILES, PALERMO_HASH, PALERMO_STORED]],
                ]);
            });

            it("adds only the extras asked for, in the order distance, hash, coordinates", async () => {
                const key = await sicilyKey();
                const search = (options: object) =>
                    client.geosearch(key, CENTER, BOX_MILES, { sortOrder: SortOrder.ASC, ...options });
                assert.deepEqual(await search({ withDist: true }), [
                    ["Catania", [CATANIA_MILES]],
                    ["Palermo", [PALERMO_MILES]],
                ]);
                assert.deepEqual(await search({ withHash: true }), [
                    ["Catania", [CATANIA_HASH]],
                    ["Palermo", [PALERMO_HASH]],
                ]);
                assert.deepEqual(await search({ withCoord: true }), [
                    ["Catania", [CATANIA_STORED]],
                    ["Palermo", [PALERMO_STORED]],
                ]);
                assert.deepEqual(await search({ withCoord: true, withDist: true }), [
                    ["Catania", [CATANIA_MILES, CATANIA_STORED]],
                    ["Palermo", [PALERMO_MILES, PALERMO_STORED]],
                ]);
                // Distances in the shape's unit, 0 at the center.
                assert.deepEqual(
                    await client.geosearch(key, { member: "Palermo" }, { radius: 200, unit: GeoUnit.KILOMETERS }, {
                        sortOrder: SortOrder.ASC,
                        withDist: true,
                    }),
                    [
                        ["Palermo", [0]],
                        ["Catania", [166.2742]],
                    ],
                );
            });

            it("limits to count results: the first in the sort order (nearest by default), or any", async () => {
                const key = await sicilyKey();
                assert.deepEqual(await client.geosearch(key, CENTER, BOX_MILES, { count: 1 }), ["Catania"]);
                assert.deepEqual(
                    await client.geosearch(key, CENTER, BOX_MILES, { count: 1, sortOrder: SortOrder.DESC }),
                    ["Palermo"],
                );
                const any = await client.geosearch(key, CENTER, BOX_MILES, { count: 1, isAny: true });
                assert.equal(any.length, 1);
                assert.ok(["Catania", "Palermo"].includes(any[0] as unknown as string));
                const all = await client.geosearch(key, CENTER, BOX_MILES, { count: 5, isAny: true, withHash: true });
                assert.equal(all.length, 2);
            });

            it("returns an empty array for a missing key or an empty area", async () => {
                const radius = { radius: 1, unit: GeoUnit.METERS };
                assert.deepEqual(await client.geosearch(uniqueKey(), CENTER, radius), []);
                assert.deepEqual(await client.geosearch(await sicilyKey(), CENTER, radius, { withDist: true }), []);
            });

            it("returns Buffers with Decoder.Bytes, for binary keys and members", async () => {
                const key = binaryKey();
                await client.geoadd(key, new Map([[BINARY, PALERMO]]));
                assert.deepEqual(
                    await client.geosearch(key, { member: BINARY }, { radius: 1, unit: GeoUnit.KILOMETERS }, {
                        decoder: Decoder.Bytes,
                    }),
                    [BINARY],
                );
                assert.deepEqual(
                    await client.geosearch(key, CENTER, { radius: 500, unit: GeoUnit.KILOMETERS }, {
                        withDist: true,
                        decoder: Decoder.Bytes,
                    }),
                    [[BINARY, [190.4424]]],
                );
            });

            it("rejects a missing origin member and a key of another type", async () => {
                const key = await sicilyKey();
                const radius = { radius: 1, unit: GeoUnit.KILOMETERS };
                await rejectsWithPrefix(
                    client.geosearch(key, { member: "nowhere" }, radius),
                    "An error was signalled by the server: - ResponseError: could not decode requested zset member",
                );
                await rejectsWithPrefix(client.geosearch(await stringKey(client), CENTER, radius), "WRONGTYPE");
            });
        });

        describe("geosearchstore", () => {
            it("stores the members found with their geohashes as scores", async () => {
                const [source, destination] = keysInOneSlot(2);
                await sicilyKey(source);
                assert.equal(
                    await client.geosearchstore(destination, source, { member: "Palermo" }, {
                        radius: 200,
                        unit: GeoUnit.KILOMETERS,
                    }),
                    2,
                );
                assert.equal(await client.zscore(destination, "Palermo"), PALERMO_HASH);
                assert.equal(await client.zscore(destination, "Catania"), CATANIA_HASH);
            });

            it("stores distances with storeDist, limited by count, overwriting the destination", async () => {
                const [source, destination] = keysInOneSlot(2);
                await sicilyKey(source);
                await client.set(destination, "old");
                const options = { sortOrder: SortOrder.DESC, count: 1, storeDist: true };
                assert.equal(await client.geosearchstore(destination, source, CENTER, BOX_MILES, options), 1);
                const stored = await client.zrangeWithScores(destination, { start: 0, end: -1 });
                assert.deepEqual(
                    stored.map(({ element, score }) => [element, Math.round(score * 10000) / 10000]),
                    [["Palermo", PALERMO_MILES]],
                );
                const any = { count: 1, isAny: true };
                assert.equal(await client.geosearchstore(destination, source, CENTER, BOX_MILES, any), 1);
            });

            it("stores nothing and deletes the destination when nothing is found", async () => {
                const [source, destination] = keysInOneSlot(2);
                await sicilyKey(source);
                await client.set(destination, "old");
                const tiny = { radius: 1, unit: GeoUnit.METERS };
                assert.equal(await client.geosearchstore(destination, source, CENTER, tiny), 0);
                assert.equal(await client.exists([destination]), 0);
            });

            it("takes binary keys and rejects a source of another type", async () => {
                const [source, destination] = keysInOneSlot(2).map((key) => Buffer.concat([Buffer.from(key), BINARY]));
                await client.geoadd(source, new Map([[BINARY, PALERMO]]));
                const radius = { radius: 1, unit: GeoUnit.KILOMETERS };
                assert.equal(await client.geosearchstore(destination, source, { member: BINARY }, radius), 1);
                const [stringSource, other] = keysInOneSlot(2);
                await client.set(stringSource, "x");
                await rejectsWithPrefix(client.geosearchstore(other, stringSource, CENTER, radius), "WRONGTYPE");
            });
        });

        describe("in a batch", () => {
            for (const atomic of [true, false]) {
                it(`converts every reply (${atomic ? "atomic" : "pipeline"})`, async () => {
                    const [key, destination] = keysInOneSlot(2);
                    const batch = kind
                        .newBatch(atomic)
                        .geoadd(key, sicily())
                        .geopos(key, ["Palermo", "nowhere"])
                        .geodist(key, "Palermo", "Catania")
                        .geodist(key, "Palermo", "Catania", { unit: GeoUnit.KILOMETERS })
                        .geodist(key, "Palermo", "nowhere")
                        .geohash(key, ["Catania", "nowhere"])
                        .geosearch(key, { member: "Palermo" }, { radius: 200, unit: GeoUnit.KILOMETERS }, {
                            sortOrder: SortOrder.ASC,
                        })
                        .geosearch(key, CENTER, BOX_MILES, {
                            sortOrder: SortOrder.ASC,
                            withCoord: true,
                            withDist: true,
                            withHash: true,
                        })
                        .geosearchstore(destination, key, CENTER, BOX_MILES, { count: 1, storeDist: true });
                    assert.deepEqual(await client.exec(batch, true), [
                        2,
                        [PALERMO_STORED, null],
                        166274.1516,
                        166.2742,
                        null,
                        ["sqdtr74hyu0", null],
                        ["Palermo", "Catania"],
                        [
                            ["Catania", [CATANIA_MILES, CATANIA_HASH, CATANIA_STORED]],
                            ["Palermo", [PALERMO_MILES, PALERMO_HASH, PALERMO_STORED]],
                        ],
                        1,
                    ]);
                });
            }

            it("returns Buffer members with Decoder.Bytes", async () => {
                const key = binaryKey();
                const batch = kind
                    .newBatch(false)
                    .geoadd(key, new Map([[BINARY, PALERMO]]))
                    .geosearch(key, { member: BINARY }, { radius: 1, unit: GeoUnit.KILOMETERS }, { withDist: true })
                    .geodist(key, BINARY, BINARY)
                    .geopos(key, [BINARY]);
                assert.deepEqual(await client.exec(batch, true, { decoder: Decoder.Bytes }), [
                    1,
                    [[BINARY, [0]]],
                    0,
                    [PALERMO_STORED],
                ]);
            });
        });
    });
}
