/** FAILOVER and REPLICAOF on servers of this file's own. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { GlideClient, type ProtocolVersion } from "../../src";
import { PROTOCOLS, uniqueKey } from "../helpers/clients";
import { rejectsWithPrefix } from "../helpers/family";
import { infoField, startPrimaryWithReplica, startStandalone, waitForReplicationLink, type ReplicaPair, type ServerHandle } from "../helpers/servers";
import { waitFor } from "../helpers/wait";

function clientOf(server: ServerHandle, protocol: ProtocolVersion): Promise<GlideClient> {
    return GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], protocol, requestTimeout: 5000 });
}

async function role(client: GlideClient): Promise<string | undefined> {
    return infoField(await client.info(), "role");
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`failover (${name})`, () => {
        let pair: ReplicaPair;
        let first: GlideClient;
        let second: GlideClient;

        before(async () => {
            pair = await startPrimaryWithReplica();
            first = await clientOf(pair.primary, protocol);
            second = await clientOf(pair.replica, protocol);
        });

        after(async () => {
            first?.close();
            second?.close();
            await pair?.stop();
        });

        async function rolesAre(primary: GlideClient, replica: GlideClient): Promise<void> {
            await waitFor("the roles to swap", async () => {
                const roles = [await role(primary), await role(replica)];
                if (roles[0] !== "master" || roles[1] !== "slave") return `roles are ${roles.join(", ")}`;
                return infoField(await replica.info(), "master_link_status") === "up" || "link down";
            });
        }

        it("rejects abort when no failover runs, and a target that is not a replica", async () => {
            await rejectsWithPrefix(first.failover({ abort: true }), "An error was signalled by the server: - ResponseError: No failover in progress.");
            await rejectsWithPrefix(
                first.failover({ to: { host: "127.0.0.1", port: 1 } }),
                "An error was signalled by the server: - ResponseError: FAILOVER target HOST and PORT is not a replica.",
            );
            await rejectsWithPrefix(second.failover(), "An error was signalled by the server: - ResponseError: FAILOVER is not valid when server is a replica.");
        });

        it("hands the primary role to the replica, and back to a named target", async () => {
            const key = uniqueKey("failover");
            await first.set(key, "before");
            assert.equal(await first.failover(), "OK");
            await rolesAre(second, first);
            assert.equal(await second.get(key), "before");

            assert.equal(
                await second.failover({ to: { host: pair.primary.host, port: pair.primary.port }, timeoutMs: 5000 }),
                "OK",
            );
            await rolesAre(first, second);
            assert.equal(await first.set(key, "after"), "OK");

            assert.equal(await first.failover({ to: { host: pair.replica.host, port: pair.replica.port, force: true }, timeoutMs: 5000 }), "OK");
            await rolesAre(second, first);
            // Leave the pair as it started, for the next protocol's run.
            assert.equal(await second.failover({ to: { host: pair.primary.host, port: pair.primary.port } }), "OK");
            await rolesAre(first, second);
        });
    });

    describe(`replicaof (${name})`, () => {
        let source: ServerHandle;
        let follower: ServerHandle;
        let sourceClient: GlideClient;
        let followerClient: GlideClient;

        before(async () => {
            [source, follower] = await Promise.all([startStandalone({ name: "source" }), startStandalone({ name: "follower" })]);
            sourceClient = await clientOf(source, protocol);
            followerClient = await clientOf(follower, protocol);
        });

        after(async () => {
            sourceClient?.close();
            followerClient?.close();
            await Promise.all([source?.stop(), follower?.stop()]);
        });

        it("makes the server a replica of another, and a primary again with replicaofNoOne", async () => {
            const key = uniqueKey("replicated");
            await sourceClient.set(key, "from the source");
            assert.equal(await followerClient.replicaof(source.host, source.port), "OK");
            assert.equal(await role(followerClient), "slave");
            await waitForReplicationLink(follower);
            assert.equal(await followerClient.get(key), "from the source");
            await rejectsWithPrefix(followerClient.set(key, "x"), "An error was signalled by the server: - ReadOnly: You can't write against a read only replica.");

            assert.equal(await followerClient.replicaofNoOne(), "OK");
            assert.equal(await role(followerClient), "master");
            assert.equal(await followerClient.set(key, "own"), "OK");
            assert.equal(await sourceClient.get(key), "from the source");
        });
    });
}
