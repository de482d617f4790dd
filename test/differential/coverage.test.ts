/**
 * The table covers every public method of GLIDE's GlideClient, GlideClusterClient, Batch and
 * ClusterBatch (read from GLIDE 2.5.2's own declarations), on the client kinds that have it, and
 * glide-ts has each of them; a method no call-shaped case can cover names the test that does.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";

import * as ours from "../../src";
import { FAMILIES } from "./cases";
import type { Case } from "./cases/types";

const ROOT = path.resolve(__dirname, "../../..");
const INTERNALS = new Set(Object.keys(JSON.parse(readFileSync(path.join(ROOT, "scripts/glide-internals.json"), "utf8")).methods));

/** Methods covered outside the call table, and where. */
const COVERED_ELSEWHERE: Record<string, string> = {
    createClient: "configuration.test.ts (every option, on both client kinds)",
    isAtomic: "batch.ts (every exec case reads it to frame its batch)",
    subscribe: "pubsub.test.ts",
    subscribeLazy: "pubsub.test.ts",
    psubscribe: "pubsub.test.ts",
    psubscribeLazy: "pubsub.test.ts",
    ssubscribe: "pubsub.test.ts",
    ssubscribeLazy: "pubsub.test.ts",
    unsubscribe: "pubsub.test.ts",
    unsubscribeLazy: "pubsub.test.ts",
    punsubscribe: "pubsub.test.ts",
    punsubscribeLazy: "pubsub.test.ts",
    sunsubscribe: "pubsub.test.ts",
    sunsubscribeLazy: "pubsub.test.ts",
};

const CLASSES = { GlideClient: "standalone", GlideClusterClient: "cluster", Batch: "standalone", ClusterBatch: "cluster" } as const;

/** GLIDE's public members of each class, from its declarations (private and protected left out). */
function glideMembers(): Map<keyof typeof CLASSES, string[]> {
    const entry = path.join(ROOT, "node_modules/@valkey/valkey-glide/build-ts/index.d.ts");
    const program = ts.createProgram([entry], { skipLibCheck: true, types: [] });
    const checker = program.getTypeChecker();
    const members = new Map<keyof typeof CLASSES, string[]>();
    for (const symbol of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
        if (!(symbol.name in CLASSES)) continue;
        const declaration = symbol.declarations![0];
        const names = new Set<string>();
        for (const type of [checker.getDeclaredTypeOfSymbol(symbol), checker.getTypeOfSymbolAtLocation(symbol, declaration)]) {
            for (const property of checker.getPropertiesOfType(type)) {
                const flags = ts.getCombinedModifierFlags((property.valueDeclaration ?? property.declarations?.[0] ?? declaration) as ts.Declaration);
                if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
                if (property.name === "prototype" || INTERNALS.has(property.name)) continue;
                names.add(property.name);
            }
        }
        members.set(symbol.name as keyof typeof CLASSES, [...names].sort());
    }
    return members;
}

function runsOn(testCase: Case, kind: "standalone" | "cluster"): boolean {
    return testCase.only === undefined || testCase.only === kind;
}

describe("differential: coverage of GLIDE's public methods", () => {
    const members = glideMembers();
    const cases = FAMILIES.flatMap((family) => family.cases);

    it("reads GLIDE's four classes", () => {
        assert.deepEqual([...members.keys()].sort(), Object.keys(CLASSES).sort());
    });

    for (const [className, names] of members) {
        const kind = CLASSES[className];
        const isBatch = className.endsWith("Batch");

        it(`glide-ts's ${className} has every public member of GLIDE's`, () => {
            const ourClass = (ours as Record<string, any>)[className];
            const sample = isBatch ? new ourClass(true) : undefined;
            const missing = names.filter((name) => !(name in ourClass.prototype || name in ourClass || (sample && name in sample)));
            assert.deepEqual(missing, []);
        });

        it(`every public member of ${className} is covered (${kind})`, () => {
            const covered = new Set(
                cases.filter((testCase) => runsOn(testCase, kind) && (!isBatch || testCase.batch !== false)).map((testCase) => testCase.method),
            );
            const uncovered = names.filter((name) => !covered.has(name) && !(name in COVERED_ELSEWHERE));
            assert.deepEqual(uncovered, [], `${className} members no case calls`);
            console.log(`# ${className}: ${names.length} public members, ${names.length - names.filter((n) => n in COVERED_ELSEWHERE).length} in the call table`);
        });
    }
});
