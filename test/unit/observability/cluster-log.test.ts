/** The cluster's log lines: MOVED/ASK storms rate-limited to one line, topology changes and failovers. */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { Logger } from "../../../src";
import { RedirectLog } from "../../../src/observability/redirect-log";
import { logTopologyChange } from "../../../src/routing/cluster/topology-log";

/** Runs `body` with the Logger at `level` on the console, returning the lines written (colours removed). */
function captured(level: "info" | "warn" | "debug", body: () => void): string[] {
    const written: string[] = [];
    const write = process.stdout.write;
    Logger.setLoggerConfig(level);
    process.stdout.write = ((chunk: string) => {
        written.push(chunk);
        return true;
    }) as typeof process.stdout.write;
    try {
        body();
    } finally {
        process.stdout.write = write;
    }
    return written.join("").replace(/\x1b\[[0-9;]*m/g, "").split("\n").filter((line) => line !== "").map((line) => line.replace(/^\S+ /, ""));
}

describe("cluster log lines", () => {
    afterEach(() => Logger.setLoggerConfig("off"));

    it("10,000 redirects in a burst make one line, the first; the next burst after a second tells the count", async () => {
        const redirects = new RedirectLog();
        const burst = () => {
            for (let i = 0; i < 5000; i++) redirects.note("moved", 42, "10.0.0.2:6379");
            for (let i = 0; i < 5000; i++) redirects.note("ask", 7, "10.0.0.3:6379");
        };
        assert.deepEqual(captured("info", burst), [" INFO logger_core: cluster redirects - MOVED slot 42 to 10.0.0.2:6379"]);
        await new Promise((resolve) => setTimeout(resolve, 1050));
        const second = captured("info", () => redirects.note("ask", 9, "10.0.0.3:6379"));
        assert.equal(second.length, 1);
        assert.match(second[0], /^ INFO logger_core: cluster redirects - 4999 MOVED and 5001 ASK replies in the last 1\.\d s \(latest: slot 9 to 10\.0\.0\.3:6379\)$/);
    });

    it("below info, redirects are neither logged nor counted", () => {
        const redirects = new RedirectLog();
        assert.deepEqual(captured("warn", () => redirects.note("moved", 1, "a:1")), []);
        assert.deepEqual(captured("info", () => redirects.note("moved", 2, "a:1")), [" INFO logger_core: cluster redirects - MOVED slot 2 to a:1"]);
    });

    it("a failover names the promoted replica and the primary it replaces; slots that changed primary are counted", () => {
        const before = { shards: [{ primary: "a:1", replicas: ["b:1"] }, { primary: "c:1", replicas: [] }], slotOwners: ["a:1", "a:1", "c:1"] };
        const after = { shards: [{ primary: "b:1", replicas: [] }, { primary: "c:1", replicas: [] }], slotOwners: ["b:1", "b:1", "c:1"] };
        assert.deepEqual(captured("info", () => logTopologyChange(before, after)), [
            " INFO logger_core: cluster topology - failover: b:1 is now a primary, replacing a:1",
            " INFO logger_core: cluster topology - changed: 2 slots changed primary; now 2 primaries, 0 replicas",
        ]);
        assert.deepEqual(captured("warn", () => logTopologyChange(before, after)), []);
        assert.deepEqual(captured("info", () => logTopologyChange(undefined, before)), [" INFO logger_core: cluster topology - discovered 2 primaries, 1 replicas"]);
    });
});
