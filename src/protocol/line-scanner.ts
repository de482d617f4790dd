import { EXACT_DIGITS, integerFromText } from "./decoder-values";
import {
    BufferInternals,
    CR,
    describeByte,
    LF,
    MINUS,
    PLUS,
    TYPE_BIG_NUMBER,
    TYPE_SIMPLE_ERROR,
    TYPE_SIMPLE_STRING,
} from "./resp-bytes";

/** `next` after a scan that ran out of bytes before the line's CRLF. */
export const INCOMPLETE = -1;
/** `next` after a scan that met bytes that are not valid RESP; see `problem`. */
export const MALFORMED = -2;

/** The longest line holding a length, integer, double or boolean (type byte and CRLF included). */
export const MAX_SHORT_LINE = 1024;

/** A length needs at most this many digits; more would exceed every limit anyway. */
const MAX_LENGTH_DIGITS = 15;

/**
 * Reads the CRLF-terminated lines of RESP by hand, byte by byte, without allocating for lengths
 * and small integers. Each scan returns its value and leaves in `next` the position after the
 * line's CRLF, or INCOMPLETE, or MALFORMED with `problem` and `problemAt` (an index into the
 * scanned buffer) describing why. Plain public fields: they are read after every scan.
 */
export class LineScanner {
    next = 0;
    problem = "";
    problemAt = 0;

    /** A non-negative decimal length, or -1; starts at `pos`, just after the type byte. */
    readLength(buf: Buffer, pos: number, end: number): number {
        let i = pos;
        if (i < end && buf[i] === MINUS) {
            if (i + 1 >= end) return this.#incomplete();
            if (buf[i + 1] !== 0x31 || (i + 2 < end && buf[i + 2] !== CR)) {
                return this.#malformed("negative length other than -1", i);
            }
            this.expectLineEnd(buf, i + 2, end);
            return -1;
        }
        let length = 0;
        while (i < end) {
            const digit = buf[i] - 0x30;
            if (digit < 0 || digit > 9) break;
            length = length * 10 + digit;
            if (++i - pos > MAX_LENGTH_DIGITS) return this.#malformed("length too large", pos);
        }
        if (i >= end) return this.#incomplete();
        if (i === pos) return this.#malformed(`expected a length, got ${describeByte(buf[i])}`, i);
        this.expectLineEnd(buf, i, end);
        return length;
    }

    /**
     * A signed decimal integer, as a number (the nearest one beyond the safe-integer range). A line
     * (type byte through CRLF) longer than `maxLine` is malformed.
     */
    readInteger(buf: Buffer, pos: number, end: number, maxLine: number): number {
        let i = pos;
        const sign = i < end ? buf[i] : 0;
        if (sign === MINUS || sign === PLUS) i++;
        const digitsStart = i;
        const stop = contentStop(pos, end, maxLine);
        let magnitude = 0;
        while (i < stop) {
            const digit = buf[i] - 0x30;
            if (digit < 0 || digit > 9) break;
            magnitude = magnitude * 10 + digit;
            i++;
        }
        if (i >= stop) return stop === end ? this.#incomplete() : this.#tooLong(pos, maxLine);
        if (i === digitsStart) return this.#malformed(`expected an integer, got ${describeByte(buf[i])}`, i);
        if (this.expectLineEnd(buf, i, end) < 0) return 0;
        if (i - digitsStart > EXACT_DIGITS) {
            return integerFromText((buf as unknown as BufferInternals).latin1Slice(pos, i));
        }
        return sign === MINUS ? 0 - magnitude : magnitude;
    }

    /** Expects CRLF at `pos`; returns (and leaves in `next`) the position after it. */
    expectLineEnd(buf: Buffer, pos: number, end: number): number {
        if (pos >= end) return (this.next = INCOMPLETE);
        if (buf[pos] !== CR) {
            this.#malformed(`expected CR, got ${describeByte(buf[pos])}`, pos);
            return MALFORMED;
        }
        if (pos + 1 >= end) return (this.next = INCOMPLETE);
        if (buf[pos + 1] !== LF) {
            this.#malformed(`expected LF after CR, got ${describeByte(buf[pos + 1])}`, pos + 1);
            return MALFORMED;
        }
        return (this.next = pos + 2);
    }

    /**
     * The index of the CR ending a text line whose content starts at `pos` (or INCOMPLETE /
     * MALFORMED). A line (type byte through CRLF) longer than `maxLine` is malformed.
     */
    findLineEnd(buf: Buffer, pos: number, end: number, maxLine: number): number {
        const stop = contentStop(pos, end, maxLine);
        let i = pos;
        while (i < stop) {
            const byte = buf[i];
            if (byte === CR) break;
            if (byte === LF) {
                this.#malformed("LF without CR inside a line", i);
                return MALFORMED;
            }
            i++;
        }
        if (i >= stop && stop < end) {
            this.#tooLong(pos, maxLine);
            return MALFORMED;
        }
        const next = this.expectLineEnd(buf, i, end);
        return next < 0 ? next : i;
    }

    #incomplete(): number {
        this.next = INCOMPLETE;
        return 0;
    }

    #tooLong(contentStart: number, maxLine: number): number {
        return this.#malformed(`line longer than ${maxLine} bytes`, contentStart - 1);
    }

    #malformed(problem: string, at: number): number {
        this.problem = problem;
        this.problemAt = at;
        this.next = MALFORMED;
        return 0;
    }
}

/**
 * Where a scan of line content starting at `pos` must stop: at the end of the input, or just past
 * the last content byte a line of `maxLine` bytes (type byte and CRLF included) can have. A scan
 * that reaches the second kind of stop without finding its CR has found a line too long; so the
 * verdict on a line never depends on where the input was cut into chunks.
 */
function contentStop(pos: number, end: number, maxLine: number): number {
    return end - pos > maxLine - 2 ? pos + maxLine - 2 : end;
}

/** Whether lines of this type hold free text of any length, rather than a short header. */
export function isTextLine(type: number): boolean {
    return type === TYPE_SIMPLE_STRING || type === TYPE_SIMPLE_ERROR || type === TYPE_BIG_NUMBER;
}

/** The longest a line of this type may be, type byte and CRLF included. */
export function lineLimit(type: number, maxTextLine: number): number {
    return isTextLine(type) ? maxTextLine : MAX_SHORT_LINE;
}
