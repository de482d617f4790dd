/**
 * The log GLIDE's core writes and its index exports as `Level` and `log`: one line per message in
 * the format of its Rust logger (ANSI-coloured, microsecond UTC timestamps, the same in files as
 * on the console), at `Warn` and above on standard output until configured otherwise.
 */
import { HourlyLogFile } from "./log-file";

/** GLIDE's native enum: a plain object, without reverse mapping. */
export const Level = { Debug: 3, Error: 0, Info: 2, Trace: 4, Warn: 1, Off: 5 } as const;
export type Level = (typeof Level)[keyof typeof Level];

const LABELS = ["\x1b[31mERROR\x1b[0m", "\x1b[33m WARN\x1b[0m", "\x1b[32m INFO\x1b[0m", "\x1b[34mDEBUG\x1b[0m", "\x1b[35mTRACE\x1b[0m"];

/** The most verbose level written (Off: none). */
let logThreshold: Level = Level.Warn;
let file: HourlyLogFile | undefined;

/**
 * Replaces the configuration: `level` (default Warn) and, with a fileName, hourly files under
 * glide-logs/ instead of standard output. Returns the level now in force.
 */
export function configureLog(level: Level | undefined, fileName: string | undefined): Level {
    file?.close();
    file = fileName === undefined ? undefined : new HourlyLogFile(fileName);
    logThreshold = level ?? Level.Warn;
    return logThreshold;
}

/** Off is the highest level, so `level <= logThreshold` alone would let everything through. */
export function isLogged(level: Level): boolean {
    return level <= logThreshold && level !== Level.Off && logThreshold !== Level.Off;
}

/** Writes `identifier - message` at `level`, when that level is logged. */
export function log(level: Level, identifier: string, message: string): void {
    if (!isLogged(level)) return;
    const now = performance.timeOrigin + performance.now();
    const line = `\x1b[2m${timestamp(now)}\x1b[0m ${LABELS[level]} \x1b[2mlogger_core\x1b[0m\x1b[2m:\x1b[0m ${identifier} - ${message}\n`;
    if (file === undefined) process.stdout.write(line);
    else file.write(line, new Date(now));
}

/** UTC with microseconds, as the Rust logger writes it: 2026-12-03T15:27:47.836698Z. */
function timestamp(epochMs: number): string {
    const micros = Math.floor(epochMs * 1000);
    const iso = new Date(Math.floor(micros / 1000)).toISOString();
    return `${iso.slice(0, 19)}.${String(micros % 1_000_000).padStart(6, "0")}Z`;
}
