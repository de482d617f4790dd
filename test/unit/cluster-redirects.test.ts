/** MOVED, ASK, TRYAGAIN and CLUSTERDOWN handling, and refresh throttling, against scripted mock nodes. */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { ClosingError, ClusterBatch, ClusterScanCursor, ConfigurationError, ConnectionError, GlideClusterClient, RequestError, TimeoutError, type GlideClusterClientConfiguration } from "../../src";
import { MIN_REFRESH_INTERVAL_MS } from "../../src/routing/cluster/cluster-router";
import { keySlot } from "../../src/routing/cluster/slot";
import { waitFor } from "../helpers/wait";
import { bulk, MockServer, type MockHandler } from "../helpers/mock-server";

const clients: GlideClusterClient[] = [];
const mocks: MockServer[] = [];
after(async () => {
    for (const client of clients) client.close();
    for (const mock of mocks) await mock.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A CLUSTER SLOTS reply: one shard owning every slot, at 127.0.0.1:port. */
function slotsReply(port: number): string {
    return `*1\r\n*3\r\n:0\r\n:16383\r\n*2\r\n${bulk("127.0.0.1")}:${port}\r\n`;
}

/** Two mock nodes; both report `owner.port` as the owner of every slot. */
async function twoNodes(handlers: { a: MockHandler; b: MockHandler }) {
    const owner = { port: 0 };
    const withSlots =
        (handler: MockHandler): MockHandler =>
        (command, context) => {
            if (command[0].toUpperCase() === "CLUSTER" && command[1].toUpperCase() === "SLOTS") return slotsReply(owner.port);
            return handler(command, context);
        };
    const a = await MockServer.start(withSlots(handlers.a));
    const b = await MockServer.start(withSlots(handlers.b));
    mocks.push(a, b);
    owner.port = a.port;
    return { a, b, owner };
}

async function clientOf(mock: MockServer, config: Partial<GlideClusterClientConfiguration> = {}) {
    const client = await GlideClusterClient.createClient({ addresses: [mock.address], requestTimeout: 1000, ...config });
    clients.push(client);
    return client;
}

const named = (mock: MockServer, name: string) => mock.commands.filter((command) => command[0].toUpperCase() === name);
const slotQueries = (...nodes: MockServer[]) =>
    nodes.reduce((count, node) => count + node.commands.filter((command) => command[0] === "CLUSTER").length, 0);

describe("cluster redirections", () => {
    it("MOVED: retried on the new owner; a storm of MOVEDs causes one topology refresh", async () => {
        let bPort = 0;
        const { a, b, owner } = await twoNodes({
            a: () => `-MOVED 866 127.0.0.1:${bPort}\r\n`,
            b: (command) => bulk(`from-b-${command[1]}`),
        });
        bPort = b.port;
        const client = await clientOf(a);
        const queriesAtStart = slotQueries(a, b);
        owner.port = b.port;
        const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => client.get(`k${i}`)));
        assert.deepEqual(replies, Array.from({ length: 100 }, (_, i) => `from-b-k${i}`));
        await waitFor("the refresh", async () => slotQueries(a, b) > queriesAtStart || "not yet");
        await sleep(MIN_REFRESH_INTERVAL_MS + 200);
        const refreshQueries = slotQueries(a, b) - queriesAtStart;
        assert.ok(refreshQueries <= 2, `one refresh asks each of the 2 nodes at most once, saw ${refreshQueries} queries`);
        const getsOnA = named(a, "GET").length;
        assert.equal(await client.get("after"), "from-b-after");
        assert.equal(named(a, "GET").length, getsOnA, "after the refresh, requests go straight to the new owner");
    });

    it("a blocking command that meets MOVED blocks again on the new owner", async () => {
        let bPort = 0;
        const { a, b } = await twoNodes({
            a: (command) => `-MOVED ${keySlot(command[1])} 127.0.0.1:${bPort}\r\n`,
            b: (command) => `*2\r\n${bulk(command[1])}${bulk("popped")}`,
        });
        bPort = b.port;
        const client = await clientOf(a);
        assert.deepEqual(await client.blpop(["list"], 1), ["list", "popped"]);
        assert.equal(named(b, "BLPOP").length, 1);
    });

    it("a multi-slot command whose part is MOVED retries that part alone on the new owner", async () => {
        let bPort = 0;
        const { a, b } = await twoNodes({
            a: (command) =>
                command[1].startsWith("{moved}")
                    ? `-MOVED ${keySlot(command[1])} 127.0.0.1:${bPort}\r\n`
                    : `*${command.length - 1}\r\n${command.slice(1).map((key) => bulk(`a:${key}`)).join("")}`,
            b: (command) => `*${command.length - 1}\r\n${command.slice(1).map((key) => bulk(`b:${key}`)).join("")}`,
        });
        bPort = b.port;
        const client = await clientOf(a);
        const keys = ["{x}1", "{moved}1", "{y}1", "{x}2", "{moved}2"];
        assert.deepEqual(await client.mget(keys), ["a:{x}1", "b:{moved}1", "a:{y}1", "a:{x}2", "b:{moved}2"]);
        assert.deepEqual(named(b, "MGET"), [["MGET", "{moved}1", "{moved}2"]]);
    });

    it("a pipeline part that meets MOVED is retried alone; TRYAGAIN stays in place without retryStrategy", async () => {
        let bPort = 0;
        const { a, b } = await twoNodes({
            a: (command) => {
                if (command[1].startsWith("{moved}")) return `-MOVED ${keySlot(command[1])} 127.0.0.1:${bPort}\r\n`;
                if (command[1].startsWith("{busy}")) return "-TRYAGAIN slot migrating\r\n";
                return bulk(`a:${command[1]}`);
            },
            b: (command) => bulk(`b:${command[1]}`),
        });
        bPort = b.port;
        const client = await clientOf(a);
        const batch = new ClusterBatch(false).get("{x}1").get("{moved}1").get("{busy}1").get("{x}2");
        const replies = (await client.exec(batch, false))!;
        assert.deepEqual(replies.slice(0, 2), ["a:{x}1", "b:{moved}1"]);
        assert.ok(replies[2] instanceof RequestError && replies[2].message === "An error was signalled by the server: - TryAgain: slot migrating");
        assert.equal(replies[3], "a:{x}2");
        assert.equal(named(a, "GET").filter((command) => command[1] === "{busy}1").length, 1);
    });

    it("ASK: ASKING and the command go to the target together; the slot map is unchanged", async () => {
        let bPort = 0;
        const { a, b } = await twoNodes({
            a: (command) => (command[1] === "migrating" ? `-ASK 866 127.0.0.1:${bPort}\r\n` : bulk("from-a")),
            b: (command) => (command[0] === "ASKING" ? "+OK\r\n" : bulk("from-b")),
        });
        bPort = b.port;
        const client = await clientOf(a);
        assert.equal(await client.get("migrating"), "from-b");
        const onB = b.commands.filter((command) => command[0] !== "CLUSTER" && command[0] !== "HELLO" && command[0] !== "CLIENT");
        assert.deepEqual(onB, [["ASKING"], ["GET", "migrating"]]);
        assert.equal(await client.get("other"), "from-a");
    });

    it("a transaction whose commands are MOVED is retried whole on the new owner", async () => {
        let bPort = 0;
        const transaction = (queued: string): MockHandler => (command) => {
            if (command[0] === "MULTI") return "+OK\r\n";
            if (command[0] === "EXEC") return queued.startsWith("-") ? "-EXECABORT Transaction discarded\r\n" : "*1\r\n+OK\r\n";
            return queued.replace("PORT", String(bPort));
        };
        const { a, b } = await twoNodes({ a: transaction("-MOVED 866 127.0.0.1:PORT\r\n"), b: transaction("+QUEUED\r\n") });
        bPort = b.port;
        const client = await clientOf(a);
        assert.deepEqual(await client.exec(new ClusterBatch(true).set("k", "v"), true), ["OK"]);
        const onB = b.commands.filter((command) => ["MULTI", "SET", "EXEC"].includes(command[0]));
        assert.deepEqual(onB, [["MULTI"], ["SET", "k", "v"], ["EXEC"]]);
    });

    for (const error of ["TRYAGAIN Multiple keys request during rehashing of slot", "CLUSTERDOWN The cluster is down"]) {
        it(`${error.split(" ")[0]}: retried with backoff until it succeeds`, async () => {
            let failures = 3;
            const mock = await MockServer.start((command) => {
                if (command[0] === "CLUSTER") return slotsReply(mock.port);
                return failures-- > 0 ? `-${error}\r\n` : bulk("finally");
            });
            mocks.push(mock);
            const client = await clientOf(mock);
            assert.equal(await client.get("k"), "finally");
            assert.equal(named(mock, "GET").length, 4);
        });
    }

    it("TRYAGAIN forever ends in a timeout within the request timeout", async () => {
        const mock = await MockServer.start((command) =>
            command[0] === "CLUSTER" ? slotsReply(mock.port) : "-TRYAGAIN slot is being migrated\r\n",
        );
        mocks.push(mock);
        const client = await clientOf(mock, { requestTimeout: 300 });
        await assert.rejects(client.get("k"), TimeoutError);
        assert.ok(named(mock, "GET").length > 1, "retried before timing out");
    });

    it("other server errors reach the caller unchanged, without retries", async () => {
        const mock = await MockServer.start((command) =>
            command[0] === "CLUSTER" ? slotsReply(mock.port) : "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n",
        );
        mocks.push(mock);
        const client = await clientOf(mock);
        await assert.rejects(client.get("k"), (error: Error) => error instanceof RequestError && error.message.startsWith("WRONGTYPE: "));
        assert.equal(named(mock, "GET").length, 1);
    });
});

describe("topology discovery", () => {
    it("takes the view most nodes agree on, not a single stale node's", async () => {
        const owner = { port: 0 };
        const stale = await MockServer.start((command) => (command[0] === "CLUSTER" ? slotsReply(stale.port) : bulk("from-stale")));
        const handler: MockHandler = (command) => (command[0] === "CLUSTER" ? slotsReply(owner.port) : bulk("from-owner"));
        const current = await MockServer.start(handler);
        const other = await MockServer.start(handler);
        mocks.push(stale, current, other);
        owner.port = current.port;
        const client = await GlideClusterClient.createClient({ addresses: [stale.address, current.address, other.address] });
        clients.push(client);
        assert.equal(await client.get("k"), "from-owner");
        assert.equal(named(stale, "GET").length, 0);
    });

    it("a seed the topology knows under another name is not kept connected", async () => {
        const mock = await MockServer.start((command) => (command[0] === "CLUSTER" ? slotsReply(mock.port) : bulk("v")));
        mocks.push(mock);
        const client = await GlideClusterClient.createClient({ addresses: [{ host: "localhost", port: mock.port }] });
        clients.push(client);
        assert.equal(await client.get("k"), "v");
        await waitFor("the seed connection to close", async () => {
            const open = mock.sockets.filter((socket) => !socket.destroyed && !socket.readableEnded).length;
            return open === 1 || `${open} connections open`;
        });
    });

    it("with a single seed, confirms its view with the nodes it names", async () => {
        const owner = { port: 0 };
        const handler: MockHandler = (command) => (command[0] === "CLUSTER" ? slotsReply(owner.port) : bulk("v"));
        const seed = await MockServer.start(handler);
        mocks.push(seed);
        owner.port = seed.port;
        await clientOf(seed);
        assert.equal(slotQueries(seed), 2);
    });
});

describe("cluster scan over a partly covered cluster", () => {
    it("fails on an uncovered slot unless allowNonCoveredSlots, then scans what is covered", async () => {
        const mock = await MockServer.start((command) => {
            if (command[0] === "CLUSTER") return `*1\r\n*3\r\n:0\r\n:100\r\n*2\r\n${bulk("127.0.0.1")}:${mock.port}\r\n`;
            if (command[0] === "SCAN") return `*2\r\n${bulk("0")}*1\r\n${bulk("only-key")}`;
            return "-ERR unexpected\r\n";
        });
        mocks.push(mock);
        const client = await clientOf(mock);
        let [cursor, keys] = await client.scan(new ClusterScanCursor());
        assert.deepEqual(keys, ["only-key"]);
        await assert.rejects(client.scan(cursor), (error: Error) => error.message.startsWith("Could not find an address covering a slot, SCAN operation cannot continue") && error.message.endsWith("- NotAllSlotsCovered"));
        [cursor, keys] = await client.scan(cursor, { allowNonCoveredSlots: true });
        assert.ok(cursor.isFinished());
        assert.deepEqual(keys, []);
    });
});

describe("connection loss", () => {
    const node = async () => {
        const mock = await MockServer.start((command) => (command[0] === "CLUSTER" ? slotsReply(mock.port) : bulk(`v-${command[1]}`)));
        mocks.push(mock);
        return mock;
    };

    it("a lost node triggers a topology refresh; its requests wait for the reconnect", async () => {
        const mock = await node();
        const client = await clientOf(mock);
        const atStart = slotQueries(mock);
        mock.dropConnections();
        await sleep(5);
        assert.equal(await client.get("k"), "v-k");
        await sleep(700);
        assert.ok(slotQueries(mock) > atStart, "the disconnect caused a refresh");
    });

    it("a listed node that never answers does not cause a refresh loop", async () => {
        let moved = false;
        const mock = await MockServer.start((command) => {
            if (command[0] === "CLUSTER") {
                return `*1\r\n*4\r\n:0\r\n:16383\r\n*2\r\n${bulk("127.0.0.1")}:${mock.port}\r\n*2\r\n${bulk("127.0.0.1")}:1\r\n`;
            }
            if (moved) return bulk("v");
            moved = true;
            return `-MOVED ${keySlot(command[1])} 127.0.0.1:${mock.port}\r\n`;
        });
        mocks.push(mock);
        const client = await clientOf(mock);
        const atStart = slotQueries(mock);
        assert.equal(await client.get("k"), "v");
        await waitFor("the refresh the MOVED asked for", async () => slotQueries(mock) > atStart || "not yet");
        const afterRefresh = slotQueries(mock);
        await sleep(3 * MIN_REFRESH_INTERVAL_MS);
        assert.equal(slotQueries(mock), afterRefresh, "the unreachable replica's failed connects asked for no refresh");
    });

    it("recoveryRequestsQueueSize 0 fails requests for a reconnecting node at once", async () => {
        const mock = await node();
        const client = await clientOf(mock, { recoveryRequestsQueueSize: 0 });
        // The node stays away (a dropped connection alone comes back at once).
        const port = mock.port;
        await mock.stop();
        await sleep(5);
        await assert.rejects(client.get("k"), (error: Error) => error instanceof RequestError && /recoveryRequestsQueueSize/.test(error.message));
        await new Promise<void>((resolve) => mock.server.listen(port, "127.0.0.1", resolve));
        await sleep(300);
        assert.equal(await client.get("k"), "v-k");
    });
});

describe("cluster configuration", () => {
    it("rejects bad cluster options before connecting", async () => {
        const addresses = [{ host: "127.0.0.1", port: 1 }];
        await assert.rejects(
            // Pub/sub is supported; a context without a callback is not.
            GlideClusterClient.createClient({ addresses, pubsubSubscriptions: { channelsAndPatterns: {}, context: {} } }),
            ConfigurationError,
        );
        await assert.rejects(GlideClusterClient.createClient({ addresses, unknownOption: 1 } as never), ConfigurationError);
    });

    it("fails createClient with GLIDE's ClosingError when no seed answers, or the seed is not a cluster node", async () => {
        await assert.rejects(
            GlideClusterClient.createClient({ addresses: [{ host: "127.0.0.1", port: 1 }] }),
            (error: Error) =>
                error instanceof ClosingError &&
                error.message ===
                    'Connection error: Cluster(Failed to create initial connections - IoError: Failed to refresh both connections - IoError: Node: "127.0.0.1:1" received errors: `Connection refused (os error 111)`, `Connection refused (os error 111)`)',
        );
        const standalone = await MockServer.start(() => "-ERR This instance has cluster support disabled\r\n");
        mocks.push(standalone);
        await assert.rejects(
            GlideClusterClient.createClient({ addresses: [standalone.address] }),
            (error: Error) => error instanceof ClosingError && /cluster support disabled/.test(error.message),
        );
    });

    it("accepts every periodicChecks form and refreshTopologyFromInitialNodes", async () => {
        const mock = await MockServer.start((command) => (command[0] === "CLUSTER" ? slotsReply(mock.port) : "+PONG\r\n"));
        mocks.push(mock);
        for (const periodicChecks of ["enabledDefaultConfigs", "disabled", { duration_in_sec: 1 }] as const) {
            const client = await clientOf(mock, { periodicChecks, advancedConfiguration: { refreshTopologyFromInitialNodes: true } });
            assert.equal(await client.ping({ route: "randomNode" }), "PONG");
            client.close();
        }
    });

    it("periodic checks refresh the topology on their interval", async () => {
        const mock = await MockServer.start((command) => (command[0] === "CLUSTER" ? slotsReply(mock.port) : "+PONG\r\n"));
        mocks.push(mock);
        // Whole seconds: GLIDE's core takes the interval as an integer, so a fraction would be cut.
        const client = await clientOf(mock, { periodicChecks: { duration_in_sec: 1 } });
        const atStart = slotQueries(mock);
        await waitFor("two periodic refreshes", async () => slotQueries(mock) - atStart >= 2 || `${slotQueries(mock) - atStart} so far`);
        client.close();
    });
});
