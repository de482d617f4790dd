/** Connection behaviour on failure paths, against the scripted mock server. */
import assert from "node:assert/strict";
import * as net from "node:net";
import { after, describe, it } from "node:test";
import {
    ClosingError,
    ConnectionError,
    GlideClient,
    RequestError,
    TimeoutError,
    type GlideClientConfiguration,
} from "../../src";
import { bulk, MockServer, type MockContext, type MockHandler } from "../helpers/mock-server";

const clients: GlideClient[] = [];
const mocks: MockServer[] = [];
after(async () => {
    for (const client of clients) client.close();
    for (const mock of mocks) await mock.stop();
});

async function setup(handler: MockHandler, config: Partial<GlideClientConfiguration> = {}) {
    const mock = await MockServer.start(handler);
    mocks.push(mock);
    const client = await GlideClient.createClient({ addresses: [mock.address], requestTimeout: 1000, ...config });
    clients.push(client);
    return { mock, client };
}

/** Replies in order, each after the previous one, optionally delayed: a server that is slow, not out of order. */
function orderedReplies() {
    let chain = Promise.resolve();
    return (context: MockContext, reply: string, delayMs = 0) => {
        chain = chain.then(() => new Promise<void>((resolve) => setTimeout(() => (context.write(reply), resolve()), delayMs)));
    };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("timeouts", () => {
    it("a timed-out request keeps its slot, so later replies reach the right caller", async () => {
        const reply = orderedReplies();
        let served = 0;
        const { client } = await setup(
            (command, context) => {
                served++;
                reply(context, bulk(`reply-${served}-${command[1]}`), command[1] === "slow" ? 300 : 0);
            },
            { requestTimeout: 100 },
        );
        const slow = client.get("slow");
        const queuedBehindSlow = client.get("fast");
        await assert.rejects(slow, TimeoutError);
        await assert.rejects(queuedBehindSlow, TimeoutError);
        await sleep(300);
        assert.equal(await client.get("later"), "reply-3-later");
    });
});

describe("broken connections", () => {
    it("a reply cut mid-way rejects with ConnectionError, then the client reconnects", async () => {
        const { client, mock } = await setup((command, context) => {
            if (command[1] === "cut") {
                context.write("$10\r\nabc");
                setTimeout(() => context.socket.destroy(), 20);
                return;
            }
            return bulk("ok");
        });
        await assert.rejects(client.get("cut"), ConnectionError);
        assert.equal(await client.get("after"), "ok");
        assert.equal(mock.connections, 2);
    });

    it("garbage from the server is a protocol error, not a hang or a crash", async () => {
        const { client } = await setup((command) => (command[1] === "bad" ? "?what is this\r\n" : bulk("ok")));
        await assert.rejects(client.get("bad"), (error: Error) => {
            assert.ok(error instanceof ConnectionError, `got ${error}`);
            assert.match(error.message, /protocol|type|unexpected/i);
            return true;
        });
        assert.equal(await client.get("after"), "ok");
    });

    it("hostile nesting depth is refused without blowing the stack", async () => {
        const { client } = await setup((command) => (command[1] === "deep" ? "*1\r\n".repeat(200_000) : bulk("ok")));
        await assert.rejects(client.get("deep"), ConnectionError);
        assert.equal(await client.get("after"), "ok");
    });

    it("commands issued while the server is away wait for the reconnect within their timeout", async () => {
        const { client, mock } = await setup(() => bulk("ok"), { requestTimeout: 3000 });
        const port = mock.port;
        await mock.stop();
        await sleep(50);
        const pending = client.get("while-down");
        await sleep(200);
        await new Promise<void>((resolve) => mock.server.listen(port, "127.0.0.1", resolve));
        assert.equal(await pending, "ok");
    });

    it("a server that never comes back gives TimeoutError, not a hung promise", async () => {
        const { client, mock } = await setup(() => bulk("ok"), { requestTimeout: 200 });
        await mock.stop();
        await sleep(50);
        await assert.rejects(client.get("never"), TimeoutError);
    });
});

describe("connecting", () => {
    /** What GLIDE's createClient rejects with when a standalone server was not reached in time. */
    const unreachable = (port: number) => `Connection error: Standalone(Received error for address \`127.0.0.1:${port}\`: timed out\n)`;

    it("a refused connection is tried again until connectionTimeout, then fails createClient as GLIDE's", async () => {
        const mock = await MockServer.start(() => undefined);
        const { port } = mock.address;
        await mock.stop();
        await assert.rejects(
            GlideClient.createClient({ addresses: [{ host: "127.0.0.1", port }], advancedConfiguration: { connectionTimeout: 300 } }),
            (error: Error) => error instanceof ClosingError && error.message === unreachable(port),
        );
    });

    it("a server that comes up within connectionTimeout is connected", async () => {
        const mock = await MockServer.start(() => undefined);
        const { port } = mock.address;
        await mock.stop();
        const restarted = sleep(300).then(() => new Promise<void>((resolve) => mock.server.listen(port, "127.0.0.1", resolve)));
        const client = await GlideClient.createClient({ addresses: [{ host: "127.0.0.1", port }], advancedConfiguration: { connectionTimeout: 3000 } });
        await restarted;
        client.close();
        await mock.stop();
    });

    it("a server that never answers the handshake fails after connectionTimeout", async () => {
        // The mock answers HELLO itself, so a raw server that accepts and stays silent stands in.
        const server = net.createServer(() => undefined);
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        const port = (server.address() as net.AddressInfo).port;
        try {
            await assert.rejects(
                GlideClient.createClient({
                    addresses: [{ host: "127.0.0.1", port }],
                    advancedConfiguration: { connectionTimeout: 200 },
                }),
                (error: Error) => error instanceof ClosingError && error.message === unreachable(port),
            );
        } finally {
            server.close();
        }
    });

    it("lazyConnect opens no socket until the first command", async () => {
        const mock = await MockServer.start(() => bulk("ok"));
        mocks.push(mock);
        const client = await GlideClient.createClient({ addresses: [mock.address], lazyConnect: true });
        clients.push(client);
        await sleep(50);
        assert.equal(mock.connections, 0);
        assert.equal(await client.get("k"), "ok");
        assert.equal(mock.connections, 1);
    });
});

describe("limits and closing", () => {
    it("rejects past inflightRequestsLimit at once, and close() settles everything", async () => {
        const { client } = await setup(() => undefined, { inflightRequestsLimit: 3 });
        const hanging = [client.get("a"), client.get("b"), client.get("c")];
        await assert.rejects(client.get("d"), (error: Error) => error instanceof RequestError && /inflight/i.test(error.message));
        client.close();
        for (const request of hanging) await assert.rejects(request, ClosingError);
        await assert.rejects(client.get("e"), ClosingError);
    });

    it("writes the commands of one tick in one socket write", async () => {
        const { client, mock } = await setup(() => bulk("ok"));
        let writes = 0;
        mock.sockets[0].on("data", () => writes++);
        // 20 commands, well under the early-flush size: nothing leaves before the tick ends.
        await Promise.all(Array.from({ length: 20 }, (_, i) => client.get(`k${i}`)));
        assert.equal(writes, 1);
    });

    it("hands an idle server the first part of a large tick early, then batches the rest", async () => {
        const { client, mock } = await setup(() => bulk("ok"));
        let writes = 0;
        mock.sockets[0].on("data", () => writes++);
        await Promise.all(Array.from({ length: 500 }, (_, i) => client.get(`k${i}`)));
        // ~1 KB parts until 64 requests await replies, then one write for the rest; TCP may also
        // split a large write, but never into anything near one segment per command.
        assert.ok(writes <= 5, `500 commands arrived in ${writes} reads`);
    });
});
