import { constants } from "node:buffer";

import { RequestError } from "../errors";
import { BufferInternals } from "./resp-bytes";

/**
 * Pure helpers that turn already-delimited RESP payload bytes or text into JS values. They know
 * nothing about streaming; the decoder calls them once a line or payload is complete.
 */


/** Integers with at most this many digits fit in a double exactly, so they are summed by hand. */
export const EXACT_DIGITS = 15;

const DOUBLE_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BIG_NUMBER_PATTERN = /^[+-]?\d+$/;

/**
 * An integer too long to sum exactly as a double, as the nearest number: GLIDE gives integers as
 * numbers whatever their size (its declared types say number), never as bigints.
 */
export function integerFromText(text: string): number {
    return Number(text);
}

/** A RESP3 big number's text as a bigint, or undefined when it is not a decimal integer. */
export function bigNumberFromText(text: string): bigint | undefined {
    return BIG_NUMBER_PATTERN.test(text) ? BigInt(text) : undefined;
}

/**
 * A RESP3 double's text as a number, or undefined when malformed. `Number()` alone would accept
 * "", " 1", "0x10" and "Infinity", none of which a server sends, so the text is checked first.
 */
export function doubleFromText(text: string): number | undefined {
    switch (text) {
        case "inf":
        case "+inf":
            return Infinity;
        case "-inf":
            return -Infinity;
        case "nan":
        case "+nan":
        case "-nan":
            return NaN;
    }
    return DOUBLE_PATTERN.test(text) ? Number(text) : undefined;
}

/** A private copy of `source[start, end)`: the socket may reuse the memory of its chunks. */
export function copyBytes(source: Buffer, start: number, end: number): Buffer {
    const length = end - start;
    const copy = Buffer.allocUnsafe(length);
    if (length <= SMALL_COPY_BYTES) {
        // Buffer#copy's argument checks cost more than copying a few bytes by hand.
        for (let i = 0; i < length; i++) copy[i] = source[start + i];
    } else {
        source.copy(copy, 0, start, end);
    }
    return copy;
}

/** Below this size a byte loop beats Buffer#copy (measured: 52 vs 113 ns at 10 bytes, even at 100). */
const SMALL_COPY_BYTES = 100;

/** UTF-8 never decodes to more UTF-16 units than it has bytes, so this many bytes always fit. */
const MAX_STRING_BYTES = constants.MAX_STRING_LENGTH;

/**
 * The UTF-8 text of `source[start, end)`; or, when that may exceed V8's longest string, a
 * RequestError in its place, so that a huge reply fails alone rather than throwing out of feed().
 */
export function utf8Text(source: Buffer, start: number, end: number): string | RequestError {
    if (end - start > MAX_STRING_BYTES) {
        return new RequestError(`a reply of ${end - start} bytes is too long for a string; ask for Buffers`);
    }
    return (source as unknown as BufferInternals).utf8Slice(start, end);
}

/**
 * Where `bytes[start, end)` stops being UTF-8, worded as Rust's Utf8Error (GLIDE's core decodes
 * strings with Rust, and its message is what GLIDE users see); undefined when all of it is UTF-8.
 */
export function utf8Problem(bytes: Buffer, start: number, end: number): string | undefined {
    let i = start;
    while (i < end) {
        const first = bytes[i];
        if (first < 0x80) {
            i++;
            continue;
        }
        const width = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
        // The sequence's bytes after the first, checked in order: the first one that is missing
        // makes the sequence incomplete, the first one out of range ends the invalid part.
        for (let k = 1; k < Math.max(width, 1); k++) {
            if (i + k >= end) return `incomplete utf-8 byte sequence from index ${i - start}`;
            const [low, high] = k === 1 ? secondByteRange(first) : [0x80, 0xbf];
            if (bytes[i + k] < low || bytes[i + k] > high) return `invalid utf-8 sequence of ${k} bytes from index ${i - start}`;
        }
        if (width === 0) return `invalid utf-8 sequence of 1 bytes from index ${i - start}`;
        i += width;
    }
    return undefined;
}

/** The range of the byte after a leading byte (no overlong forms, no surrogates, nothing past U+10FFFF). */
function secondByteRange(first: number): [number, number] {
    switch (first) {
        case 0xe0:
            return [0xa0, 0xbf];
        case 0xed:
            return [0x80, 0x9f];
        case 0xf0:
            return [0x90, 0xbf];
        case 0xf4:
            return [0x80, 0x8f];
        default:
            return [0x80, 0xbf];
    }
}

/**
 * The error a reply that is not UTF-8 becomes when strings were asked for: GLIDE rejects it, in
 * these words, rather than hand back text with replacement characters. A plain Error, as GLIDE's.
 */
export function undecodableReply(problem: string): Error {
    return new Error(
        `Decoding error: 'Error: ${problem}'. \n NOTE: If this was thrown during a command with write operations, the data could be UNRECOVERABLY LOST.`,
    );
}
