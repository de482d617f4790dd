import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { RequestError, serverErrorText } from "../../../src/errors";
import { RespDecoder } from "../../../src/protocol/decoder";
import { RespAttributed, RespMap, RespValue } from "../../../src/protocol/types";
import { decodeChunks, normalize, RecordingDecoder } from "./resp-fixtures";

/** Decodes one whole input and returns the single reply it must hold. */
function decodeOne(input: string | Buffer, asBuffer = false): unknown {
    const events = decodeChunks([Buffer.from(input)], [], asBuffer);
    assert.equal(events.length, 1, `expected one event, got ${JSON.stringify(events)}`);
    assert.equal(events[0].kind, "reply", JSON.stringify(events[0]));
    return (events[0] as { value: unknown }).value;
}

function expectValue(input: string | Buffer, expected: RespValue, asBuffer = false): void {
    assert.deepEqual(decodeOne(input, asBuffer), normalize(expected));
}

function decodeError(input: string | Buffer): string {
    const errors = new RecordingDecoder().feedAll([Buffer.from(input)]).filter((event) => event.kind === "error");
    assert.equal(errors.length, 1, `expected one protocol error for ${JSON.stringify(String(input))}`);
    return (errors[0] as { message: string }).message;
}

describe("RespDecoder: RESP2 types", () => {
    it("decodes simple strings, always as strings", () => {
        expectValue("+OK\r\n", "OK");
        expectValue("+OK\r\n", "OK", true);
        expectValue("+\r\n", "");
        expectValue("+héllo wörld\r\n", "héllo wörld");
        expectValue("+O\r\n", "O");
        expectValue("+OKAY\r\n", "OKAY");
        expectValue("+Ok\r\n", "Ok");
        expectValue("-OK\r\n", new RequestError("OK"));
    });

    it("decodes errors as RequestError values, not thrown", () => {
        const raw: RespValue[] = [];
        const decoder = new RespDecoder({
            onReply: (reply) => raw.push(reply),
            onPush: () => assert.fail("no push expected"),
            bytesForNextReply: () => false,
            onProtocolError: (error) => assert.fail(error),
        });
        decoder.feed(Buffer.from("-ERR unknown command 'FOO'\r\n-WRONGTYPE Operation\r\n"));
        assert.equal(raw.length, 2);
        assert.ok(raw[0] instanceof RequestError);
        assert.equal(serverErrorText(raw[0]), "ERR unknown command 'FOO'");
        assert.equal(serverErrorText(raw[1]), "WRONGTYPE Operation");
        assert.equal((raw[0] as RequestError).message, "An error was signalled by the server: - ResponseError: unknown command 'FOO'");
        assert.equal((raw[1] as RequestError).message, "WRONGTYPE: Operation");
    });

    it("decodes integers as numbers, the nearest one beyond the safe range (as GLIDE)", () => {
        expectValue(":0\r\n", 0);
        expectValue(":-0\r\n", 0);
        expectValue(":+7\r\n", 7);
        expectValue(":-42\r\n", -42);
        expectValue(":1000000000000000\r\n", 1e15);
        expectValue(":9007199254740991\r\n", Number.MAX_SAFE_INTEGER);
        expectValue(":-9007199254740991\r\n", Number.MIN_SAFE_INTEGER);
        expectValue(":9007199254740992\r\n", 9007199254740992);
        expectValue(":-9007199254740993\r\n", -9007199254740992);
        expectValue(":9223372036854775807\r\n", 9223372036854775807);
        expectValue(":-9223372036854775808\r\n", -9223372036854775808);
        expectValue(":0000000000000000000042\r\n", 42);
    });

    it("decodes bulk strings as strings or Buffers, per reply", () => {
        expectValue("$5\r\nhello\r\n", "hello");
        expectValue("$5\r\nhello\r\n", Buffer.from("hello"), true);
        expectValue("$0\r\n\r\n", "");
        expectValue("$0\r\n\r\n", Buffer.alloc(0), true);
        expectValue("$-1\r\n", null);
        expectValue("$-1\r\n", null, true);
        expectValue(`$${Buffer.byteLength("€😀")}\r\n€😀\r\n`, "€😀");
    });

    it("keeps binary bulk strings intact, CR and LF included", () => {
        const payload = Buffer.from([0x00, 0x0d, 0x0a, 0xff, 0x0d, 0x0d, 0x0a, 0x0a, 0x24, 0x2a]);
        const input = Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from("\r\n")]);
        expectValue(input, payload, true);
    });

    it("returns Buffers that do not share the fed chunk's memory", () => {
        const chunk = Buffer.from("$3\r\nabc\r\n");
        const replies: RespValue[] = [];
        const decoder = new RespDecoder({
            onReply: (reply) => replies.push(reply),
            onPush: () => {},
            bytesForNextReply: () => true,
            onProtocolError: (error) => assert.fail(error),
        });
        decoder.feed(chunk);
        chunk.fill(0x21);
        assert.deepEqual(replies[0], Buffer.from("abc"));
    });

    it("decodes arrays: empty, null, nested, mixed", () => {
        expectValue("*0\r\n", []);
        expectValue("*-1\r\n", null);
        expectValue("*3\r\n:1\r\n$1\r\na\r\n+b\r\n", [1, "a", "b"]);
        expectValue("*2\r\n*0\r\n*2\r\n*-1\r\n$-1\r\n", [[], [null, null]]);
        expectValue("*1\r\n*1\r\n*1\r\n*1\r\n:5\r\n", [[[[5]]]]);
        expectValue("*2\r\n-ERR inner\r\n:1\r\n", [new RequestError("ERR inner"), 1]);
    });

    it("applies the reply's byte mode to every bulk string inside it", () => {
        expectValue("*2\r\n$1\r\na\r\n*1\r\n$1\r\nb\r\n", [Buffer.from("a"), [Buffer.from("b")]], true);
    });
});

describe("RespDecoder: RESP3 types", () => {
    it("decodes null, booleans", () => {
        expectValue("_\r\n", null);
        expectValue("#t\r\n", true);
        expectValue("#f\r\n", false);
    });

    it("decodes doubles, including inf, -inf and nan", () => {
        expectValue(",1.5\r\n", 1.5);
        expectValue(",-0.25\r\n", -0.25);
        expectValue(",10\r\n", 10);
        expectValue(",1e+21\r\n", 1e21);
        expectValue(",3.14E-5\r\n", 3.14e-5);
        expectValue(",.5\r\n", 0.5);
        expectValue(",inf\r\n", Infinity);
        expectValue(",+inf\r\n", Infinity);
        expectValue(",-inf\r\n", -Infinity);
        expectValue(",nan\r\n", NaN);
    });

    it("decodes big numbers as bigint", () => {
        expectValue("(3492890328409238509324850943850943825024385\r\n", 3492890328409238509324850943850943825024385n);
        expectValue("(-12\r\n", -12n);
        expectValue("(0\r\n", 0n);
    });

    it("decodes bulk errors as RequestError values", () => {
        expectValue("!21\r\nSYNTAX invalid syntax\r\n", new RequestError("SYNTAX invalid syntax"));
        expectValue("!0\r\n\r\n", new RequestError(""));
    });

    it("decodes verbatim strings without their format prefix", () => {
        expectValue("=15\r\ntxt:Some string\r\n", "Some string");
        expectValue("=15\r\ntxt:Some string\r\n", Buffer.from("Some string"), true);
        expectValue("=4\r\nmkd:\r\n", "");
        expectValue("=8\r\ntxt:\r\n\r\n\r\n", "\r\n\r\n");
    });

    it("decodes maps with flat entries", () => {
        expectValue("%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n", new RespMap(["first", 1, "second", 2]));
        expectValue("%0\r\n", new RespMap([]));
        expectValue("%1\r\n*1\r\n:1\r\n%1\r\n$1\r\nk\r\n_\r\n", new RespMap([[1], new RespMap(["k", null])]));
        const value = decodeOne("%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n");
        assert.deepEqual(value, { map: ["a", 1, "b", 2] });
    });

    it("decodes sets", () => {
        expectValue("~3\r\n+a\r\n:1\r\n#t\r\n", new Set<RespValue>(["a", 1, true]));
        expectValue("~0\r\n", new Set());
        expectValue("~2\r\n+dup\r\n+dup\r\n", new Set(["dup"]));
    });

    it("wraps a value that follows an attribute", () => {
        const input =
            "|1\r\n+key-popularity\r\n%2\r\n$1\r\na\r\n,0.1923\r\n$1\r\nb\r\n,0.0012\r\n" +
            "*2\r\n:2039123\r\n:9543892\r\n";
        const attributes = new RespMap(["key-popularity", new RespMap(["a", 0.1923, "b", 0.0012])]);
        expectValue(input, new RespAttributed([2039123, 9543892], attributes));
        expectValue("|0\r\n:1\r\n", new RespAttributed(1, new RespMap([])));
        const withTtl = new RespAttributed("v", new RespMap(["ttl", 3600]));
        expectValue("*2\r\n|1\r\n+ttl\r\n:3600\r\n+v\r\n:7\r\n", [withTtl, 7]);
    });

    it("delivers top-level pushes through onPush, with Buffer bulk strings", () => {
        const recorder = new RecordingDecoder([false, false]);
        const events = recorder.feedAll([
            Buffer.from("+before\r\n>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n>0\r\n$5\r\nafter\r\n"),
        ]);
        assert.deepEqual(events, [
            { kind: "reply", value: "before" },
            { kind: "push", value: normalize([Buffer.from("message"), Buffer.from("ch"), Buffer.from("hi")]) },
            { kind: "push", value: [] },
            { kind: "reply", value: "after" },
        ]);
        assert.equal(recorder.asked, 2, "bytesForNextReply is not asked for pushes");
    });

    it("decodes a push nested in an aggregate as a plain array", () => {
        expectValue("*1\r\n>1\r\n:1\r\n", [[1]]);
        expectValue("|1\r\n+a\r\n:1\r\n>1\r\n:2\r\n", new RespAttributed([2], new RespMap(["a", 1])));
    });
});

describe("RespDecoder: reply boundaries and byte modes", () => {
    it("asks bytesForNextReply once per top-level reply, at its start", () => {
        const recorder = new RecordingDecoder([true, false, true]);
        const events = recorder.feedAll([Buffer.from("*2\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n+OK\r\n$1\r\nd\r\n")]);
        assert.equal(recorder.asked, 4);
        assert.deepEqual(
            events.map((event) => (event as { value: unknown }).value),
            [normalize([Buffer.from("a"), Buffer.from("b")]), "c", "OK", "d"],
        );
    });

    it("decodes many replies from one chunk, in order", () => {
        const input = Buffer.from("+OK\r\n".repeat(1000) + ":1\r\n".repeat(1000));
        const events = decodeChunks([input]);
        assert.equal(events.length, 2000);
        assert.deepEqual(events[999], { kind: "reply", value: "OK" });
        assert.deepEqual(events[1999], { kind: "reply", value: 1 });
    });

    it("collects a bulk string spread over many chunks", () => {
        const payload = Buffer.alloc(3 * 1024 * 1024, "x");
        payload[0] = 0x0d;
        payload[payload.length - 1] = 0x0a;
        const input = Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from("\r\n+next\r\n")]);
        const chunks: Buffer[] = [];
        for (let offset = 0; offset < input.length; offset += 65536) {
            chunks.push(input.subarray(offset, offset + 65536));
        }
        const replies: RespValue[] = [];
        const decoder = new RespDecoder({
            onReply: (reply) => replies.push(reply),
            onPush: () => {},
            bytesForNextReply: () => true,
            onProtocolError: (error) => assert.fail(error),
        });
        for (const chunk of chunks) decoder.feed(chunk);
        assert.equal(replies.length, 2);
        assert.ok(payload.equals(replies[0] as Buffer));
        assert.equal(replies[1], "next");
    });

    it("decodes 100k-deep nesting without recursion when the limit allows it", () => {
        const depth = 100_000;
        const input = Buffer.from("*1\r\n".repeat(depth) + ":7\r\n");
        const replies: RespValue[] = [];
        const decoder = new RespDecoder(
            {
                onReply: (reply) => replies.push(reply),
                onPush: () => {},
                bytesForNextReply: () => false,
                onProtocolError: (error) => assert.fail(error),
            },
            { maxDepth: depth },
        );
        decoder.feed(input);
        let value = replies[0];
        for (let level = 0; level < depth; level++) {
            assert.ok(Array.isArray(value) && value.length === 1);
            value = (value as RespValue[])[0];
        }
        assert.equal(value, 7);
    });
});

describe("RespDecoder: reset and handlers", () => {
    it("drops partial state on reset()", () => {
        const recorder = new RecordingDecoder();
        recorder.decoder.feed(Buffer.from("*3\r\n:1\r\n$10\r\nabc"));
        recorder.decoder.reset();
        recorder.decoder.feed(Buffer.from("+fresh\r\n"));
        recorder.decoder.feed(Buffer.from("+li"));
        recorder.decoder.reset();
        recorder.decoder.feed(Buffer.from("+ne\r\n"));
        assert.deepEqual(recorder.events, [
            { kind: "reply", value: "fresh" },
            { kind: "reply", value: "ne" },
        ]);
    });

    it("stops decoding the chunk when a handler calls reset()", () => {
        const seen: RespValue[] = [];
        const decoder: RespDecoder = new RespDecoder({
            onReply: (reply) => {
                seen.push(reply);
                if (reply === "reset") decoder.reset();
            },
            onPush: () => {},
            bytesForNextReply: () => false,
            onProtocolError: (error) => assert.fail(error),
        });
        decoder.feed(Buffer.from("+a\r\n+reset\r\n+dropped\r\n"));
        decoder.feed(Buffer.from("+b\r\n"));
        assert.deepEqual(seen, ["a", "reset", "b"]);
    });

    it("lets a handler's exception out and then ignores input until reset()", () => {
        const seen: RespValue[] = [];
        const decoder = new RespDecoder({
            onReply: (reply) => {
                if (reply === "boom") throw new Error("handler failed");
                seen.push(reply);
            },
            onPush: () => {},
            bytesForNextReply: () => false,
            onProtocolError: (error) => assert.fail(error),
        });
        assert.throws(() => decoder.feed(Buffer.from("+a\r\n+boom\r\n+lost\r\n")), /handler failed/);
        decoder.feed(Buffer.from("+ignored\r\n"));
        decoder.reset();
        decoder.feed(Buffer.from("+c\r\n"));
        assert.deepEqual(seen, ["a", "c"]);
    });
});

describe("RespDecoder: malformed input", () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
        ["unknown type byte", "+OK\r\nX\r\n", /unknown type byte 'X' at byte offset 5/],
        ["non-digit in a length", "$1x\r\n", /expected CR, got 'x' at byte offset 2/],
        ["empty length", "*\r\n", /expected a length, got 0x0d at byte offset 1/],
        ["negative length", "$-2\r\n", /negative length other than -1 at byte offset 1/],
        ["negative aggregate length", "*-5\r\n", /negative length other than -1/],
        ["negative push length", ">-1\r\n", /negative length for '>'/],
        ["missing CRLF after payload", "$3\r\nabcd\r\n", /missing CRLF after a bulk payload at byte offset 7/],
        ["bare LF", "$3\nabc\r\n", /expected CR, got 0x0a at byte offset 2/],
        ["CR without LF", ":12\rx", /expected LF after CR, got 'x' at byte offset 4/],
        ["LF in a simple string", "+a\nb\r\n", /LF without CR inside a line at byte offset 2/],
        ["bad boolean", "#x\r\n", /bad boolean 'x'/],
        ["boolean with extra bytes", "#tt\r\n", /expected CR, got 't'/],
        ["bad null", "_x\r\n", /expected CR, got 'x'/],
        ["bad double", ",1.2.3\r\n", /bad double "1.2.3"/],
        ["empty double", ",\r\n", /bad double ""/],
        ["hex double", ",0x10\r\n", /bad double/],
        ["bad big number", "(12a\r\n", /bad big number "12a"/],
        ["bad integer", ":abc\r\n", /expected an integer, got 'a'/],
        ["verbatim without format", "=3\r\nabc\r\n", /verbatim string without its 3-byte format/],
        ["huge length", "$99999999999999999\r\n", /length too large/],
    ];
    for (const [name, input, pattern] of cases) {
        it(`reports ${name}`, () => {
            assert.match(decodeError(input), pattern);
        });
    }

    it("enforces the limits", () => {
        const limits = { maxBulkLength: 10, maxAggregateLength: 3, maxDepth: 2 };
        const check = (input: string, pattern: RegExp) => {
            const recorder = new RecordingDecoder([], false, limits);
            recorder.feedAll([Buffer.from(input)]);
            assert.equal(recorder.errors.length, 1);
            assert.match(recorder.errors[0], pattern);
        };
        check("$11\r\n", /bulk length 11 exceeds the limit of 10 at byte offset 0/);
        check("%4\r\n", /aggregate length 4 exceeds the limit of 3/);
        check("*1\r\n*1\r\n*1\r\n:1\r\n", /nesting deeper than 2 at byte offset 8/);
        check("|1\r\n+a\r\n*1\r\n*1\r\n:1\r\n", /nesting deeper than 2/);
        const fine = new RecordingDecoder([], false, limits);
        assert.deepEqual(fine.feedAll([Buffer.from("$10\r\n0123456789\r\n*1\r\n*3\r\n:1\r\n:2\r\n:3\r\n")]), [
            { kind: "reply", value: "0123456789" },
            { kind: "reply", value: [[1, 2, 3]] },
        ]);
    });

    it("fails a 100k-deep nesting with a protocol error, not a stack overflow", () => {
        const recorder = new RecordingDecoder();
        recorder.feedAll([Buffer.from("*1\r\n".repeat(100_000) + ":1\r\n")]);
        assert.equal(recorder.events.length, 1);
        assert.match(recorder.errors[0], /nesting deeper than 512 at byte offset 2048/);
    });

    it("caps a line that never ends, even across chunks", () => {
        const integer = new RecordingDecoder();
        integer.decoder.feed(Buffer.from(":12"));
        for (let i = 0; i < 100; i++) integer.decoder.feed(Buffer.alloc(100, "3"));
        assert.deepEqual(integer.errors, ["RESP protocol error: line longer than 1024 bytes at byte offset 0"]);

        const length = new RecordingDecoder();
        length.feedAll([Buffer.from("+OK\r\n$12"), ...Array.from({ length: 100 }, () => Buffer.alloc(100, "3"))]);
        assert.deepEqual(length.errors, ["RESP protocol error: length too large at byte offset 6"]);

        const simple = new RecordingDecoder([], false, { maxBulkLength: 10 });
        simple.feedAll([Buffer.from("+0123456\r\n+01234567"), Buffer.from("\r\n")]);
        assert.deepEqual(simple.events, [
            { kind: "reply", value: "0123456" },
            { kind: "error", message: "RESP protocol error: line longer than 10 bytes at byte offset 10" },
        ]);
    });

    it("reports offsets across chunks", () => {
        const recorder = new RecordingDecoder();
        recorder.feedAll([Buffer.from("+OK\r\n$3\r\nab"), Buffer.from("cd"), Buffer.from("\r\n")]);
        assert.equal(recorder.errors.length, 1);
        assert.match(recorder.errors[0], /missing CRLF after a bulk payload at byte offset 12/);
    });

    it("ignores everything after an error until reset()", () => {
        const recorder = new RecordingDecoder();
        recorder.feedAll([Buffer.from("+a\r\n?oops\r\n+b\r\n"), Buffer.from("+c\r\n")]);
        assert.deepEqual(
            recorder.events.map((event) => event.kind),
            ["reply", "error"],
        );
        recorder.decoder.reset();
        recorder.decoder.feed(Buffer.from("+d\r\n"));
        assert.deepEqual(recorder.events.at(-1), { kind: "reply", value: "d" });
    });
});
