/**
 * What a call did, in a form two libraries' results can be compared in: its value or its error
 * (class and message), whether it answered with a promise, and whether it settled at all.
 */

export type Outcome =
    | { kind: "value"; value: unknown; promise: boolean }
    | { kind: "error"; errorClass: string; message: string; promise: boolean }
    | { kind: "hung"; afterMs: number };

/** A call that settles later than this is reported as hung rather than holding up the suite. */
const HANG_MS = 15_000;

export async function capture(call: () => unknown): Promise<Outcome> {
    let result: unknown;
    try {
        result = call();
    } catch (error) {
        return errorOutcome(error, false);
    }
    if (!isThenable(result)) return { kind: "value", value: result, promise: false };
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<Outcome>((resolve) => {
        timer = setTimeout(() => resolve({ kind: "hung", afterMs: HANG_MS }), HANG_MS);
    });
    try {
        return await Promise.race([
            result.then(
                (value): Outcome => ({ kind: "value", value, promise: true }),
                (error): Outcome => errorOutcome(error, true),
            ),
            hung,
        ]);
    } finally {
        clearTimeout(timer);
    }
}

function errorOutcome(error: unknown, promise: boolean): Outcome {
    if (error instanceof Error) return { kind: "error", errorClass: error.constructor.name, message: error.message, promise };
    return { kind: "error", errorClass: `non-Error ${typeof error}`, message: String(error), promise };
}

function isThenable(value: unknown): value is Promise<unknown> {
    return typeof (value as { then?: unknown })?.then === "function";
}

/**
 * A canonical text of a value that tells apart everything a caller can tell apart: string from
 * Buffer, number from bigint, null from undefined, Map from object, error classes and messages.
 * Set members and object keys are sorted (their order is not part of any reply's contract);
 * arrays and Maps keep their order.
 */
export function render(value: unknown): string {
    if (value === null) return "null";
    switch (typeof value) {
        case "undefined":
            return "undefined";
        case "string":
            return JSON.stringify(value);
        case "number":
            return Object.is(value, -0) ? "-0" : String(value);
        case "bigint":
            return `${value}n`;
        case "boolean":
            return String(value);
        case "function":
            return `function ${value.name}`;
        case "symbol":
            return value.toString();
    }
    if (Buffer.isBuffer(value)) return `<Buffer ${value.toString("hex")}>`;
    if (value instanceof Error) return `${value.constructor.name}(${JSON.stringify(value.message)})`;
    if (Array.isArray(value)) return `[${value.map(render).join(", ")}]`;
    if (value instanceof Set) return `Set{${[...value].map(render).sort().join(", ")}}`;
    if (value instanceof Map) return `Map{${[...value].map(([k, v]) => `${render(k)} => ${render(v)}`).join(", ")}}`;
    const object = value as Record<string, unknown>;
    const prototype = Object.getPrototypeOf(object);
    const className = prototype === Object.prototype || prototype === null ? "" : `${object.constructor?.name ?? "?"}`;
    const fields = Object.keys(object)
        .sort()
        .map((key) => `${JSON.stringify(key)}: ${render(object[key])}`);
    return `${className}{${fields.join(", ")}}`;
}

export function renderOutcome(outcome: Outcome): string {
    switch (outcome.kind) {
        case "value":
            return `${outcome.promise ? "resolves" : "returns"} ${render(outcome.value)}`;
        case "error":
            return `${outcome.promise ? "rejects" : "throws"} ${outcome.errorClass}(${JSON.stringify(outcome.message)})`;
        case "hung":
            return `never settles (waited ${outcome.afterMs} ms)`;
    }
}
