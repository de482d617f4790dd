/**
 * Servers with the JSON and Search modules of ../shared/modules loaded, for the module suites only
 * (the rest of the tests use servers without modules). Where that folder is missing the suites
 * skip, and `moduleSkipReason` says why.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";

import { startCluster, type ClusterHandle, type ClusterOptions } from "./cluster";
import { startStandalone, type ServerHandle } from "./standalone";

/** The repository's root (this file runs from build-test/test/helpers); the folder sits beside it, or where GLIDE_TS_MODULES_DIR says. */
const ROOT = path.resolve(__dirname, "../../..");
const MODULES_DIR = process.env.GLIDE_TS_MODULES_DIR ?? path.resolve(ROOT, "../shared/modules");
const JSON_MODULE = path.join(MODULES_DIR, "valkey-json-1.0.2.so");
const SEARCH_MODULE = path.join(MODULES_DIR, "redisearch-2.6.37.so");

function missingModules(): string | undefined {
    const missing = [JSON_MODULE, SEARCH_MODULE].filter((file) => !existsSync(file));
    if (missing.length === 0) return undefined;
    return `the test modules are not here (${missing.join(", ")}): the JSON and Search suites need ../shared/modules`;
}

/** undefined when the modules can be loaded; otherwise why the module suites skip (for `describe(…, { skip })`). */
export const moduleSkipReason: string | undefined = missingModules();

/**
 * Server arguments that load both modules. `DEFAULT_DIALECT 2` lets KNN queries run without an
 * explicit DIALECT, as valkey-search does.
 */
export function moduleArgs(): string[] {
    return ["--loadmodule", JSON_MODULE, "--loadmodule", SEARCH_MODULE, "DEFAULT_DIALECT", "2"];
}

export function startModuleStandalone(name = "modules"): Promise<ServerHandle> {
    return startStandalone({ name, args: moduleArgs() });
}

export function startModuleCluster(options: Omit<ClusterOptions, "args"> = {}): Promise<ClusterHandle> {
    return startCluster({ ...options, args: moduleArgs() });
}
