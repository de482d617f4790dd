/** Timers for any delay: Node's own hold at most 2^31 - 1 ms and fire after 1 ms beyond it. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_TIMER_MS, setLongTimeout, timerDelay } from "../../src/connection/timers";

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("long timers", () => {
    it("a delay beyond one Node timer neither fires early nor warns", async () => {
        let warnings = 0;
        const count = (warning: Error) => void (warning.name === "TimeoutOverflowWarning" && warnings++);
        process.on("warning", count);
        let fired = 0;
        const before = timers();
        const long = setLongTimeout(() => fired++, 3e9);
        const longer = setLongTimeout(() => fired++, 2 ** 32 * 1000);
        await new Promise((resolve) => setTimeout(resolve, 30));
        process.off("warning", count);
        assert.equal(fired, 0);
        assert.equal(warnings, 0);
        assert.equal(timers(), before + 2);
        long.clear();
        longer.clear();
        assert.equal(timers(), before);
    });

    it("Infinity and NaN schedule nothing; short delays fire", async () => {
        const before = timers();
        let fired = 0;
        setLongTimeout(() => fired++, Infinity);
        setLongTimeout(() => fired++, NaN);
        assert.equal(timers(), before);
        setLongTimeout(() => fired++, 1);
        setLongTimeout(() => fired++, -5);
        await new Promise((resolve) => setTimeout(resolve, 20));
        assert.equal(fired, 2);
    });

    it("intervals are capped at what a Node timer holds", () => {
        assert.equal(timerDelay(3e9), MAX_TIMER_MS);
        assert.equal(timerDelay(500), 500);
        assert.equal(timerDelay(-1), 0);
    });
});
