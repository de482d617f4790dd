import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { DecodeEvent, decodeChunks, randomSplit, randomStream, seededRandom } from "./resp-fixtures";

/** Keeps a mutated length from making each run allocate hundreds of megabytes. */
const FUZZ_LIMITS = { maxBulkLength: 1 << 20, maxAggregateLength: 1 << 20, maxDepth: 64 };
/** Bytes that mean something in RESP, so garbage made of them gets past the first byte. */
const RESP_ALPHABET = Buffer.from("$*:+-_#,(=!%~|>\r\n\r\n0123456789-1tfinax");

function mutate(input: Buffer, random: () => number): Buffer {
    let bytes = Buffer.from(input);
    const mutations = 1 + Math.floor(random() * 3);
    for (let n = 0; n < mutations && bytes.length > 0; n++) {
        const at = Math.floor(random() * bytes.length);
        const byte =
            random() < 0.5 ? Math.floor(random() * 256) : RESP_ALPHABET[Math.floor(random() * RESP_ALPHABET.length)];
        switch (Math.floor(random() * 5)) {
            case 0:
                bytes[at] = byte;
                break;
            case 1:
                bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]);
                break;
            case 2:
                bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
                break;
            case 3:
                bytes = bytes.subarray(0, at);
                break;
            default: {
                const length = Math.floor(random() * 20);
                const repeated = bytes.subarray(at, at + length);
                bytes = Buffer.concat([bytes.subarray(0, at + length), repeated, bytes.subarray(at + length)]);
            }
        }
    }
    return bytes;
}

function randomBytes(random: () => number, length: number, alphabet?: Buffer): Buffer {
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
        bytes[i] = alphabet ? alphabet[Math.floor(random() * alphabet.length)] : Math.floor(random() * 256);
    }
    return bytes;
}

/** At most one protocol error, and nothing after it. */
function assertWellBehaved(events: DecodeEvent[], context: string): void {
    const errorAt = events.findIndex((event) => event.kind === "error");
    assert.ok(errorAt === -1 || errorAt === events.length - 1, `${context}: events after a protocol error`);
}

/** Decoding is independent of chunking, for any input: same events, same error, same offset. */
function assertSplitInvariant(input: Buffer, random: () => number, rounds: number, context: string): void {
    const whole = decodeChunks([input], [], false, FUZZ_LIMITS);
    assertWellBehaved(whole, context);
    for (let round = 0; round < rounds; round++) {
        const chunks = randomSplit(input, 1 + Math.floor(random() * 12), random);
        assert.deepEqual(decodeChunks(chunks, [], false, FUZZ_LIMITS), whole, `${context}, split round ${round}`);
    }
}

describe("RespDecoder: fuzz", () => {
    it("decodes random valid streams, whole and split at random points", () => {
        for (let seed = 1; seed <= 300; seed++) {
            const random = seededRandom(seed);
            const { bytes, expected, bytesModes } = randomStream(random, 20);
            assert.deepEqual(decodeChunks([bytes], bytesModes), expected, `seed ${seed}, whole`);
            for (let round = 0; round < 5; round++) {
                const chunks = randomSplit(bytes, 1 + Math.floor(random() * 25), random);
                assert.deepEqual(decodeChunks(chunks, bytesModes), expected, `seed ${seed}, round ${round}`);
            }
            if (seed % 25 === 0) {
                const bytewise = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
                assert.deepEqual(decodeChunks(bytewise, bytesModes), expected, `seed ${seed}, byte by byte`);
            }
        }
    });

    it("handles mutated streams: no throw, at most one error, same result however split", () => {
        for (let seed = 1; seed <= 400; seed++) {
            const random = seededRandom(1000 + seed);
            const { bytes } = randomStream(random, 8);
            assertSplitInvariant(mutate(bytes, random), random, 4, `mutation seed ${1000 + seed}`);
        }
    });

    it("handles random garbage: no throw, at most one error, same result however split", () => {
        for (let seed = 1; seed <= 400; seed++) {
            const random = seededRandom(5000 + seed);
            const length = Math.floor(random() * 300);
            const alphabet = seed % 2 === 0 ? RESP_ALPHABET : undefined;
            assertSplitInvariant(randomBytes(random, length, alphabet), random, 3, `garbage seed ${5000 + seed}`);
        }
    });

    it("ignores all input after a protocol error, whatever follows", () => {
        const random = seededRandom(42);
        for (let n = 0; n < 100; n++) {
            const { bytes } = randomStream(random, 5);
            const events = decodeChunks([Buffer.from("?"), bytes, Buffer.from("+OK\r\n")]);
            assert.equal(events.length, 1);
            assert.equal(events[0].kind, "error");
        }
    });
});
