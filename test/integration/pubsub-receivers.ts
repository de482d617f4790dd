/**
 * Pub/sub test support: a subscriber client read in one of the three ways GLIDE offers (callback,
 * getPubSubMessage, tryGetPubSubMessage), behind one `take(count)` so suites run all three alike.
 */
import { GlideClient, type GlideClientConfiguration, type ProtocolVersion, type PubSubMsg } from "../../src";
import { newStandaloneClient } from "../helpers/clients";
import { sleep } from "../helpers/wait";

export type ReadStyle = "callback" | "getPubSubMessage" | "tryGetPubSubMessage";
export const READ_STYLES: ReadStyle[] = ["callback", "getPubSubMessage", "tryGetPubSubMessage"];

export type Modes = GlideClientConfiguration.PubSubSubscriptions["channelsAndPatterns"];

export interface Receiver {
    client: GlideClient;
    /** The next `count` messages, in arrival order; fails after `timeoutMs` with what came so far. */
    take(count: number, timeoutMs?: number): Promise<PubSubMsg[]>;
    /** Messages that arrived and were not taken (waits `quietMs` for stragglers first). */
    leftover(quietMs?: number): Promise<PubSubMsg[]>;
}

export interface ReceiverOptions {
    protocol: ProtocolVersion;
    style: ReadStyle;
    modes?: Modes;
    extra?: Partial<GlideClientConfiguration>;
    /** Client factory (default: a client of the shared standalone server). */
    create?: (extra: Partial<GlideClientConfiguration>) => Promise<GlideClient>;
}

export async function newReceiver(options: ReceiverOptions): Promise<Receiver> {
    const { protocol, style, modes = {}, extra = {} } = options;
    const create = options.create ?? ((config) => newStandaloneClient(protocol, config));
    const arrived: PubSubMsg[] = [];
    const subscriptions: GlideClientConfiguration.PubSubSubscriptions =
        style === "callback"
            ? { channelsAndPatterns: modes, callback: (msg, context: PubSubMsg[]) => context.push(msg), context: arrived }
            : { channelsAndPatterns: modes };
    const client = await create({ ...extra, pubsubSubscriptions: subscriptions });

    async function pull(deadline: number): Promise<boolean> {
        if (style === "callback") {
            await sleep(1);
            return false;
        }
        if (style === "tryGetPubSubMessage") {
            const msg = client.tryGetPubSubMessage();
            if (msg === null) await sleep(1);
            else arrived.push(msg);
            return msg !== null;
        }
        const left = deadline - Date.now();
        if (left <= 0) return false;
        let timer: NodeJS.Timeout | undefined;
        const msg = await Promise.race([
            client.getPubSubMessage(),
            new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left))),
        ]);
        clearTimeout(timer);
        if (msg !== null) arrived.push(msg);
        return msg !== null;
    }

    return {
        client,
        async take(count, timeoutMs = 5000) {
            const deadline = Date.now() + timeoutMs;
            while (arrived.length < count && Date.now() < deadline) {
                // Drain whatever is ready without sleeping between messages.
                while (arrived.length < count && (await pull(deadline)));
            }
            if (arrived.length < count) {
                throw new Error(`expected ${count} messages within ${timeoutMs} ms, got ${arrived.length}: ${JSON.stringify(arrived.slice(0, 5))}`);
            }
            return arrived.splice(0, count);
        },
        async leftover(quietMs = 100) {
            if (style === "getPubSubMessage") {
                // A pending getPubSubMessage() would take (and lose) the next message: poll instead.
                await sleep(quietMs);
                for (let msg = client.tryGetPubSubMessage(); msg !== null; msg = client.tryGetPubSubMessage()) arrived.push(msg);
            } else {
                const until = Date.now() + quietMs;
                while (Date.now() < until) await pull(until);
            }
            return arrived.splice(0, arrived.length);
        },
    };
}

/** Sorts messages by channel, then message, so sets of messages compare regardless of interleaving. */
export function byChannel(messages: PubSubMsg[]): PubSubMsg[] {
    const text = (value: unknown) => (Buffer.isBuffer(value) ? value.toString("hex") : String(value));
    return [...messages].sort((a, b) =>
        text(a.channel) === text(b.channel) ? text(a.message).localeCompare(text(b.message)) : text(a.channel).localeCompare(text(b.channel)),
    );
}
