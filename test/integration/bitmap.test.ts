/** Bitmap commands against a real server, for every client kind and protocol. */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";

import {
    BitFieldGet,
    BitFieldIncrBy,
    BitFieldOverflow,
    BitFieldSet,
    BitmapIndexType,
    BitOffset,
    BitOffsetMultiplier,
    BitOverflowControl,
    BitwiseOperation,
    Decoder,
    SignedEncoding,
    UnsignedEncoding,
} from "../../src";
import { bitmapCommands } from "../../src/commands/bitmap";
import { CLIENT_KINDS, keysInOneSlot, uniqueKey, type TestClient } from "../helpers/clients";
import { listKey, rejectsWithPrefix, suiteClients } from "../helpers/family";

for (const kind of CLIENT_KINDS) {
    describe(`bitmap commands (${kind.name})`, () => {
        let client: TestClient;

        suiteClients(kind, 1, (created) => ([client] = created));

        /** A fresh key holding `value`. */
        async function stringKey(value: string | Buffer): Promise<string> {
            const key = uniqueKey();
            assert.equal(await client.set(key, value), "OK");
            return key;
        }

        describe("setbit, getbit", () => {
            it("setbit returns the previous bit; getbit reads it back", async () => {
                const key = uniqueKey();
                assert.equal(await client.setbit(key, 7, 1), 0);
                assert.equal(await client.setbit(key, 7, 1), 1);
                assert.equal(await client.getbit(key, 7), 1);
                assert.equal(await client.getbit(key, 6), 0);
                // Bit 7 of the first byte set: 0b00000001.
                assert.deepEqual(await client.get(key, { decoder: Decoder.Bytes }), Buffer.from([0x01]));
                assert.equal(await client.setbit(key, 7, 0), 1);
                assert.equal(await client.getbit(key, 7), 0);
            });

            it("getbit reads 0 past the end and for a missing key", async () => {
                const key = await stringKey("A");
                assert.equal(await client.getbit(key, 1), 1);
                assert.equal(await client.getbit(key, 100_000), 0);
                assert.equal(await client.getbit(uniqueKey("missing"), 3), 0);
            });

            it("work on binary keys", async () => {
                const key = Buffer.concat([Buffer.from(uniqueKey("bin")), Buffer.from([0xff, 0x00])]);
                assert.equal(await client.setbit(key, 0, 1), 0);
                assert.equal(await client.getbit(key, 0), 1);
            });

            it("reject an invalid offset or bit", async () => {
                const key = uniqueKey();
                await rejectsWithPrefix(client.setbit(key, -1, 1), "An error was signalled by the server: - ResponseError: bit offset is not an integer or out of range");
                await rejectsWithPrefix(client.setbit(key, 0, 2), "An error was signalled by the server: - ResponseError: bit is not an integer or out of range");
            });

            it("reject a key of another type", async () => {
                const key = await listKey(client);
                await rejectsWithPrefix(client.setbit(key, 0, 1), "WRONGTYPE");
                await rejectsWithPrefix(client.getbit(key, 0), "WRONGTYPE");
            });
        });

        describe("bitcount", () => {
            it("counts set bits, in a byte or bit range", async () => {
                const key = await stringKey("foobar");
                assert.equal(await client.bitcount(key), 26);
                assert.equal(await client.bitcount(key, { start: 1, end: 1 }), 6);
                assert.equal(await client.bitcount(key, { start: 1 }), 22);
                assert.equal(await client.bitcount(key, { start: -2, end: -1 }), 7);
                assert.equal(await client.bitcount(key, { start: 5, end: 30, indexType: BitmapIndexType.BIT }), 17);
                assert.equal(await client.bitcount(key, { start: 0, end: 0, indexType: BitmapIndexType.BYTE }), 4);
            });

            it("returns 0 for a missing key", async () => {
                assert.equal(await client.bitcount(uniqueKey("missing")), 0);
                assert.equal(await client.bitcount(uniqueKey("missing"), { start: 0, end: -1 }), 0);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.bitcount(await listKey(client)), "WRONGTYPE");
            });
        });

        describe("bitpos", () => {
            it("finds the first bit, from a byte or bit range", async () => {
                // "A12" is 01000001 00110001 00110010.
                const key = await stringKey("A12");
                assert.equal(await client.bitpos(key, 1), 1);
                assert.equal(await client.bitpos(key, 0), 0);
                assert.equal(await client.bitpos(key, 1, { start: -1 }), 18);
                assert.equal(await client.bitpos(key, 1, { start: 1, end: -1 }), 10);
                assert.equal(await client.bitpos(key, 1, { start: 2, end: 9, indexType: BitmapIndexType.BIT }), 7);
                assert.equal(await client.bitpos(key, 1, { start: 1, end: 1, indexType: BitmapIndexType.BYTE }), 10);
            });

            it("returns -1 when no bit matches", async () => {
                const key = await stringKey(Buffer.from([0xff]));
                assert.equal(await client.bitpos(key, 0, { start: 0, end: 0 }), -1);
                assert.equal(await client.bitpos(uniqueKey("missing"), 1), -1);
                assert.equal(await client.bitpos(uniqueKey("missing"), 0), 0);
            });

            it("rejects a key of another type", async () => {
                await rejectsWithPrefix(client.bitpos(await listKey(client), 1), "WRONGTYPE");
            });
        });

        describe("bitop", () => {
            it("stores AND, OR, XOR and NOT results and returns their length", async () => {
                const [a, b, destination] = keysInOneSlot(3);
                await client.set(a, Buffer.from([0b1100_1100, 0xff]));
                await client.set(b, Buffer.from([0b1010_1010]));
                const bytes = { decoder: Decoder.Bytes };
                assert.equal(await client.bitop(BitwiseOperation.AND, destination, [a, b]), 2);
                assert.deepEqual(await client.get(destination, bytes), Buffer.from([0b1000_1000, 0x00]));
                assert.equal(await client.bitop(BitwiseOperation.OR, destination, [a, b]), 2);
                assert.deepEqual(await client.get(destination, bytes), Buffer.from([0b1110_1110, 0xff]));
                assert.equal(await client.bitop(BitwiseOperation.XOR, destination, [a, b]), 2);
                assert.deepEqual(await client.get(destination, bytes), Buffer.from([0b0110_0110, 0xff]));
                assert.equal(await client.bitop(BitwiseOperation.NOT, destination, [b]), 1);
                assert.deepEqual(await client.get(destination, bytes), Buffer.from([0b0101_0101]));
            });

            it("returns 0 and stores nothing when every source is missing", async () => {
                const [a, b, destination] = keysInOneSlot(3);
                assert.equal(await client.bitop(BitwiseOperation.OR, destination, [a, b]), 0);
                assert.equal(await client.get(destination), null);
            });

            it("rejects NOT with several keys, and sources of another type", async () => {
                const [a, b, destination] = keysInOneSlot(3);
                await rejectsWithPrefix(
                    client.bitop(BitwiseOperation.NOT, destination, [a, b]),
                    "An error was signalled by the server: - ResponseError: BITOP NOT must be called with a single source key",
                );
                await client.customCommand(["RPUSH", a, "x"]);
                await rejectsWithPrefix(client.bitop(BitwiseOperation.AND, destination, [a, b]), "WRONGTYPE");
            });
        });

        describe("bitfield, bitfieldReadOnly", () => {
            it("set, get and incrby fields with bit and multiplier offsets", async () => {
                // "A" is 01000001.
                const key = await stringKey("A");
                const u2 = new UnsignedEncoding(2);
                assert.deepEqual(
                    await client.bitfield(key, [
                        new BitFieldSet(u2, new BitOffset(1), 3),
                        new BitFieldGet(u2, new BitOffset(1)),
                    ]),
                    [2, 3],
                );
                const i8 = new SignedEncoding(8);
                assert.deepEqual(
                    await client.bitfield(key, [
                        new BitFieldSet(i8, new BitOffsetMultiplier(1), -3),
                        new BitFieldIncrBy(i8, new BitOffsetMultiplier(1), -2),
                        new BitFieldGet(i8, new BitOffsetMultiplier(1)),
                    ]),
                    [0, -5, -5],
                );
                assert.deepEqual(await client.bitfieldReadOnly(key, [new BitFieldGet(i8, new BitOffset(8))]), [-5]);
            });

            it("apply the overflow control to later subcommands; FAIL yields null", async () => {
                const key = uniqueKey();
                const u2 = new UnsignedEncoding(2);
                const at0 = new BitOffset(0);
                assert.deepEqual(
                    await client.bitfield(key, [
                        new BitFieldIncrBy(u2, at0, 5),
                        new BitFieldOverflow(BitOverflowControl.SAT),
                        new BitFieldIncrBy(u2, at0, 5),
                        new BitFieldOverflow(BitOverflowControl.FAIL),
                        new BitFieldIncrBy(u2, at0, 1),
                        new BitFieldSet(u2, at0, 7),
                        new BitFieldOverflow(BitOverflowControl.WRAP),
                        new BitFieldIncrBy(u2, at0, 1),
                    ]),
                    // WRAP is the default: 0 + 5 = 1 (mod 4); SAT stops at 3; FAIL leaves 3; WRAP: 3 + 1 = 0.
                    [1, 3, null, null, 0],
                );
            });

            it("read 0 from a missing key; an empty subcommand list gives []", async () => {
                const key = uniqueKey("missing");
                const get = new BitFieldGet(new SignedEncoding(16), new BitOffset(3));
                assert.deepEqual(await client.bitfield(key, [get]), [0]);
                assert.deepEqual(await client.bitfieldReadOnly(key, [get]), [0]);
                assert.deepEqual(await client.bitfield(key, []), []);
            });

            it("reject an invalid encoding", async () => {
                const key = uniqueKey();
                const tooWide = new BitFieldGet(new UnsignedEncoding(64), new BitOffset(0));
                await rejectsWithPrefix(client.bitfield(key, [tooWide]), "An error was signalled by the server: - ResponseError: Invalid bitfield type");
                await rejectsWithPrefix(client.bitfieldReadOnly(key, [tooWide]), "An error was signalled by the server: - ResponseError: Invalid bitfield type");
            });

            it("reject a key of another type", async () => {
                const key = await listKey(client);
                const get = new BitFieldGet(new UnsignedEncoding(8), new BitOffset(0));
                await rejectsWithPrefix(client.bitfield(key, [get]), "WRONGTYPE");
                await rejectsWithPrefix(client.bitfieldReadOnly(key, [get]), "WRONGTYPE");
            });
        });

        it("every method works in a batch", async () => {
            for (const atomic of [true, false]) {
                const [key, other, destination] = keysInOneSlot(3);
                const u4 = new UnsignedEncoding(4);
                const batch = kind
                    .newBatch(atomic)
                    .setbit(key, 1, 1)
                    .getbit(key, 1)
                    .bitcount(key)
                    .bitpos(key, 1, { start: 0, end: 7, indexType: BitmapIndexType.BIT })
                    .set(other, "A")
                    .bitop(BitwiseOperation.OR, destination, [key, other])
                    .bitfield(destination, [
                        new BitFieldIncrBy(u4, new BitOffset(0), 1),
                        new BitFieldGet(u4, new BitOffset(4)),
                    ])
                    .bitfieldReadOnly(destination, [new BitFieldGet(u4, new BitOffsetMultiplier(0))]);
                // key is 01000000, other 01000001: OR gives 01000001; its high nibble 0100 + 1 = 0101.
                assert.deepEqual(await client.exec(batch, true), [0, 1, 1, 1, "OK", 1, [5, 1], [5]]);
            }
        });
    });
}

describe("bitmap arguments", () => {
    it("BITFIELD subcommand classes render GLIDE's tokens", () => {
        assert.equal(new SignedEncoding(5).toArg(), "i5");
        assert.equal(new UnsignedEncoding(63).toArg(), "u63");
        assert.equal(new BitOffset(12).toArg(), "12");
        assert.equal(new BitOffsetMultiplier(3).toArg(), "#3");
        assert.deepEqual(new BitFieldGet(new SignedEncoding(8), new BitOffset(0)).toArgs(), ["GET", "i8", "0"]);
        assert.deepEqual(new BitFieldSet(new UnsignedEncoding(4), new BitOffsetMultiplier(2), 9).toArgs(), [
            "SET",
            "u4",
            "#2",
            "9",
        ]);
        assert.deepEqual(new BitFieldIncrBy(new SignedEncoding(3), new BitOffset(7), -1).toArgs(), [
            "INCRBY",
            "i3",
            "7",
            "-1",
        ]);
        assert.deepEqual(new BitFieldOverflow(BitOverflowControl.SAT).toArgs(), ["OVERFLOW", "SAT"]);
    });

    it("BITCOUNT/BITPOS send the index type only together with an end", () => {
        assert.deepEqual(bitmapCommands.bitcount.args("k"), ["BITCOUNT", "k"]);
        assert.deepEqual(bitmapCommands.bitcount.args("k", { start: 2, indexType: BitmapIndexType.BIT }), [
            "BITCOUNT",
            "k",
            2,
        ]);
        assert.deepEqual(bitmapCommands.bitpos.args("k", 0, { start: 2, end: 5, indexType: BitmapIndexType.BIT }), [
            "BITPOS",
            "k",
            0,
            2,
            5,
            "BIT",
        ]);
    });

    it("BITOP's keys start after the operation", () => {
        assert.deepEqual(bitmapCommands.bitop.args(BitwiseOperation.XOR, "d", ["a", "b"]), [
            "BITOP",
            "XOR",
            "d",
            "a",
            "b",
        ]);
        assert.deepEqual(bitmapCommands.bitop.keys, [2, -1, 1]);
    });
});
