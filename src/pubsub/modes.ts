/**
 * The three kinds of subscription. The numbers are GLIDE's PubSubChannelModes (Exact, Pattern,
 * Sharded), shared by the standalone and cluster configuration enums.
 */
export const enum SubscriptionMode {
    Exact = 0,
    Pattern = 1,
    Sharded = 2,
}

export const ALL_MODES: readonly SubscriptionMode[] = [SubscriptionMode.Exact, SubscriptionMode.Pattern, SubscriptionMode.Sharded];

/** The server's verbs per mode: how to (un)subscribe, and how its confirmations are named. */
export const SUBSCRIBE_COMMAND = ["SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE"] as const;
export const UNSUBSCRIBE_COMMAND = ["UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE"] as const;

/** Unsubscribe from every channel (as GLIDE: `unsubscribe(ALL_CHANNELS)`). */
export const ALL_CHANNELS = null;
/** Unsubscribe from every pattern (as GLIDE: `punsubscribe(ALL_PATTERNS)`). */
export const ALL_PATTERNS = null;
