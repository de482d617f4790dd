/**
 * Behaviours that take more than one call (a reply that arrives late, a node that never answers,
 * a password changed under a live client, reads that must land on a given node), run as the same
 * script of steps on GLIDE 2.5.2 and on glide-ts, whose logs of outcomes must be equal.
 */
import assert from "node:assert/strict";
import * as net from "node:net";
import { after, before, describe, it } from "node:test";

import { K } from "./cases/types";
import { CONFIGS, Environment } from "./harness/environment";
import { GLIDE, GLIDE_TS, glideSkipReason, type Side } from "./harness/libraries";
import { capture, renderOutcome } from "./harness/outcome";
import { rawCommandText, startPrimaryWithReplica, type ReplicaPair } from "../helpers/servers";
import { sleep } from "../helpers/wait";

type Log = string[];

/** Runs `call`, records its outcome under `label`. */
async function step(log: Log, label: string, call: () => unknown): Promise<void> {
    log.push(`${label}: ${renderOutcome(await capture(call))}`);
}

const STANDALONE = CONFIGS.find((config) => !config.cluster)!;
const CLUSTER = CONFIGS.find((config) => config.cluster)!;

describe("differential: multi-step scenarios against GLIDE 2.5.2", { skip: glideSkipReason }, () => {
    let env: Environment;
    let pair: ReplicaPair;
    let silent: net.Server;
    const held: net.Socket[] = [];

    before(async () => {
        [env, pair] = await Promise.all([Environment.start(), startPrimaryWithReplica()]);
        await rawCommandText(pair.primary.host, pair.primary.port, ["CONFIG", "SET", "availability-zone", "zone-a"]);
        await rawCommandText(pair.replica.host, pair.replica.port, ["CONFIG", "SET", "availability-zone", "zone-b"]);
        // Accepts connections and never answers a byte.
        silent = net.createServer((socket) => held.push(socket));
        await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    });
    after(async () => {
        for (const socket of held) socket.destroy();
        silent?.close();
        await Promise.all([env?.stop(), pair?.stop()]);
    });

    /** Runs the scenario on both sides and compares their logs. */
    function scenario(title: string, run: (side: Side) => Promise<Log>): void {
        // Bounded: a scenario that hangs fails, naming itself, instead of holding up the suite.
        it(title, { timeout: 120_000 }, async () => {
            const glide = await run(GLIDE);
            const ours = await run(GLIDE_TS);
            if (process.env.DIFF_VERBOSE) console.log(`# ${title}\n#   ${glide.join("\n#   ")}`);
            assert.deepEqual(ours, glide, `GLIDE:\n  ${glide.join("\n  ")}\nglide-ts:\n  ${ours.join("\n  ")}`);
        });
    }

    for (const config of [STANDALONE, CLUSTER]) {
        const kind = config.cluster ? "cluster" : "standalone";

        scenario(`${kind}: a blocking command with timeout 0 outlives the request timeout`, async (side) => {
            const log: Log = [];
            await env.prepare(config.cluster);
            const client = await env.newClient(side, config, { requestTimeout: 250 });
            const blpop = capture(() => client.blpop([K.a], 0));
            const xread = capture(() => client.xread({ [K.b]: "$" }, { block: 0 }));
            await sleep(1200);
            await env.run(config.cluster, [["RPUSH", K.a, "late"], ["XADD", K.b, "1-1", "f", "v"]]);
            log.push(`blpop: ${renderOutcome(await blpop)}`, `xread: ${renderOutcome(await xread)}`);
            await step(log, "the client still answers", () => client.ping());
            client.close();
            return log;
        });

        scenario(`${kind}: createClient against a server that never answers honours connectionTimeout`, async (side) => {
            const log: Log = [];
            const { port } = silent.address() as net.AddressInfo;
            const started = performance.now();
            await step(log, "createClient", () =>
                (config.cluster ? side.lib.GlideClusterClient : side.lib.GlideClient).createClient({
                    addresses: [{ host: "127.0.0.1", port }],
                    requestTimeout: 300,
                    advancedConfiguration: { connectionTimeout: 300 },
                }),
            );
            // Bounded, not timed: both must give up within a few connection timeouts.
            log.push(`settled within 5 s: ${performance.now() - started < 5000}`);
            return log;
        });
    }

    scenario("standalone: updateConnectionPassword, then a lost connection, with an ACL user", async (side) => {
        const log: Log = [];
        const user = `rotating-${side.name}`;
        await env.run(false, [["ACL", "SETUSER", user, "on", ">first", "~*", "&*", "+@all"]]);
        const client = await env.newClient(side, STANDALONE, { credentials: { username: user, password: "first" } });
        try {
            await step(log, "set", () => client.set(K.a, "1"));
            await env.run(false, [["ACL", "SETUSER", user, "resetpass", ">second"]]);
            await step(log, "updateConnectionPassword", () => client.updateConnectionPassword("second"));
            await env.run(false, [["CLIENT", "KILL", "USER", user]]);
            await step(log, "get after the connection was lost", async () => {
                // The client reconnects with the new password; give it the time a reconnect takes.
                for (let attempt = 0; ; attempt++) {
                    try {
                        return await client.get(K.a);
                    } catch (error) {
                        if (attempt >= 20) throw error;
                        await sleep(100);
                    }
                }
            });
            await step(log, "updateConnectionPassword with immediateAuth", () => client.updateConnectionPassword("second", true));
            await step(log, "updateConnectionPassword with immediateAuth and a wrong password", () => client.updateConnectionPassword("wrong", true));
        } finally {
            client.close();
            await env.run(false, [["ACL", "DELUSER", user]]);
        }
        return log;
    });

    for (const [readFrom, clientAz] of [
        ["AZAffinityReplicasAndPrimary", "zone-a"],
        ["AZAffinityReplicasAndPrimary", "zone-b"],
        ["AZAffinity", "zone-b"],
        ["AZAffinity", "zone-x"],
        ["preferReplica", undefined],
    ] as const) {
        scenario(`standalone with a replica: ${readFrom} from ${clientAz ?? "no zone"} reads where GLIDE reads`, async (side) => {
            const reads = async () => Number(/^cmdstat_get:calls=(\d+)/m.exec(await rawCommandText(pair.replica.host, pair.replica.port, ["INFO", "commandstats"]))?.[1] ?? 0);
            const client = await side.lib.GlideClient.createClient({
                addresses: [pair.primary, pair.replica].map(({ host, port }) => ({ host, port })),
                requestTimeout: 2000,
                readFrom,
                clientAz,
            });
            try {
                const before = await reads();
                for (let i = 0; i < 10; i++) await client.get(K.a);
                const onReplica = (await reads()) - before;
                return [`reads on the replica: ${onReplica}, on the primary: ${10 - onReplica}`];
            } finally {
                client.close();
            }
        });
    }

    for (const [readFrom, clientAz] of [
        ["AZAffinityReplicasAndPrimary", "zone-b"],
        ["AZAffinityReplicasAndPrimary", "zone-a"],
        ["AZAffinity", "zone-a"],
    ] as const) {
        scenario(`cluster: ${readFrom} from ${clientAz}, the key's primary alone in zone-b, reads where GLIDE reads`, async (side) => {
            const admin = await env.newClient(GLIDE, CLUSTER);
            const ranges = (await admin.customCommand(["CLUSTER", "SLOTS"])) as [number, number, ...[string, number][]][];
            const slot = Number(await admin.customCommand(["CLUSTER", "KEYSLOT", K.a]));
            const [, , primary, replica] = ranges.find(([start, end]) => start <= slot && slot <= end)!;
            const route = ([host, port]: [string, number]) => ({ route: { type: "routeByAddress", host, port } });
            const zone = (node: [string, number], name: string) => admin.customCommand(["CONFIG", "SET", "availability-zone", name], route(node));
            const reads = async (node: [string, number]) =>
                Number(/^cmdstat_get:calls=(\d+)/m.exec(String(await admin.customCommand(["INFO", "commandstats"], route(node))))?.[1] ?? 0);
            const client = await (async () => {
                await Promise.all(ranges.flatMap(([, , ...nodes]) => nodes.map((node) => zone(node, node === primary ? "zone-b" : "zone-a"))));
                return side.lib.GlideClusterClient.createClient({ ...env.clientConfig(side, CLUSTER), readFrom, clientAz });
            })();
            try {
                await env.prepare(true, [["SET", K.a, "v"]]);
                const [onPrimary, onReplica] = [await reads(primary), await reads(replica)];
                for (let i = 0; i < 10; i++) await client.get(K.a);
                return [`reads on the key's primary: ${(await reads(primary)) - onPrimary}, on its replica: ${(await reads(replica)) - onReplica}`];
            } finally {
                client.close();
                await Promise.all(ranges.flatMap(([, , ...nodes]) => nodes.map((node) => zone(node, ""))));
                admin.close();
            }
        });
    }

    scenario("cluster: scan over a slot no node serves, with and without allowNonCoveredSlots", async (side) => {
        const log: Log = [];
        const admin = await env.newClient(GLIDE, CLUSTER);
        const slot = 16383;
        const ranges = (await admin.customCommand(["CLUSTER", "SLOTS"])) as [number, number, ...[string, number][]][];
        const owning = ranges.find(([start, end]) => start <= slot && slot <= end)!;
        const nodes = ranges.flatMap(([, , ...members]) => members.map(([host, port]) => ({ type: "routeByAddress", host, port })));
        const owner = { type: "routeByAddress", host: owning[2][0], port: owning[2][1] };
        /** Waits until every node's slot map agrees on whether the slot is served. */
        const everyNodeSees = async (served: boolean) => {
            for (let attempt = 0; attempt < 100; attempt++) {
                const views = await Promise.all(nodes.map((route) => admin.customCommand(["CLUSTER", "SLOTS"], { route })));
                const covering = views.filter((view) => (view as [number, number][]).some(([start, end]) => start <= slot && slot <= end)).length;
                if (covering === (served ? nodes.length : 0)) return;
                await sleep(100);
            }
            throw new Error(`the nodes never agreed that slot ${slot} is ${served ? "served" : "unserved"}`);
        };
        let client: any;
        try {
            await env.prepare(true, ["a", "b", "c", "d", "e"].map((key) => ["SET", `scan-${key}`, key]));
            await admin.customCommand(["CONFIG", "SET", "cluster-require-full-coverage", "no"], { route: "allNodes" });
            // Every node forgets the slot (a node's DELSLOTS changes only its own view); a node that
            // learned of it already answers "already unassigned", and the others have still done it.
            await admin.customCommand(["CLUSTER", "DELSLOTS", String(slot)], { route: "allNodes" }).catch(() => undefined);
            await everyNodeSees(false);
            // Created now, so that its slot map lacks the slot.
            client = await env.newClient(side, CLUSTER);
            const scanAll = async (options: object) => {
                let cursor = new side.lib.ClusterScanCursor();
                let keys = 0;
                for (let pages = 0; !cursor.isFinished(); pages++) {
                    if (pages >= 1000) throw new Error("the scan never finished");
                    const [next, page] = await client.scan(cursor, options);
                    cursor = next;
                    keys += page.length;
                }
                return `finished with ${keys} keys`;
            };
            await step(log, "scan without allowNonCoveredSlots", () => scanAll({ count: 1000 }));
            await step(log, "scan with allowNonCoveredSlots", () => scanAll({ count: 1000, allowNonCoveredSlots: true }));
        } finally {
            client?.close();
            await admin.customCommand(["CLUSTER", "ADDSLOTS", String(slot)], { route: owner });
            await everyNodeSees(true);
            await admin.customCommand(["CONFIG", "SET", "cluster-require-full-coverage", "yes"], { route: "allNodes" });
            admin.close();
        }
        return log;
    });
});
