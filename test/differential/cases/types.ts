/**
 * The one table the differential suite runs: each case is one call, made the same way through
 * GLIDE and through glide-ts on the same server state, whose outcomes must be equal.
 */

/** The module a call is made with: `@valkey/valkey-glide` or glide-ts (the same API). */
export type Library = any;

/** What the argument builders get: the library of the side being run, and the kind of client. */
export interface CallContext {
    lib: Library;
    cluster: boolean;
}

/**
 * A command for the state a case starts from, sent by a GLIDE admin client before the call; with
 * `repeatWhile`, sent again (for a few seconds at most) while its reply matches that pattern.
 */
export type SetupCommand =
    | readonly (string | Buffer)[]
    | { args: readonly (string | Buffer)[]; route: "allPrimaries" | "allNodes"; repeatWhile?: RegExp };

/** Arguments as they are, or built for each side with that side's own library (enums, classes). */
export type Args = readonly unknown[] | ((ctx: CallContext) => readonly unknown[]);

export function argsFor(args: Args, ctx: CallContext): readonly unknown[] {
    return typeof args === "function" ? args(ctx) : args;
}

export type CaseMode = "client" | "atomic" | "pipeline";

export interface Case {
    /** The method called on the client (and on the batch, unless `batch` is false). */
    method: string;
    /** What is special about this call; with `method`, the case's id in reports and accepted differences. */
    title: string;
    /** The call's arguments; a builder when they need the side's own library (enums, classes). */
    args: Args;
    /** The server state the call starts from (after every key, script and function is flushed). */
    setup?: readonly SetupCommand[];
    /** Commands that undo what the call changed beyond keys (CONFIG SET, ACL …); run after each side. */
    teardown?: readonly SetupCommand[];
    /** Which client kinds run it; both when absent. */
    only?: "standalone" | "cluster";
    /** The one protocol it runs on; both when absent (for calls GLIDE never settles on the other). */
    protocol?: "RESP2" | "RESP3";
    /**
     * The batch form: false when the method is not a batch method or this call cannot be queued
     * (it needs the client itself); a builder when GLIDE's batch spells the call differently.
     */
    batch?: false | Args;
    /** Batch modes to run; both when absent. */
    batchModes?: readonly ("atomic" | "pipeline")[];
    /** Applied to both outcomes' values before comparing (time-dependent or random replies). */
    normalize?: (value: unknown) => unknown;
    /** The call needs a client of its own (it changes the connection: SELECT, RESET, AUTH …). */
    freshClient?: boolean;
    /** Done on the side's client before the compared call (close it, subscribe …); with freshClient. */
    prelude?: (client: any, ctx: CallContext) => unknown;
}

/** A table of cases for one family of commands. */
export interface Family {
    name: string;
    cases: Case[];
}

/**
 * Keys of the cases. Every run starts from a flushed server, so names can be fixed; they share one
 * hash tag so that multi-key commands and transactions stay on one cluster slot. `X*` keys hash
 * elsewhere, for cross-slot cases.
 */
export const K = {
    a: "{dk}a",
    b: "{dk}b",
    c: "{dk}c",
    d: "{dk}d",
    missing: "{dk}missing",
    Xa: "dk:cross:a",
    Xb: "dk:cross:other-b",
} as const;

/** Bytes that are not UTF-8, for binary-safety cases. */
export const BIN = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a]);
