import { isUtf8 } from "node:buffer";

import { ProtocolError, serverError } from "../errors";
import { AggregateStack, aggregateKind, ATTRIBUTE, MAP, PUSH, SET } from "./aggregate-stack";
import { CutLine, CutPayload } from "./cut-input";
import { bigNumberFromText, copyBytes, doubleFromText, undecodableReply, utf8Problem, utf8Text } from "./decoder-values";
import { INCOMPLETE, isTextLine, lineLimit, LineScanner, MALFORMED, MAX_SHORT_LINE } from "./line-scanner";
import {
    BufferInternals,
    CR,
    describeByte,
    LF,
    TYPE_ARRAY,
    TYPE_ATTRIBUTE,
    TYPE_BIG_NUMBER,
    TYPE_BOOLEAN,
    TYPE_BULK_ERROR,
    TYPE_BULK_STRING,
    TYPE_DOUBLE,
    TYPE_INTEGER,
    TYPE_MAP,
    TYPE_NULL,
    TYPE_PUSH,
    TYPE_SET,
    TYPE_SIMPLE_ERROR,
    TYPE_SIMPLE_STRING,
    TYPE_VERBATIM_STRING,
} from "./resp-bytes";
import { RespMap, RespValue } from "./types";

export interface DecoderHandlers {
    /** One complete top-level reply (never a push). */
    onReply(value: RespValue): void;
    /** A RESP3 push frame at top level; its bulk strings are always Buffers. */
    onPush(items: RespValue[]): void;
    /**
     * Asked once at the start of each top-level non-push reply: true makes the bulk and verbatim
     * strings of that reply Buffers, false makes them UTF-8 strings.
     */
    bytesForNextReply(): boolean;
    /** The input is not valid RESP; the decoder ignores all further input until reset(). */
    onProtocolError(error: ProtocolError): void;
}

export interface DecoderLimits {
    /** Deepest allowed nesting of aggregates (an attribute counts as a level). Default 512. */
    maxDepth?: number;
    /**
     * Longest allowed bulk, verbatim or bulk-error payload, and simple-string, error or big-number
     * line, in bytes. Default 512 MiB. Other lines (lengths, integers, doubles) are capped at 1 KiB.
     */
    maxBulkLength?: number;
    /** Most elements (or map/attribute pairs) one aggregate may announce. Default 2^30. */
    maxAggregateLength?: number;
}

const DEFAULT_MAX_DEPTH = 512;
/** Where Buffer's native UTF-8 check (~70 ns a call) gets cheaper than looking for U+FFFD in the text. */
const SIMD_CHECK_BYTES = 1024;
const DEFAULT_MAX_BULK_LENGTH = 512 * 1024 * 1024;
const DEFAULT_MAX_AGGREGATE_LENGTH = 2 ** 30;

// What a payload ($, =, !) becomes.
const PAYLOAD_BULK = 0;
const PAYLOAD_VERBATIM = 1;
const PAYLOAD_ERROR = 2;

/**
 * A streaming RESP2/RESP3 decoder. Chunks may split the input anywhere, and the result never
 * depends on where: same values, same error at the same offset. Aggregates are built on an
 * explicit stack, never by recursion, so hostile nesting cannot overflow the JS stack.
 *
 * Choices beyond the RESP spec:
 * - `*-1`, `%-1`, `~-1`, `$-1`, `=-1` and `!-1` all decode to null; other negative lengths fail.
 * - A push (`>`) nested inside another aggregate (or after a top-level attribute) decodes as a
 *   plain array, inside whatever reply holds it.
 * - If a handler throws, the exception leaves feed() and the decoder ignores further input until
 *   reset(), since the rest of that chunk was not decoded.
 * - feed() must not be called from inside a handler; reset() may be, and drops the rest of the chunk.
 * - A string reply longer than V8's longest string becomes a RequestError value in its place.
 * - A reply read as strings whose bulk strings are not all UTF-8 becomes one plain Error (GLIDE's).
 */
export class RespDecoder {
    readonly #handlers: DecoderHandlers;
    readonly #maxDepth: number;
    readonly #maxBulkLength: number;
    readonly #maxAggregateLength: number;
    readonly #scanner = new LineScanner();
    readonly #stack = new AggregateStack();
    readonly #cutLine = new CutLine();
    readonly #cutPayload = new CutPayload();

    /** Whether a top-level reply has started (bytesForNextReply was asked) but not finished. */
    #replyOpen = false;
    #replyAsBuffer = false;
    /** The first string of the open reply that is not UTF-8: the whole reply becomes this error. */
    #undecodable: Error | undefined;

    /** Stream offset (since the last reset) of the first byte of the chunk being fed. */
    #offset = 0;
    #failed = false;
    /** Bumped by reset(), so a feed loop notices a reset done by a handler. */
    #generation = 0;

    constructor(handlers: DecoderHandlers, limits: DecoderLimits = {}) {
        this.#handlers = handlers;
        this.#maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
        this.#maxBulkLength = limits.maxBulkLength ?? DEFAULT_MAX_BULK_LENGTH;
        this.#maxAggregateLength = limits.maxAggregateLength ?? DEFAULT_MAX_AGGREGATE_LENGTH;
    }

    feed(chunk: Buffer): void {
        if (this.#failed) return;
        const base = this.#offset;
        const end = chunk.length;
        this.#offset = base + end;
        const generation = this.#generation;
        try {
            let pos = 0;
            if (this.#cutLine.length > 0) {
                pos = this.#finishCutLine(chunk);
                if (pos < 0 || this.#failed || this.#generation !== generation) return;
            }
            if (this.#cutPayload.bytes !== null) {
                pos = this.#continuePayload(chunk, pos, end);
                if (pos < 0 || this.#generation !== generation) return;
            }
            this.#run(chunk, pos, end, base);
        } catch (error) {
            this.#failed = true;
            throw error;
        }
    }

    reset(): void {
        this.#stack.clear();
        this.#scanner.next = 0;
        this.#cutLine.length = 0;
        this.#cutPayload.bytes = null;
        this.#replyOpen = false;
        this.#undecodable = undefined;
        this.#offset = 0;
        this.#failed = false;
        this.#generation++;
    }

    /**
     * Decodes the tokens of buf[pos, end), `base` being the stream offset of buf[0]. A token cut
     * off by `end` is kept for the next chunk.
     */
    #run(buf: Buffer, pos: number, end: number, base: number): void {
        const scanner = this.#scanner;
        const generation = this.#generation;
        while (pos < end) {
            const type = buf[pos];
            if (!this.#replyOpen && this.#stack.depth === 0) this.#openReply(type);
            let value: RespValue;
            switch (type) {
                case TYPE_BULK_STRING:
                case TYPE_VERBATIM_STRING:
                case TYPE_BULK_ERROR: {
                    const length = scanner.readLength(buf, pos + 1, end);
                    const start = scanner.next;
                    if (start < 0) return this.#stopAt(buf, pos, end, base);
                    if (length < 0) {
                        value = null;
                        pos = start;
                        break;
                    }
                    if (length > this.#maxBulkLength) {
                        const limit = this.#maxBulkLength;
                        return this.#fail(`bulk length ${length} exceeds the limit of ${limit}`, base + pos);
                    }
                    const kind =
                        type === TYPE_BULK_STRING
                            ? PAYLOAD_BULK
                            : type === TYPE_VERBATIM_STRING
                              ? PAYLOAD_VERBATIM
                              : PAYLOAD_ERROR;
                    const stop = start + length;
                    if (stop + 2 > end) return this.#cutPayload.start(kind, length, buf, start, end, base + start);
                    if (buf[stop] !== CR || buf[stop + 1] !== LF) {
                        return this.#fail("missing CRLF after a bulk payload", base + stop);
                    }
                    if (kind === PAYLOAD_BULK) {
                        value = this.#replyAsBuffer ? copyBytes(buf, start, stop) : this.#text(buf, start, stop);
                    } else {
                        value = this.#payloadValue(kind, buf, start, stop, false, base + start);
                        if (this.#failed) return;
                    }
                    pos = stop + 2;
                    break;
                }
                case TYPE_SIMPLE_STRING:
                case TYPE_SIMPLE_ERROR: {
                    const lineEnd = scanner.findLineEnd(buf, pos + 1, end, this.#maxBulkLength);
                    if (lineEnd < 0) return this.#stopAt(buf, pos, end, base);
                    // "+OK" answers most writes; skipping the native string call for it pays off.
                    const isOk = lineEnd === pos + 3 && buf[pos + 1] === 0x4f && buf[pos + 2] === 0x4b;
                    const text = isOk ? "OK" : utf8Text(buf, pos + 1, lineEnd);
                    value = type === TYPE_SIMPLE_STRING || typeof text !== "string" ? text : serverError(text);
                    pos = lineEnd + 2;
                    break;
                }
                case TYPE_INTEGER: {
                    value = scanner.readInteger(buf, pos + 1, end, MAX_SHORT_LINE);
                    if (scanner.next < 0) return this.#stopAt(buf, pos, end, base);
                    pos = scanner.next;
                    break;
                }
                case TYPE_ARRAY:
                case TYPE_SET:
                case TYPE_MAP:
                case TYPE_PUSH:
                case TYPE_ATTRIBUTE: {
                    const length = scanner.readLength(buf, pos + 1, end);
                    if (scanner.next < 0) return this.#stopAt(buf, pos, end, base);
                    if (length < 0 && (type === TYPE_PUSH || type === TYPE_ATTRIBUTE)) {
                        return this.#fail(`negative length for ${describeByte(type)}`, base + pos);
                    }
                    if (length > this.#maxAggregateLength) {
                        const limit = this.#maxAggregateLength;
                        return this.#fail(`aggregate length ${length} exceeds the limit of ${limit}`, base + pos);
                    }
                    const depth = this.#stack.depth;
                    const kind = aggregateKind(type, depth);
                    const headerAt = pos;
                    pos = scanner.next;
                    if (length <= 0 && kind !== ATTRIBUTE) {
                        if (kind === PUSH) {
                            this.#deliverPush([]);
                            if (this.#generation !== generation) return;
                            continue;
                        }
                        value = length < 0 ? null : kind === SET ? new Set() : kind === MAP ? new RespMap([]) : [];
                        break;
                    }
                    if (depth >= this.#maxDepth) {
                        return this.#fail(`nesting deeper than ${this.#maxDepth}`, base + headerAt);
                    }
                    this.#stack.open(kind, kind === MAP ? length * 2 : kind === ATTRIBUTE ? length * 2 + 1 : length);
                    continue;
                }
                case TYPE_NULL: {
                    if (scanner.expectLineEnd(buf, pos + 1, end) < 0) return this.#stopAt(buf, pos, end, base);
                    value = null;
                    pos = scanner.next;
                    break;
                }
                case TYPE_BOOLEAN: {
                    if (pos + 1 >= end) {
                        scanner.next = INCOMPLETE;
                        return this.#stopAt(buf, pos, end, base);
                    }
                    const flag = buf[pos + 1];
                    if (flag !== 0x74 && flag !== 0x66) {
                        return this.#fail(`bad boolean ${describeByte(flag)}`, base + pos + 1);
                    }
                    if (scanner.expectLineEnd(buf, pos + 2, end) < 0) return this.#stopAt(buf, pos, end, base);
                    value = flag === 0x74;
                    pos = scanner.next;
                    break;
                }
                case TYPE_DOUBLE:
                case TYPE_BIG_NUMBER: {
                    const lineEnd = scanner.findLineEnd(buf, pos + 1, end, lineLimit(type, this.#maxBulkLength));
                    if (lineEnd < 0) return this.#stopAt(buf, pos, end, base);
                    const text = (buf as unknown as BufferInternals).latin1Slice(pos + 1, lineEnd);
                    const parsed = type === TYPE_DOUBLE ? doubleFromText(text) : bigNumberFromText(text);
                    if (parsed === undefined) {
                        const what = type === TYPE_DOUBLE ? "double" : "big number";
                        return this.#fail(`bad ${what} ${JSON.stringify(text)}`, base + pos + 1);
                    }
                    value = parsed;
                    pos = lineEnd + 2;
                    break;
                }
                default:
                    return this.#fail(`unknown type byte ${describeByte(type)}`, base + pos);
            }
            this.#emit(value);
            if (this.#generation !== generation) return;
        }
    }

    #openReply(type: number): void {
        this.#replyOpen = true;
        this.#replyAsBuffer = type === TYPE_PUSH || this.#handlers.bytesForNextReply();
    }

    /** Places a finished value: into the open aggregate, or out to the handlers if top-level. */
    #emit(value: RespValue): void {
        const stack = this.#stack;
        if (stack.depth !== 0) {
            if (!stack.add(value)) return;
            value = stack.closed;
            stack.closed = null;
            if (stack.closedPush) return this.#deliverPush(value as RespValue[]);
        }
        this.#replyOpen = false;
        if (this.#undecodable !== undefined) {
            value = this.#undecodable;
            this.#undecodable = undefined;
        }
        this.#handlers.onReply(value);
    }

    #deliverPush(items: RespValue[]): void {
        this.#replyOpen = false;
        this.#handlers.onPush(items);
    }

    /** A scan of the token at `pos` came up short: keep its bytes, unless it was malformed. */
    #stopAt(buf: Buffer, pos: number, end: number, base: number): void {
        const scanner = this.#scanner;
        if (scanner.next === MALFORMED) return this.#fail(scanner.problem, base + scanner.problemAt);
        const limit = lineLimit(buf[pos], this.#maxBulkLength);
        if (end - pos > limit) return this.#fail(`line longer than ${limit} bytes`, base + pos);
        // When #checkCutLine scans the kept line again, it is kept already.
        if (buf !== this.#cutLine.bytes) this.#cutLine.keep(buf, pos, end, base + pos);
    }

    /**
     * Appends the new chunk up to its first LF to the kept line; once the line is whole, decodes
     * it. Returns where decoding of the chunk continues, or -1 if the chunk was all consumed.
     */
    #finishCutLine(chunk: Buffer): number {
        const line = this.#cutLine;
        const lf = chunk.indexOf(LF);
        const kept = line.length;
        const limit = lineLimit(line.type, this.#maxBulkLength);
        let taken = lf < 0 ? chunk.length : lf + 1;
        // Past the limit, decode just enough of the line for the scan to meet the same error it
        // would meet had the line come in one chunk.
        const tooLong = kept + taken > limit;
        if (tooLong) taken = limit + 1 - kept;
        line.append(chunk, taken);
        if (lf < 0 && !tooLong) {
            this.#checkCutLine(kept);
            return -1;
        }
        // The line now ends in LF (or breaks the length limit), so decoding it completes one
        // token, perhaps starting its payload, or fails; it is never kept again.
        const length = line.length;
        line.length = 0;
        this.#run(line.bytes, 0, length, line.offset);
        if (!tooLong) return taken;
        if (!this.#failed) this.#fail(`line longer than ${limit} bytes`, line.offset);
        return -1;
    }

    /**
     * Fails now, not once the LF arrives, if the line kept so far already shows an error: the
     * verdict must not depend on where the input was cut. `checked` bytes were checked before.
     */
    #checkCutLine(checked: number): void {
        const { bytes, length, offset } = this.#cutLine;
        if (!isTextLine(bytes[0])) {
            // A short line: scanning it again costs little. It stays incomplete, or fails.
            this.#run(bytes, 0, length, offset);
            return;
        }
        // Text lines can be long, so only the new bytes are looked at. Without an LF among them,
        // the one possible error is a CR followed by something else; an earlier CR could only
        // have been the last byte checked.
        for (let i = Math.max(1, checked - 1); i < length - 1; i++) {
            if (bytes[i] === CR) {
                return this.#fail(`expected LF after CR, got ${describeByte(bytes[i + 1])}`, offset + i + 1);
            }
        }
    }

    /** Copies more of a cut payload; returns the position after it, or -1 if more is needed. */
    #continuePayload(chunk: Buffer, pos: number, end: number): number {
        const cut = this.#cutPayload;
        pos += cut.fill(chunk, pos, end);
        if (!cut.complete) return -1;
        const payload = cut.bytes as Buffer;
        cut.bytes = null;
        const stop = payload.length - 2;
        if (payload[stop] !== CR || payload[stop + 1] !== LF) {
            this.#fail("missing CRLF after a bulk payload", cut.offset + stop);
            return -1;
        }
        const value = this.#payloadValue(cut.kind, payload, 0, stop, true, cut.offset);
        if (this.#failed) return -1;
        this.#emit(value);
        return pos;
    }

    /**
     * The value of a complete verbatim, bulk-error or (when cut across chunks) bulk payload.
     * `owned` means `buf` is the decoder's own copy, so a Buffer result may share it.
     */
    #payloadValue(kind: number, buf: Buffer, start: number, stop: number, owned: boolean, offset: number): RespValue {
        if (kind === PAYLOAD_ERROR) {
            const text = utf8Text(buf, start, stop);
            return typeof text === "string" ? serverError(text) : text;
        }
        if (kind === PAYLOAD_VERBATIM) {
            if (stop - start < 4 || buf[start + 3] !== 0x3a) {
                this.#fail("verbatim string without its 3-byte format and ':'", offset);
                return null;
            }
            start += 4;
        }
        if (!this.#replyAsBuffer) return this.#text(buf, start, stop);
        return owned ? buf.subarray(start, stop) : copyBytes(buf, start, stop);
    }

    /**
     * A bulk string as text, checked to be UTF-8 as GLIDE checks it. V8 turns bytes that are not
     * UTF-8 into U+FFFD, so a short text without one is valid (measured: ~7 ns per 100 chars);
     * past SIMD_CHECK_BYTES the bytes are checked natively instead, which costs less per byte.
     */
    #text(buf: Buffer, start: number, stop: number): RespValue {
        const text = utf8Text(buf, start, stop);
        if (typeof text !== "string" || this.#undecodable !== undefined) return text;
        const suspect = stop - start <= SIMD_CHECK_BYTES ? text.includes("\uFFFD") : !isUtf8(buf.subarray(start, stop));
        if (suspect) {
            const problem = utf8Problem(buf, start, stop);
            if (problem !== undefined) this.#undecodable = undecodableReply(problem);
        }
        return text;
    }

    #fail(message: string, offset: number): void {
        this.#failed = true;
        this.#handlers.onProtocolError(new ProtocolError(`RESP protocol error: ${message} at byte offset ${offset}`));
    }
}
