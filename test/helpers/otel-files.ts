/** Reading back what the OpenTelemetry file exporters wrote, for the tracing tests. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { sleep } from "./wait";

export interface FileSpan {
    name: string;
    trace_id: string;
    span_id: string;
    parent_span_id: string;
    start_time: string;
    end_time: string;
    kind: string;
    status: string;
    scope: string;
    span_attributes: Record<string, string>[];
    events: unknown[];
    links: unknown[];
}

export function telemetryDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export function jsonLines<T>(file: string): T[] {
    if (!fs.existsSync(file)) return [];
    return fs
        .readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as T);
}

/** A span's attributes as one object. */
export function attributesOf(span: FileSpan): Record<string, string> {
    return Object.assign({}, ...span.span_attributes);
}

/** Waits until `read` gives something that satisfies `done` (the exporters write on their interval). */
export async function eventually<T>(read: () => T, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
        const value = read();
        if (done(value) || Date.now() > until) return value;
        await sleep(25);
    }
}
