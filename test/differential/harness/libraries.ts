/**
 * The two sides of every comparison: GLIDE 2.5.2 (the reference, whose native core may not load on
 * this machine) and glide-ts.
 */
import * as ours from "../../../src";
import type { Library } from "../cases/types";

export interface Side {
    name: "GLIDE" | "glide-ts";
    lib: Library;
}

function loadGlide(): { lib: Library } | { skipReason: string } {
    try {
        // Loaded at run time so that a machine where GLIDE's native binary cannot load still compiles and runs the rest.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const lib = require("@valkey/valkey-glide");
        // GLIDE's core logs every server error at WARN to the console; the differences are the report here.
        lib.Logger.setLoggerConfig("off");
        return { lib };
    } catch (error) {
        return { skipReason: `GLIDE's native core does not load on ${process.platform}/${process.arch}: ${(error as Error).message.split("\n")[0]}` };
    }
}

const loaded = loadGlide();

/** Why the differential suite cannot run here, or undefined when GLIDE loaded. */
export const glideSkipReason: string | undefined = "skipReason" in loaded ? loaded.skipReason : undefined;

export const GLIDE: Side = { name: "GLIDE", lib: "lib" in loaded ? loaded.lib : undefined };
export const GLIDE_TS: Side = { name: "glide-ts", lib: ours };
