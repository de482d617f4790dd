import { ConfigurationError } from "../errors";
import type { ConnectionOptions } from "../connection/options";
import { Decoder, type GlideString } from "../commands/types";
import { MessageDelivery, type PubSubCallback, type PubSubMsg } from "./delivery";
import type { SubscriptionMode } from "./modes";
import { keyAs, nameKey } from "./names";
import { SubscriptionRegistry } from "./registry";
import { Subscriber } from "./subscriber";

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

/** What the client methods shared by both client kinds need of either kind's pub/sub. */
export interface ClientPubSub {
    subscribe(mode: SubscriptionMode, names: Iterable<GlideString>, timeoutMs?: number): Promise<void>;
    unsubscribe(mode: SubscriptionMode, names: Iterable<GlideString> | null, timeoutMs?: number): Promise<void>;
    nextMessage(): Promise<PubSubMsg>;
    tryNextMessage(decoder?: Decoder): PubSubMsg | null;
}

/** Checks the option before any socket opens; `modes` are those the client kind supports. */
export function validatePubSubConfig(config: PubSubConfig | null | undefined, modes: readonly SubscriptionMode[]): void {
    // As GLIDE: null (or any falsy value) means no subscriptions, and a context is refused only
    // when it is set (truthy) and the callback is not.
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
        if (!modes.includes(Number(mode) as SubscriptionMode)) {
            throw new ConfigurationError(`pubsubSubscriptions: unknown channel mode ${mode} for this client (allowed: ${modes.join(", ")})`);
        }
        if (names !== undefined && (names === null || typeof names[Symbol.iterator] !== "function")) {
            throw new ConfigurationError(`pubsubSubscriptions: the names of mode ${mode} must be a Set of strings`);
        }
    }
}

export function uniqueKeys(names: Iterable<GlideString>): string[] {
    return [...new Set(Array.from(names, nameKey))];
}

/** How often an idle subscriber connection is checked by default (GLIDE's reconciliation interval option). */
export const DEFAULT_CHECK_INTERVAL_MS = 5000;

/** `advancedConfiguration.pubsubReconciliationIntervalMs`, checked. */
export function reconciliationInterval(ms: number): number {
    if (!Number.isInteger(ms) || ms <= 0) {
        throw new ConfigurationError(`advancedConfiguration.pubsubReconciliationIntervalMs must be a positive integer, got ${ms}`);
    }
    return ms;
}

/** A client's subscription registry, holding its configured subscriptions to start with. */
export function configuredRegistry(config: PubSubConfig | undefined): SubscriptionRegistry {
    const registry = new SubscriptionRegistry();
    for (const [mode, names] of Object.entries(config?.channelsAndPatterns ?? {})) {
        if (names !== undefined) registry.add(Number(mode) as SubscriptionMode, uniqueKeys(names));
    }
    return registry;
}

export interface PubSubSetup {
    config: PubSubConfig | undefined;
    defaultDecoder: Decoder;
    /** Where the subscriber connects, asked when the first subscription is made. */
    locate: () => Promise<ConnectionOptions>;
    /** advancedConfiguration.pubsubReconciliationIntervalMs: the subscriber's health check period. */
    checkIntervalMs?: number;
}

/**
 * A client's pub/sub: the registry of desired subscriptions, the subscriber connection (opened
 * on the first subscription, at the address `locate` gives) and message delivery.
 */
export class PubSub implements ClientPubSub {
    readonly #registry: SubscriptionRegistry;
    readonly #delivery: MessageDelivery;
    readonly #locate: () => Promise<ConnectionOptions>;
    readonly #checkIntervalMs: number;
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
        if (this.#registry.isEmpty) return;
        const subscriber = await this.#ensureSubscriber();
        await subscriber.start();
        const modes = [0, 1, 2] as SubscriptionMode[];
        await Promise.all(modes.map((mode) => subscriber.waitFor(mode, this.#registry.desired(mode), true, timeoutMs)));
    }

    /** Adds names; with a timeout (0: none), waits until the server confirmed every one. */
    async subscribe(mode: SubscriptionMode, names: Iterable<GlideString>, timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        const keys = uniqueKeys(names);
        this.#registry.add(mode, keys);
        const subscriber = this.#subscriber ?? (await this.#ensureSubscriber());
        subscriber.sync(mode, keys);
        if (timeoutMs !== undefined) await subscriber.waitFor(mode, keys, true, timeoutMs);
    }

    /** Removes names (null: all of the mode); with a timeout (0: none), waits for the server. */
    async unsubscribe(mode: SubscriptionMode, names: Iterable<GlideString> | null, timeoutMs?: number): Promise<void> {
        this.#checkOpen();
        const subscriber = this.#subscriber;
        const keys =
            names === null ? [...new Set([...this.#registry.desired(mode), ...(subscriber?.actual(mode) ?? [])])] : uniqueKeys(names);
        this.#registry.remove(mode, names === null ? null : keys);
        if (subscriber === undefined) return;
        subscriber.sync(mode, keys);
        if (timeoutMs !== undefined) await subscriber.waitFor(mode, keys, false, timeoutMs);
    }

    /** Desired and server-confirmed names of the given modes, as text or bytes. */
    state(modes: readonly SubscriptionMode[], bytes: boolean): PubSubState {
        const state: PubSubState = { desiredSubscriptions: {}, actualSubscriptions: {} };
        for (const mode of modes) {
            state.desiredSubscriptions[mode] = new Set(Array.from(this.#registry.desired(mode), (key) => keyAs(key, bytes)));
            state.actualSubscriptions[mode] = new Set(Array.from(this.#subscriber?.actual(mode) ?? [], (key) => keyAs(key, bytes)));
        }
        return state;
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
        this.#delivery.close(error);
    }

    #checkOpen(): void {
        if (this.#closedError !== undefined) throw this.#closedError;
    }

    #ensureSubscriber(): Promise<Subscriber> {
        if (this.#subscriber !== undefined) return Promise.resolve(this.#subscriber);
        this.#creating ??= this.#locate().then(
            (options) => {
                const subscriber = new Subscriber(this.#registry, options, this.#delivery.deliver, { checkIntervalMs: this.#checkIntervalMs });
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
