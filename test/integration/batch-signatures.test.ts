/**
 * Batch method signatures against GLIDE's Batch.d.ts: every Batch / ClusterBatch method GLIDE
 * declares exists here and takes GLIDE's parameters (names, order, optionality), so code written
 * for GLIDE's batches compiles unchanged; extra trailing parameters must be optional. Read with
 * the TypeScript checker from both declaration sets (no server needed).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import ts from "typescript";

const root = join(__dirname, "../../..");
const glideEntry = join(root, "node_modules/@valkey/valkey-glide/build-ts/index.d.ts");
const ourEntry = join(root, "src/index.ts");

interface Param {
    name: string;
    optional: boolean;
}

function parameterLists(checker: ts.TypeChecker, signature: ts.Signature): Param[] {
    const [only] = signature.parameters;
    const declaration = only?.valueDeclaration as ts.ParameterDeclaration | undefined;
    if (signature.parameters.length === 1 && declaration?.dotDotDotToken) {
        // Generated methods are `(...params: [key: GlideString, count?: number])`: read the tuple's labels.
        const tuple = checker.getTypeOfSymbol(only) as ts.TypeReference;
        const target = tuple.target as ts.TupleType;
        return checker.getTypeArguments(tuple).map((_, i) => ({
            name: (target.labeledElementDeclarations?.[i]?.name as ts.Identifier | undefined)?.text ?? `#${i}`,
            optional: (target.elementFlags[i] & ts.ElementFlags.Optional) !== 0,
        }));
    }
    return signature.parameters.map((symbol) => {
        const parameter = symbol.valueDeclaration as ts.ParameterDeclaration;
        return { name: symbol.name, optional: parameter.questionToken !== undefined || parameter.initializer !== undefined };
    });
}

describe("Batch signatures match GLIDE's Batch.d.ts", () => {
    const program = ts.createProgram([glideEntry, ourEntry], {
        skipLibCheck: true,
        strict: true,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
    });
    const checker = program.getTypeChecker();
    const classType = (entry: string, name: string): ts.Type => {
        const module = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
        let symbol = checker.getExportsOfModule(module).find((candidate) => candidate.name === name)!;
        if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        return checker.getDeclaredTypeOfSymbol(symbol);
    };
    const methods = (type: ts.Type): Map<string, Param[][]> => {
        const found = new Map<string, Param[][]>();
        for (const property of checker.getPropertiesOfType(type)) {
            const signatures = checker.getTypeOfSymbol(property).getCallSignatures();
            if (signatures.length > 0) found.set(property.name, signatures.map((signature) => parameterLists(checker, signature)));
        }
        return found;
    };

    for (const name of ["Batch", "ClusterBatch", "Transaction", "ClusterTransaction"]) {
        it(`${name}: every GLIDE method, with GLIDE's parameters`, () => {
            const glide = methods(classType(glideEntry, name));
            const ours = methods(classType(ourEntry, name));
            const mismatches: string[] = [];
            const show = (params: Param[]) => params.map((p) => p.name + (p.optional ? "?" : "")).join(", ");
            for (const [method, glideSignatures] of glide) {
                if (method === "addAndReturn") continue; // GLIDE's protected protobuf plumbing
                const mine = ours.get(method);
                if (mine === undefined) {
                    mismatches.push(`${method}: missing`);
                    continue;
                }
                // Each of GLIDE's overloads must be callable through one of ours.
                for (const expected of glideSignatures) {
                    const fits = mine.some(
                        (actual) =>
                            expected.length <= actual.length &&
                            expected.every((p, i) => p.name === actual[i].name && (!p.optional || actual[i].optional)) &&
                            actual.slice(expected.length).every((p) => p.optional),
                    );
                    if (!fits) mismatches.push(`${method}: GLIDE (${show(expected)}) vs ours ${mine.map((m) => `(${show(m)})`).join(" | ")}`);
                }
            }
            assert.deepEqual(mismatches, []);
            assert.ok(glide.size > 200, `read ${glide.size} GLIDE methods`);
        });
    }
});
