// `npm run api:check`: compares our public surface with the published @valkey/valkey-glide
// declarations: exported names, and the public methods of each client and batch class.
// Prints what is missing; exits 1 when something is (0 with --report-only).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const ts = require("typescript");

/** Names GLIDE exposes that are internals of its native/protobuf bridge, not API to match. */
const SKIPPED_EXPORTS = new Map([
    ["command_request", "protobuf message namespace of GLIDE's Rust bridge"],
    ["connection_request", "protobuf message namespace of GLIDE's Rust bridge"],
    ["response", "protobuf message namespace of GLIDE's Rust bridge"],
]);
const SKIPPED_EXPORT_PATTERN = /^(AsyncClient|StartSocketConnection|StartSocketConnectionWithConfig|InitOpenTelemetry|Script$|ClusterScanCursor$|valueFromSplitPointer|createLeakedAttribute|createLeakedString|createLeakedArray|createLeakedMap|createLeakedDouble|createLeakedBigint|createLeakedStringVec|getStatistics|log|InitInternalLogger|Level|DEFAULT_|MAX_|freeDropScriptPointer|storeScript|dropScript|Generic|NativeLogger|runOpenTelemetry|isOpenTelemetryInitialized|getCacheMetrics|ClusterScanCursorNative)/;
/** Public methods of GLIDE's classes that are plumbing of its socket/protobuf bridge (shared with the differential suite). */
const SKIPPED_METHODS = new Map(Object.entries(JSON.parse(readFileSync(join(root, "scripts/glide-internals.json"), "utf8")).methods));
const CLASSES = ["BaseClient", "GlideClient", "GlideClusterClient", "BaseBatch", "Batch", "ClusterBatch", "Transaction", "ClusterTransaction"];

/** The exported symbols of a TypeScript entry point, and its checker. */
function moduleExports(entry) {
    const program = ts.createProgram([entry], { skipLibCheck: true, types: ["node"], typeRoots: [join(root, "node_modules/@types")] });
    const checker = program.getTypeChecker();
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry));
    return { checker, exports: checker.getExportsOfModule(module) };
}

function glideSurface() {
    const entry = join(root, "node_modules/@valkey/valkey-glide/build-ts/index.d.ts");
    const { checker, exports } = moduleExports(entry);
    const methods = new Map();
    for (const symbol of exports) {
        if (!CLASSES.includes(symbol.name)) continue;
        const declaration = symbol.declarations?.[0];
        const instance = checker.getDeclaredTypeOfSymbol(symbol);
        const statics = checker.getTypeOfSymbolAtLocation(symbol, declaration);
        const names = new Set();
        for (const type of [instance, statics]) {
            for (const property of checker.getPropertiesOfType(type)) {
                const flags = ts.getCombinedModifierFlags(property.valueDeclaration ?? property.declarations?.[0] ?? declaration);
                if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
                if (property.name.startsWith("#") || property.name === "prototype") continue;
                names.add(property.name);
            }
        }
        methods.set(symbol.name, names);
    }
    return { exports: exports.map((symbol) => symbol.name), methods };
}

/** Our runtime module (methods are installed at run time) and our exported names (types included). */
function ourSurface() {
    const entry = [join(root, "build-test/src/index.js"), join(root, "dist/cjs/index.js")].find(existsSync);
    if (!entry) throw new Error("Compile first: npx tsc -p tsconfig.test.json (or npm run build)");
    const names = new Set(moduleExports(join(root, "src/index.ts")).exports.map((symbol) => symbol.name));
    return { runtime: require(entry), names };
}

function has(value, name) {
    for (let object = value; object; object = Object.getPrototypeOf(object)) {
        if (Object.prototype.hasOwnProperty.call(object, name)) return true;
    }
    return false;
}

const glide = glideSurface();
const { runtime: ours, names: ourNames } = ourSurface();
const missingExports = glide.exports.filter(
    (name) => !ourNames.has(name) && !SKIPPED_EXPORTS.has(name) && !SKIPPED_EXPORT_PATTERN.test(name),
);
let missing = missingExports.length;
console.log(`exports: ${glide.exports.length - missingExports.length} of GLIDE's names present`);
if (missingExports.length) console.log(`  missing exports (${missingExports.length}): ${missingExports.sort().join(", ")}`);
for (const [className, names] of glide.methods) {
    const ourClass = ours[className];
    if (ourClass === undefined) {
        console.log(`${className}: class missing (${names.size} members)`);
        missing += names.size;
        continue;
    }
    // Batches are cheap to construct: their instance fields (isAtomic) count too.
    const instance = /Batch|Transaction/.test(className) ? new ourClass(true) : undefined;
    const absent = [...names].filter(
        (name) => !SKIPPED_METHODS.has(name) && !has(ourClass.prototype, name) && !has(ourClass, name) && !(instance && has(instance, name)),
    );
    missing += absent.length;
    console.log(`${className}: ${names.size - absent.length} of ${names.size} public members`);
    if (absent.length) console.log(`  missing (${absent.length}): ${absent.sort().join(", ")}`);
}
console.log(`skipped as GLIDE internals: ${[...SKIPPED_METHODS.keys(), ...SKIPPED_EXPORTS.keys()].join(", ")}`);
console.log(missing === 0 ? "api:check: nothing missing" : `api:check: ${missing} missing`);
process.exit(missing === 0 || process.argv.includes("--report-only") ? 0 : 1);
