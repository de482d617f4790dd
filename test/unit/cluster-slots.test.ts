/** Hash slots, CLUSTER SLOTS parsing, the consensus view, multi-slot splitting and reply policies. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RespMap } from "../../src/protocol/types";
import { aggregate, keylessPolicy, policyFromTips } from "../../src/routing/cluster/policies";
import { combine, multiSlotCommand, splitBySlot } from "../../src/routing/cluster/multi-slot";
import { crc16, keySlot } from "../../src/routing/cluster/slot";
import { consensusView, parseClusterSlots } from "../../src/routing/cluster/topology";

describe("keySlot", () => {
    // Expected values from CLUSTER KEYSLOT on valkey-server 8.0.
    const known: [string, number][] = [
        ["foo", 12182],
        ["bar", 5061],
        ["hello", 866],
        ["{user1000}.following", 3443],
        ["{user1000}.followers", 3443],
        ["foo{}{bar}", 8363],
        ["foo{{bar}}zap", 4015],
        ["foo{bar}{zap}", 5061],
        ["{}", 15257],
        ["", 0],
        ["a{b", 13340],
        ["ключ", 10303],
        ["123456789", 12739],
    ];
    for (const [key, slot] of known) {
        it(`slot of ${JSON.stringify(key)} is ${slot}`, () => {
            assert.equal(keySlot(key), slot);
            assert.equal(keySlot(Buffer.from(key)), slot);
        });
    }

    it("string keys (ASCII fast path) and their bytes agree, hash tags included", () => {
        const alphabet = "ab{}c:-9";
        for (let n = 0; n < 2000; n++) {
            let key = "";
            for (let i = n % 12; i > 0; i--) key += alphabet[(n * 7 + i * 13 + (n >> i)) % alphabet.length];
            assert.equal(keySlot(key), keySlot(Buffer.from(key)), JSON.stringify(key));
        }
    });

    it("crc16 is CRC-16/XMODEM", () => {
        assert.equal(crc16(Buffer.from("123456789")), 0x31c3);
    });
});

describe("parseClusterSlots", () => {
    const reply = [
        [0, 5460, ["10.0.0.1", 7000, "id1"], ["10.0.0.4", 7003, "id4"]],
        [5461, 10922, ["", 7001, "id2"]],
        [10923, 16383, ["10.0.0.3", 7002, "id3", new RespMap(["hostname", "h3"])], ["10.0.0.6", 7005, "id6"]],
        [100, 100, ["10.0.0.1", 7000, "id1"]],
    ];

    it("groups ranges per primary, fills a missing host with the asked node's", () => {
        const view = parseClusterSlots(reply as never, "10.0.0.2");
        assert.deepEqual(
            view.shards.map((shard) => [shard.primary, shard.replicas, shard.ranges]),
            [
                ["10.0.0.1:7000", ["10.0.0.4:7003"], [[0, 5460], [100, 100]]],
                ["10.0.0.2:7001", [], [[5461, 10922]]],
                ["10.0.0.3:7002", ["10.0.0.6:7005"], [[10923, 16383]]],
            ],
        );
        assert.equal(view.covered, 16385);
    });

    it("the consensus is the view most nodes report", () => {
        const good = parseClusterSlots([[0, 16383, ["a", 1]]] as never, "x");
        const stale = parseClusterSlots([[0, 16383, ["b", 2]]] as never, "x");
        assert.equal(consensusView([stale, good, good])?.shards[0].primary, "a:1");
        assert.equal(consensusView([good, stale, stale])?.shards[0].primary, "b:2");
        assert.equal(consensusView([]), undefined);
    });

    it("among equally popular views, the one covering more slots wins", () => {
        const partial = parseClusterSlots([[0, 100, ["a", 1]]] as never, "x");
        const full = parseClusterSlots([[0, 16383, ["a", 1]]] as never, "x");
        assert.equal(consensusView([partial, full])?.covered, 16384);
    });
});

describe("multi-slot commands", () => {
    it("splits keys per slot and puts MGET replies back in the caller's order", () => {
        const args = ["MGET", "{a}1", "{b}1", "{a}2", "{c}1", "{b}2"];
        const groups = splitBySlot(args, 1);
        assert.equal(groups.length, 3);
        assert.deepEqual(groups[0].args, ["MGET", "{a}1", "{a}2"]);
        const replies = groups.map((group) => group.args.slice(1).map((key) => `v${key}`));
        assert.deepEqual(combine(multiSlotCommand("MGET")!, groups, replies), ["v{a}1", "v{b}1", "v{a}2", "v{c}1", "v{b}2"]);
    });

    it("splits key-value pairs for MSET and sums counts for DEL", () => {
        const groups = splitBySlot(["MSET", "{a}1", "x", "{b}1", "y", "{a}2", "z"], 2);
        assert.deepEqual(groups.map((group) => group.args), [
            ["MSET", "{a}1", "x", "{a}2", "z"],
            ["MSET", "{b}1", "y"],
        ]);
        assert.equal(combine(multiSlotCommand("MSET")!, groups, ["OK", "OK"]), "OK");
        assert.equal(combine(multiSlotCommand("DEL")!, groups, [2, 1]), 3);
    });
});

describe("response policies", () => {
    const replies = (...values: unknown[]) => new Map(values.map((value, index) => [`n${index}:1`, value]));

    it("follow the server's tips", () => {
        assert.deepEqual(keylessPolicy(["DBSIZE"]), { request: "allShards", response: "aggSum" });
        assert.deepEqual(keylessPolicy(["config", "set", "x", "y"]), { request: "allNodes", response: "allSucceeded" });
        assert.equal(keylessPolicy(["CONFIG", "GET", "x"]), undefined);
        assert.equal(keylessPolicy(["TIME"]), undefined);
        assert.deepEqual(policyFromTips(["nondeterministic_output", "request_policy:all_shards", "response_policy:agg_sum"]), {
            request: "allShards",
            response: "aggSum",
        });
    });

    it("combine replies: sums, minimums, logical and, one value, or a record per node", () => {
        assert.equal(aggregate("aggSum", replies(1, 2, 3)), 6);
        assert.equal(aggregate("aggMin", replies(4, 2, 3)), 2);
        assert.deepEqual(aggregate("aggLogicalAnd", replies([true, true], [true, false])), [true, false]);
        assert.equal(aggregate("allSucceeded", replies("OK", "OK")), "OK");
        assert.equal(aggregate("anyNonNull", replies(null, "k", null)), "k");
        assert.deepEqual(aggregate("special", replies("a", "b")), { "n0:1": "a", "n1:1": "b" });
        assert.deepEqual(aggregate(undefined, replies("a")), { "n0:1": "a" });
    });
});
