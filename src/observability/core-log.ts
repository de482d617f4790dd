/**
 * The log GLIDE's core writes and its index exports as `Level` and `log`: one line per message on
 * standard output, in the format of its Rust logger (ANSI-coloured, microsecond UTC timestamps),
 * at `Warn` and above until configured otherwise.
 */

/** GLIDE's native enum: a plain object, without reverse mapping. */
export const Level = { Debug: 3, Error: 0, Info: 2, Trace: 4, Warn: 1, Off: 5 } as const;
export type Level = (typeof Level)[keyof typeof Level];

const LABELS = ["\x1b[31mERROR\x1b[0m", "\x1b[33m WARN\x1b[0m", "\x1b[32m INFO\x1b[0m", "\x1b[34mDEBUG\x1b[0m", "\x1b[35mTRACE\x1b[0m"];

let threshold: Level = Level.Warn;
let write: (line: string) => void = (line) => process.stdout.write(line);

/** The most verbose level written; Off writes nothing. */
export function setLogThreshold(level: Level): void {
    threshold = level;
}

/** Where lines go (standard output by default). */
export function setLogWriter(writer: (line: string) => void): void {
    write = writer;
}

export function isLogged(level: Level): boolean {
    return level !== Level.Off && threshold !== Level.Off && level <= threshold;
}

/** Writes `identifier - message` at `level`, when that level is logged. */
export function log(level: Level, identifier: string, message: string): void {
    if (!isLogged(level)) return;
    write(`\x1b[2m${timestamp()}\x1b[0m ${LABELS[level]} \x1b[2mlogger_core\x1b[0m\x1b[2m:\x1b[0m ${identifier} - ${message}\n`);
}

/** UTC with microseconds, as the Rust logger writes it: 2026-12-03T15:27:47.836698Z. */
function timestamp(): string {
    const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
    const iso = new Date(Math.floor(micros / 1000)).toISOString();
    return `${iso.slice(0, 19)}.${String(micros % 1_000_000).padStart(6, "0")}Z`;
}
