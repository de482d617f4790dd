/** Bitmap commands: single bits, counts and positions, BITOP and BITFIELD. */
import { BIN, K, type CallContext, type Family, type SetupCommand } from "./types";

/** A binary key in the `{dk}` slot. */
const BIN_KEY = Buffer.concat([Buffer.from("{dk}"), BIN]);

/** "foobar": 0x66 0x6f 0x6f 0x62 0x61 0x72, 26 bits set. */
const withFoobar: SetupCommand[] = [["SET", K.a, "foobar"]];
/** 0x00 0xff 0xf0: the first set bit is 8, the first clear bit after byte 1 is 20. */
const withBits: SetupCommand[] = [["SET", K.a, Buffer.from([0x00, 0xff, 0xf0])]];
const withTwo: SetupCommand[] = [
    ["SET", K.a, Buffer.from([0xf0, 0x0f])],
    ["SET", K.b, Buffer.from([0x3c, 0xff, 0x01])],
];
const withList: SetupCommand[] = [["RPUSH", K.a, "x"]];
/** 0x7f 0xff …: a u8 of 127 at bit 0, an i8 of -1 at bit 8. */
const withFields: SetupCommand[] = [["SET", K.a, Buffer.from([0x7f, 0xff, 0x01, 0x80])]];

const get = ({ lib }: CallContext, signed: boolean, bits: number, offset: number, multiplied = false) =>
    new lib.BitFieldGet(
        signed ? new lib.SignedEncoding(bits) : new lib.UnsignedEncoding(bits),
        multiplied ? new lib.BitOffsetMultiplier(offset) : new lib.BitOffset(offset),
    );
const set = ({ lib }: CallContext, signed: boolean, bits: number, offset: number, value: number, multiplied = false) =>
    new lib.BitFieldSet(
        signed ? new lib.SignedEncoding(bits) : new lib.UnsignedEncoding(bits),
        multiplied ? new lib.BitOffsetMultiplier(offset) : new lib.BitOffset(offset),
        value,
    );
const incrBy = ({ lib }: CallContext, signed: boolean, bits: number, offset: number, increment: number, multiplied = false) =>
    new lib.BitFieldIncrBy(
        signed ? new lib.SignedEncoding(bits) : new lib.UnsignedEncoding(bits),
        multiplied ? new lib.BitOffsetMultiplier(offset) : new lib.BitOffset(offset),
        increment,
    );
const overflow = ({ lib }: CallContext, control: "WRAP" | "SAT" | "FAIL") => new lib.BitFieldOverflow(lib.BitOverflowControl[control]);

export const bitmapFamily: Family = {
    name: "bitmap",
    cases: [
        // SETBIT / GETBIT
        { method: "setbit", title: "set on a missing key", args: [K.a, 7, 1] },
        { method: "setbit", title: "clear a set bit", setup: withFoobar, args: [K.a, 1, 0] },
        { method: "setbit", title: "far offset", args: [K.a, 100000, 1] },
        { method: "setbit", title: "value 2", args: [K.a, 0, 2] },
        { method: "setbit", title: "negative value", args: [K.a, 0, -1] },
        { method: "setbit", title: "negative offset", args: [K.a, -1, 1] },
        { method: "setbit", title: "offset past 2^32", args: [K.a, 2 ** 32, 1] },
        { method: "setbit", title: "fractional offset", args: [K.a, 1.5, 1] },
        { method: "setbit", title: "binary key", args: [BIN_KEY, 3, 1] },
        { method: "setbit", title: "wrong type", setup: withList, args: [K.a, 0, 1] },
        { method: "getbit", title: "set bit", setup: withFoobar, args: [K.a, 1] },
        { method: "getbit", title: "clear bit", setup: withFoobar, args: [K.a, 0] },
        { method: "getbit", title: "past the end", setup: withFoobar, args: [K.a, 1000] },
        { method: "getbit", title: "missing key", args: [K.missing, 0] },
        { method: "getbit", title: "negative offset", setup: withFoobar, args: [K.a, -1] },
        { method: "getbit", title: "Buffer key", setup: withFoobar, args: [Buffer.from(K.a), 2] },
        { method: "getbit", title: "wrong type", setup: withList, args: [K.a, 0] },

        // BITCOUNT
        { method: "bitcount", title: "whole string", setup: withFoobar, args: [K.a] },
        { method: "bitcount", title: "byte range", setup: withFoobar, args: [K.a, { start: 1, end: 1 }] },
        { method: "bitcount", title: "negative range", setup: withFoobar, args: [K.a, { start: -2, end: -1 }] },
        { method: "bitcount", title: "start only", setup: withFoobar, args: [K.a, { start: 2 }] },
        { method: "bitcount", title: "start after end", setup: withFoobar, args: [K.a, { start: 4, end: 1 }] },
        { method: "bitcount", title: "BYTE index type", setup: withFoobar, args: ({ lib }) => [K.a, { start: 0, end: 1, indexType: lib.BitmapIndexType.BYTE }] },
        { method: "bitcount", title: "BIT index type", setup: withFoobar, args: ({ lib }) => [K.a, { start: 5, end: 30, indexType: lib.BitmapIndexType.BIT }] },
        { method: "bitcount", title: "index type without end", setup: withFoobar, args: ({ lib }) => [K.a, { start: 1, indexType: lib.BitmapIndexType.BIT }] },
        { method: "bitcount", title: "huge end", setup: withFoobar, args: [K.a, { start: 0, end: 2 ** 40 }] },
        { method: "bitcount", title: "null options", setup: withFoobar, args: [K.a, null] },
        { method: "bitcount", title: "undefined options", setup: withFoobar, args: [K.a, undefined] },
        { method: "bitcount", title: "missing key", args: [K.missing] },
        { method: "bitcount", title: "wrong type", setup: withList, args: [K.a] },

        // BITPOS
        { method: "bitpos", title: "first set bit", setup: withBits, args: [K.a, 1] },
        { method: "bitpos", title: "first clear bit", setup: withBits, args: [K.a, 0] },
        { method: "bitpos", title: "from a byte", setup: withBits, args: [K.a, 0, { start: 1 }] },
        { method: "bitpos", title: "byte range with no clear bit", setup: withBits, args: [K.a, 0, { start: 1, end: 1 }] },
        { method: "bitpos", title: "negative range", setup: withBits, args: [K.a, 1, { start: -1, end: -1 }] },
        { method: "bitpos", title: "BIT index type", setup: withBits, args: ({ lib }) => [K.a, 1, { start: 10, end: 20, indexType: lib.BitmapIndexType.BIT }] },
        { method: "bitpos", title: "BYTE index type", setup: withBits, args: ({ lib }) => [K.a, 1, { start: 2, end: 2, indexType: lib.BitmapIndexType.BYTE }] },
        { method: "bitpos", title: "index type without end", setup: withBits, args: ({ lib }) => [K.a, 1, { start: 2, indexType: lib.BitmapIndexType.BIT }] },
        { method: "bitpos", title: "bit 2", setup: withBits, args: [K.a, 2] },
        { method: "bitpos", title: "missing key, bit 1", args: [K.missing, 1] },
        { method: "bitpos", title: "missing key, bit 0", args: [K.missing, 0] },
        { method: "bitpos", title: "null options", setup: withBits, args: [K.a, 1, null] },
        { method: "bitpos", title: "wrong type", setup: withList, args: [K.a, 1] },

        // BITOP
        { method: "bitop", title: "AND", setup: withTwo, args: ({ lib }) => [lib.BitwiseOperation.AND, K.c, [K.a, K.b]] },
        { method: "bitop", title: "OR", setup: withTwo, args: ({ lib }) => [lib.BitwiseOperation.OR, K.c, [K.a, K.b]] },
        { method: "bitop", title: "XOR", setup: withTwo, args: ({ lib }) => [lib.BitwiseOperation.XOR, K.c, [K.a, K.b]] },
        { method: "bitop", title: "NOT", setup: withTwo, args: ({ lib }) => [lib.BitwiseOperation.NOT, K.c, [K.a]] },
        { method: "bitop", title: "NOT with two sources", setup: withTwo, args: ({ lib }) => [lib.BitwiseOperation.NOT, K.c, [K.a, K.b]] },
        { method: "bitop", title: "missing sources", args: ({ lib }) => [lib.BitwiseOperation.OR, K.c, [K.a, K.missing]] },
        { method: "bitop", title: "into a source", setup: withTwo, args: ({ lib }) => [lib.BitwiseOperation.AND, K.a, [K.a, K.b]] },
        { method: "bitop", title: "no sources", args: ({ lib }) => [lib.BitwiseOperation.AND, K.c, []] },
        { method: "bitop", title: "binary keys", setup: [["SET", BIN_KEY, BIN]], args: ({ lib }) => [lib.BitwiseOperation.NOT, Buffer.from(K.c), [BIN_KEY]] },
        { method: "bitop", title: "wrong type source", setup: [...withTwo, ["RPUSH", K.d, "x"]], args: ({ lib }) => [lib.BitwiseOperation.OR, K.c, [K.a, K.d]] },
        { method: "bitop", title: "keys in other slots", args: ({ lib }) => [lib.BitwiseOperation.OR, K.Xa, [K.Xb]], batchModes: ["pipeline"] },
        { method: "bitop", title: "invalid operation", setup: withTwo, args: ["NAND", K.c, [K.a, K.b]] },

        // BITFIELD
        { method: "bitfield", title: "GET unsigned and signed", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 8, 0), get(ctx, true, 8, 8)]] },
        { method: "bitfield", title: "GET with offset multiplier", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 4, 1, true), get(ctx, true, 16, 1, true)]] },
        { method: "bitfield", title: "GET i64 and u63", setup: withFields, args: (ctx) => [K.a, [get(ctx, true, 64, 0), get(ctx, false, 63, 1)]] },
        { method: "bitfield", title: "SET returns old values", setup: withFields, args: (ctx) => [K.a, [set(ctx, false, 8, 0, 200), set(ctx, true, 4, 2, -3, true), get(ctx, false, 8, 0)]] },
        { method: "bitfield", title: "SET on a missing key", args: (ctx) => [K.a, [set(ctx, true, 32, 5, -100000)]] },
        { method: "bitfield", title: "INCRBY", setup: withFields, args: (ctx) => [K.a, [incrBy(ctx, false, 8, 0, 1), incrBy(ctx, true, 8, 1, 5, true)]] },
        { method: "bitfield", title: "INCRBY negative", setup: withFields, args: (ctx) => [K.a, [incrBy(ctx, true, 16, 16, -40000)]] },
        { method: "bitfield", title: "OVERFLOW WRAP", setup: withFields, args: (ctx) => [K.a, [overflow(ctx, "WRAP"), incrBy(ctx, false, 8, 0, 200), incrBy(ctx, true, 8, 8, -200)]] },
        { method: "bitfield", title: "OVERFLOW SAT", setup: withFields, args: (ctx) => [K.a, [overflow(ctx, "SAT"), incrBy(ctx, false, 8, 0, 200), set(ctx, true, 4, 8, 100)]] },
        { method: "bitfield", title: "OVERFLOW FAIL", setup: withFields, args: (ctx) => [K.a, [overflow(ctx, "FAIL"), incrBy(ctx, false, 8, 0, 200), incrBy(ctx, false, 8, 0, 1)]] },
        { method: "bitfield", title: "overflow modes in turn", setup: withFields, args: (ctx) => [K.a, [overflow(ctx, "FAIL"), incrBy(ctx, true, 8, 0, 100), overflow(ctx, "SAT"), incrBy(ctx, true, 8, 0, 100), overflow(ctx, "WRAP"), incrBy(ctx, true, 8, 0, 100)]] },
        { method: "bitfield", title: "OVERFLOW alone", setup: withFields, args: (ctx) => [K.a, [overflow(ctx, "SAT")]] },
        { method: "bitfield", title: "no subcommands", setup: withFields, args: [K.a, []] },
        { method: "bitfield", title: "u64 encoding", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 64, 0)]] },
        { method: "bitfield", title: "i65 encoding", setup: withFields, args: (ctx) => [K.a, [get(ctx, true, 65, 0)]] },
        { method: "bitfield", title: "zero-bit encoding", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 0, 0)]] },
        { method: "bitfield", title: "negative offset", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 8, -1)]] },
        { method: "bitfield", title: "huge i64 value", args: (ctx) => [K.a, [set(ctx, true, 64, 0, 2 ** 62), get(ctx, true, 64, 0)]] },
        { method: "bitfield", title: "binary key", setup: [["SET", BIN_KEY, BIN]], args: (ctx) => [BIN_KEY, [get(ctx, false, 16, 0), set(ctx, false, 8, 0, 1)]] },
        { method: "bitfield", title: "missing key", args: (ctx) => [K.missing, [get(ctx, false, 8, 0)]] },
        { method: "bitfield", title: "wrong type", setup: withList, args: (ctx) => [K.a, [get(ctx, false, 8, 0)]] },

        // BITFIELD_RO
        { method: "bitfieldReadOnly", title: "GET fields", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 8, 0), get(ctx, true, 8, 1, true), get(ctx, true, 3, 5)]] },
        { method: "bitfieldReadOnly", title: "GET i64", setup: withFields, args: (ctx) => [K.a, [get(ctx, true, 64, 0)]] },
        { method: "bitfieldReadOnly", title: "no subcommands", setup: withFields, args: [K.a, []] },
        { method: "bitfieldReadOnly", title: "past the end", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 8, 1000)]] },
        { method: "bitfieldReadOnly", title: "missing key", args: (ctx) => [K.missing, [get(ctx, true, 8, 0)]] },
        { method: "bitfieldReadOnly", title: "invalid encoding", setup: withFields, args: (ctx) => [K.a, [get(ctx, false, 64, 0)]] },
        { method: "bitfieldReadOnly", title: "SET is refused", setup: withFields, args: (ctx) => [K.a, [set(ctx, false, 8, 0, 1)]] },
        { method: "bitfieldReadOnly", title: "wrong type", setup: withList, args: (ctx) => [K.a, [get(ctx, false, 8, 0)]] },
    ],
};
