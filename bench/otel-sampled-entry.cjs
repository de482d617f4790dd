// A glide-ts entry for `GLIDE_TS_ENTRY=bench/otel-sampled-entry.cjs npm run bench`: the build in
// dist/ (or GLIDE_TS_OTEL_BASE) with OpenTelemetry tracing 1% of commands (BENCH_OTEL_PERCENT)
// to a file exporter, so the benchmark measures what sampling costs the request path.
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const lib = require(process.env.GLIDE_TS_OTEL_BASE ?? path.join(__dirname, "..", "dist", "cjs", "index.js"));
const folder = path.join(os.tmpdir(), `glide-ts-bench-otel-${process.pid}`);
fs.mkdirSync(folder, { recursive: true });
lib.OpenTelemetry.init({ traces: { endpoint: `file://${folder}/`, samplePercentage: Number(process.env.BENCH_OTEL_PERCENT ?? 1) } });
process.once("exit", () => fs.rmSync(folder, { recursive: true, force: true }));
module.exports = lib;
