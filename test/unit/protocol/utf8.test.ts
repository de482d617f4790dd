import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { utf8Problem } from "../../../src/protocol/decoder-values";
import { decodeChunks } from "./resp-fixtures";

const hex = (text: string) => Buffer.from(text.replace(/ /g, ""), "hex");
const problem = (bytes: Buffer) => utf8Problem(bytes, 0, bytes.length);

describe("UTF-8 checks in Rust's words (GLIDE's decoding errors)", () => {
    it("accepts UTF-8, U+FFFD itself included", () => {
        for (const text of ["", "plain", "héllo", "€", "😀", "\uFFFD", "a\u0000b"]) assert.equal(problem(Buffer.from(text)), undefined, text);
    });

    it("names the first invalid sequence, its length and where it starts", () => {
        assert.equal(problem(hex("00 ff fe 80 0d 0a")), "invalid utf-8 sequence of 1 bytes from index 1");
        assert.equal(problem(hex("61 80")), "invalid utf-8 sequence of 1 bytes from index 1");
        assert.equal(problem(hex("c0 80")), "invalid utf-8 sequence of 1 bytes from index 0");
        assert.equal(problem(hex("c3 41")), "invalid utf-8 sequence of 1 bytes from index 0");
        assert.equal(problem(hex("e0 80 80")), "invalid utf-8 sequence of 1 bytes from index 0");
        assert.equal(problem(hex("ed a0 80")), "invalid utf-8 sequence of 1 bytes from index 0");
        assert.equal(problem(hex("e2 82 41")), "invalid utf-8 sequence of 2 bytes from index 0");
        assert.equal(problem(hex("f4 90 80 80")), "invalid utf-8 sequence of 1 bytes from index 0");
        assert.equal(problem(hex("f0 9f 98 41")), "invalid utf-8 sequence of 3 bytes from index 0");
        assert.equal(problem(hex("f5 80 80 80")), "invalid utf-8 sequence of 1 bytes from index 0");
    });

    it("tells a sequence cut off by the end apart", () => {
        assert.equal(problem(hex("61 c3")), "incomplete utf-8 byte sequence from index 1");
        assert.equal(problem(hex("e2 82")), "incomplete utf-8 byte sequence from index 0");
        assert.equal(problem(hex("f0 9f 98")), "incomplete utf-8 byte sequence from index 0");
    });

    it("makes the whole reply one error when strings were asked for, however the input is split", () => {
        const input = Buffer.concat([Buffer.from("*3\r\n$2\r\nok\r\n$3\r\n"), hex("61 ff 62"), Buffer.from("\r\n$1\r\nz\r\n:7\r\n")]);
        const whole = decodeChunks([input]);
        assert.equal(whole.length, 2);
        assert.match(JSON.stringify(whole[0]), /Decoding error: 'Error: invalid utf-8 sequence of 1 bytes from index 1'/);
        assert.deepEqual(whole[1], { kind: "reply", value: 7 });
        for (let cut = 1; cut < input.length; cut++) {
            assert.deepEqual(decodeChunks([input.subarray(0, cut), input.subarray(cut)]), whole, `cut at ${cut}`);
        }
        // Read as bytes, the same reply is fine.
        assert.deepEqual(decodeChunks([input], [], true)[0].kind, "reply");
    });
});
