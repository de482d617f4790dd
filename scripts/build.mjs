// Builds dist/cjs with tsc, then an ESM entry that re-exports the CommonJS build, so that `import`
// and `require` share one copy of every class (instanceof works across both).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
rmSync(join(root, "dist"), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], {
    stdio: "inherit",
});
const names = Object.keys(createRequire(import.meta.url)(join(root, "dist/cjs/index.js"))).filter((name) => name !== "__esModule");
mkdirSync(join(root, "dist/esm"), { recursive: true });
writeFileSync(
    join(root, "dist/esm/index.mjs"),
    `import cjs from "../cjs/index.js";\nexport const { ${names.join(", ")} } = cjs;\n`,
);
console.log(`built dist/cjs and dist/esm (${names.length} exports)`);
