/**
 * Micro-benchmark of the RESP codec. After compiling: node build-test/bench/micro/codec.js
 * Prints operations (replies decoded, commands encoded) per second for each case.
 */
import { RespDecoder } from "../../src/protocol/decoder";
import { CommandWriter } from "../../src/protocol/encoder";
import { RespValue } from "../../src/protocol/types";

const BATCH = 1000;
const WARMUP_MS = 300;
const MEASURE_MS = 1500;

/** Runs `batch` (which performs BATCH operations) repeatedly; returns operations per second. */
function measure(batch: () => void): number {
    const warmupEnd = Date.now() + WARMUP_MS;
    while (Date.now() < warmupEnd) batch();
    let batches = 0;
    const start = process.hrtime.bigint();
    const deadline = Date.now() + MEASURE_MS;
    while (Date.now() < deadline) {
        for (let i = 0; i < 10; i++) batch();
        batches += 10;
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return (batches * BATCH) / seconds;
}

/**
 * One decoder and one set of handlers serve every decoding case, as in a client, so that the
 * handler call sites see a single target whichever case runs first.
 */
let replies = 0;
let sink: RespValue = null;
let repliesAsBuffers = false;
const decoder = new RespDecoder({
    onReply: (value) => {
        replies++;
        sink = value;
    },
    onPush: () => {},
    bytesForNextReply: () => repliesAsBuffers,
    onProtocolError: (error) => {
        throw error;
    },
});

function decoderCase(chunk: Buffer, asBuffer: boolean): () => void {
    return () => {
        repliesAsBuffers = asBuffer;
        replies = 0;
        decoder.feed(chunk);
        if (replies !== BATCH || sink === null) throw new Error(`decoded ${replies} replies`);
    };
}

function encoderCase(): () => void {
    const writer = new CommandWriter();
    const value = "v".repeat(100);
    const keys = Array.from({ length: BATCH }, (_, n) => `key:${n}`);
    return () => {
        for (let n = 0; n < BATCH; n++) writer.write(["SET", keys[n], value]);
        if (writer.take() === null) throw new Error("nothing encoded");
    };
}

function report(name: string, opsPerSecond: number): void {
    const formatted = Math.round(opsPerSecond).toLocaleString("en-US").padStart(14);
    console.log(`${name.padEnd(52)} ${formatted} ops/s`);
}

const bulkChunk = Buffer.from(`$100\r\n${"x".repeat(100)}\r\n`.repeat(BATCH));
const okChunk = Buffer.from("+OK\r\n".repeat(BATCH));

console.log(`node ${process.version}; one op = one reply decoded or one command encoded`);
report("decode 1000 x $100 bulk replies, as strings", measure(decoderCase(bulkChunk, false)));
report("decode 1000 x $100 bulk replies, as Buffers", measure(decoderCase(bulkChunk, true)));
report("decode 1000 x +OK replies", measure(decoderCase(okChunk, false)));
report("encode 1000 x SET key:<n> <100-byte value>", measure(encoderCase()));
