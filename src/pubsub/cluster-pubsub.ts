import { ClosingError } from "../errors";
import type { ConnectionOptions } from "../connection/options";
import type { Decoder, GlideString } from "../commands/types";
import { keySlot } from "../routing/cluster/slot";
import { classifyError } from "../routing/cluster/redirect";
import { MessageDelivery, type PubSubMsg } from "./delivery";
import { ALL_MODES, SubscriptionMode } from "./modes";
import { keyAs, keyBytes } from "./names";
import { configuredRegistry, DEFAULT_CHECK_INTERVAL_MS, reconciliationInterval, uniqueKeys, type ClientPubSub, type PubSubConfig, type PubSubState } from "./pubsub";
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
 * connection per node that needs one. Exact and pattern subscriptions live together on one
 * primary (the "home"; any node hears every PUBLISH) and move when it fails; a sharded
 * subscription lives on its slot's primary and follows the slot through failovers and
 * migrations. Reconciliation (on topology changes, redirects, disconnects, and every
 * checkIntervalMs) makes every node's actual subscriptions match what it owns.
 */
export class ClusterPubSub implements ClientPubSub {
    readonly #registry: SubscriptionRegistry;
    readonly #delivery: MessageDelivery;
    readonly #view: ClusterView;
    readonly #checkIntervalMs: number;
    readonly #subscribers = new Map<string, Subscriber>();
    readonly #slots = new Map<string, number>();
    readonly #waiters = new ConfirmationWaiters((mode, key, subscribed) => this.#isSettled(mode, key, subscribed));
    #home: string | undefined;
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
        await Promise.all(ALL_MODES.map((mode) => this.#waiters.wait(mode, this.#registry.desired(mode), true, timeoutMs)));
    }

    async subscribe(mode: SubscriptionMode, names: Iterable<GlideString>, timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        const keys = uniqueKeys(names);
        this.#registry.add(mode, keys);
        await this.#ready();
        const byOwner = new Map<string | undefined, string[]>();
        for (const key of keys) {
            const owner = this.#ownerOf(mode, key);
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

    /** Removes names (null: all of the mode); with a timeout (0: none), waits for the servers. */
    async unsubscribe(mode: SubscriptionMode, names: Iterable<GlideString> | null, timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        let keys: string[];
        if (names === null) {
            const all = new Set(this.#registry.desired(mode));
            for (const subscriber of this.#subscribers.values()) for (const key of subscriber.actual(mode)) all.add(key);
            keys = [...all];
        } else {
            keys = uniqueKeys(names);
        }
        this.#registry.remove(mode, keys);
        for (const subscriber of this.#subscribers.values()) subscriber.sync(mode, keys);
        if (timeoutMs !== undefined) await this.#waiters.wait(mode, keys, false, timeoutMs);
    }

    state(bytes: boolean): PubSubState {
        const state: PubSubState = { desiredSubscriptions: {}, actualSubscriptions: {} };
        for (const mode of ALL_MODES) {
            state.desiredSubscriptions[mode] = new Set(Array.from(this.#registry.desired(mode), (key) => keyAs(key, bytes)));
            const actual = new Set<string>();
            for (const subscriber of this.#subscribers.values()) for (const key of subscriber.actual(mode)) actual.add(key);
            state.actualSubscriptions[mode] = new Set(Array.from(actual, (key) => keyAs(key, bytes)));
        }
        return state;
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
     * Brings every node in line with the registry: picks the home node, opens subscribers where
     * names are owned, moves names whose owner changed, closes subscribers left with nothing.
     */
    reconcile(): void {
        if (this.#closedError !== undefined) return;
        const primaries = this.#view.primaries();
        if (primaries.length === 0) return this.#refreshThenReconcile();
        this.#pickHome(primaries);
        const needed = new Set<string>();
        if (this.#registry.desired(SubscriptionMode.Exact).size + this.#registry.desired(SubscriptionMode.Pattern).size > 0) {
            needed.add(this.#home!);
        }
        let unowned = false;
        for (const key of this.#registry.desired(SubscriptionMode.Sharded)) {
            const owner = this.#ownerOf(SubscriptionMode.Sharded, key);
            if (owner === undefined) unowned = true;
            else needed.add(owner);
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
            this.#timer = setInterval(() => this.reconcile(), this.#checkIntervalMs);
            this.#timer.unref();
        }
        if (this.#home === undefined) this.#pickHome(this.#view.primaries());
    }

    /** Keeps the home node while it is a primary that is (or may soon be) reachable. */
    #pickHome(primaries: string[]): void {
        const home = this.#home;
        if (home !== undefined && primaries.includes(home)) {
            const subscriber = this.#subscribers.get(home);
            if (subscriber === undefined || subscriber.isReady || this.#view.isReady(home)) return;
        }
        const reachable = primaries.filter((address) => this.#view.isReady(address));
        const choices = reachable.length > 0 ? reachable : primaries;
        if (choices.length > 0) this.#home = choices[Math.floor(Math.random() * choices.length)];
    }

    #ownerOf(mode: SubscriptionMode, key: string): string | undefined {
        if (mode !== SubscriptionMode.Sharded) return this.#home;
        let slot = this.#slots.get(key);
        if (slot === undefined) {
            slot = keySlot(keyBytes(key));
            this.#slots.set(key, slot);
        }
        return this.#view.primaryForSlot(slot);
    }

    #isSettled(mode: SubscriptionMode, key: string, subscribed: boolean): boolean {
        if (subscribed) {
            const owner = this.#ownerOf(mode, key);
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
            onRefused: (mode, keys, error) => this.#waiters.fail(mode, keys, error),
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
                // Exact and pattern names need any node: move them at once rather than wait for this one.
                if (address === this.#home) this.#pickHome(this.#view.primaries().filter((other) => other !== address));
                queueMicrotask(() => this.reconcile());
                this.#refreshThenReconcile();
            },
        };
        subscriber = new Subscriber(this.#registry, { ...this.#view.optionsFor(address), readOnly: false }, this.#delivery.deliver, {
            checkIntervalMs: this.#checkIntervalMs,
            owns: (mode, key) => this.#ownerOf(mode, key) === address,
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
