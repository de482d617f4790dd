/**
 * Shared helpers for the protocol tests: a decoder that records what it produced, a normal form
 * of RespValue for deep comparison, a seeded PRNG and a generator of random valid RESP frames.
 */
import { ProtocolError, RequestError, serverErrorText } from "../../../src/errors";
import { DecoderLimits, RespDecoder } from "../../../src/protocol/decoder";
import { RespAttributed, RespMap, RespValue } from "../../../src/protocol/types";

export type DecodeEvent =
    | { kind: "reply"; value: unknown }
    | { kind: "push"; value: unknown }
    | { kind: "error"; message: string };

/** A decoder wired to record its events in normal form. */
export class RecordingDecoder {
    readonly events: DecodeEvent[] = [];
    readonly decoder: RespDecoder;
    /** How many times bytesForNextReply was asked. */
    asked = 0;

    /** `bytesModes` answers bytesForNextReply in turn; once used up, `defaultBytes` is used. */
    constructor(
        private readonly bytesModes: boolean[] = [],
        private readonly defaultBytes = false,
        limits?: DecoderLimits,
    ) {
        this.decoder = new RespDecoder(
            {
                onReply: (value) => this.events.push({ kind: "reply", value: normalize(value) }),
                onPush: (items) => this.events.push({ kind: "push", value: normalize(items) }),
                bytesForNextReply: () => {
                    const mode = this.asked < this.bytesModes.length ? this.bytesModes[this.asked] : this.defaultBytes;
                    this.asked++;
                    return mode;
                },
                onProtocolError: (error: ProtocolError) => {
                    if (!(error instanceof ProtocolError)) throw new Error("not a ProtocolError");
                    this.events.push({ kind: "error", message: error.message });
                },
            },
            limits,
        );
    }

    feedAll(chunks: Iterable<Buffer>): DecodeEvent[] {
        for (const chunk of chunks) this.decoder.feed(chunk);
        return this.events;
    }

    get errors(): string[] {
        return this.events.flatMap((event) => (event.kind === "error" ? [event.message] : []));
    }
}

/** Decodes chunks with a fresh decoder; returns its events. */
export function decodeChunks(
    chunks: Iterable<Buffer>,
    bytesModes: boolean[] = [],
    defaultBytes = false,
    limits?: DecoderLimits,
): DecodeEvent[] {
    return new RecordingDecoder(bytesModes, defaultBytes, limits).feedAll(chunks);
}

/**
 * A comparable plain form of a decoded value: every kind is tagged so that, e.g., a string and a
 * Buffer with the same bytes, or a RespMap and an array, never compare equal.
 */
export function normalize(value: RespValue): unknown {
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Object.is(value, -0) ? { negativeZero: true } : value;
    if (typeof value === "bigint") return { bigint: value.toString() };
    if (Buffer.isBuffer(value)) return { buffer: value.toString("hex") };
    if (Array.isArray(value)) return value.map(normalize);
    if (value instanceof Set) return { set: [...value].map(normalize) };
    if (value instanceof RespMap) return { map: value.entries.map(normalize) };
    if (value instanceof RespAttributed) {
        return { attributed: normalize(value.value), attributes: normalize(value.attributes) };
    }
    // The server's own text: GLIDE's wording of it is the errors layer's business, tested there.
    if (value instanceof RequestError) return { error: serverErrorText(value) ?? value.message };
    if (value instanceof Error) return { undecodable: value.message };
    throw new Error(`not a RespValue: ${String(value)}`);
}

/** Mulberry32: a tiny seeded PRNG so that failures reproduce from the seed. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Splits `bytes` at `count` random points (duplicates allowed, so some chunks are empty). */
export function randomSplit(bytes: Buffer, count: number, random: () => number): Buffer[] {
    const points = Array.from({ length: count }, () => Math.floor(random() * (bytes.length + 1))).sort((a, b) => a - b);
    const chunks: Buffer[] = [];
    let previous = 0;
    for (const point of points) {
        chunks.push(bytes.subarray(previous, point));
        previous = point;
    }
    chunks.push(bytes.subarray(previous));
    return chunks;
}

export interface GeneratedFrame {
    bytes: Buffer;
    /** The value as the decoder should produce it. */
    value: RespValue;
}

/** Generates random valid RESP2/RESP3 frames along with the values they decode to. */
export class FrameGenerator {
    constructor(private readonly random: () => number) {}

    int(below: number): number {
        return Math.floor(this.random() * below);
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    /** One frame; `asBuffer` says how its bulk strings decode, `depth` bounds the nesting left. */
    value(asBuffer: boolean, depth: number): GeneratedFrame {
        const choice = this.int(depth > 0 ? 18 : 13);
        switch (choice) {
            case 0: {
                const text = this.lineText();
                return frame(`+${text}\r\n`, text);
            }
            case 1: {
                const text = this.lineText();
                return frame(`-${text}\r\n`, new RequestError(text));
            }
            case 2:
                return this.integer();
            case 3:
            case 4: {
                const payload = this.payload();
                const value = asBuffer ? Buffer.from(payload) : payload.toString("utf8");
                return frame(Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, CRLF]), value);
            }
            case 5:
                return this.pick([frame("$-1\r\n", null), frame("*-1\r\n", null), frame("_\r\n", null)]);
            case 6: {
                const flag = this.random() < 0.5;
                return frame(flag ? "#t\r\n" : "#f\r\n", flag);
            }
            case 7:
                return this.double();
            case 8: {
                const digits = this.digits(1 + this.int(40));
                const text = (this.random() < 0.5 ? "-" : "") + digits;
                return frame(`(${text}\r\n`, BigInt(text));
            }
            case 9: {
                const payload = this.payload();
                const format = this.pick(["txt", "mkd"]);
                const value = asBuffer ? Buffer.from(payload) : payload.toString("utf8");
                const header = Buffer.from(`=${payload.length + 4}\r\n${format}:`);
                return frame(Buffer.concat([header, payload, CRLF]), value);
            }
            case 10: {
                const payload = this.payload();
                const value = new RequestError(payload.toString("utf8"));
                return frame(Buffer.concat([Buffer.from(`!${payload.length}\r\n`), payload, CRLF]), value);
            }
            case 11:
                return this.pick([frame("*0\r\n", []), frame("%0\r\n", new RespMap([])), frame("~0\r\n", new Set())]);
            case 12:
                return frame(":0\r\n", 0);
            case 13:
            case 14: {
                const items = this.values(asBuffer, depth - 1, this.int(5));
                return aggregate("*", items.length, items, (values) => values);
            }
            case 15: {
                const entries = this.values(asBuffer, depth - 1, 2 * this.int(4));
                return aggregate("%", entries.length / 2, entries, (values) => new RespMap(values));
            }
            case 16: {
                const items = this.values(asBuffer, depth - 1, this.int(4));
                return aggregate("~", items.length, items, (values) => new Set(values));
            }
            default: {
                const attributes = this.values(asBuffer, depth - 1, 2 * this.int(3));
                const inner = this.value(asBuffer, depth - 1);
                const header = Buffer.from(`|${attributes.length / 2}\r\n`);
                return {
                    bytes: Buffer.concat([header, ...attributes.map((item) => item.bytes), inner.bytes]),
                    value: new RespAttributed(inner.value, new RespMap(attributes.map((item) => item.value))),
                };
            }
        }
    }

    /** A top-level push frame: its bulk strings decode as Buffers. */
    push(depth: number): GeneratedFrame {
        const kind = frame("$7\r\nmessage\r\n", Buffer.from("message"));
        const items = [kind, ...this.values(true, depth - 1, this.int(4))];
        return aggregate(">", items.length, items, (values) => values);
    }

    values(asBuffer: boolean, depth: number, count: number): GeneratedFrame[] {
        return Array.from({ length: count }, () => this.value(asBuffer, depth));
    }

    /** Bytes of random length (sometimes long), with CR and LF mixed in to test binary safety. */
    payload(): Buffer {
        const length = this.random() < 0.05 ? this.int(5000) : this.int(40);
        const alphabet = this.random() < 0.5 ? "ab\r\n€ü😀" : "abcdefghij";
        let text = "";
        while (Buffer.byteLength(text) < length) text += alphabet[this.int(alphabet.length)];
        return Buffer.from(text);
    }

    lineText(): string {
        const alphabet = "abc XYZ:-+*$0123456789ü";
        let text = "";
        for (let n = this.int(20); n > 0; n--) text += alphabet[this.int(alphabet.length)];
        return text;
    }

    digits(count: number): string {
        let text = String(1 + this.int(9));
        for (let n = 1; n < count; n++) text += String(this.int(10));
        return text;
    }

    integer(): GeneratedFrame {
        const kind = this.int(4);
        if (kind === 0) {
            const value = this.int(1000) - 500;
            return frame(`:${value}\r\n`, value);
        }
        if (kind === 1) {
            const value = Number.MAX_SAFE_INTEGER - this.int(1000);
            const signed = this.random() < 0.5 ? -value : value;
            return frame(`:${signed}\r\n`, signed);
        }
        const magnitude = BigInt(Number.MAX_SAFE_INTEGER) + 1n + BigInt(this.digits(1 + this.int(12)));
        const value = this.random() < 0.5 ? -magnitude : magnitude;
        return frame(`:${value}\r\n`, Number(value));
    }

    double(): GeneratedFrame {
        const special = this.int(8);
        if (special === 0) return this.pick([frame(",inf\r\n", Infinity), frame(",-inf\r\n", -Infinity)]);
        if (special === 1) return frame(",nan\r\n", NaN);
        const value = (this.random() - 0.5) * 10 ** (this.int(40) - 20);
        const text = String(value);
        return frame(`,${text}\r\n`, Number(text));
    }
}

const CRLF = Buffer.from("\r\n");

function frame(bytes: string | Buffer, value: RespValue): GeneratedFrame {
    return { bytes: typeof bytes === "string" ? Buffer.from(bytes) : bytes, value };
}

function aggregate(
    marker: string,
    count: number,
    items: GeneratedFrame[],
    build: (values: RespValue[]) => RespValue,
): GeneratedFrame {
    return {
        bytes: Buffer.concat([Buffer.from(`${marker}${count}\r\n`), ...items.map((item) => item.bytes)]),
        value: build(items.map((item) => item.value)),
    };
}

/** A stream of random top-level frames, with the events and byte modes that decode it. */
export function randomStream(random: () => number, replies: number, maxDepth = 4) {
    const generator = new FrameGenerator(random);
    const parts: Buffer[] = [];
    const expected: DecodeEvent[] = [];
    const bytesModes: boolean[] = [];
    for (let n = 0; n < replies; n++) {
        if (random() < 0.15) {
            const push = generator.push(maxDepth);
            parts.push(push.bytes);
            expected.push({ kind: "push", value: normalize(push.value) });
            continue;
        }
        const asBuffer = random() < 0.5;
        const reply = generator.value(asBuffer, maxDepth);
        bytesModes.push(asBuffer);
        parts.push(reply.bytes);
        expected.push({ kind: "reply", value: normalize(reply.value) });
    }
    return { bytes: Buffer.concat(parts), expected, bytesModes };
}
