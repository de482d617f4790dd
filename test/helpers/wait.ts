export function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `check` until it returns true. Any other return value (or a thrown error) is kept as the
 * reason the condition is not met yet and reported if the deadline passes.
 */
export async function waitFor(
    what: string,
    check: () => Promise<true | string>,
    { timeoutMs = 15_000, intervalMs = 25 } = {},
): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastReason = "not checked yet";
    for (;;) {
        try {
            const outcome = await check();
            if (outcome === true) return;
            lastReason = outcome;
        } catch (error) {
            lastReason = (error as Error).message;
        }
        if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${lastReason}`);
        await sleep(intervalMs);
    }
}
