/** Option types, enums and BITFIELD subcommand classes of the bitmap commands (as in GLIDE's API). */

export enum BitwiseOperation {
    AND = "AND",
    OR = "OR",
    XOR = "XOR",
    NOT = "NOT",
}

/** Whether BITCOUNT/BITPOS ranges count bytes or bits. */
export enum BitmapIndexType {
    BYTE = "BYTE",
    BIT = "BIT",
}

/** A BITCOUNT/BITPOS range; `indexType` is only sent along with `end`, as the server's syntax requires. */
export interface BitOffsetOptions {
    start: number;
    end?: number;
    indexType?: BitmapIndexType;
}

/** The integer type of a BITFIELD field, e.g. "i8" or "u4". */
export interface BitEncoding {
    toArg(): string;
}

/** A signed integer field of BITFIELD, `encodingLength` bits wide (up to 64): sent as `i<encodingLength>`. */
export class SignedEncoding implements BitEncoding {
    private static readonly SIGNED_ENCODING_PREFIX = "i";
    private readonly encoding: string;

    constructor(encodingLength: number) {
        this.encoding = SignedEncoding.SIGNED_ENCODING_PREFIX + encodingLength.toString();
    }

    toArg(): string {
        return this.encoding;
    }
}

/** An unsigned integer field of BITFIELD, `encodingLength` bits wide (up to 63): sent as `u<encodingLength>`. */
export class UnsignedEncoding implements BitEncoding {
    private static readonly UNSIGNED_ENCODING_PREFIX = "u";
    private readonly encoding: string;

    constructor(encodingLength: number) {
        this.encoding = UnsignedEncoding.UNSIGNED_ENCODING_PREFIX + encodingLength.toString();
    }

    toArg(): string {
        return this.encoding;
    }
}

/** Where a BITFIELD field starts. */
export interface BitFieldOffset {
    toArg(): string;
}

/** An offset in bits. */
export class BitOffset implements BitFieldOffset {
    private readonly offset: string;

    constructor(offset: number) {
        this.offset = offset.toString();
    }

    toArg(): string {
        return this.offset;
    }
}

/** An offset counted in fields of the encoding's width ("#n"). */
export class BitOffsetMultiplier implements BitFieldOffset {
    private static readonly OFFSET_MULTIPLIER_PREFIX = "#";
    private readonly offset: string;

    constructor(offset: number) {
        this.offset = BitOffsetMultiplier.OFFSET_MULTIPLIER_PREFIX + offset.toString();
    }

    toArg(): string {
        return this.offset;
    }
}

/** One BITFIELD subcommand, as the arguments it adds to the command. */
export interface BitFieldSubCommands {
    toArgs(): string[];
}

/** BITFIELD's GET: reads the field of this encoding at this offset. */
export class BitFieldGet implements BitFieldSubCommands {
    private static readonly GET_COMMAND_STRING = "GET";
    private readonly encoding: BitEncoding;
    private readonly offset: BitFieldOffset;

    constructor(encoding: BitEncoding, offset: BitFieldOffset) {
        this.encoding = encoding;
        this.offset = offset;
    }

    toArgs(): string[] {
        return [BitFieldGet.GET_COMMAND_STRING, this.encoding.toArg(), this.offset.toArg()];
    }
}

/** BITFIELD's SET: writes a value into the field and replies with the old one. */
export class BitFieldSet implements BitFieldSubCommands {
    private static readonly SET_COMMAND_STRING = "SET";
    private readonly encoding: BitEncoding;
    private readonly offset: BitFieldOffset;
    private readonly value: number;

    constructor(encoding: BitEncoding, offset: BitFieldOffset, value: number) {
        this.encoding = encoding;
        this.offset = offset;
        this.value = value;
    }

    toArgs(): string[] {
        return [BitFieldSet.SET_COMMAND_STRING, this.encoding.toArg(), this.offset.toArg(), this.value.toString()];
    }
}

/** BITFIELD's INCRBY: adds to the field and replies with the new value. */
export class BitFieldIncrBy implements BitFieldSubCommands {
    private static readonly INCRBY_COMMAND_STRING = "INCRBY";
    private readonly encoding: BitEncoding;
    private readonly offset: BitFieldOffset;
    private readonly increment: number;

    constructor(encoding: BitEncoding, offset: BitFieldOffset, increment: number) {
        this.encoding = encoding;
        this.offset = offset;
        this.increment = increment;
    }

    toArgs(): string[] {
        return [
            BitFieldIncrBy.INCRBY_COMMAND_STRING,
            this.encoding.toArg(),
            this.offset.toArg(),
            this.increment.toString(),
        ];
    }
}

/** What SET and INCRBY subcommands after an OVERFLOW do when the value does not fit. */
export enum BitOverflowControl {
    /** Wrap around (modulo arithmetic). */
    WRAP = "WRAP",
    /** Saturate at the type's minimum or maximum. */
    SAT = "SAT",
    /** Do nothing; the subcommand's reply is null. */
    FAIL = "FAIL",
}

/** BITFIELD's OVERFLOW: how the INCRBY and SET after it treat overflow (wrap, saturate or fail). */
export class BitFieldOverflow implements BitFieldSubCommands {
    private static readonly OVERFLOW_COMMAND_STRING = "OVERFLOW";
    private readonly overflowControl: BitOverflowControl;

    constructor(overflowControl: BitOverflowControl) {
        this.overflowControl = overflowControl;
    }

    toArgs(): string[] {
        return [BitFieldOverflow.OVERFLOW_COMMAND_STRING, this.overflowControl];
    }
}
