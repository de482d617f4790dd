import { configureLog, Level, log } from "./core-log";

/** The level names Logger takes, from the most severe to the most verbose, and "off". */
export type LevelOptions = "error" | "warn" | "info" | "debug" | "trace" | "off";

const LEVELS = new Map<unknown, Level>([
    ["error", Level.Error],
    ["warn", Level.Warn],
    ["info", Level.Info],
    ["debug", Level.Debug],
    ["trace", Level.Trace],
    ["off", Level.Off],
]);

/**
 * GLIDE's process-wide logger, writing the same lines as the client's own log. `init` configures
 * it once; `setLoggerConfig` replaces the configuration every time. Unconfigured, it logs Warn and
 * above to standard output.
 */
export class Logger {
    static #configured = false;

    private constructor() {}

    /**
     * Writes `message` (followed by `: ` and err's stack when err is given) at `logLevel`; an
     * unknown level is taken for "error", as GLIDE does.
     */
    static log(logLevel: LevelOptions, logIdentifier: string, message: string, err?: Error): void {
        if (err) message += `: ${err.stack}`;
        log(LEVELS.get(logLevel) ?? Level.Error, logIdentifier, message);
    }

    /** Configures the logger unless it was configured before: `level` (default "warn"), and files postfixed with `fileName` instead of the console. */
    static init(level?: LevelOptions, fileName?: string): void {
        if (Logger.#configured) return;
        Logger.setLoggerConfig(level as LevelOptions, fileName);
    }

    /** Replaces the configuration; lines written before stay where they are. */
    static setLoggerConfig(level: LevelOptions, fileName?: string): void {
        Logger.#configured = true;
        configureLog(LEVELS.get(level), fileName);
    }
}
