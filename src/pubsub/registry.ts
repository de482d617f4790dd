import { ALL_MODES, SubscriptionMode } from "./modes";

const NONE: ReadonlySet<string> = new Set();

/**
 * What the user wants to be subscribed to, per mode, by name key (see names.ts): configured
 * subscriptions plus dynamic ones. Shared by every subscriber connection of a client (one for
 * standalone; per node for a cluster, each taking the names it owns).
 *
 * As in GLIDE, a mode is listed (getSubscriptions' desiredSubscriptions) once a name was added to
 * it, stays listed when its names are removed one by one, and is dropped by an unsubscribe-all.
 */
export class SubscriptionRegistry {
    readonly #desired: (Set<string> | undefined)[] = [undefined, undefined, undefined];

    desired(mode: SubscriptionMode): ReadonlySet<string> {
        return this.#desired[mode] ?? NONE;
    }

    /** The modes listed, in mode order. */
    listedModes(): SubscriptionMode[] {
        return ALL_MODES.filter((mode) => this.#desired[mode] !== undefined);
    }

    has(mode: SubscriptionMode, key: string): boolean {
        return this.#desired[mode]?.has(key) === true;
    }

    /** Whether no mode has a name (listed modes may be empty). */
    get isEmpty(): boolean {
        return this.#desired.every((keys) => keys === undefined || keys.size === 0);
    }

    add(mode: SubscriptionMode, keys: Iterable<string>): void {
        const desired = (this.#desired[mode] ??= new Set());
        for (const key of keys) desired.add(key);
    }

    /** Removes the keys (null: the whole mode, unlisting it). */
    remove(mode: SubscriptionMode, keys: Iterable<string> | null): void {
        if (keys === null) {
            this.#desired[mode] = undefined;
            return;
        }
        const desired = this.#desired[mode];
        if (desired !== undefined) for (const key of keys) desired.delete(key);
    }
}
