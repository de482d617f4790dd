import { SubscriptionMode } from "./modes";

/**
 * What the user wants to be subscribed to, per mode, by name key (see names.ts): configured
 * subscriptions plus dynamic ones. Shared by every subscriber connection of a client (one for
 * standalone; per node for a cluster, each taking the names it owns).
 */
export class SubscriptionRegistry {
    readonly #desired: Set<string>[] = [new Set(), new Set(), new Set()];

    desired(mode: SubscriptionMode): ReadonlySet<string> {
        return this.#desired[mode];
    }

    has(mode: SubscriptionMode, key: string): boolean {
        return this.#desired[mode].has(key);
    }

    get isEmpty(): boolean {
        return this.#desired.every((keys) => keys.size === 0);
    }

    add(mode: SubscriptionMode, keys: Iterable<string>): void {
        const desired = this.#desired[mode];
        for (const key of keys) desired.add(key);
    }

    /** Removes the keys (null: all of the mode's) and returns those that were desired. */
    remove(mode: SubscriptionMode, keys: Iterable<string> | null): string[] {
        const desired = this.#desired[mode];
        if (keys === null) {
            const all = [...desired];
            desired.clear();
            return all;
        }
        const removed: string[] = [];
        for (const key of keys) if (desired.delete(key)) removed.push(key);
        return removed;
    }
}
