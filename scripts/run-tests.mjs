#!/usr/bin/env node
// `npm test [-- FILTER... | --node-test-flag...]`: installs the dependencies and the server if
// needed, compiles, starts the shared servers once, runs every test file with node --test, stops the servers.
// A FILTER keeps the test files whose path contains it (`npm test -- protocol`); the supported
// node --test flags are --test-name-pattern=RE, --test-only and --test-reporter=spec|tap|dot.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { finished } from "node:stream/promises";
import { run } from "node:test";
import * as reporters from "node:test/reporters";
import { fileURLToPath } from "node:url";

import { ensureDependencies } from "./ensure-dependencies.mjs";

const startedAt = performance.now();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const buildDir = path.join(root, "build-test");
const requireFromRoot = createRequire(path.join(root, "package.json"));

const testAbort = new AbortController();
// Registered before the server helpers add theirs, so this runs first. Aborting kills the test
// file processes; process.exit() fires the helpers' 'exit' hook, which kills every server.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
        log(`${signal} received: stopping tests and servers`);
        testAbort.abort();
        process.exit(128 + os.constants.signals[signal]);
    });
}

function log(message) {
    console.log(`[run-tests] ${message}`);
}

function seconds(since) {
    return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

function fail(message) {
    console.error(`[run-tests] ${message}`);
    process.exit(1);
}

function runStep(title, command, args) {
    const stepStart = performance.now();
    log(`${title}: ${command === process.execPath ? "node" : command} ${args.join(" ")}`);
    const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
    if (result.error) fail(`${title} could not run: ${result.error.message}`);
    if (result.status !== 0) fail(`${title} failed (exit ${result.status ?? result.signal})`);
    log(`${title} done in ${seconds(stepStart)}`);
}

function compile() {
    const tsc = requireFromRoot.resolve("typescript/bin/tsc");
    runStep("compile", process.execPath, [tsc, "-p", "tsconfig.test.json"]);
}

/** Compiled test files whose TypeScript source still exists (build-test is never wiped, so it may hold stale ones). */
function findTestFiles() {
    const testRoot = path.join(buildDir, "test");
    const found = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith(".test.js") && hasSource(full)) found.push(full);
        }
    };
    if (fs.existsSync(testRoot)) walk(testRoot);
    const isUnit = (file) => relative(file).startsWith("test/unit/");
    return found.sort((a, b) => Number(isUnit(b)) - Number(isUnit(a)) || a.localeCompare(b));
}

function hasSource(compiledFile) {
    const source = path.join(root, path.relative(buildDir, compiledFile)).replace(/\.js$/, "");
    return [".ts", ".mts", ".cts", ".tsx"].some((extension) => fs.existsSync(source + extension));
}

function relative(file) {
    return path.relative(buildDir, file).split(path.sep).join("/");
}

async function startSharedServers() {
    const servers = requireFromRoot(path.join(buildDir, "test/helpers/servers.js"));
    const { ENV, formatAddresses, tlsFilesToEnv } = requireFromRoot(path.join(buildDir, "test/helpers/shared.js"));

    const reaped = servers.reapStale();
    if (reaped.removedRuns > 0) {
        log(`reaped ${reaped.killedServers} stale server(s) from ${reaped.removedRuns} abandoned run(s)`);
    }

    const startTls = async () => {
        const reason = await servers.tlsUnsupportedReason();
        if (reason) {
            log(`TLS tests will be skipped: ${reason}`);
            return { [ENV.tlsUnsupported]: reason };
        }
        const files = await servers.generateTlsFiles(servers.makeRunSubdir("shared-tls-files"));
        const server = await servers.startStandalone({ tls: files, name: "shared-tls" });
        return { [ENV.tls]: formatAddresses([server]), ...tlsFilesToEnv(files) };
    };
    const starters = {
        [ENV.standalone]: async () => ({
            [ENV.standalone]: formatAddresses([await servers.startStandalone({ name: "shared-standalone" })]),
        }),
        [ENV.replicaPair]: async () => {
            const pair = await servers.startPrimaryWithReplica();
            return { [ENV.replicaPair]: formatAddresses([pair.primary, pair.replica]) };
        },
        [ENV.cluster]: async () => ({ [ENV.cluster]: formatAddresses((await servers.startCluster()).seeds) }),
        [ENV.tls]: startTls,
    };

    const { flavor, version } = servers.serverBinaries();
    log(`starting shared ${flavor} ${version} servers`);
    const env = {};
    const startAll = performance.now();
    await Promise.all(
        Object.entries(starters).map(async ([variable, start]) => {
            // A variable set by the caller points the tests at an existing server instead.
            if (process.env[variable]) {
                log(`${variable}=${process.env[variable]} (given, not started)`);
                return;
            }
            const began = performance.now();
            Object.assign(env, await start());
            log(`${variable}=${env[variable] ?? "-"} (${seconds(began)})`);
        }),
    );
    log(`shared servers ready in ${seconds(startAll)}`);
    return { env, stopAll: servers.stopAll };
}

/**
 * The in-process equivalent of `node --test --test-concurrency=1 FILES`. The CLI sorts its files
 * by path, which would run integration before unit tests; run() keeps the order given.
 */
async function runNodeTest(files, nodeTestFlags, env) {
    // forceExit: a file ends when its tests have, even if GLIDE's native core (the differential
    // suite's other side) keeps a closed subscriber client's threads alive.
    const options = { files, concurrency: 1, forceExit: true, signal: testAbort.signal, testNamePatterns: [], only: false };
    let reporter = process.stdout.isTTY ? "spec" : "tap";
    for (const flag of nodeTestFlags) {
        const [name, value] = flag.split(/=(.*)/s);
        if (name === "--test-name-pattern" && value) options.testNamePatterns.push(value);
        else if (name === "--test-only") options.only = true;
        else if (name === "--test-reporter" && value in reporters) reporter = value;
        else fail(`unsupported flag ${flag} (supported: --test-name-pattern=RE, --test-only, --test-reporter=spec|tap|dot)`);
    }
    if (options.testNamePatterns.length === 0) delete options.testNamePatterns;
    // Test files are child processes of this one and inherit its environment.
    Object.assign(process.env, env);
    log(`node --test on ${files.length} file(s)`);
    let exitCode = 0;
    const stream = run(options);
    stream.on("test:fail", (event) => {
        if (!event.todo) exitCode = 1;
    });
    const output = stream.compose(reporter === "spec" ? new reporters.spec() : reporters[reporter]);
    output.pipe(process.stdout);
    await finished(output);
    return exitCode;
}

async function main() {
    const cliArgs = process.argv.slice(2);
    const nodeTestFlags = cliArgs.filter((arg) => arg.startsWith("-"));
    const filters = cliArgs.filter((arg) => !arg.startsWith("-"));

    ensureDependencies();
    runStep("ensure server installed", "bash", [path.join("scripts", "ensure-valkey.sh")]);
    compile();

    const files = findTestFiles().filter((file) => filters.length === 0 || filters.some((f) => relative(file).includes(f)));
    if (files.length === 0) fail(`no test files${filters.length ? ` match ${filters.join(", ")}` : ""}`);

    let exitCode = 1;
    let shared;
    try {
        // Unit tests need no server; a run that selected only those starts none.
        if (files.some((file) => !relative(file).startsWith("test/unit/"))) shared = await startSharedServers();
        exitCode = await runNodeTest(files, nodeTestFlags, shared?.env ?? {});
    } finally {
        if (shared) await shared.stopAll();
    }
    log(`total wall time ${seconds(startedAt)}`);
    process.exit(exitCode);
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
