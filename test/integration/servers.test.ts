/** Tests of the test infrastructure itself: real servers start, answer, replicate and go away. */
import * as assert from "node:assert/strict";
import * as net from "node:net";
import { after, describe, it } from "node:test";

import {
    generateTlsFiles,
    infoField,
    makeRunSubdir,
    rawCommand,
    rawCommandParsed,
    rawCommandText,
    startPrimaryWithReplica,
    startStandalone,
    stopAll,
    tlsUnsupportedReason,
    type Reply,
} from "../helpers/servers";
import { clusterSeeds } from "../helpers/shared";

after(stopAll);

function canConnect(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect({ host: "127.0.0.1", port });
        socket.once("connect", () => {
            socket.destroy();
            resolve(true);
        });
        socket.once("error", () => resolve(false));
    });
}

describe("test servers", () => {
    it("starts a standalone server that answers PING and frees its port on stop", async () => {
        const server = await startStandalone();
        assert.equal(await rawCommand(server.host, server.port, ["PING"]), "+PONG\r\n");
        assert.equal(await rawCommand(server.host, server.port, ["SET", "k", "a b\r\nc"]), "+OK\r\n");
        assert.equal(await rawCommand(server.host, server.port, ["GET", "k"]), "$6\r\na b\r\nc\r\n");
        await server.stop();
        assert.equal(await canConnect(server.port), false);
    });

    it("restarts a killed server on the same port", async () => {
        const server = await startStandalone({ password: "secret" });
        const firstPid = server.pid;
        assert.match(await rawCommand(server.host, server.port, ["GET", "k"]), /^-NOAUTH/);
        server.kill();
        await server.restart();
        assert.notEqual(server.pid, firstPid);
        assert.match(await rawCommand(server.host, server.port, ["PING"]), /^-NOAUTH/);
        await server.stop();
    });

    it("starts a primary with a connected replica", async () => {
        const pair = await startPrimaryWithReplica();
        try {
            const info = await rawCommandText(pair.replica.host, pair.replica.port, ["INFO", "replication"]);
            assert.equal(infoField(info, "master_link_status"), "up");
            assert.equal(infoField(info, "master_port"), String(pair.primary.port));
        } finally {
            await pair.stop();
        }
    });

    it("starts a TLS server that needs TLS and trusts the generated CA", async (t) => {
        const reason = await tlsUnsupportedReason();
        if (reason) return t.skip(reason);
        const [tls, unrelated] = await Promise.all([
            generateTlsFiles(makeRunSubdir("tls-test")),
            generateTlsFiles(makeRunSubdir("tls-unrelated")),
        ]);
        const server = await startStandalone({ tls });
        try {
            assert.equal(await rawCommand(server.host, server.port, ["PING"], { ca: tls.ca }), "+PONG\r\n");
            await assert.rejects(rawCommand(server.host, server.port, ["PING"], undefined, 500));
            await assert.rejects(rawCommand(server.host, server.port, ["PING"], { ca: unrelated.ca }, 500));
        } finally {
            await server.stop();
        }
    });

    it("provides a shared cluster of 6 nodes covering all 16384 slots", async () => {
        const seeds = await clusterSeeds();
        assert.equal(seeds.length, 6);
        for (const seed of seeds) {
            const slots = (await rawCommandParsed(seed.host, seed.port, ["CLUSTER", "SLOTS"])) as Reply[][];
            const covered = slots.reduce((sum, [start, end]) => sum + (end as number) - (start as number) + 1, 0);
            assert.equal(covered, 16384, `slots covered according to ${seed.port}`);
            const info = await rawCommandText(seed.host, seed.port, ["CLUSTER", "INFO"]);
            assert.equal(infoField(info, "cluster_state"), "ok");
            assert.equal(infoField(info, "cluster_known_nodes"), "6");
        }
    });
});
