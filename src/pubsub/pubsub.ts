import { ClosingError, ConfigurationError, TimeoutError } from "../errors";
import type { ConnectionOptions } from "../connection/options";
import type { Decoder, GlideString } from "../commands/types";
import { MessageDelivery, type PubSubCallback, type PubSubMsg } from "./delivery";
import { ALL_MODES, SubscriptionMode } from "./modes";
import { uniqueKeys } from "./requests";
import { SubscriptionRegistry } from "./registry";
import { Subscriber } from "./subscriber";
import { ConfirmationWaiters } from "./waiters";

/** The `pubsubSubscriptions` option of both client kinds (mode numbers as in their enums). */
export interface PubSubConfig {
    channelsAndPatterns: Partial<Record<number, Set<string>>>;
    callback?: PubSubCallback | null;
    context?: any;
}

/** Desired and actual subscriptions, by mode (StandalonePubSubState / ClusterPubSubState). */
export interface PubSubState {
    desiredSubscriptions: Partial<Record<number, Set<GlideString>>>;
    actualSubscriptions: Partial<Record<number, Set<GlideString>>>;
}

/** Desired and actual names per mode (as keys, see names.ts): desired lists the modes the registry lists. */
export interface SubscriptionSnapshot {
    desired: [SubscriptionMode, ReadonlySet<string>][];
    actual: [SubscriptionMode, ReadonlySet<string>][];
}

/** What the client methods shared by both client kinds need of either kind's pub/sub. */
export interface ClientPubSub {
    /** Adds names; with a timeout (0: none), waits until the servers confirmed every one. */
    subscribe(mode: SubscriptionMode, keys: readonly string[], timeoutMs?: number): Promise<void>;
    /** Removes names (null: the whole mode); with a timeout (0: none), waits until no server has them. */
    unsubscribe(mode: SubscriptionMode, keys: readonly string[] | null, timeoutMs?: number): Promise<void>;
    snapshot(): SubscriptionSnapshot;
    nextMessage(): Promise<PubSubMsg>;
    tryNextMessage(decoder?: Decoder): PubSubMsg | null;
}

/**
 * Checks the option before any socket opens. As GLIDE: null (or any falsy value) means no
 * subscriptions, a context is refused only when it is set (truthy) and the callback is not, and
 * modes other than Exact, Pattern and Sharded are ignored.
 */
export function validatePubSubConfig(config: PubSubConfig | null | undefined): void {
    if (!config) return;
    if (typeof config !== "object" || typeof config.channelsAndPatterns !== "object" || config.channelsAndPatterns === null) {
        throw new ConfigurationError("pubsubSubscriptions needs a channelsAndPatterns object: { [mode]: Set of names }");
    }
    if (config.context && !config.callback) {
        throw new ConfigurationError("PubSub subscriptions with a context require a callback function to be configured.");
    }
    if (config.callback != null && typeof config.callback !== "function") {
        throw new ConfigurationError("pubsubSubscriptions.callback must be a function (msg, context) => void");
    }
    for (const [mode, names] of Object.entries(config.channelsAndPatterns)) {
        if (names !== undefined && (names === null || typeof names[Symbol.iterator] !== "function")) {
            throw new ConfigurationError(`pubsubSubscriptions: the names of mode ${mode} must be a Set of strings`);
        }
    }
}

/** How often an idle subscriber connection is checked by default (GLIDE's reconciliation interval option). */
export const DEFAULT_CHECK_INTERVAL_MS = 5000;

/** `advancedConfiguration.pubsubReconciliationIntervalMs`, checked; 0, which GLIDE accepts, is the default. */
export function reconciliationInterval(ms: number): number {
    if (ms === 0) return DEFAULT_CHECK_INTERVAL_MS;
    if (!Number.isInteger(ms) || ms < 0) {
        throw new ConfigurationError(`advancedConfiguration.pubsubReconciliationIntervalMs must be a non-negative integer, got ${ms}`);
    }
    return ms;
}

/** A client's subscription registry, holding its configured subscriptions (empty sets list nothing). */
export function configuredRegistry(config: PubSubConfig | undefined): SubscriptionRegistry {
    const registry = new SubscriptionRegistry();
    for (const [mode, names] of Object.entries(config?.channelsAndPatterns ?? {})) {
        const keys = names === undefined ? [] : uniqueKeys(names);
        if (keys.length > 0 && (ALL_MODES as readonly number[]).includes(Number(mode))) registry.add(Number(mode) as SubscriptionMode, keys);
    }
    return registry;
}

/** Configured subscriptions not confirmed within the connection timeout fail createClient in GLIDE's words. */
export async function startWithin(wait: Promise<unknown>): Promise<void> {
    try {
        await wait;
    } catch (error) {
        throw error instanceof TimeoutError ? new ClosingError("Connection error: Timeout") : error;
    }
}

export interface PubSubSetup {
    config: PubSubConfig | undefined;
    defaultDecoder: Decoder;
    /** Where the subscriber connects, asked when the first subscription is made. */
    locate: () => Promise<ConnectionOptions>;
    /** advancedConfiguration.pubsubReconciliationIntervalMs: the subscriber's health check period. */
    checkIntervalMs?: number;
}

/** The modes a standalone server is asked for: GLIDE keeps sharded names desired there, never subscribed. */
const STANDALONE_MODES = [SubscriptionMode.Exact, SubscriptionMode.Pattern];

/**
 * A client's pub/sub: the registry of desired subscriptions, the subscriber connection (opened
 * on the first subscription, at the address `locate` gives) and message delivery.
 */
export class PubSub implements ClientPubSub {
    readonly #registry: SubscriptionRegistry;
    readonly #delivery: MessageDelivery;
    readonly #locate: () => Promise<ConnectionOptions>;
    readonly #checkIntervalMs: number;
    /** Waits for names no server here will confirm (sharded ones): they end by timeout or close. */
    readonly #unserved = new ConfirmationWaiters(() => false);
    #subscriber: Subscriber | undefined;
    #creating: Promise<Subscriber> | undefined;
    #closedError: Error | undefined;

    constructor({ config, defaultDecoder, locate, checkIntervalMs = DEFAULT_CHECK_INTERVAL_MS }: PubSubSetup) {
        this.#locate = locate;
        this.#checkIntervalMs = reconciliationInterval(checkIntervalMs);
        this.#delivery = new MessageDelivery(defaultDecoder, config?.callback, config?.context);
        this.#registry = configuredRegistry(config);
    }

    /** Opens the subscriber for configured subscriptions and waits for the server to confirm them. */
    async start(timeoutMs: number): Promise<void> {
        if (STANDALONE_MODES.every((mode) => this.#registry.desired(mode).size === 0)) return;
        const subscriber = await this.#ensureSubscriber();
        await subscriber.start();
        await startWithin(Promise.all(STANDALONE_MODES.map((mode) => subscriber.waitFor(mode, this.#registry.desired(mode), true, timeoutMs))));
    }

    async subscribe(mode: SubscriptionMode, keys: readonly string[], timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        this.#registry.add(mode, keys);
        if (!STANDALONE_MODES.includes(mode)) {
            if (timeoutMs !== undefined) await this.#unserved.wait(mode, keys, true, timeoutMs);
            return;
        }
        const subscriber = this.#subscriber ?? (await this.#ensureSubscriber());
        subscriber.sync(mode, keys);
        if (timeoutMs !== undefined) await subscriber.waitFor(mode, keys, true, timeoutMs);
    }

    async unsubscribe(mode: SubscriptionMode, keys: readonly string[] | null, timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        const subscriber = this.#subscriber;
        const affected = keys ?? [...new Set([...this.#registry.desired(mode), ...(subscriber?.actual(mode) ?? [])])];
        this.#registry.remove(mode, keys);
        if (subscriber === undefined || !STANDALONE_MODES.includes(mode)) return;
        subscriber.sync(mode, affected);
        if (timeoutMs !== undefined) await subscriber.waitFor(mode, affected, false, timeoutMs);
    }

    snapshot(): SubscriptionSnapshot {
        return {
            desired: this.#registry.listedModes().map((mode) => [mode, this.#registry.desired(mode)]),
            actual: STANDALONE_MODES.map((mode) => [mode, this.#subscriber?.actual(mode) ?? new Set()]),
        };
    }

    nextMessage(): Promise<PubSubMsg> {
        return this.#delivery.next();
    }

    tryNextMessage(decoder?: Decoder): PubSubMsg | null {
        return this.#delivery.tryNext(decoder);
    }

    close(error: Error): void {
        if (this.#closedError !== undefined) return;
        this.#closedError = error;
        this.#subscriber?.close(error);
        this.#unserved.close(error);
        this.#delivery.close(error);
    }

    #checkOpen(): void {
        if (this.#closedError !== undefined) throw this.#closedError;
    }

    #ensureSubscriber(): Promise<Subscriber> {
        if (this.#subscriber !== undefined) return Promise.resolve(this.#subscriber);
        this.#creating ??= this.#locate().then(
            (options) => {
                const subscriber = new Subscriber(this.#registry, options, this.#delivery.deliver, {
                    checkIntervalMs: this.#checkIntervalMs,
                    owns: (mode) => STANDALONE_MODES.includes(mode),
                });
                if (this.#closedError !== undefined) {
                    subscriber.close(this.#closedError);
                    throw this.#closedError;
                }
                this.#subscriber = subscriber;
                return subscriber;
            },
            (error) => {
                this.#creating = undefined;
                throw error;
            },
        );
        return this.#creating;
    }
}
