import { BufferInternals, CR, LF } from "./resp-bytes";
import { CommandArg } from "./types";

const DEFAULT_SIZE = 64 * 1024;
const ARRAY_MARKER = 0x2a; // '*'
const BULK_MARKER = 0x24; // '$'
/** Room for a `*N\r\n` or `$N\r\n` header (15 digits at most) and a trailing CRLF. */
const HEADER_ROOM = 24;
/**
 * Strings up to this many UTF-16 units are copied by a JS loop while they stay ASCII, which beats
 * a native utf8Write call for short strings; longer ones go through utf8Write.
 */
const SHORT_STRING = 48;

/**
 * Encodes commands as RESP arrays of bulk strings, straight into a buffer reused across commands.
 *
 * take() hands out the bytes written since the previous take() as a view of that buffer, for the
 * socket to write later; so a region once taken is never written again. The writer continues
 * after it and, when the buffer is full, moves to a new one (carrying over only untaken bytes),
 * leaving the old buffer to whoever still holds views of it.
 */
export class CommandWriter {
    readonly #initialSize: number;
    #buf: Buffer;
    /** First byte not yet taken. */
    #start = 0;
    /** Where the next byte goes. */
    #end = 0;

    constructor(initialSize: number = DEFAULT_SIZE) {
        this.#initialSize = Math.max(HEADER_ROOM * 4, initialSize);
        this.#buf = Buffer.allocUnsafe(this.#initialSize);
    }

    /** Bytes written but not yet taken. */
    get pendingBytes(): number {
        return this.#end - this.#start;
    }

    /** Appends one command: `*N\r\n` then `$len\r\n<bytes>\r\n` per argument. */
    write(args: readonly CommandArg[]): void {
        const frameOffset = this.#end - this.#start;
        this.#ensure(HEADER_ROOM);
        this.#end = writeHeader(this.#buf, this.#end, ARRAY_MARKER, args.length);
        for (let i = 0; i < args.length; i++) {
            const arg = args[i];
            if (typeof arg === "string") {
                this.#writeString(arg);
            } else if (typeof arg === "number") {
                this.#writeNumber(arg);
            } else if (arg instanceof Uint8Array) {
                this.#writeBytes(arg);
            } else {
                // Growth may have moved the pending bytes, so roll back relative to #start.
                this.#end = this.#start + frameOffset;
                throw new TypeError(`command argument ${i} is ${describeArg(arg)}, not a string, Buffer or number`);
            }
        }
    }

    /** Appends several commands, all or none: an argument that cannot be encoded rolls back the frames before it too. */
    writeAll(frames: readonly (readonly CommandArg[])[]): void {
        const frameOffset = this.#end - this.#start;
        try {
            for (const args of frames) this.write(args);
        } catch (error) {
            this.#end = this.#start + frameOffset;
            throw error;
        }
    }

    /** Appends bytes as they are, e.g. a command encoded elsewhere. */
    writeRaw(bytes: Uint8Array): void {
        this.#ensure(bytes.length);
        this.#buf.set(bytes, this.#end);
        this.#end += bytes.length;
    }

    /** The bytes written since the last take(), as a view that this writer will never overwrite. */
    take(): Buffer | null {
        const start = this.#start;
        const end = this.#end;
        if (start === end) return null;
        this.#start = end;
        return this.#buf.subarray(start, end);
    }

    #writeString(text: string): void {
        const length = text.length;
        if (length <= SHORT_STRING) {
            this.#ensure(length * 3 + HEADER_ROOM);
            const buf = this.#buf;
            const payload = writeHeader(buf, this.#end, BULK_MARKER, length);
            let i = 0;
            while (i < length) {
                const code = text.charCodeAt(i);
                if (code >= 0x80) break;
                buf[payload + i] = code;
                i++;
            }
            if (i === length) {
                this.#end = writeCrlf(buf, payload + length);
                return;
            }
            // Not ASCII: start over; the room ensured above lets the next call succeed.
        }
        if (this.#tryWritePayloadFirst(text)) return;
        const byteLength = Buffer.byteLength(text, "utf8");
        this.#ensure(byteLength + HEADER_ROOM);
        const buf = this.#buf;
        const payload = writeHeader(buf, this.#end, BULK_MARKER, byteLength);
        (buf as unknown as BufferInternals).utf8Write(text, payload, byteLength);
        this.#end = writeCrlf(buf, payload + byteLength);
    }

    /**
     * Saves a Buffer.byteLength pass: writes the payload right after a header gap sized for an
     * ASCII string, then the header. Multi-byte characters can make the length one digit longer
     * (never more, as UTF-8 takes at most 3 bytes per UTF-16 unit); the payload then moves up a
     * byte. Only done when the worst case fits in the current buffer; returns false otherwise.
     */
    #tryWritePayloadFirst(text: string): boolean {
        const length = text.length;
        const width = decimalWidth(length);
        const buf = this.#buf;
        const headerStart = this.#end;
        const payload = headerStart + width + 3;
        if (buf.length - payload < length * 3 + 3) return false;
        const written = (buf as unknown as BufferInternals).utf8Write(text, payload);
        if (decimalWidth(written) !== width) buf.copyWithin(payload + 1, payload, payload + written);
        const payloadStart = writeHeader(buf, headerStart, BULK_MARKER, written);
        this.#end = writeCrlf(buf, payloadStart + written);
        return true;
    }

    #writeNumber(value: number): void {
        if (Number.isSafeInteger(value)) {
            this.#ensure(HEADER_ROOM * 2);
            const buf = this.#buf;
            const negative = value < 0;
            const magnitude = negative ? -value : value;
            const textLength = decimalWidth(magnitude) + (negative ? 1 : 0);
            let pos = writeHeader(buf, this.#end, BULK_MARKER, textLength);
            if (negative) buf[pos++] = 0x2d;
            pos = writeDecimal(buf, pos, magnitude);
            this.#end = writeCrlf(buf, pos);
            return;
        }
        this.#writeString(numberText(value));
    }

    #writeBytes(bytes: Uint8Array): void {
        const length = bytes.length;
        this.#ensure(length + HEADER_ROOM);
        const buf = this.#buf;
        const payload = writeHeader(buf, this.#end, BULK_MARKER, length);
        buf.set(bytes, payload);
        this.#end = writeCrlf(buf, payload + length);
    }

    /** Makes room for `needed` more bytes, moving untaken bytes to a new buffer if it must. */
    #ensure(needed: number): void {
        if (this.#buf.length - this.#end >= needed) return;
        const pending = this.#end - this.#start;
        // Doubling the pending part keeps a long run of untaken writes linear; a huge argument
        // gets about its own size rather than a doubled one.
        const size = Math.max(this.#initialSize, pending * 2 + needed);
        const grown = Buffer.allocUnsafe(size);
        this.#buf.copy(grown, 0, this.#start, this.#end);
        this.#buf = grown;
        this.#start = 0;
        this.#end = pending;
    }
}

let sharedWriter: CommandWriter | null = null;

/** Encodes one command into a Buffer of its own (a view that nothing else will write). */
export function encodeCommand(args: readonly CommandArg[]): Buffer {
    sharedWriter ??= new CommandWriter(16 * 1024);
    sharedWriter.write(args);
    return sharedWriter.take() ?? Buffer.alloc(0);
}

/** Decimal text the server accepts for a number that is not a safe integer. */
function numberText(value: number): string {
    if (value === Infinity) return "inf";
    if (value === -Infinity) return "-inf";
    if (Number.isNaN(value)) return "nan";
    // Shortest round-trip form: "1.5", "1e+21", "5e-7"; the server parses these with strtod.
    return String(value);
}

/** Writes `<marker><count>\r\n` at `pos`; returns the position after it. */
function writeHeader(buf: Buffer, pos: number, marker: number, count: number): number {
    buf[pos] = marker;
    pos = writeDecimal(buf, pos + 1, count);
    buf[pos] = CR;
    buf[pos + 1] = LF;
    return pos + 2;
}

function writeCrlf(buf: Buffer, pos: number): number {
    buf[pos] = CR;
    buf[pos + 1] = LF;
    return pos + 2;
}

/** Writes a non-negative safe integer in decimal at `pos`; returns the position after it. */
function writeDecimal(buf: Buffer, pos: number, value: number): number {
    if (value < 10) {
        buf[pos] = 0x30 + value;
        return pos + 1;
    }
    const end = pos + decimalWidth(value);
    let i = end;
    while (value >= 10) {
        const quotient = Math.floor(value / 10);
        buf[--i] = 0x30 + (value - quotient * 10);
        value = quotient;
    }
    buf[--i] = 0x30 + value;
    return end;
}

/** The number of decimal digits of a non-negative safe integer. */
function decimalWidth(value: number): number {
    if (value < 10) return 1;
    if (value < 100) return 2;
    if (value < 1000) return 3;
    if (value < 10000) return 4;
    if (value < 100000) return 5;
    if (value < 1000000) return 6;
    let width = 6;
    for (let limit = 1000000; value >= limit && width < 16; limit *= 10) width++;
    return width;
}

function describeArg(arg: unknown): string {
    if (arg === null) return "null";
    if (typeof arg === "object") return `an object (${Object.prototype.toString.call(arg)})`;
    return `of type ${typeof arg}`;
}
