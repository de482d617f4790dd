/**
 * Every export of src/index.ts has a doc comment (`npm run docs` also fails on an undocumented
 * one; this check keeps `npm test` honest without building the HTML).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { it } from "node:test";
import ts from "typescript";

/** Names exported by `entry` whose declarations carry no doc comment. */
function undocumentedExports(entry: string, host?: ts.CompilerHost): string[] {
    const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, types: ["node"], noEmit: true };
    const program = ts.createProgram([entry], options, host);
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    return checker
        .getExportsOfModule(moduleSymbol)
        .filter((exported) => {
            const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
            return symbol.getDocumentationComment(checker).length === 0;
        })
        .map((symbol) => symbol.name)
        .sort();
}

it("every export of the package's index has a doc comment", () => {
    const entry = join(__dirname, "../../../src/index.ts");
    assert.deepEqual(undocumentedExports(entry), []);
});

it("the check names an export without one, also re-exported under another name", () => {
    const files: Record<string, string> = {
        "/virtual/index.ts": "const bare = 1;\n/** Said. */\nexport const documented = 2;\nexport { bare as renamed };\nexport const plain = 3;\n",
    };
    const host = ts.createCompilerHost({});
    const readFile = host.readFile.bind(host);
    host.readFile = (name) => files[name] ?? readFile(name);
    host.fileExists = (name) => name in files || ts.sys.fileExists(name);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
        name in files ? ts.createSourceFile(name, files[name], version, true) : getSourceFile(name, version);
    assert.deepEqual(undocumentedExports("/virtual/index.ts", host), ["plain", "renamed"]);
});
