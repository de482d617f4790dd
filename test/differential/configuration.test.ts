/**
 * createClient with the same configuration through GLIDE 2.5.2 and glide-ts: the same options
 * accepted (the client then answers PING the same), the same refused with the same error.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { ACCEPTED_CONFIG_DIFFERENCES } from "./accepted-differences";
import { CONFIGS, Environment, type Config } from "./harness/environment";
import { GLIDE, GLIDE_TS, glideSkipReason, type Side } from "./harness/libraries";
import { capture, renderOutcome } from "./harness/outcome";
import type { Library } from "./cases/types";

interface ConfigCase {
    title: string;
    /** Options added to (or replacing) the base configuration: this server's address, RESP3, String. */
    options: (lib: Library, base: { addresses: { host: string; port?: number }[] }) => object;
    only?: "standalone" | "cluster";
}

const UNREACHABLE = [{ host: "127.0.0.1", port: 1 }];

const CASES: ConfigCase[] = [
    { title: "defaults", options: () => ({}) },
    { title: "no addresses", options: () => ({ addresses: [] }) },
    { title: "address without a host", options: () => ({ addresses: [{ port: 6379 }] }) },
    { title: "address with a tls field", options: (_, base) => ({ addresses: base.addresses.map((address) => ({ ...address, tls: true })) }) },
    { title: "address with a port in its host", options: () => ({ addresses: [{ host: "127.0.0.1:1" }], advancedConfiguration: { connectionTimeout: 200 } }) },
    { title: "port as a numeric string", options: (_, base) => ({ addresses: base.addresses.map((address) => ({ ...address, port: String(address.port) })) }) },
    { title: "unreachable address", options: () => ({ addresses: UNREACHABLE, advancedConfiguration: { connectionTimeout: 200 } }) },
    { title: "unreachable address, lazy", options: () => ({ addresses: UNREACHABLE, lazyConnect: true, requestTimeout: 300 }) },
    { title: "databaseId 1", options: () => ({ databaseId: 1 }), only: "standalone" },
    { title: "databaseId null", options: () => ({ databaseId: null }) },
    { title: "databaseId -1", options: () => ({ databaseId: -1 }) },
    { title: "databaseId out of the server's range", options: () => ({ databaseId: 1000 }), only: "standalone" },
    { title: "useTLS against a plain server", options: () => ({ useTLS: true, advancedConfiguration: { connectionTimeout: 500 } }) },
    { title: "useTLS false, tlsAdvancedConfiguration set", options: () => ({ advancedConfiguration: { tlsAdvancedConfiguration: { insecure: true } } }) },
    { title: "credentials null", options: () => ({ credentials: null }) },
    { title: "password on a server without one", options: () => ({ credentials: { password: "secret" } }) },
    { title: "unknown user", options: () => ({ credentials: { username: "nobody", password: "secret" } }) },
    { title: "requestTimeout null", options: () => ({ requestTimeout: null }) },
    { title: "requestTimeout 0", options: () => ({ requestTimeout: 0 }) },
    { title: "requestTimeout -1", options: () => ({ requestTimeout: -1 }) },
    { title: "requestTimeout 1.5", options: () => ({ requestTimeout: 1.5 }) },
    { title: "readFrom preferReplica", options: () => ({ readFrom: "preferReplica" }) },
    { title: "readFrom AZAffinity without clientAz", options: () => ({ readFrom: "AZAffinity" }) },
    { title: "readFrom AZAffinity with clientAz", options: () => ({ readFrom: "AZAffinity", clientAz: "az-1" }) },
    { title: "readFrom AZAffinityReplicasAndPrimary without clientAz", options: () => ({ readFrom: "AZAffinityReplicasAndPrimary" }) },
    { title: "readFrom unknown", options: () => ({ readFrom: "nearest" }) },
    { title: "readFrom null", options: () => ({ readFrom: null }) },
    { title: "protocol RESP2", options: (lib) => ({ protocol: lib.ProtocolVersion.RESP2 }) },
    { title: "protocol null", options: () => ({ protocol: null }) },
    { title: "clientName", options: () => ({ clientName: "differential" }) },
    { title: "clientName with a space", options: () => ({ clientName: "two words" }) },
    { title: "clientName empty", options: () => ({ clientName: "" }) },
    { title: "libName and clientInfoTag", options: () => ({ libName: "MyLib", clientInfoTag: "tag-1" }) },
    { title: "libName with parentheses", options: () => ({ libName: "a(b)" }) },
    { title: "clientInfoTag with a space", options: () => ({ clientInfoTag: "a b" }) },
    { title: "defaultDecoder Bytes", options: (lib) => ({ defaultDecoder: lib.Decoder.Bytes }) },
    { title: "defaultDecoder null", options: () => ({ defaultDecoder: null }) },
    { title: "inflightRequestsLimit 1", options: () => ({ inflightRequestsLimit: 1 }) },
    { title: "inflightRequestsLimit 0", options: () => ({ inflightRequestsLimit: 0 }) },
    { title: "inflightRequestsLimit null", options: () => ({ inflightRequestsLimit: null }) },
    { title: "connectionBackoff", options: () => ({ connectionBackoff: { numberOfRetries: 3, factor: 10, exponentBase: 2 } }) },
    { title: "connectionBackoff with jitterPercent", options: () => ({ connectionBackoff: { numberOfRetries: 3, factor: 10, exponentBase: 2, jitterPercent: 20 } }) },
    { title: "connectionBackoff null", options: () => ({ connectionBackoff: null }) },
    { title: "lazyConnect", options: () => ({ lazyConnect: true }) },
    { title: "lazyConnect null", options: () => ({ lazyConnect: null }) },
    { title: "compression disabled", options: () => ({ compression: { enabled: false } }) },
    { title: "compression null", options: () => ({ compression: null }) },
    { title: "clientSideCache null", options: () => ({ clientSideCache: null }) },
    { title: "addressResolver null", options: () => ({ addressResolver: null }) },
    { title: "clientCircuitBreaker null", options: () => ({ clientCircuitBreaker: null }) },
    { title: "connectionTimeout 500", options: () => ({ advancedConfiguration: { connectionTimeout: 500 } }) },
    { title: "connectionTimeout null", options: () => ({ advancedConfiguration: { connectionTimeout: null } }) },
    { title: "connectionTimeout 0", options: () => ({ advancedConfiguration: { connectionTimeout: 0 } }) },
    { title: "tcpNoDelay false", options: () => ({ advancedConfiguration: { tcpNoDelay: false } }) },
    { title: "advancedConfiguration null", options: () => ({ advancedConfiguration: null }) },
    { title: "pubsubReconciliationIntervalMs 500", options: () => ({ advancedConfiguration: { pubsubReconciliationIntervalMs: 500 } }) },
    { title: "pubsubReconciliationIntervalMs 0", options: () => ({ advancedConfiguration: { pubsubReconciliationIntervalMs: 0 } }) },
    { title: "pubsubSubscriptions null", options: () => ({ pubsubSubscriptions: null }) },
    { title: "pubsubSubscriptions with a null context and no callback", options: () => ({ pubsubSubscriptions: { channelsAndPatterns: { 0: new Set(["ch"]) }, context: null } }) },
    { title: "pubsubSubscriptions with a context and no callback", options: () => ({ pubsubSubscriptions: { channelsAndPatterns: { 0: new Set(["ch"]) }, context: {} } }) },
    { title: "pubsubSubscriptions with a null callback", options: () => ({ pubsubSubscriptions: { channelsAndPatterns: { 0: new Set(["ch"]) }, callback: null } }) },
    { title: "pubsubSubscriptions on RESP2", options: (lib) => ({ protocol: lib.ProtocolVersion.RESP2, pubsubSubscriptions: { channelsAndPatterns: { 0: new Set(["ch"]) } } }) },
    { title: "pubsubSubscriptions with a callback", options: () => ({ pubsubSubscriptions: { channelsAndPatterns: { 1: new Set(["p*"]) }, callback: () => undefined } }) },
    { title: "readOnly null", options: () => ({ readOnly: null }), only: "standalone" },
    { title: "nodeDiscoveryMode null", options: () => ({ nodeDiscoveryMode: null }), only: "standalone" },
    { title: "periodicChecks disabled", options: () => ({ periodicChecks: "disabled" }), only: "cluster" },
    { title: "periodicChecks enabledDefaultConfigs", options: () => ({ periodicChecks: "enabledDefaultConfigs" }), only: "cluster" },
    { title: "periodicChecks manual interval", options: () => ({ periodicChecks: { duration_in_sec: 5 } }), only: "cluster" },
    { title: "periodicChecks null", options: () => ({ periodicChecks: null }), only: "cluster" },
    { title: "recoveryRequestsQueueSize 10", options: () => ({ recoveryRequestsQueueSize: 10 }), only: "cluster" },
    { title: "refreshTopologyFromInitialNodes", options: () => ({ advancedConfiguration: { refreshTopologyFromInitialNodes: true } }), only: "cluster" },
    { title: "sharded pubsubSubscriptions", options: () => ({ pubsubSubscriptions: { channelsAndPatterns: { 2: new Set(["{s}ch"]) } } }), only: "cluster" },
    { title: "sharded pubsubSubscriptions on a standalone client", options: () => ({ pubsubSubscriptions: { channelsAndPatterns: { 2: new Set(["{s}ch"]) } } }), only: "standalone" },
];

/** Creates the client, then, when that worked, pings and closes it. */
async function attempt(env: Environment, side: Side, config: Config, testCase: ConfigCase): Promise<string> {
    const clientClass = config.cluster ? side.lib.GlideClusterClient : side.lib.GlideClient;
    const base = env.clientConfig(side, config) as { addresses: { host: string; port?: number }[] };
    const created = await capture(() => clientClass.createClient({ ...base, ...testCase.options(side.lib, base) }));
    if (created.kind !== "value") return renderOutcome(created);
    const client = created.value as { ping(): Promise<unknown>; close(): void };
    const ping = await capture(() => client.ping());
    client.close();
    return `created; ping ${renderOutcome(ping)}`;
}

describe("differential: client configuration against GLIDE 2.5.2", { skip: glideSkipReason }, () => {
    let env: Environment;
    const matched = new Set<(typeof ACCEPTED_CONFIG_DIFFERENCES)[number]>();
    before(async () => {
        env = await Environment.start();
    });
    after(() => env?.stop());

    for (const config of [CONFIGS.find((c) => !c.cluster)!, CONFIGS.find((c) => c.cluster)!]) {
        it(`createClient on ${config.cluster ? "a cluster" : "a standalone server"}`, { timeout: 300_000 }, async () => {
            const unexpected: string[] = [];
            for (const testCase of CASES) {
                if (testCase.only !== undefined && testCase.only !== (config.cluster ? "cluster" : "standalone")) continue;
                const glide = await attempt(env, GLIDE, config, testCase);
                const ours = await attempt(env, GLIDE_TS, config, testCase);
                if (glide === ours) continue;
                const accepted = ACCEPTED_CONFIG_DIFFERENCES.find((entry) => entry.title === testCase.title);
                if (accepted) {
                    matched.add(accepted);
                    continue;
                }
                unexpected.push(`${testCase.title}\n    GLIDE:    ${glide}\n    glide-ts: ${ours}`);
            }
            assert.equal(unexpected.length, 0, `${unexpected.length} difference(s):\n${unexpected.join("\n")}`);
        });
    }

    it("every accepted configuration difference still occurs", () => {
        assert.deepEqual(ACCEPTED_CONFIG_DIFFERENCES.filter((entry) => !matched.has(entry)).map((entry) => entry.title), []);
    });
});
