/**
 * Subscriptions that must follow the cluster (a cluster of its own, since it changes the slot map
 * and kills a node): a sharded channel's slot migrates to another primary while messages flow, and
 * a primary is killed and its replica promoted. RESP2 and RESP3 subscribers run side by side.
 * Pub/sub is at-most-once: messages published while a subscription is moving may be missed (the
 * count is reported); once a receiver hears the channel again, it must miss nothing after that.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { GlideClusterClient, GlideClusterClientConfiguration, ProtocolVersion, type PubSubMsg } from "../../src";
import { keySlot } from "../../src/routing/cluster/slot";
import { startCluster, type ClusterHandle, type Reply, type ServerHandle } from "../helpers/servers";
import { migrateSlot, nodeCommand as raw, ownerPort, withNodeIds, type ClusterNode as Node } from "../helpers/slot-migration";
import { sleep, waitFor } from "../helpers/wait";

const { Exact, Sharded } = GlideClusterClientConfiguration.PubSubChannelModes;

/** A subscriber recording the sequence numbers it hears per channel. */
async function subscriber(cluster: ClusterHandle, protocol: ProtocolVersion, modes: Record<number, Set<string>>, clientName: string) {
    const heard = new Map<string, number[]>();
    const client = await GlideClusterClient.createClient({
        addresses: [cluster.seeds[0]],
        protocol,
        clientName,
        requestTimeout: 1000,
        advancedConfiguration: { pubsubReconciliationIntervalMs: 250 },
        pubsubSubscriptions: {
            channelsAndPatterns: modes,
            callback: (msg: PubSubMsg) => {
                const channel = String(msg.channel);
                if (!heard.has(channel)) heard.set(channel, []);
                heard.get(channel)!.push(Number(msg.message));
            },
        },
    });
    return { client, heard, protocol };
}

/** Publishes 0, 1, 2, … to each channel until stopped; remembers which publishes succeeded, and when. */
class Publisher {
    readonly sent = new Map<string, { seq: number; at: number }[]>();
    errors = 0;
    #running = true;
    #loop: Promise<void> | undefined;
    seq = 0;

    constructor(
        readonly client: GlideClusterClient,
        readonly channels: { name: string; sharded: boolean }[],
    ) {}

    start(): void {
        this.#loop = (async () => {
            while (this.#running) {
                const seq = this.seq++;
                await Promise.all(
                    this.channels.map(async ({ name, sharded }) => {
                        try {
                            await this.client.publish(String(seq), name, sharded);
                            if (!this.sent.has(name)) this.sent.set(name, []);
                            this.sent.get(name)!.push({ seq, at: performance.now() });
                        } catch {
                            this.errors++;
                        }
                    }),
                );
                await sleep(2);
            }
        })();
    }

    async stop(): Promise<void> {
        this.#running = false;
        await this.#loop;
    }
}

/**
 * For one receiver and channel: how many successful publishes after `since` it missed, and how many
 * it missed after it heard the channel again (which must be none).
 */
function losses(publisher: Publisher, heard: number[], channel: string, since: number) {
    const got = new Set(heard);
    const sent = (publisher.sent.get(channel) ?? []).filter((entry) => entry.at >= since);
    const missed = sent.filter((entry) => !got.has(entry.seq)).map((entry) => entry.seq);
    const firstAgain = heard.find((seq) => seq > (missed[0] ?? Infinity)) ?? Infinity;
    const missedAfterResume = missed.filter((seq) => seq > firstAgain);
    return { published: sent.length, missed: missed.length, missedAfterResume };
}

function unique(prefix: string): string {
    return `${prefix}-${randomBytes(6).toString("hex")}`;
}

describe("cluster pub/sub when the cluster changes", () => {
    let cluster: ClusterHandle;
    let nodes: Node[];

    before(async () => {
        cluster = await startCluster({ primaries: 3, replicasPerPrimary: 1, nodeTimeoutMs: 1000, args: ["--cluster-require-full-coverage", "no"] });
        nodes = await withNodeIds(cluster.seeds);
    });
    after(async () => cluster?.stop());

    it("a sharded channel's slot migrates to another primary while messages flow: the subscription follows", async () => {
        const channel = unique("migrating");
        const slot = keySlot(channel);
        const receivers = await Promise.all(
            [ProtocolVersion.RESP2, ProtocolVersion.RESP3].map((protocol) => subscriber(cluster, protocol, { [Sharded]: new Set([channel]) }, unique("mig"))),
        );
        const publisherClient = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 1000 });
        const publisher = new Publisher(publisherClient, [{ name: channel, sharded: true }]);
        try {
            publisher.start();
            await sleep(200);
            const sourcePort = await ownerPort(nodes[0], slot);
            const source = nodes.find((node) => node.port === sourcePort)!;
            const primaries = new Set(((await raw(nodes[0], "CLUSTER", "SLOTS")) as Reply[][]).map((range) => (range[2] as Reply[])[1] as number));
            const target = nodes.find((node) => node !== source && primaries.has(node.port))!;
            const movedAt = performance.now();
            await migrateSlot(nodes.filter((node) => primaries.has(node.port)), slot, source, target);
            await waitFor(
                "both receivers to be subscribed on the new owner",
                async () => {
                    const counts = (await raw(target, "PUBSUB", "SHARDNUMSUB", channel)) as Reply[];
                    return counts[1] === 2 ? true : `${String(counts[1])} subscriber(s) on the new owner`;
                },
                { timeoutMs: 10_000 },
            );
            const resubscribedAfter = performance.now() - movedAt;
            await sleep(500);
            await publisher.stop();
            await sleep(100);
            for (const receiver of receivers) {
                const heard = receiver.heard.get(channel) ?? [];
                const { published, missed, missedAfterResume } = losses(publisher, heard, channel, movedAt);
                const state = await receiver.client.getSubscriptions();
                assert.deepEqual([...state.actualSubscriptions[Sharded]!], [channel]);
                console.log(
                    `# slot migration (${ProtocolVersion[receiver.protocol]}): resubscribed on the new owner after ${resubscribedAfter.toFixed(0)} ms; ` +
                        `${published} messages published from the move on (${publisher.errors} publishes failed), ${missed} missed during the move, ${missedAfterResume.length} after`,
                );
                assert.deepEqual(missedAfterResume, [], "nothing may be missed once the subscription is back");
            }
            assert.equal(await ownerPort(nodes[0], slot), target.port);
        } finally {
            await publisher.stop();
            publisherClient.close();
            for (const receiver of receivers) receiver.client.close();
        }
    });

    it("a primary is killed and its replica promoted: exact and sharded subscriptions follow", async () => {
        const exact = unique("exact");
        const names = [unique("failover-a"), unique("failover-b")];
        const receivers = await Promise.all(
            [ProtocolVersion.RESP2, ProtocolVersion.RESP3].map((protocol) =>
                subscriber(cluster, protocol, { [Exact]: new Set([exact]), [Sharded]: new Set([]) }, names[protocol === ProtocolVersion.RESP2 ? 0 : 1]),
            ),
        );
        // The victim: the primary where the RESP3 receiver keeps its exact subscription, so that both
        // kinds must move; the sharded channel is picked to live there as well.
        const lines = await Promise.all(nodes.map(async (node) => [node, String(await raw(node, "CLIENT", "LIST", "TYPE", "pubsub"))] as const));
        const victimNode = lines.find(([, list]) => list.split("\n").some((line) => line.includes(` name=${names[1]} `)))![0];
        const victim = cluster.nodes.find((node) => node.port === victimNode.port) as ServerHandle;
        let sharded = "";
        for (let i = 0; ; i++) {
            sharded = `${unique("sharded")}:${i}`;
            if ((await ownerPort(nodes[0], keySlot(sharded))) === victim.port) break;
        }
        for (const receiver of receivers) await receiver.client.ssubscribe([sharded], 2000);
        const publisherClient = await GlideClusterClient.createClient({ addresses: [cluster.seeds[0]], requestTimeout: 500 });
        const publisher = new Publisher(publisherClient, [
            { name: exact, sharded: false },
            { name: sharded, sharded: true },
        ]);
        try {
            publisher.start();
            await sleep(200);
            const survivor = nodes.find((node) => node.port !== victim.port)!;
            const killedAt = performance.now();
            victim.kill("SIGKILL");
            await waitFor(
                "a replica to take over the killed primary's slots",
                async () => ((await ownerPort(survivor, keySlot(sharded))) !== victim.port ? true : "not yet"),
                { timeoutMs: 20_000, intervalMs: 100 },
            );
            const promotedAfter = performance.now() - killedAt;
            const published = publisher.seq;
            await waitFor(
                "both receivers to hear both channels again",
                async () =>
                    receivers.every((receiver) => [exact, sharded].every((channel) => (receiver.heard.get(channel) ?? []).some((seq) => seq > published)))
                        ? true
                        : "not yet",
                { timeoutMs: 15_000 },
            );
            const resumedAfter = performance.now() - killedAt;
            await sleep(500);
            await publisher.stop();
            await sleep(100);
            for (const receiver of receivers) {
                for (const channel of [exact, sharded]) {
                    const { published: count, missed, missedAfterResume } = losses(publisher, receiver.heard.get(channel) ?? [], channel, killedAt);
                    console.log(
                        `# failover (${ProtocolVersion[receiver.protocol]}, ${channel === exact ? "exact" : "sharded"}): replica promoted after ${promotedAfter.toFixed(0)} ms, ` +
                            `delivery resumed after ${resumedAfter.toFixed(0)} ms; ${count} published from the kill on (${publisher.errors} publishes failed while the shard had no primary), ` +
                            `${missed} missed during the move, ${missedAfterResume.length} after`,
                    );
                    assert.deepEqual(missedAfterResume, [], "nothing may be missed once the subscription is back");
                }
                await waitFor("getSubscriptions to converge", async () => {
                    const state = await receiver.client.getSubscriptions();
                    const actual = [...state.actualSubscriptions[Exact]!, ...state.actualSubscriptions[Sharded]!].map(String).sort();
                    return JSON.stringify(actual) === JSON.stringify([exact, sharded].sort()) ? true : JSON.stringify(actual);
                });
            }
        } finally {
            await publisher.stop();
            publisherClient.close();
            for (const receiver of receivers) receiver.client.close();
        }
    });
});
