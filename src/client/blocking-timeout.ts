/**
 * GLIDE's core reads a blocking command's timeout before sending it, and refuses a negative one or
 * one past 2^32 - 1 seconds with a RequestError that prints the timeout as Rust prints a float.
 */
import { RequestError } from "../errors";

const MAX_BLOCKING_SECONDS = 2 ** 32 - 1;

/** The refusal of a blocking command's timeout (in seconds), or undefined when it may be sent. */
export function blockingTimeoutError(seconds: number): RequestError | undefined {
    if (seconds < 0) return refusal("Timeout cannot be negative", seconds);
    if (seconds > MAX_BLOCKING_SECONDS) return refusal("Timeout is out of range, max timeout is 2^32 - 1 (u32::MAX)", seconds);
    return undefined;
}

function refusal(reason: string, seconds: number): RequestError {
    return new RequestError(`${reason} - ResponseError: Received timeout = ${rustDebugFloat(seconds)}.`);
}

/**
 * A number as Rust's `{:?}` prints an f64: the shortest digits that read back the same (as
 * JavaScript's), always with a fraction in plain notation ("-1.0"), and in exponent notation
 * without a "+" ("1e-5", "1.5e16") below 1e-4 or from 1e16 on.
 */
export function rustDebugFloat(value: number): string {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
    const magnitude = Math.abs(value);
    if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16)) return value.toExponential().replace("e+", "e");
    const plain = Object.is(value, -0) ? "-0" : String(value);
    return plain.includes(".") ? plain : `${plain}.0`;
}
