/**
 * Gives a failed request's error the stack of the code that awaits it. The error is made where its
 * reply is read (a socket callback), so its own stack holds library frames only. Re-capturing the
 * stack inside a promise reaction whose promise chain leads to the caller's promise makes V8's
 * async stack traces list the caller's awaiting functions ("at async myFunction (file.js:…)").
 *
 * Only failures pay: the caller's promise is resolved with a rejected chain instead of being
 * rejected directly, which settles it three microtask ticks later; replies are untouched.
 */

/** Errors whose stack was re-captured once already (an error shared by every pending call of a closed client). */
const restacked = new WeakSet<object>();

/**
 * A promise that rejects with `error`, re-capturing its stack once the promise it settles is
 * chained to the caller's. Resolve the caller's promise with it (the chain is made by that resolve
 * in the next tick, so the re-capture waits two reactions).
 */
export function rejectionWithCallerStack(error: Error): Promise<never> {
    return Promise.reject(error).then(undefined, rethrow).then(undefined, rethrowWithCallerStack);
}

function rethrow(error: unknown): never {
    throw error;
}

function rethrowWithCallerStack(error: unknown): never {
    if (error instanceof Error && !restacked.has(error)) {
        restacked.add(error);
        Error.captureStackTrace(error, rethrowWithCallerStack);
    }
    throw error;
}
