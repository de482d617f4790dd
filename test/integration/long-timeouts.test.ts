/**
 * Timeouts GLIDE accepts beyond what one Node timer holds (2^31 - 1 ms): requestTimeout up to
 * 2^32 - 1 ms (-1 is that), connectionTimeout alike, blocking timeouts up to 2^32 - 1 s. Node
 * clamps a longer timer to 1 ms, so a client that handed them to setTimeout would spin.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { GlideClient, TimeoutError } from "../../src";
import { startStandalone, type ServerHandle } from "../helpers/servers";
import { uniqueKey } from "../helpers/clients";
import { sleep } from "../helpers/wait";

/** Counts the TimeoutOverflowWarnings the process emits while `body` runs. */
async function overflowWarnings(body: () => Promise<void>): Promise<number> {
    let count = 0;
    const listener = (warning: Error) => {
        if (warning.name === "TimeoutOverflowWarning") count++;
    };
    process.on("warning", listener);
    try {
        await body();
        // Warnings are emitted on the next tick.
        await sleep(5);
    } finally {
        process.off("warning", listener);
    }
    return count;
}

/** Timers the process holds right now. */
function activeTimers(): number {
    return process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
}

describe("timeouts longer than a Node timer holds", () => {
    let server: ServerHandle;
    const create = (extra: object) => GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], ...extra });

    before(async () => {
        server = await startStandalone({ name: "long-timeouts" });
    });
    after(async () => {
        server.kill("SIGCONT");
        await server.stop();
    });

    for (const requestTimeout of [3e9, -1]) {
        it(`requestTimeout ${requestTimeout}: a request waiting on a stopped server arms no 1 ms timer`, async () => {
            const client = await create({ requestTimeout });
            try {
                const cpuBefore = process.cpuUsage();
                let reply: Promise<unknown> | undefined;
                const warnings = await overflowWarnings(async () => {
                    server.kill("SIGSTOP");
                    try {
                        reply = client.get(uniqueKey("pending"));
                        await sleep(500);
                    } finally {
                        server.kill("SIGCONT");
                    }
                });
                const cpu = process.cpuUsage(cpuBefore);
                assert.equal(warnings, 0);
                // It waited, as GLIDE's does, and got its reply once the server went on.
                assert.equal(await reply, null);
                // A 1 ms timer re-armed for 500 ms costs hundreds of wake-ups; an idle wait costs next to nothing.
                assert.ok(cpu.user + cpu.system < 150_000, `${(cpu.user + cpu.system) / 1000} ms of CPU while waiting`);
            } finally {
                client.close();
            }
        });
    }

    it("connectionTimeout 3e9 (and -1): the connection is opened, not timed out after 1 ms", async () => {
        for (const connectionTimeout of [3e9, -1]) {
            const warnings = await overflowWarnings(async () => {
                const client = await create({ advancedConfiguration: { connectionTimeout } });
                assert.equal(await client.ping(), "PONG");
                client.close();
            });
            assert.equal(warnings, 0, `connectionTimeout ${connectionTimeout}`);
        }
    });

    it("pubsubReconciliationIntervalMs 3e9: the client's periodic checks arm no 1 ms interval", async () => {
        const warnings = await overflowWarnings(async () => {
            const client = await create({ advancedConfiguration: { pubsubReconciliationIntervalMs: 3e9 } });
            assert.equal(await client.ping(), "PONG");
            client.close();
        });
        assert.equal(warnings, 0);
    });

    it("blpop with a timeout of 3e6 s waits without spinning and gets its element", async () => {
        const client = await create({});
        const pusher = await create({});
        try {
            const list = uniqueKey("list");
            let popped: Promise<unknown> | undefined;
            const warnings = await overflowWarnings(async () => {
                popped = client.blpop([list], 3e6);
                await sleep(200);
            });
            assert.equal(warnings, 0);
            await pusher.customCommand(["RPUSH", list, "x"]);
            assert.deepEqual(await popped, [list, "x"]);
        } finally {
            client.close();
            pusher.close();
        }
    });

    it("blpop with timeout 0 (never) schedules no timer at all", async () => {
        const client = await create({});
        const pusher = await create({});
        try {
            const list = uniqueKey("list");
            // A blocking connection of the pool, opened and idle, so that opening it arms nothing below.
            assert.equal(await client.blpop([list], 0.01), null);
            const before = activeTimers();
            const popped = client.blpop([list], 0);
            await sleep(20);
            assert.equal(activeTimers(), before);
            await pusher.customCommand(["RPUSH", list, "x"]);
            assert.deepEqual(await popped, [list, "x"]);
        } finally {
            client.close();
            pusher.close();
        }
    });

    it("a request timeout within range still times out", async () => {
        const client = await create({ requestTimeout: 100 });
        try {
            server.kill("SIGSTOP");
            try {
                await assert.rejects(client.get(uniqueKey("late")), TimeoutError);
            } finally {
                server.kill("SIGCONT");
            }
        } finally {
            client.close();
        }
    });
});
