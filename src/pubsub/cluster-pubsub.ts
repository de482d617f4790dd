import { ClosingError } from "../errors";
import type { ConnectionOptions } from "../connection/options";
import { timerDelay } from "../connection/timers";
import type { Decoder } from "../commands/types";
import { keySlot } from "../routing/cluster/slot";
import { classifyError } from "../routing/cluster/redirect";
import { MessageDelivery, type PubSubMsg } from "./delivery";
import { ALL_MODES, SubscriptionMode } from "./modes";
import { keyBytes } from "./names";
import { configuredRegistry, DEFAULT_CHECK_INTERVAL_MS, reconciliationInterval, startWithin, type ClientPubSub, type PubSubConfig, type SubscriptionSnapshot } from "./pubsub";
import type { SubscriptionRegistry } from "./registry";
import { Subscriber, type SubscriberEvents } from "./subscriber";
import { ConfirmationWaiters } from "./waiters";

/** What the cluster pub/sub needs to know of the topology (the cluster router, seen from here). */
export interface ClusterView {
    /** Discovers the cluster if not done yet. */
    connect(): Promise<void>;
    /** Addresses of the primaries now. */
    primaries(): string[];
    primaryForSlot(slot: number): string | undefined;
    /** Whether the client's command connection to a node is up. */
    isReady(address: string): boolean;
    /** Connection settings for a dedicated connection to a node. */
    optionsFor(address: string): ConnectionOptions;
    /** A (throttled) topology refresh. */
    refresh(): Promise<void>;
    /** A MOVED reply: the slot lives at `address` now. */
    moved(slot: number, address: string): void;
}

export interface ClusterPubSubSetup {
    config: PubSubConfig | undefined;
    defaultDecoder: Decoder;
    view: ClusterView;
    /** advancedConfiguration.pubsubReconciliationIntervalMs: how often desired and actual are compared. */
    checkIntervalMs?: number;
}

/**
 * A cluster client's pub/sub: one registry of desired subscriptions, served by one subscriber
 * connection per node that needs one. As in GLIDE, every name lives on the primary of its slot
 * (a channel's, a pattern's own): a PUBLISH goes to that same node, so its count includes this
 * client; any node hears every PUBLISH, a sharded subscription only its slot's owner. Names
 * follow their slot through failovers and migrations. Reconciliation (on topology changes,
 * redirects, disconnects, and every checkIntervalMs) makes every node's actual subscriptions
 * match what it owns.
 */
export class ClusterPubSub implements ClientPubSub {
    readonly #registry: SubscriptionRegistry;
    readonly #delivery: MessageDelivery;
    readonly #view: ClusterView;
    readonly #checkIntervalMs: number;
    readonly #subscribers = new Map<string, Subscriber>();
    readonly #slots = new Map<string, number>();
    readonly #waiters = new ConfirmationWaiters((mode, key, subscribed) => this.#isSettled(mode, key, subscribed));
    #timer: NodeJS.Timeout | undefined;
    #refreshing = false;
    #closedError: Error | undefined;

    constructor({ config, defaultDecoder, view, checkIntervalMs = DEFAULT_CHECK_INTERVAL_MS }: ClusterPubSubSetup) {
        this.#view = view;
        this.#checkIntervalMs = reconciliationInterval(checkIntervalMs);
        this.#delivery = new MessageDelivery(defaultDecoder, config?.callback, config?.context);
        this.#registry = configuredRegistry(config);
    }

    /** Subscribes to the configured names; with a timeout (0: none), waits for every confirmation. */
    async start(timeoutMs: number): Promise<void> {
        if (this.#registry.isEmpty) return;
        await this.#ready();
        this.reconcile();
        await startWithin(Promise.all(ALL_MODES.map((mode) => this.#waiters.wait(mode, this.#registry.desired(mode), true, timeoutMs))));
    }

    async subscribe(mode: SubscriptionMode, keys: readonly string[], timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        this.#registry.add(mode, keys);
        await this.#ready();
        const byOwner = new Map<string | undefined, string[]>();
        for (const key of keys) {
            const owner = this.#ownerOf(key);
            const group = byOwner.get(owner);
            if (group === undefined) byOwner.set(owner, [key]);
            else group.push(key);
        }
        for (const [owner, group] of byOwner) {
            if (owner === undefined) this.#refreshThenReconcile(); // a slot without a known owner
            else this.#subscriberAt(owner).sync(mode, group);
        }
        if (timeoutMs !== undefined) await this.#waiters.wait(mode, keys, true, timeoutMs);
    }

    async unsubscribe(mode: SubscriptionMode, keys: readonly string[] | null, timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        let affected: readonly string[] = keys ?? [];
        if (keys === null) {
            const all = new Set(this.#registry.desired(mode));
            for (const subscriber of this.#subscribers.values()) for (const key of subscriber.actual(mode)) all.add(key);
            affected = [...all];
        }
        this.#registry.remove(mode, keys);
        for (const subscriber of this.#subscribers.values()) subscriber.sync(mode, affected);
        if (timeoutMs !== undefined) await this.#waiters.wait(mode, affected, false, timeoutMs);
    }

    snapshot(): SubscriptionSnapshot {
        const actual = (mode: SubscriptionMode): ReadonlySet<string> => {
            const keys = new Set<string>();
            for (const subscriber of this.#subscribers.values()) for (const key of subscriber.actual(mode)) keys.add(key);
            return keys;
        };
        return {
            desired: this.#registry.listedModes().map((mode) => [mode, this.#registry.desired(mode)]),
            actual: ALL_MODES.map((mode) => [mode, actual(mode)]),
        };
    }

    nextMessage(): Promise<PubSubMsg> {
        return this.#delivery.next();
    }

    tryNextMessage(decoder?: Decoder): PubSubMsg | null {
        return this.#delivery.tryNext(decoder);
    }

    /** The settings the subscriber connections reconnect with (a password change must reach them). */
    connectionSettings(): ConnectionOptions[] {
        return Array.from(this.#subscribers.values(), (subscriber) => subscriber.options);
    }

    /**
     * Brings every node in line with the registry: opens subscribers where names are owned, moves
     * names whose owner changed, closes subscribers left with nothing.
     */
    reconcile(): void {
        if (this.#closedError !== undefined) return;
        if (this.#view.primaries().length === 0) return this.#refreshThenReconcile();
        const needed = new Set<string>();
        let unowned = false;
        for (const mode of ALL_MODES) {
            for (const key of this.#registry.desired(mode)) {
                const owner = this.#ownerOf(key);
                if (owner === undefined) unowned = true;
                else needed.add(owner);
            }
        }
        for (const address of needed) this.#subscriberAt(address);
        for (const [address, subscriber] of this.#subscribers) {
            for (const mode of ALL_MODES) {
                const keys = new Set(this.#registry.desired(mode));
                for (const key of subscriber.actual(mode)) keys.add(key);
                subscriber.sync(mode, keys);
            }
            if (!needed.has(address) && subscriber.isIdle) {
                subscriber.close(new ClosingError(`No subscriptions left on ${address}`));
                this.#subscribers.delete(address);
            }
        }
        this.#waiters.checkAll();
        if (unowned || [...needed].some((address) => !this.#subscribers.get(address)!.isReady)) this.#refreshThenReconcile();
    }

    close(error: Error): void {
        if (this.#closedError !== undefined) return;
        this.#closedError = error;
        clearInterval(this.#timer);
        for (const subscriber of this.#subscribers.values()) subscriber.close(error);
        this.#subscribers.clear();
        this.#waiters.close(error);
        this.#delivery.close(error);
    }

    async #ready(): Promise<void> {
        await this.#view.connect();
        this.#checkOpen();
        if (this.#timer === undefined) {
            this.#timer = setInterval(() => this.reconcile(), timerDelay(this.#checkIntervalMs));
            this.#timer.unref();
        }
    }

    /** The primary serving a name's slot now; undefined while no known node does. */
    #ownerOf(key: string): string | undefined {
        let slot = this.#slots.get(key);
        if (slot === undefined) {
            slot = keySlot(keyBytes(key));
            this.#slots.set(key, slot);
        }
        return this.#view.primaryForSlot(slot);
    }

    #isSettled(mode: SubscriptionMode, key: string, subscribed: boolean): boolean {
        if (subscribed) {
            const owner = this.#ownerOf(key);
            return owner !== undefined && this.#subscribers.get(owner)?.isSettled(mode, key, true) === true;
        }
        for (const subscriber of this.#subscribers.values()) if (!subscriber.isSettled(mode, key, false)) return false;
        return true;
    }

    #subscriberAt(address: string): Subscriber {
        let subscriber = this.#subscribers.get(address);
        if (subscriber !== undefined) return subscriber;
        const events: SubscriberEvents = {
            onChange: (mode, key) => (key === undefined ? this.#waiters.checkAll() : this.#waiters.check(mode, key)),
            onStale: (error) => {
                const redirect = error === undefined ? undefined : classifyError(error, false);
                if (redirect?.kind === "moved") {
                    this.#view.moved(redirect.slot, redirect.address);
                    this.reconcile();
                } else {
                    this.#refreshThenReconcile();
                }
            },
            onDisconnect: () => {
                // The node may have failed over: the new topology tells where its names go.
                queueMicrotask(() => this.reconcile());
                this.#refreshThenReconcile();
            },
        };
        subscriber = new Subscriber(this.#registry, { ...this.#view.optionsFor(address), readOnly: false }, this.#delivery.deliver, {
            checkIntervalMs: this.#checkIntervalMs,
            owns: (_mode, key) => this.#ownerOf(key) === address,
            events,
        });
        this.#subscribers.set(address, subscriber);
        subscriber.start().catch(() => undefined);
        return subscriber;
    }

    /** One topology refresh at a time, each followed by a reconciliation. */
    #refreshThenReconcile(): void {
        if (this.#refreshing || this.#closedError !== undefined) return;
        this.#refreshing = true;
        this.#view
            .refresh()
            .catch(() => undefined)
            .finally(() => {
                this.#refreshing = false;
                this.reconcile();
            });
    }

    #checkOpen(): void {
        if (this.#closedError !== undefined) throw this.#closedError;
    }
}
