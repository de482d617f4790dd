import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DecodeEvent, decodeChunks } from "./resp-fixtures";

/** One of every RESP2 and RESP3 frame kind, edge cases included. */
const EVERY_KIND = [
    "+OK\r\n",
    "+\r\n",
    "-ERR wrong\r\n",
    ":0\r\n",
    ":-123\r\n",
    ":9223372036854775807\r\n",
    "$5\r\nhello\r\n",
    "$0\r\n\r\n",
    "$-1\r\n",
    "$6\r\na\r\nb\r\n\r\n",
    "*0\r\n",
    "*-1\r\n",
    "*3\r\n:1\r\n*2\r\n$1\r\nx\r\n_\r\n%1\r\n+k\r\n#f\r\n",
    "_\r\n",
    "#t\r\n",
    ",3.25\r\n",
    ",-inf\r\n",
    ",nan\r\n",
    "(-18446744073709551616\r\n",
    "!9\r\nERR bulky\r\n",
    "=9\r\ntxt:hello\r\n",
    "%2\r\n$1\r\na\r\n:1\r\n+b\r\n~2\r\n:1\r\n:2\r\n",
    "~1\r\n(5\r\n",
    ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$4\r\nbody\r\n",
    "|1\r\n+ttl\r\n:10\r\n$1\r\nv\r\n",
    "*2\r\n|1\r\n+a\r\n_\r\n:1\r\n:2\r\n",
    "$3\r\n€\r\n",
].join("");

/** Byte modes for the non-push replies above, alternating so both paths get split. */
const MODES = Array.from({ length: 40 }, (_, index) => index % 2 === 0);

const MALFORMED = [
    "+OK\r\n$3\r\nabcd\r\n",
    "*2\r\n:1\r\n:2x\r\n",
    "=3\r\nabc\r\n+more\r\n",
    "+a\r\n,1.2.3\r\n",
    "+fine\r\n%1\r\n+k\r\n#maybe\r\n",
    ":1\r\n$-2\r\n",
    "+a\nb\r\n",
    "*1\r\n*1\r\n>-1\r\n",
];

function splitAt(input: Buffer, ...points: number[]): Buffer[] {
    const chunks: Buffer[] = [];
    let previous = 0;
    for (const point of points) {
        chunks.push(input.subarray(previous, point));
        previous = point;
    }
    chunks.push(input.subarray(previous));
    return chunks;
}

function byteByByte(input: Buffer): Buffer[] {
    return Array.from({ length: input.length }, (_, index) => input.subarray(index, index + 1));
}

function assertSameAtEverySplit(input: Buffer, expected: DecodeEvent[], modes: boolean[]): void {
    for (let point = 0; point <= input.length; point++) {
        assert.deepEqual(decodeChunks(splitAt(input, point), modes), expected, `split at byte ${point}`);
    }
    assert.deepEqual(decodeChunks(byteByByte(input), modes), expected, "byte by byte");
}

describe("RespDecoder: chunk boundaries", () => {
    const input = Buffer.from(EVERY_KIND);
    const expected = decodeChunks([input], MODES);

    it("decodes the reference input whole", () => {
        assert.equal(expected.length, 27);
        assert.ok(expected.every((event) => event.kind !== "error"));
    });

    it("gives identical results when split at any byte, or byte by byte", () => {
        assertSameAtEverySplit(input, expected, MODES);
    });

    it("gives identical results when split at any two bytes", () => {
        const sample = input.subarray(0, 160);
        const sampleExpected = decodeChunks([sample], MODES);
        for (let first = 0; first <= sample.length; first++) {
            for (let second = first; second <= sample.length; second++) {
                const events = decodeChunks(splitAt(sample, first, second), MODES);
                assert.deepEqual(events, sampleExpected, `split at bytes ${first} and ${second}`);
            }
        }
    });

    it("splits a bulk string whose payload holds CRLF at every byte", () => {
        const payload = "\r\n$3\r\n\r\n*1\r\n";
        const bulk = Buffer.from(`$${payload.length}\r\n${payload}\r\n:1\r\n`);
        assertSameAtEverySplit(bulk, decodeChunks([bulk], [true, true]), [true, true]);
        assertSameAtEverySplit(bulk, decodeChunks([bulk], [false, false]), [false, false]);
    });

    it("reports the same protocol error, offset included, wherever malformed input is split", () => {
        for (const text of MALFORMED) {
            const malformed = Buffer.from(text);
            const whole = decodeChunks([malformed]);
            assert.equal(whole.at(-1)?.kind, "error", text);
            assertSameAtEverySplit(malformed, whole, []);
        }
    });
});
