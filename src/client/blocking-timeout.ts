/**
 * GLIDE's core reads the timeout of a blocking command from its argv before it sends a client call
 * (batches go to the server as they are) and refuses, itself, a timeout that is not a float, is
 * negative, or exceeds 2^32 - 1 seconds. These are its checks and its wording.
 */
import { RequestError } from "../errors";
import type { CommandArg } from "../protocol/types";

const MAX_TIMEOUT_SECONDS = 2 ** 32 - 1;

/** Where the timeout of a command is in argv (the command name is argv[0]) and how many of it make a second. */
function timeoutPosition(args: readonly CommandArg[]): { at: number; perSecond: number } | undefined {
    switch (args[0]) {
        case "BLPOP":
        case "BRPOP":
        case "BLMOVE":
        case "BZPOPMAX":
        case "BZPOPMIN":
        case "BRPOPLPUSH":
            return { at: args.length - 1, perSecond: 1 };
        case "BLMPOP":
        case "BZMPOP":
            return { at: 1, perSecond: 1 };
        case "XREAD":
        case "XREADGROUP": {
            const block = args.indexOf("BLOCK");
            return block < 0 ? undefined : { at: block + 1, perSecond: 1000 };
        }
        case "WAIT":
            return { at: 2, perSecond: 1000 };
    }
    return undefined;
}

/** A float as Rust's f64 parser accepts it: no spaces, no hex, `inf`/`infinity`/`nan` in any case. */
const RUST_FLOAT = /^[+-]?(?:inf|infinity|nan|(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)$/i;

function parseRustFloat(text: string): number | undefined {
    if (!RUST_FLOAT.test(text)) return undefined;
    const unsigned = text.replace(/^[+-]/, "").toLowerCase();
    const sign = text.startsWith("-") ? -1 : 1;
    if (unsigned.startsWith("inf")) return sign * Infinity;
    if (unsigned === "nan") return NaN;
    return Number(text);
}

/** A number as Rust's `{:?}` prints an f64: `-1.0`, `0.25`, `1e16`, `1.5e-5`, `inf`. */
function rustDebug(value: number): string {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    const abs = Math.abs(value);
    if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) return value.toExponential().replace("e+", "e");
    const text = Object.is(value, -0) ? "-0" : String(value);
    return text.includes(".") ? text : `${text}.0`;
}

/** The error GLIDE's core raises for this call's timeout, or undefined when the call may go. */
export function blockingTimeoutError(args: readonly CommandArg[]): RequestError | undefined {
    const position = timeoutPosition(args);
    if (position === undefined) return undefined;
    // GLIDE's client sends the timeout as `timeout.toString()`: a Buffer arrives as its UTF-8 text.
    const parsed = parseRustFloat(String(args[position.at]));
    if (parsed === undefined) {
        return new RequestError(
            `Failed to parse the timeout argument to f64 - ResponseError: Expected to find timeout value at index ${position.at} for command Ok(${JSON.stringify(args[0])}).`,
        );
    }
    const seconds = parsed / position.perSecond;
    if (seconds < 0) return new RequestError(`Timeout cannot be negative - ResponseError: Received timeout = ${rustDebug(seconds)}.`);
    if (seconds > MAX_TIMEOUT_SECONDS) {
        return new RequestError(`Timeout is out of range, max timeout is 2^32 - 1 (u32::MAX) - ResponseError: Received timeout = ${rustDebug(seconds)}.`);
    }
    return undefined;
}
