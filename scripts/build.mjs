// Builds dist/cjs with tsc, then an ESM entry that re-exports the CommonJS build, so that `import`
// and `require` share one copy of every class (instanceof works across both). As with GLIDE,
// whose ESM entry is its CommonJS build, the default export is the CommonJS module's exports.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
const names = Object.keys(createRequire(import.meta.url)(join(root, "dist/cjs/index.js"))).filter((name) => name !== "__esModule");
mkdirSync(join(root, "dist/esm"), { recursive: true });
writeFileSync(
    join(root, "dist/esm/index.mjs"),
    `import cjs from "../cjs/index.js";\nexport const { ${names.join(", ")} } = cjs;\nexport default cjs;\n`,
);
// The `import` condition's own types: the CommonJS declarations describe a CommonJS module.
writeFileSync(
    join(root, "dist/esm/index.d.mts"),
    `import cjs from "../cjs/index.js";\nexport * from "../cjs/index.js";\nexport default cjs;\n`,
);
console.log(`built dist/cjs and dist/esm (${names.length} exports)`);
