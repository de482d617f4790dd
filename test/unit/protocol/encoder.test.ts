import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { RespDecoder } from "../../../src/protocol/decoder";
import { CommandWriter, encodeCommand } from "../../../src/protocol/encoder";
import { CommandArg, RespValue } from "../../../src/protocol/types";
import { seededRandom } from "./resp-fixtures";

/** The expected encoding, built the obvious (slow) way. */
function reference(args: readonly CommandArg[]): Buffer {
    const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
    for (const arg of args) {
        const bytes = typeof arg === "number" ? Buffer.from(String(arg)) : Buffer.from(arg);
        parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
    }
    return Buffer.concat(parts);
}

function assertEncodes(args: readonly CommandArg[], expected: string | Buffer): void {
    const bytes = typeof expected === "string" ? Buffer.from(expected, "latin1") : expected;
    assert.deepEqual(encodeCommand(args), bytes);
    const writer = new CommandWriter(128);
    writer.write(args);
    assert.deepEqual(writer.take(), bytes);
}

/** Decodes a stream of commands with the decoder, bulk strings as Buffers. */
function decodeCommands(bytes: Buffer): RespValue[] {
    const replies: RespValue[] = [];
    const decoder = new RespDecoder({
        onReply: (reply) => replies.push(reply),
        onPush: () => assert.fail("no push expected"),
        bytesForNextReply: () => true,
        onProtocolError: (error) => assert.fail(error),
    });
    decoder.feed(bytes);
    return replies;
}

describe("encodeCommand", () => {
    it("encodes ASCII strings", () => {
        assertEncodes(["PING"], "*1\r\n$4\r\nPING\r\n");
        assertEncodes(["SET", "key", "value"], "*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n");
        assertEncodes(["ECHO", ""], "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n");
        assertEncodes([], "*0\r\n");
    });

    it("encodes strings as UTF-8, counting bytes not characters", () => {
        assertEncodes(["é"], reference(["é"]));
        assertEncodes(["k€y", "😀"], "*2\r\n$5\r\nk\xe2\x82\xacy\r\n$4\r\n\xf0\x9f\x98\x80\r\n");
        assertEncodes(["\ud800"], "*1\r\n$3\r\n\xef\xbf\xbd\r\n");
        // Long strings take other paths, with the header sized before or after the payload.
        for (const length of [47, 48, 49, 64, 200, 333, 334, 400, 999, 5000, 100_000]) {
            for (const unit of ["a", "é", "€", "😀", "a\r\n"]) {
                const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
                assertEncodes(["SET", text], reference(["SET", text]));
                assertEncodes([text, "x" + text], reference([text, "x" + text]));
            }
        }
    });

    it("copies Buffers as they are, binary included", () => {
        const binary = Buffer.from([0, 1, 0x0d, 0x0a, 0xff, 0x80]);
        assertEncodes([binary], Buffer.concat([Buffer.from("*1\r\n$6\r\n"), binary, Buffer.from("\r\n")]));
        assertEncodes([Buffer.alloc(0)], "*1\r\n$0\r\n\r\n");
        const big = ["SET", Buffer.from("k"), Buffer.alloc(70_000, 7)];
        assertEncodes(big, reference(big));
    });

    it("writes numbers in decimal", () => {
        assertEncodes(
            [0, 7, -3, 10, 99, 100, 12345],
            "*7\r\n$1\r\n0\r\n$1\r\n7\r\n$2\r\n-3\r\n$2\r\n10\r\n$2\r\n99\r\n$3\r\n100\r\n$5\r\n12345\r\n",
        );
        assertEncodes([1.5, -0.25], "*2\r\n$3\r\n1.5\r\n$5\r\n-0.25\r\n");
        const extremes = reference(["9007199254740991", "-9007199254740991"]);
        assertEncodes([Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER], extremes);
        assertEncodes([2 ** 53, 1e21, 5e-7], reference(["9007199254740992", "1e+21", "5e-7"]));
        assertEncodes([Infinity, -Infinity], "*2\r\n$3\r\ninf\r\n$4\r\n-inf\r\n");
        assertEncodes([-0], "*1\r\n$1\r\n0\r\n");
        for (let n = 1; n < 1e16; n *= 10) {
            for (const value of [n - 1, n, n + 1, -n]) assertEncodes([value], reference([value]));
        }
    });

    it("rejects other argument types and leaves the writer as it was", () => {
        const writer = new CommandWriter(128);
        writer.write(["PING"]);
        const before = writer.pendingBytes;
        assert.throws(() => writer.write(["SET", "x".repeat(500), undefined as unknown as string]), TypeError);
        assert.throws(() => writer.write([{} as unknown as string]), /argument 0 is an object/);
        assert.equal(writer.pendingBytes, before);
        writer.write(["PING"]);
        assert.deepEqual(writer.take(), Buffer.from("*1\r\n$4\r\nPING\r\n".repeat(2)));
    });

    it("handles a 100 MB argument", () => {
        const big = Buffer.allocUnsafe(100 * 1024 * 1024);
        big[0] = 1;
        big[big.length - 1] = 2;
        const writer = new CommandWriter();
        writer.write(["SET", "k", big]);
        const bytes = writer.take() as Buffer;
        const header = `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${big.length}\r\n`;
        assert.equal(bytes.length, header.length + big.length + 2);
        assert.equal(bytes.subarray(0, header.length).toString(), header);
        assert.equal(bytes[header.length], 1);
        assert.equal(bytes[bytes.length - 3], 2);
        assert.equal(bytes.subarray(-2).toString(), "\r\n");
    });
});

describe("CommandWriter", () => {
    it("returns null from take() when nothing was written", () => {
        const writer = new CommandWriter();
        assert.equal(writer.take(), null);
        writer.write(["PING"]);
        assert.equal(writer.pendingBytes, 14);
        assert.ok(writer.take());
        assert.equal(writer.pendingBytes, 0);
        assert.equal(writer.take(), null);
    });

    it("batches every write since the last take()", () => {
        const writer = new CommandWriter(64);
        writer.write(["GET", "a"]);
        writer.writeRaw(Buffer.from("*1\r\n$4\r\nPING\r\n"));
        writer.write(["GET", "b"]);
        const expected = Buffer.concat([reference(["GET", "a"]), reference(["PING"]), reference(["GET", "b"])]);
        assert.deepEqual(writer.take(), expected);
    });

    it("writeAll writes every frame or none: a bad argument rolls back the frames before it", () => {
        const writer = new CommandWriter(64);
        writer.write(["GET", "a"]);
        const frames = [["MULTI"], ["SET", "k", "x".repeat(500)], ["GET", undefined as unknown as string], ["EXEC"]];
        assert.throws(() => writer.writeAll(frames), /argument 1 is of type undefined/);
        writer.writeAll([["MULTI"], ["EXEC"]]);
        assert.deepEqual(writer.take(), Buffer.concat([reference(["GET", "a"]), reference(["MULTI"]), reference(["EXEC"])]));
    });

    it("never overwrites a region it handed out, through any amount of growth", () => {
        const writer = new CommandWriter(256);
        const taken: Array<{ region: Buffer; copy: Buffer }> = [];
        const random = seededRandom(7);
        let written = 0;
        for (let round = 0; round < 300; round++) {
            const commands = 1 + Math.floor(random() * 5);
            written += commands;
            for (let n = 0; n < commands; n++) {
                const size = random() < 0.1 ? Math.floor(random() * 5000) : Math.floor(random() * 60);
                writer.write(["SET", `key:${round}:${n}`, "v".repeat(size)]);
            }
            const region = writer.take() as Buffer;
            taken.push({ region, copy: Buffer.from(region) });
        }
        for (const [index, { region, copy }] of taken.entries()) {
            assert.ok(region.equals(copy), `region ${index} was overwritten`);
        }
        const all = Buffer.concat(taken.map(({ region }) => region));
        assert.equal(decodeCommands(all).length, written);
    });

    it("keeps the first region intact after writes that force a new buffer", () => {
        const writer = new CommandWriter(64);
        writer.write(["SET", "first", "value"]);
        const first = writer.take() as Buffer;
        const expected = reference(["SET", "first", "value"]);
        for (let n = 0; n < 1000; n++) writer.write(["SET", `key:${n}`, "x".repeat(100)]);
        writer.write([Buffer.alloc(200_000, 1)]);
        const rest = writer.take() as Buffer;
        assert.deepEqual(first, expected);
        assert.equal(decodeCommands(rest).length, 1001);
    });

    it("round-trips random commands through the decoder", () => {
        const random = seededRandom(99);
        const alphabet = ["a", "Z", "0", " ", "\r", "\n", "é", "€", "😀", "\u0000"];
        const writer = new CommandWriter(512);
        const expected: Buffer[][] = [];
        for (let n = 0; n < 500; n++) {
            const args: CommandArg[] = [];
            const count = Math.floor(random() * 6);
            for (let i = 0; i < count; i++) {
                const kind = Math.floor(random() * 3);
                if (kind === 0) {
                    let text = "";
                    const length = random() < 0.1 ? Math.floor(random() * 400) : Math.floor(random() * 20);
                    for (let c = 0; c < length; c++) text += alphabet[Math.floor(random() * alphabet.length)];
                    args.push(text);
                } else if (kind === 1) {
                    const length = Math.floor(random() * 50);
                    args.push(Buffer.from(Array.from({ length }, () => Math.floor(random() * 256))));
                } else {
                    args.push(random() < 0.5 ? Math.floor((random() - 0.5) * 1e12) : (random() - 0.5) * 1000);
                }
            }
            writer.write(args);
            expected.push(args.map((arg) => (typeof arg === "number" ? Buffer.from(String(arg)) : Buffer.from(arg))));
        }
        const decoded = decodeCommands(writer.take() as Buffer);
        assert.deepEqual(decoded, expected);
    });
});
