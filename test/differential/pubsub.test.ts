/**
 * Pub/sub scenarios through GLIDE 2.5.2 and glide-ts: each side runs the same script of steps
 * (subscribe, publish, read, unsubscribe, look at getSubscriptions, close …) on clients of its
 * own, every step's outcome is recorded, and the two records must be equal. What depends on
 * timing is waited for, not slept on: a lazy subscription is read back once the server confirmed
 * it, a message is polled for until it arrives.
 *
 * The scenarios run on RESP3: on RESP2 GLIDE refuses configured subscriptions and never makes
 * dynamic ones (every subscribe times out), where glide-ts subscribes as on RESP3 (an improvement,
 * see the README). One short scenario shows that difference on RESP2.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { ACCEPTED_CALL_DIFFERENCES, acceptedFor, type AcceptedDifference } from "./accepted-differences";
import { subscriptionsInOrder } from "./cases/pubsub";
import { BIN, type Library, type SetupCommand } from "./cases/types";
import { CONFIGS, Environment, type Config } from "./harness/environment";
import { GLIDE, GLIDE_TS, glideSkipReason, type Side } from "./harness/libraries";
import { capture, render, renderOutcome, type Outcome } from "./harness/outcome";

/**
 * Channel names carry a tag of their side, configuration and scenario: GLIDE's close() leaves its
 * core running, subscribed (and subscribing again after the server drops it), so a closed GLIDE
 * client would be counted by the next run that used the same names. Records show the tag as <tag>.
 */
function tagOf(side: Side, configIndex: number, scenarioIndex: number): string {
    return `.${side.name === "GLIDE" ? "g" : "t"}${configIndex}${String(scenarioIndex).padStart(2, "0")}`;
}

/** How long a confirmation, a message or a settled state is waited for: ample on one machine. */
const WAIT_MS = 1000;
const SUBSCRIBE_TIMEOUT = 1500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const NO_MESSAGE = Symbol("no message");

/** Commands that run on every node of a cluster (ACL users, killing connections). */
function everywhere(cluster: boolean, args: string[]): SetupCommand {
    return cluster ? { args, route: "allNodes" } : args;
}

/** One side's run of a scenario: its clients, and the record of every step. */
class Run {
    readonly record: string[] = [];
    readonly #clients: { close(message?: string): void }[] = [];

    constructor(
        readonly env: Environment,
        readonly side: Side,
        readonly config: Config,
        readonly tag: string,
    ) {}

    /** A channel or pattern name of this run. */
    n(base: string): string {
        return `${base}${this.tag}`;
    }

    /** A channel name of this run that is not UTF-8. */
    bin(): Buffer {
        return Buffer.concat([BIN, Buffer.from(this.tag)]);
    }

    get lib(): Library {
        return this.side.lib;
    }

    get cluster(): boolean {
        return this.config.cluster;
    }

    /** The side's PubSubChannelModes enum for this client kind. */
    get modes(): { Exact: number; Pattern: number; Sharded?: number } {
        return this.cluster ? this.lib.GlideClusterClientConfiguration.PubSubChannelModes : this.lib.GlideClientConfiguration.PubSubChannelModes;
    }

    /** Runs one step, records its outcome (optionally normalised), and returns its value. */
    async step(title: string, call: () => unknown, normalize?: (value: unknown) => unknown): Promise<any> {
        const outcome = await capture(call);
        this.note(title, outcome, normalize);
        return outcome.kind === "value" ? outcome.value : undefined;
    }

    note(title: string, outcome: Outcome, normalize?: (value: unknown) => unknown): void {
        const shown = outcome.kind === "value" && normalize ? { ...outcome, value: normalize(outcome.value) } : outcome;
        const text = renderOutcome(shown).replaceAll(this.tag, "<tag>").replaceAll(Buffer.from(this.tag).toString("hex"), "<tag>");
        this.record.push(`${title}: ${text}`);
    }

    /** Creates a client of this side and configuration (recorded); undefined when that failed. */
    async client(title: string, extra: object = {}): Promise<any> {
        const client = await this.step(`createClient ${title}`, async () => {
            const created = await this.env.newClient(this.side, this.config, extra);
            this.#clients.push(created);
            return "created";
        });
        return client === undefined ? undefined : this.#clients[this.#clients.length - 1];
    }

    /** A client without subscriptions that publishes. */
    publisher(): Promise<any> {
        return this.client("publisher");
    }

    /** Waits until the server confirmed what the client wants (for the modes it reports), then records the state. */
    async settled(client: any, title = "getSubscriptions once settled"): Promise<void> {
        const deadline = performance.now() + WAIT_MS * 2;
        while (performance.now() < deadline) {
            const state = await client.getSubscriptions().catch(() => undefined);
            if (state === undefined) break;
            const modes = Object.keys(state.actualSubscriptions);
            const same = modes.every((mode) => render(state.actualSubscriptions[mode]) === render(state.desiredSubscriptions[mode] ?? new Set()));
            if (same) break;
            await sleep(20);
        }
        await this.step(title, () => client.getSubscriptions());
    }

    /** The next message by getPubSubMessage, or NO_MESSAGE when none came in time. */
    async getMessage(client: any, title = "getPubSubMessage"): Promise<void> {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise((resolve) => (timer = setTimeout(() => resolve(NO_MESSAGE), WAIT_MS)));
        await this.step(title, () => Promise.race([client.getPubSubMessage(), late]).finally(() => clearTimeout(timer)));
    }

    /** The next message by tryGetPubSubMessage, polled until it is not null (or it throws). */
    async tryMessage(client: any, title = "tryGetPubSubMessage", decoder?: unknown): Promise<void> {
        const deadline = performance.now() + WAIT_MS;
        let outcome: Outcome;
        for (;;) {
            outcome = await capture(() => (decoder === undefined ? client.tryGetPubSubMessage() : client.tryGetPubSubMessage(decoder)));
            if (outcome.kind !== "value" || outcome.value !== null || performance.now() > deadline) break;
            await sleep(10);
        }
        this.note(title, outcome);
    }

    /** Nothing more arrives: a short pause, then tryGetPubSubMessage. */
    async nothingMore(client: any): Promise<void> {
        await sleep(100);
        await this.step("tryGetPubSubMessage (nothing more)", () => client.tryGetPubSubMessage());
    }

    admin(commands: readonly SetupCommand[]): Promise<void> {
        return this.env.run(this.cluster, commands);
    }

    closeAll(): void {
        for (const client of this.#clients) client.close();
    }
}

interface Scenario {
    title: string;
    only?: "standalone" | "cluster";
    /** Only the RESP2 configurations run it (the others run on RESP3 only). */
    resp2?: boolean;
    /** Run through the admin client before and after each side (ACL users). */
    setup?: (cluster: boolean) => SetupCommand[];
    teardown?: (cluster: boolean) => SetupCommand[];
    script(run: Run): Promise<void>;
}

const LIMITED_USER = "pubsub-limited";
const aclSetup = (cluster: boolean) => [
    everywhere(cluster, ["ACL", "SETUSER", LIMITED_USER, "on", ">pw", "~*", "+@all", "resetchannels", "&{dk}allowed*"]),
];
const aclTeardown = (cluster: boolean) => [everywhere(cluster, ["ACL", "DELUSER", LIMITED_USER])];
const limited = { credentials: { username: LIMITED_USER, password: "pw" } };

const SCENARIOS: Scenario[] = [
    {
        title: "subscribe and psubscribe with a timeout; messages read both ways",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            await run.step("getSubscriptions before", () => client.getSubscriptions());
            await run.step("subscribe", () => client.subscribe(new Set([run.n("{dk}news"), run.n("{dk}sport")]), SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("publish", () => publisher.publish("one", run.n("{dk}news")));
            await run.getMessage(client);
            await run.step("publish", () => publisher.publish("two", run.n("{dk}sport")));
            await run.tryMessage(client);
            await run.step("psubscribe", () => client.psubscribe([run.n("{dk}n*")], SUBSCRIBE_TIMEOUT));
            await run.step("publish to a channel and the pattern", () => publisher.publish("three", run.n("{dk}news")));
            await run.getMessage(client, "getPubSubMessage (first of two)");
            await run.getMessage(client, "getPubSubMessage (second of two)");
            await run.step("publish binary", () => publisher.publish(BIN, run.n("{dk}sport")));
            await run.tryMessage(client, "tryGetPubSubMessage, bytes decoder", run.lib.Decoder.Bytes);
            await run.step("publish", () => publisher.publish(Buffer.from("four"), run.n("{dk}sport")));
            await run.tryMessage(client, "tryGetPubSubMessage, string decoder", run.lib.Decoder.String);
            await run.nothingMore(client);
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("unsubscribe one", () => client.unsubscribe(new Set([run.n("{dk}news")]), SUBSCRIBE_TIMEOUT));
            await run.step("punsubscribe", () => client.punsubscribe([run.n("{dk}n*")], SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("publish to the unsubscribed channel", () => publisher.publish("five", run.n("{dk}news")));
            await run.nothingMore(client);
            await run.step("subscribe, timeout 0 (none)", () => client.subscribe([run.n("{dk}news")], 0));
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "lazy forms",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            await run.step("subscribeLazy", () => client.subscribeLazy([run.n("{dk}news"), run.n("{dk}sport")]));
            await run.step("psubscribeLazy", () => client.psubscribeLazy(new Set([run.n("{dk}n*")])));
            await run.settled(client);
            await run.step("publish", () => publisher.publish("one", run.n("{dk}sport")));
            await run.tryMessage(client);
            await run.step("unsubscribeLazy one", () => client.unsubscribeLazy([run.n("{dk}sport")]));
            await run.settled(client);
            await run.step("unsubscribeLazy with no argument", () => client.unsubscribeLazy());
            await run.step("punsubscribeLazy ALL_PATTERNS", () => client.punsubscribeLazy(run.lib.ALL_PATTERNS));
            await run.settled(client);
            await run.step("publish", () => publisher.publish("two", run.n("{dk}news")));
            await run.nothingMore(client);
            await run.step("subscribeLazy with no channels", () => client.subscribeLazy([]));
            await run.step("unsubscribeLazy null", () => client.unsubscribeLazy(null));
            await run.step("punsubscribeLazy a pattern never subscribed", () => client.punsubscribeLazy([run.n("{dk}never*")]));
            await run.settled(client);
        },
    },
    {
        title: "unsubscribing everything, and arguments GLIDE reads its own way",
        async script(run) {
            const client = await run.client("subscriber");
            const subscribeBoth = async () => {
                await run.step("subscribe", () => client.subscribe([run.n("{dk}news"), run.n("{dk}sport")], SUBSCRIBE_TIMEOUT));
                await run.step("psubscribe", () => client.psubscribe([run.n("{dk}n*")], SUBSCRIBE_TIMEOUT));
            };
            await subscribeBoth();
            await run.step("unsubscribe null", () => client.unsubscribe(null, SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("punsubscribe ALL_PATTERNS", () => client.punsubscribe(run.lib.ALL_PATTERNS, SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await subscribeBoth();
            await run.step("unsubscribe ALL_CHANNELS", () => client.unsubscribe(run.lib.ALL_CHANNELS, SUBSCRIBE_TIMEOUT));
            await run.step("unsubscribe of an empty set (everything)", () => client.subscribe([run.n("{dk}news")], SUBSCRIBE_TIMEOUT).then(() => client.unsubscribe(new Set(), SUBSCRIBE_TIMEOUT)));
            await run.step("punsubscribe undefined (everything)", () => client.punsubscribe(undefined, SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("unsubscribe of names never subscribed", () => client.unsubscribe([run.n("{dk}never")], SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions (the mode is listed again)", () => client.getSubscriptions());
            await run.step("subscribe to no channels", () => client.subscribe(new Set(), SUBSCRIBE_TIMEOUT));
            await run.step("subscribe without a timeout", () => client.subscribe([run.n("{dk}news")]));
            await run.step("subscribe, null timeout", () => client.subscribe([run.n("{dk}news")], null));
            await run.step("unsubscribe without a timeout", () => client.unsubscribe([run.n("{dk}news")]));
            await run.step("subscribe null", () => client.subscribe(null, SUBSCRIBE_TIMEOUT));
            await run.step("psubscribe a string (each character a pattern)", () => client.psubscribe("ab", SUBSCRIBE_TIMEOUT));
            await run.step("subscribe, negative timeout (none)", () => client.subscribe([run.n("{dk}negative")], -5));
            await run.step("subscribe, fractional timeout (none)", () => client.subscribe([run.n("{dk}fraction")], 1.5));
            await run.step("subscribe Buffer names", () => client.subscribe([Buffer.from(run.n("{dk}buffer")), run.n("{dk}buffer")], SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "sharded subscriptions",
        only: "cluster",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            await run.step("ssubscribe, two slots", () => client.ssubscribe(new Set([run.n("{dk}shard"), run.n("dk:shard:elsewhere")]), SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("publish sharded", () => publisher.publish("one", run.n("{dk}shard"), true));
            await run.getMessage(client);
            await run.step("publish sharded, other slot", () => publisher.publish("two", run.n("dk:shard:elsewhere"), true));
            await run.tryMessage(client);
            await run.step("publish not sharded", () => publisher.publish("three", run.n("{dk}shard")));
            await run.nothingMore(client);
            await run.step("pubsubShardChannels", async () => [...(await publisher.pubsubShardChannels())].sort());
            await run.step("pubsubShardNumSub", () => publisher.pubsubShardNumSub([run.n("{dk}shard")]));
            await run.step("ssubscribeLazy", () => client.ssubscribeLazy([run.n("{dk}shard-lazy")]));
            await run.settled(client);
            await run.step("sunsubscribe one", () => client.sunsubscribe([run.n("{dk}shard")], SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("sunsubscribe ALL_SHARDED_CHANNELS", () => client.sunsubscribe(run.lib.ALL_SHARDED_CHANNELS, SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("ssubscribe", () => client.ssubscribe([run.n("{dk}shard")], SUBSCRIBE_TIMEOUT));
            await run.step("sunsubscribeLazy with no argument", () => client.sunsubscribeLazy());
            await run.settled(client);
            await run.step("ssubscribe no channels", () => client.ssubscribe([], SUBSCRIBE_TIMEOUT));
            await run.step("ssubscribe without a timeout", () => client.ssubscribe([run.n("{dk}shard")]));
        },
    },
    {
        title: "customCommand forms of the commands GLIDE's core answers",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            const state = (title: string, options?: object) => run.step(title, () => client.customCommand(["GET_SUBSCRIPTIONS"], options), subscriptionsInOrder);
            await state("GET_SUBSCRIPTIONS");
            await run.step("SUBSCRIBE", () => client.customCommand(["SUBSCRIBE", run.n("{dk}news")]));
            await run.step("psubscribe in lower case", () => client.customCommand(["psubscribe", run.n("{dk}n*")]));
            await run.settled(client);
            await state("GET_SUBSCRIPTIONS");
            await state("GET_SUBSCRIPTIONS, bytes decoder", { decoder: run.lib.Decoder.Bytes });
            await state("GET_SUBSCRIPTIONS, string decoder", { decoder: run.lib.Decoder.String });
            await run.step("publish", () => publisher.publish("one", run.n("{dk}news")));
            await run.getMessage(client, "getPubSubMessage (first of two)");
            await run.getMessage(client, "getPubSubMessage (second of two)");
            await run.step("SUBSCRIBE_BLOCKING", () => client.customCommand(["SUBSCRIBE_BLOCKING", run.n("{dk}sport"), "1500"]));
            await run.step("PSUBSCRIBE_BLOCKING", () => client.customCommand([Buffer.from("PSUBSCRIBE_BLOCKING"), run.n("{dk}s*"), "1500"]));
            await state("GET_SUBSCRIPTIONS");
            await run.step("UNSUBSCRIBE_BLOCKING one", () => client.customCommand(["UNSUBSCRIBE_BLOCKING", run.n("{dk}sport"), "1500"]));
            await run.step("PUNSUBSCRIBE", () => client.customCommand(["PUNSUBSCRIBE", run.n("{dk}n*")]));
            await run.settled(client);
            await run.step("UNSUBSCRIBE_BLOCKING everything", () => client.customCommand(["UNSUBSCRIBE_BLOCKING", "1500"]));
            await run.step("PUNSUBSCRIBE_BLOCKING everything", () => client.customCommand(["PUNSUBSCRIBE_BLOCKING", "1500"]));
            await state("GET_SUBSCRIPTIONS");
            if (run.cluster) {
                await run.step("SSUBSCRIBE_BLOCKING", () => client.customCommand(["SSUBSCRIBE_BLOCKING", run.n("{dk}shard"), run.n("dk:shard:elsewhere"), "1500"]));
                await run.step("publish sharded", () => publisher.publish("two", run.n("dk:shard:elsewhere"), true));
                await run.getMessage(client);
                await run.step("SUNSUBSCRIBE", () => client.customCommand(["SUNSUBSCRIBE"]));
                await run.settled(client);
            } else {
                await run.step("SSUBSCRIBE (desired, never subscribed)", () => client.customCommand(["SSUBSCRIBE", run.n("{dk}shard")]));
                await run.step("SSUBSCRIBE_BLOCKING times out", () => client.customCommand(["SSUBSCRIBE_BLOCKING", run.n("{dk}shard"), "200"]));
                await state("GET_SUBSCRIPTIONS");
                await run.step("SUNSUBSCRIBE_BLOCKING", () => client.customCommand(["SUNSUBSCRIBE_BLOCKING", run.n("{dk}shard"), "1500"]));
            }
            await state("GET_SUBSCRIPTIONS");
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "a customCommand SUBSCRIBE survives a reconnect",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            await run.step("SUBSCRIBE", () => client.customCommand(["SUBSCRIBE", run.n("{dk}news")]));
            await run.step("PSUBSCRIBE_BLOCKING", () => client.customCommand(["PSUBSCRIBE_BLOCKING", run.n("{dk}s*"), "1500"]));
            await run.settled(client);
            // Every subscribed connection dropped by the server: the client must subscribe again.
            await run.admin([everywhere(run.cluster, ["CLIENT", "KILL", "TYPE", "pubsub"])]);
            await run.step("subscribed again", () => resubscribed(publisher, run.n("{dk}news")));
            await run.settled(client);
            await run.step("publish", () => publisher.publish("after", run.n("{dk}news")));
            await run.getMessage(client);
            await run.step("publish", () => publisher.publish("after", run.n("{dk}sport")));
            await run.getMessage(client);
        },
    },
    {
        title: "closing the client while getPubSubMessage waits",
        async script(run) {
            const client = await run.client("subscriber");
            await run.step("subscribe", () => client.subscribe([run.n("{dk}news")], SUBSCRIBE_TIMEOUT));
            const waiting = capture(() => client.getPubSubMessage());
            await sleep(50);
            await run.step("close", () => client.close());
            run.note("the waiting getPubSubMessage", await waiting);
            await run.step("getPubSubMessage", () => client.getPubSubMessage());
            await run.step("tryGetPubSubMessage", () => client.tryGetPubSubMessage());
            await run.step("subscribe", () => client.subscribe([run.n("{dk}sport")], SUBSCRIBE_TIMEOUT));
            await run.step("subscribeLazy", () => client.subscribeLazy([run.n("{dk}sport")]));
            await run.step("unsubscribeLazy", () => client.unsubscribeLazy());
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("GET_SUBSCRIPTIONS", () => client.customCommand(["GET_SUBSCRIPTIONS"]));
            await run.step("SUBSCRIBE", () => client.customCommand(["SUBSCRIBE", run.n("{dk}news")]));
            const other = await run.client("second subscriber");
            const waitingToo = capture(() => other.getPubSubMessage());
            await sleep(50);
            await run.step("close with a message", () => other.close("shutting down"));
            run.note("the waiting getPubSubMessage", await waitingToo);
        },
    },
    {
        title: "a refused subscription (ACL without the channel)",
        setup: aclSetup,
        teardown: aclTeardown,
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("limited subscriber", limited);
            await run.step("subscribe to a forbidden channel", () => client.subscribe([run.n("{dk}forbidden")], 300));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("psubscribe a forbidden pattern", () => client.psubscribe([run.n("{dk}forb*")], 300));
            await run.step("subscribeLazy a forbidden channel", () => client.subscribeLazy([run.n("{dk}forbidden2")]));
            await run.step("SUBSCRIBE a forbidden channel", () => client.customCommand(["SUBSCRIBE", run.n("{dk}forbidden3")]));
            await run.step("SUBSCRIBE_BLOCKING a forbidden channel", () => client.customCommand(["SUBSCRIBE_BLOCKING", run.n("{dk}forbidden4"), "300"]));
            await sleep(200);
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("unsubscribe null", () => client.unsubscribe(null, SUBSCRIBE_TIMEOUT));
            await run.step("punsubscribe null", () => client.punsubscribe(null, SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("subscribe to an allowed channel", () => client.subscribe([run.n("{dk}allowed1")], SUBSCRIBE_TIMEOUT));
            await run.step("publish", () => publisher.publish("hello", run.n("{dk}allowed1")));
            await run.getMessage(client);
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "a refused subscription still desired blocks the ones after it (GLIDE resends them together)",
        setup: aclSetup,
        teardown: aclTeardown,
        async script(run) {
            const client = await run.client("limited subscriber", limited);
            await run.step("subscribeLazy a forbidden channel", () => client.subscribeLazy([run.n("{dk}forbidden")]));
            await sleep(200);
            await run.step("subscribe to an allowed channel", () => client.subscribe([run.n("{dk}allowed1")], 500));
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "names that are not UTF-8",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            await run.step("subscribe a binary channel", () => client.subscribe([run.bin()], SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            const state = (title: string, options?: object) => run.step(title, () => client.customCommand(["GET_SUBSCRIPTIONS"], options), subscriptionsInOrder);
            await state("GET_SUBSCRIPTIONS, bytes decoder", { decoder: run.lib.Decoder.Bytes });
            await state("GET_SUBSCRIPTIONS, string decoder", { decoder: run.lib.Decoder.String });
            await run.step("publish", () => publisher.publish("to binary", run.bin()));
            await run.tryMessage(client, "tryGetPubSubMessage, bytes decoder", run.lib.Decoder.Bytes);
            await run.step("subscribe a text channel", () => client.subscribe([run.n("{dk}news")], SUBSCRIBE_TIMEOUT));
            await run.step("publish a binary message", () => publisher.publish(BIN, run.n("{dk}news")));
            await run.tryMessage(client, "tryGetPubSubMessage, string decoder", run.lib.Decoder.String);
            await run.step("publish a binary message", () => publisher.publish(BIN, run.n("{dk}news")));
            await run.tryMessage(client, "tryGetPubSubMessage, bytes decoder", run.lib.Decoder.Bytes);
            await run.nothingMore(client);
        },
    },
    {
        title: "configured subscriptions",
        async script(run) {
            const publisher = await run.publisher();
            const { Exact, Pattern, Sharded } = run.modes;
            const channelsAndPatterns = { [Exact]: new Set([run.n("{dk}news"), run.n("{dk}sport")]), [Pattern]: new Set([run.n("{dk}n*")]), ...(run.cluster ? { [Sharded!]: new Set([run.n("{dk}shard")]) } : {}) };
            const client = await run.client("subscriber", { pubsubSubscriptions: { channelsAndPatterns } });
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("publish", () => publisher.publish("one", run.n("{dk}sport")));
            await run.getMessage(client);
            await run.step("publish to a channel and the pattern", () => publisher.publish("two", run.n("{dk}news")));
            await run.getMessage(client, "getPubSubMessage (first of two)");
            await run.tryMessage(client, "tryGetPubSubMessage (second of two)");
            if (run.cluster) {
                await run.step("publish sharded", () => publisher.publish("three", run.n("{dk}shard"), true));
                await run.getMessage(client);
            }
            await run.step("unsubscribe a configured channel", () => client.unsubscribe([run.n("{dk}sport")], SUBSCRIBE_TIMEOUT));
            await run.step("subscribe another", () => client.subscribe([run.n("{dk}more")], SUBSCRIBE_TIMEOUT));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("GET_SUBSCRIPTIONS", () => client.customCommand(["GET_SUBSCRIPTIONS"]), subscriptionsInOrder);
        },
    },
    {
        title: "configured with a callback",
        async script(run) {
            const publisher = await run.publisher();
            const received: unknown[] = [];
            const context = { name: "context" };
            const callback = (msg: unknown, ctx: unknown) => received.push({ msg, sameContext: ctx === context });
            const { Exact, Pattern } = run.modes;
            const client = await run.client("subscriber", {
                pubsubSubscriptions: { channelsAndPatterns: { [Exact]: new Set([run.n("{dk}news")]), [Pattern]: new Set([run.n("{dk}n*")]) }, callback, context },
            });
            await run.step("publish", () => publisher.publish("one", run.n("{dk}news")));
            await run.step("subscribe", () => client.subscribe([run.n("{dk}sport")], SUBSCRIBE_TIMEOUT));
            await run.step("publish", () => publisher.publish("two", run.n("{dk}sport")));
            await run.step("what the callback received", async () => {
                const deadline = performance.now() + WAIT_MS;
                while (received.length < 3 && performance.now() < deadline) await sleep(10);
                return received;
            });
            await run.step("getPubSubMessage", () => client.getPubSubMessage());
            await run.step("tryGetPubSubMessage", () => client.tryGetPubSubMessage());
            await run.step("getSubscriptions", () => client.getSubscriptions());
            const second: unknown[] = [];
            const other = await run.client("subscriber, callback without a context", {
                pubsubSubscriptions: { channelsAndPatterns: { [Exact]: new Set([run.n("{dk}news")]) }, callback: (msg: unknown, ctx: unknown) => second.push({ msg, ctx }) },
            });
            await run.step("publish", () => publisher.publish("three", run.n("{dk}news")));
            await run.step("what the second callback received", async () => {
                const deadline = performance.now() + WAIT_MS;
                while (second.length < 1 && performance.now() < deadline) await sleep(10);
                return second;
            });
            await run.step("tryGetPubSubMessage", () => other.tryGetPubSubMessage());
        },
    },
    {
        title: "configured with a null context and no callback",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber", { pubsubSubscriptions: { channelsAndPatterns: { [run.modes.Exact]: new Set([run.n("{dk}news")]) }, context: null } });
            await run.step("publish", () => publisher.publish("one", run.n("{dk}news")));
            await run.getMessage(client);
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "configured with an empty set, an array and an unknown mode",
        async script(run) {
            const { Exact, Pattern } = run.modes;
            const client = await run.client("subscriber", { pubsubSubscriptions: { channelsAndPatterns: { [Exact]: new Set(), [Pattern]: [run.n("{dk}n*")], 7: new Set([run.n("{dk}news")]) } } });
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("GET_SUBSCRIPTIONS", () => client.customCommand(["GET_SUBSCRIPTIONS"]), subscriptionsInOrder);
        },
    },
    {
        title: "sharded subscriptions configured on a standalone client",
        only: "standalone",
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber", { pubsubSubscriptions: { channelsAndPatterns: { 0: new Set([run.n("{dk}news")]), 2: new Set([run.n("{dk}shard")]) } } });
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("SPUBLISH", () => publisher.customCommand(["SPUBLISH", run.n("{dk}shard"), "sharded"]));
            await run.step("PUBSUB SHARDNUMSUB", () => publisher.customCommand(["PUBSUB", "SHARDNUMSUB", run.n("{dk}shard")]));
            await run.step("publish", () => publisher.publish("exact", run.n("{dk}news")));
            await run.getMessage(client);
            await run.nothingMore(client);
            await run.step("SSUBSCRIBE_BLOCKING times out", () => client.customCommand(["SSUBSCRIBE_BLOCKING", run.n("{dk}other"), "200"]));
            await run.step("SUNSUBSCRIBE_BLOCKING everything", () => client.customCommand(["SUNSUBSCRIBE_BLOCKING", "1500"]));
            await run.step("getSubscriptions", () => client.getSubscriptions());
        },
    },
    {
        title: "subscriptions on RESP2",
        resp2: true,
        async script(run) {
            const publisher = await run.publisher();
            const client = await run.client("subscriber");
            await run.step("subscribe", () => client.subscribe([run.n("{dk}news")], 300));
            await run.step("psubscribe", () => client.psubscribe([run.n("{dk}n*")], 300));
            await run.step("getSubscriptions", () => client.getSubscriptions());
            await run.step("publish", () => publisher.publish("one", run.n("{dk}news")));
            await run.tryMessage(client);
        },
    },
];

/** Waits (bounded) until the server counts a subscriber of CH and a pattern again. */
async function resubscribed(publisher: any, channel: string): Promise<boolean> {
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline) {
        const [counts, patterns] = await Promise.all([publisher.pubsubNumSub([channel]), publisher.pubsubNumPat()]);
        if (counts[0]?.numSub > 0 && patterns > 0) return true;
        await sleep(25);
    }
    return false;
}

async function runScenario(env: Environment, side: Side, config: Config, scenario: Scenario): Promise<string[]> {
    if (scenario.setup) await env.run(config.cluster, scenario.setup(config.cluster));
    const run = new Run(env, side, config, tagOf(side, CONFIGS.indexOf(config), SCENARIOS.indexOf(scenario)));
    try {
        await scenario.script(run);
    } catch (error) {
        run.record.push(`the script failed: ${(error as Error).stack}`);
    } finally {
        run.closeAll();
        if (scenario.teardown) await env.run(config.cluster, scenario.teardown(config.cluster));
    }
    return run.record;
}

function applies(scenario: Scenario, config: Config): boolean {
    if (scenario.only !== undefined && scenario.only !== (config.cluster ? "cluster" : "standalone")) return false;
    return (scenario.resp2 === true) === (config.protocol === "RESP2");
}

describe("differential: pub/sub scenarios against GLIDE 2.5.2", { skip: glideSkipReason }, () => {
    let env: Environment;
    const matched = new Set<AcceptedDifference>();
    let ran = 0;
    before(async () => {
        env = await Environment.start();
    });
    after(() => env?.stop());

    for (const config of CONFIGS) {
        describe(config.name, () => {
            for (const scenario of SCENARIOS.filter((s) => applies(s, config))) {
                test(scenario.title, async () => {
                    const glide = await runScenario(env, GLIDE, config, scenario);
                    const ours = await runScenario(env, GLIDE_TS, config, scenario);
                    // DIFF_SCENARIO_DUMP=1 prints both records (while working on a scenario).
                    if (process.env.DIFF_SCENARIO_DUMP) console.log(`# ${config.name} | ${scenario.title}\n${glide.map((line, i) => `#   ${line}\n#   ${ours[i] === line ? "(same)" : ours[i]}`).join("\n")}`);
                    const lines: string[] = [];
                    for (let i = 0; i < Math.max(glide.length, ours.length); i++) {
                        if (glide[i] === ours[i]) continue;
                        lines.push(`step ${i + 1}\n    GLIDE:    ${glide[i] ?? "(no such step)"}\n    glide-ts: ${ours[i] ?? "(no such step)"}`);
                    }
                    const outcomes = { glide: glide.join("\n"), ours: ours.join("\n") };
                    ran++;
                    const accepted = lines.length > 0 ? acceptedFor(`pubsub scenario: ${scenario.title}`, "pubsub scenario", config, "client", outcomes) : undefined;
                    if (accepted) return void matched.add(accepted);
                    assert.equal(lines.length, 0, `${lines.length} step(s) differ from GLIDE:\n${lines.join("\n")}`);
                });
            }
        });
    }

    test("every accepted scenario difference still occurs", (t) => {
        const all = CONFIGS.reduce((sum, config) => sum + SCENARIOS.filter((s) => applies(s, config)).length, 0);
        if (ran < all) return t.skip("not every scenario ran");
        const stale = ACCEPTED_CALL_DIFFERENCES.filter((entry) => entry.id.startsWith("pubsub scenario: ") && !matched.has(entry));
        assert.deepEqual(stale.map((entry) => entry.id), [], "accepted differences that no longer differ: remove them");
    });
});
