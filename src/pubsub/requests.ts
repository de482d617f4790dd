/**
 * Subscription requests as GLIDE's core takes them: the (un)subscribe client methods and the
 * commands a customCommand may carry that GLIDE's core answers itself rather than the server —
 * SUBSCRIBE … SUNSUBSCRIBE (change the desired subscriptions, resolve null at once), their
 * *_BLOCKING forms (the last argument is a timeout in milliseconds; wait for the servers to
 * confirm), and GET_SUBSCRIPTIONS (desired and actual subscriptions per mode). Going through the
 * client's subscription registry, a customCommand(["SUBSCRIBE", …]) survives reconnects like
 * subscribe() does.
 */
import { RequestError } from "../errors";
import type { GlideString } from "../commands/types";
import { ALL_MODES, SUBSCRIBE_COMMAND, SubscriptionMode, UNSUBSCRIBE_COMMAND } from "./modes";
import { keyAs, keyText, nameKey } from "./names";
import type { ClientPubSub, PubSubState, SubscriptionSnapshot } from "./pubsub";

/** A change of the desired subscriptions of one mode; `timeoutMs` (0: none) when the caller waits. */
export interface SubscriptionChange {
    mode: SubscriptionMode;
    subscribe: boolean;
    /** Empty: for unsubscribe, every name of the mode. */
    names: readonly GlideString[];
    timeoutMs?: number;
}

export type PubSubRequest = SubscriptionChange | "state";

/** Upper-case command name → what it asks. */
const REQUESTS = new Map<string, { mode: SubscriptionMode; subscribe: boolean; blocking: boolean } | "state">([["GET_SUBSCRIPTIONS", "state"]]);
for (const mode of ALL_MODES) {
    for (const [subscribe, name] of [[true, SUBSCRIBE_COMMAND[mode]], [false, UNSUBSCRIBE_COMMAND[mode]]] as const) {
        REQUESTS.set(name, { mode, subscribe, blocking: false });
        REQUESTS.set(`${name}_BLOCKING`, { mode, subscribe, blocking: true });
    }
}

/** Longest name of the table: longer command names need no look-up. */
const LONGEST = Math.max(...Array.from(REQUESTS.keys(), (name) => name.length));

/** What a customCommand asks of the subscription layer, or undefined when it is for the server. */
export function pubsubRequestOf(args: readonly GlideString[]): PubSubRequest | undefined {
    const first = args[0];
    if (first === undefined || first.length > LONGEST) return undefined;
    const entry = REQUESTS.get((typeof first === "string" ? first : first.toString("latin1")).toUpperCase());
    if (entry === undefined || entry === "state") return entry;
    const rest = args.slice(1);
    if (!entry.blocking) return { mode: entry.mode, subscribe: entry.subscribe, names: rest };
    // The last argument is the timeout; none at all waits without one.
    const last = rest.pop();
    return { mode: entry.mode, subscribe: entry.subscribe, names: rest, timeoutMs: last === undefined ? 0 : waitTimeout(last) };
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A wait's timeout as GLIDE's core reads it: an unsigned decimal number of milliseconds, 0 or
 * anything else (negative, fractional, not a number) meaning no timeout.
 */
export function waitTimeout(text: GlideString): number {
    const value = typeof text === "string" ? text : text.toString("latin1");
    if (!/^\+?[0-9]+$/.test(value)) return 0;
    const ms = Number(value.replace(/^\+/, ""));
    // Past a timer's range (about 24 days) the wait is as good as unbounded.
    return ms > MAX_TIMER_MS ? 0 : ms;
}

/** Applies a change to the client's subscriptions; resolves null as GLIDE's (un)subscribe calls do. */
export async function changeSubscriptions(pubsub: ClientPubSub, change: SubscriptionChange): Promise<null> {
    const { mode, subscribe, names, timeoutMs } = change;
    if (subscribe) {
        if (names.length === 0) throw new RequestError("No channels provided for subscription- ClientError");
        await pubsub.subscribe(mode, uniqueKeys(names), timeoutMs);
    } else {
        await pubsub.unsubscribe(mode, names.length === 0 ? null : uniqueKeys(names), timeoutMs);
    }
    return null;
}

export function uniqueKeys(names: Iterable<GlideString>): string[] {
    return [...new Set(Array.from(names, nameKey))];
}

const MODE_NAMES = ["Exact", "Pattern", "Sharded"];

/**
 * GET_SUBSCRIPTIONS' reply: ["desired", modes, "actual", modes], each modes a list of
 * { key: mode name, value: names }. Text fails as GLIDE's decoding error when a name is not UTF-8.
 */
export function subscriptionsReply(snapshot: SubscriptionSnapshot, bytes: boolean): unknown[] {
    const word = (text: string): GlideString => (bytes ? Buffer.from(text) : text);
    const modes = (entries: SubscriptionSnapshot["desired"]) =>
        entries.map(([mode, keys]) => ({ key: word(MODE_NAMES[mode]), value: Array.from(keys, (key) => decodeKey(key, bytes)) }));
    return [word("desired"), modes(snapshot.desired), word("actual"), modes(snapshot.actual)];
}

/** getSubscriptions' object: names per mode number, as Sets. */
export function subscriptionState(snapshot: SubscriptionSnapshot, bytes: boolean): PubSubState {
    const byMode = (entries: SubscriptionSnapshot["desired"]) =>
        Object.fromEntries(entries.map(([mode, keys]) => [mode, new Set(Array.from(keys, (key) => decodeKey(key, bytes)))]));
    return { desiredSubscriptions: byMode(snapshot.desired), actualSubscriptions: byMode(snapshot.actual) };
}

function decodeKey(key: string, bytes: boolean): GlideString {
    return bytes ? keyAs(key, true) : keyText(key);
}
