/**
 * Every case of the table, through GLIDE 2.5.2 and glide-ts, on every configuration (client kind x
 * protocol x default decoder) and in every mode (client call, atomic batch, pipeline).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { ACCEPTED_CALL_DIFFERENCES, acceptedFor, type AcceptedDifference } from "./accepted-differences";
import { FAMILIES as ALL_FAMILIES } from "./cases";
import { CONFIGS, Environment } from "./harness/environment";
import { glideSkipReason } from "./harness/libraries";
import { compareCase, modesOf, type Comparison } from "./harness/runner";

/** DIFF_FAMILIES=hash,set runs only those families (while working on them); unset, all of them. */
const only = process.env.DIFF_FAMILIES?.split(",").filter(Boolean);
const FAMILIES = only ? ALL_FAMILIES.filter((family) => only.includes(family.name)) : ALL_FAMILIES;

function report(comparisons: Comparison[]): string {
    return comparisons
        .map((c) => `${c.config.name} | ${c.mode} | ${c.id}\n    GLIDE:    ${c.glide}\n    glide-ts: ${c.ours}`)
        .join("\n");
}

describe("differential: glide-ts against GLIDE 2.5.2", { skip: glideSkipReason }, () => {
    let env: Environment;
    const matched = new Set<AcceptedDifference>();
    let familiesRun = 0;
    let comparisons = 0;

    before(async () => {
        env = await Environment.start();
    });
    after(async () => {
        await env?.stop();
        console.log(`# differential: ${comparisons} comparisons, ${matched.size} accepted difference(s) seen`);
    });

    for (const config of CONFIGS) {
        describe(config.name, () => {
            for (const family of FAMILIES) {
                // Bounded: a family that hangs fails, naming itself, instead of holding up the suite.
                test(family.name, { timeout: 300_000 }, async () => {
                    const unexpected: Comparison[] = [];
                    for (const testCase of family.cases) {
                        for (const mode of modesOf(testCase, config)) {
                            const comparison = await compareCase(env, config, testCase, mode);
                            comparisons++;
                            if (!comparison.differs) continue;
                            const accepted = acceptedFor(comparison.id, testCase.method, config, mode, comparison);
                            if (accepted) matched.add(accepted);
                            else unexpected.push(comparison);
                        }
                    }
                    familiesRun++;
                    assert.equal(unexpected.length, 0, `${unexpected.length} difference(s) from GLIDE:\n${report(unexpected)}`);
                });
            }
        });
    }

    test("every accepted difference still occurs", (t) => {
        if (only || familiesRun < CONFIGS.length * FAMILIES.length) return t.skip("only part of the table ran");
        // Scenario entries are pubsub.test.ts's to check.
        const stale = ACCEPTED_CALL_DIFFERENCES.filter((entry) => !matched.has(entry) && !entry.id.startsWith("pubsub scenario: "));
        assert.deepEqual(stale.map((entry) => entry.id), [], "accepted differences that no longer differ: remove them");
    });
});
