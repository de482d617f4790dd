/** Client features against real servers: handshake, auth, databases, replicas, AZ affinity, TLS, outages. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
    ClosingError,
    ConnectionError,
    Decoder,
    GlideClient,
    ProtocolVersion,
    RequestError,
    TimeoutError,
    type GlideClientConfiguration,
} from "../../src";
import { PROTOCOLS, newStandaloneClient, uniqueKey } from "../helpers/clients";
import { startPrimaryWithReplica, startStandalone, type ReplicaPair, type ServerHandle } from "../helpers/servers";
import { replicaPair, tlsServer, tlsSkipReason } from "../helpers/shared";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function clientInfo(client: GlideClient): Promise<string> {
    return String(await client.customCommand(["CLIENT", "INFO"]));
}

/** How many GETs a server has served, as it counts them itself. */
async function getCalls(client: GlideClient): Promise<number> {
    const stats = String(await client.customCommand(["INFO", "commandstats"]));
    return Number(/cmdstat_get:calls=(\d+)/.exec(stats)?.[1] ?? 0);
}

/** Only an address's host and port: a server handle has more fields, which createClient refuses. */
function addressOf({ host, port }: { host: string; port: number }): { host: string; port: number } {
    return { host, port };
}

async function direct(address: { host: string; port: number }): Promise<GlideClient> {
    return GlideClient.createClient({ addresses: [addressOf(address)], requestTimeout: 2000 });
}

for (const { name, protocol } of PROTOCOLS) {
    describe(`handshake and decoders (${name})`, () => {
        it("sets the client name and library info", async () => {
            const client = await newStandaloneClient(protocol, { clientName: "named-client", clientInfoTag: "suite:1" });
            try {
                assert.equal(await client.clientGetName(), "named-client");
                const info = await clientInfo(client);
                assert.match(info, /lib-name=GlideJS\(suite:1\) /);
                assert.match(info, /lib-ver=\d+\.\d+\.\d+\+glide-ts /);
                assert.match(info, new RegExp(`resp=${protocol === ProtocolVersion.RESP2 ? 2 : 3}`));
            } finally {
                client.close();
            }
        });

        it("honours defaultDecoder and the per-call decoder", async () => {
            const client = await newStandaloneClient(protocol, { defaultDecoder: Decoder.Bytes });
            const key = uniqueKey();
            try {
                await client.set(key, "value");
                assert.deepEqual(await client.get(key), Buffer.from("value"));
                assert.equal(await client.get(key, { decoder: Decoder.String }), "value");
                assert.equal(typeof (await client.info()), "string");
            } finally {
                client.close();
            }
        });

        it("passes server errors through as RequestError with the server's text", async () => {
            const client = await newStandaloneClient(protocol);
            try {
                await assert.rejects(client.customCommand(["NOSUCHCOMMAND"]), (error: Error) => {
                    assert.ok(error instanceof RequestError);
                    assert.match(error.message, /unknown command/i);
                    return true;
                });
            } finally {
                client.close();
            }
        });
    });
}

describe("authentication and databases", () => {
    let server: ServerHandle;
    before(async () => {
        server = await startStandalone({ password: "s3cret" });
    });
    after(() => server.stop());

    it("authenticates with a password, and with an ACL user", async () => {
        const address = { host: server.host, port: server.port };
        const client = await GlideClient.createClient({ addresses: [address], credentials: { password: "s3cret" } });
        await client.customCommand(["ACL", "SETUSER", "alice", "on", ">alice-pw", "~*", "+@all"]);
        const alice = await GlideClient.createClient({ addresses: [address], credentials: { username: "alice", password: "alice-pw" } });
        assert.equal(await alice.customCommand(["ACL", "WHOAMI"]), "alice");
        alice.close();
        client.close();
    });

    it("refuses a wrong password at once, with GLIDE's ClosingError and the server's reason", async () => {
        await assert.rejects(
            GlideClient.createClient({ addresses: [{ host: server.host, port: server.port }], credentials: { password: "wrong" } }),
            (error: Error) =>
                error instanceof ClosingError &&
                error.message ===
                    `Connection error: Standalone(Received error for address \`${server.host}:${server.port}\`: WRONGPASS: invalid username-password pair or user is disabled.\n)`,
        );
    });

    it("keeps databaseId and select() across reconnects", async () => {
        const config: GlideClientConfiguration = {
            addresses: [{ host: server.host, port: server.port }],
            credentials: { password: "s3cret" },
            databaseId: 3,
            requestTimeout: 2000,
        };
        const client = await GlideClient.createClient(config);
        const admin = await GlideClient.createClient({ ...config, databaseId: 0 });
        try {
            assert.match(await clientInfo(client), / db=3 /);
            await client.select(5);
            assert.match(await clientInfo(client), / db=5 /);
            const id = await client.clientId();
            await admin.customCommand(["CLIENT", "KILL", "ID", String(id)]);
            await sleep(100);
            // The first command after the kill may see the dropped socket; the client reconnects.
            await client.ping().catch((error) => assert.ok(error instanceof ConnectionError));
            assert.match(await clientInfo(client), / db=5 /);
        } finally {
            client.close();
            admin.close();
        }
    });
});

describe("primary and replicas", () => {
    it("finds the primary whatever the order of addresses, and reads from it by default", async () => {
        const pair = await replicaPair();
        const client = await GlideClient.createClient({ addresses: [pair.replica, pair.primary], requestTimeout: 2000 });
        const replica = await direct(pair.replica);
        const key = uniqueKey();
        try {
            assert.equal(await client.set(key, "v"), "OK");
            const before = await getCalls(replica);
            await client.get(key);
            assert.equal(await getCalls(replica), before);
        } finally {
            client.close();
            replica.close();
        }
    });

    it("preferReplica sends reads to the replica, writes to the primary", async () => {
        const pair = await replicaPair();
        const client = await GlideClient.createClient({
            addresses: [pair.primary, pair.replica],
            readFrom: "preferReplica",
            requestTimeout: 2000,
        });
        const replica = await direct(pair.replica);
        const key = uniqueKey();
        try {
            await client.set(key, "v");
            const before = await getCalls(replica);
            for (let i = 0; i < 5; i++) await client.get(key);
            assert.equal(await getCalls(replica), before + 5);
        } finally {
            client.close();
            replica.close();
        }
    });
});

describe("availability-zone affinity", () => {
    let pair: ReplicaPair;
    before(async () => {
        pair = await startPrimaryWithReplica();
        const primary = await direct(pair.primary);
        const replica = await direct(pair.replica);
        await primary.configSet({ "availability-zone": "zone-a" });
        await replica.configSet({ "availability-zone": "zone-b" });
        primary.close();
        replica.close();
    });
    after(() => pair.stop());

    async function servedBy(config: Partial<GlideClientConfiguration>): Promise<"primary" | "replica"> {
        const client = await GlideClient.createClient({ addresses: [addressOf(pair.primary), addressOf(pair.replica)], requestTimeout: 2000, ...config });
        const replica = await direct(pair.replica);
        try {
            const before = await getCalls(replica);
            await client.get(uniqueKey());
            return (await getCalls(replica)) > before ? "replica" : "primary";
        } finally {
            client.close();
            replica.close();
        }
    }

    it("AZAffinity reads from the replica in the client's zone", async () => {
        assert.equal(await servedBy({ readFrom: "AZAffinity", clientAz: "zone-b" }), "replica");
    });

    it("AZAffinity falls back to any replica when none is in the zone", async () => {
        assert.equal(await servedBy({ readFrom: "AZAffinity", clientAz: "zone-x" }), "replica");
    });

    it("AZAffinityReplicasAndPrimary reads from a primary in the client's zone", async () => {
        assert.equal(await servedBy({ readFrom: "AZAffinityReplicasAndPrimary", clientAz: "zone-a" }), "primary");
    });
});

describe("TLS", async () => {
    const skip = await tlsSkipReason();
    it("connects with the CA given as rootCertificates", { skip }, async () => {
        const server = (await tlsServer())!;
        const client = await GlideClient.createClient({
            addresses: [{ host: server.host, port: server.port }],
            useTLS: true,
            advancedConfiguration: { tlsAdvancedConfiguration: { rootCertificates: server.tls.ca } },
        });
        assert.equal(await client.ping(), "PONG");
        client.close();
    });

    it("refuses an unknown certificate authority, unless insecure", { skip }, async () => {
        const server = (await tlsServer())!;
        const addresses = [{ host: server.host, port: server.port }];
        await assert.rejects(GlideClient.createClient({ addresses, useTLS: true, advancedConfiguration: { connectionTimeout: 500 } }), ClosingError);
        const insecure = await GlideClient.createClient({
            addresses,
            useTLS: true,
            advancedConfiguration: { tlsAdvancedConfiguration: { insecure: true } },
        });
        assert.equal(await insecure.ping(), "PONG");
        insecure.close();
    });

    it("a plain TCP client cannot talk to a TLS port", { skip }, async () => {
        const server = (await tlsServer())!;
        await assert.rejects(
            GlideClient.createClient({
                addresses: [{ host: server.host, port: server.port }],
                advancedConfiguration: { connectionTimeout: 500 },
            }),
            ClosingError,
        );
    });
});

describe("a server that stops", () => {
    it("fails pending requests, times out new ones, and recovers when it is back", async () => {
        const server = await startStandalone();
        const client = await GlideClient.createClient({
            addresses: [{ host: server.host, port: server.port }],
            requestTimeout: 300,
            connectionBackoff: { numberOfRetries: 2, factor: 20, exponentBase: 2 },
        });
        try {
            assert.equal(await client.ping(), "PONG");
            const pending = client.customCommand(["DEBUG", "SLEEP", "0.2"]);
            await sleep(20);
            server.kill("SIGKILL");
            await assert.rejects(pending, ConnectionError);
            await assert.rejects(client.ping(), TimeoutError);
            await server.restart();
            let pong: unknown;
            for (let attempt = 0; attempt < 50 && pong === undefined; attempt++) {
                pong = await client.ping().catch(() => undefined);
                if (pong === undefined) await sleep(50);
            }
            assert.equal(pong, "PONG");
        } finally {
            client.close();
            await server.stop();
        }
        await assert.rejects(client.ping(), ClosingError);
    });
});
