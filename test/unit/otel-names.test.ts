/** Span names and db.query.text: GLIDE's RequestType names, and masking as GLIDE 2.5.2 masks (measured). */
import assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";

import { REQUEST_TYPE_NAMES } from "../../src/observability/otel-request-types";
import { maskedQueryText, operationName } from "../../src/observability/otel-query-text";
import { spanNameOf } from "../../src/observability/otel-span-names";

describe("OpenTelemetry span names", () => {
    it("are the names of GLIDE's RequestType enum", () => {
        const protobuf = require(path.resolve("node_modules/@valkey/valkey-glide/build-ts/ProtobufMessage.js"));
        const glide = Object.keys(protobuf.command_request.RequestType).filter((key) => Number.isNaN(Number(key)));
        assert.deepEqual([...REQUEST_TYPE_NAMES], glide);
    });

    it("come from the argv, subcommands included", () => {
        const cases: [(string | number)[], string][] = [
            [["GET", "k"], "Get"],
            [["SET", "k", "v"], "Set"],
            [["HGETALL", "h"], "HGetAll"],
            [["MGET", "a", "b"], "MGet"],
            [["INFO"], "Info"],
            [["DBSIZE"], "DBSize"],
            [["FLUSHDB"], "FlushDB"],
            [["CLIENT", "GETNAME"], "ClientGetName"],
            [["CONFIG", "GET", "maxmemory"], "ConfigGet"],
            [["OBJECT", "ENCODING", "k"], "ObjectEncoding"],
            [["XINFO", "STREAM", "s"], "XInfoStream"],
            [["PUBSUB", "SHARDCHANNELS"], "PubSubShardChannels"],
            [["BITFIELD_RO", "k"], "BitFieldReadOnly"],
            [["FCALL_RO", "f", 0], "FCallReadOnly"],
            [["MEMORY", "MALLOC-STATS"], "MemoryMallocStats"],
            [["COMMAND"], "Command_"],
            [["GETDEL", "k"], "GetDel"],
            // A key that spells a command after GET must not change the name.
            [["GET", "del"], "Get"],
            [["NOSUCHCOMMAND"], "CustomCommand"],
        ];
        for (const [args, name] of cases) assert.equal(spanNameOf(args), name, args.join(" "));
    });
});

describe("OpenTelemetry db.query.text", () => {
    it("masks values as GLIDE does", () => {
        // Each pair was read back from GLIDE 2.5.2's file exporter.
        const cases: [(string | number)[], string][] = [
            [["SET", "k", "v"], "SET k ?"],
            [["SET", "k", "v", "EX", 10], "SET k ? ? ?"],
            [["GET", "k"], "GET k"],
            [["MGET", "a", "b"], "MGET a b"],
            [["MSET", "a", "1", "b", "2"], "MSET a ? b ?"],
            [["HSET", "h", "f", "v", "g", "w"], "HSET h f ? g ?"],
            [["LPUSH", "k", "x"], "LPUSH k ?"],
            [["ZADD", "z", 1, "m"], "ZADD z ? ?"],
            [["XADD", "s", "*", "f", "v"], "XADD s ? ? ?"],
            [["LRANGE", "l", 0, -1], "LRANGE l 0 -1"],
            [["EXPIRE", "a", 10], "EXPIRE a 10"],
            [["SELECT", 0], "SELECT 0"],
            [["HINCRBY", "h", "f", 2], "HINCRBY h f 2"],
            [["OBJECT", "ENCODING", "k2"], "OBJECT ENCODING k2"],
            [["PUBLISH", "ch", "msg"], "PUBLISH ch ?"],
            [["ECHO", "hello"], "ECHO ?"],
            [["CLIENT", "SETNAME", "nm"], "CLIENT ? ?"],
            [["CONFIG", "GET", "maxmemory"], "CONFIG ? ?"],
            [["SETRANGE", "k", 1, "zz"], "SETRANGE ? ? ?"],
            [["FLUSHDB"], "FLUSHDB"],
        ];
        for (const [args, text] of cases) assert.equal(maskedQueryText(args), text);
    });

    it("names the operation by the command word", () => {
        assert.equal(operationName(["CLIENT", "GETNAME"]), "CLIENT");
        assert.equal(operationName(["ping"]), "PING");
    });
});
