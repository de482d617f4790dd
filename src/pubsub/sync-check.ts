import type { SubscriptionSnapshot } from "./pubsub";

/**
 * Whether the servers hold exactly the desired subscriptions, in every mode the client serves
 * (the modes its snapshot reports as actual: a standalone server is never asked for sharded ones).
 */
export function subscriptionsInSync(snapshot: SubscriptionSnapshot): boolean {
    const desired = new Map(snapshot.desired);
    return snapshot.actual.every(([mode, actual]) => {
        const wanted = desired.get(mode);
        if (wanted === undefined || wanted.size === 0) return actual.size === 0;
        if (wanted.size !== actual.size) return false;
        for (const key of wanted) if (!actual.has(key)) return false;
        return true;
    });
}
