/** Bad configuration throws ConfigurationError before any socket opens. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { ConfigurationError, GlideClient, ProtocolVersion, type GlideClientConfiguration } from "../../src";
import { backoffDelay } from "../../src/connection/backoff";
import { LIB_VERSION } from "../../src/version";
import { MockServer } from "../helpers/mock-server";

describe("configuration validation", async () => {
    const mock = await MockServer.start(() => undefined);
    after(() => mock.stop());
    const address = mock.address;

    const invalid: [string, unknown][] = [
        ["no addresses", { addresses: [] }],
        ["a port out of range", { addresses: [{ host: "127.0.0.1", port: 70000 }] }],
        ["an empty host", { addresses: [{ host: "", port: 6379 }] }],
        ["an unknown option", { addresses: [address], requestTimeOut: 5 }],
        ["an unknown advanced option", { addresses: [address], advancedConfiguration: { tcpNoDelayy: true } }],
        ["an unknown protocol", { addresses: [address], protocol: 7 }],
        ["an unknown decoder", { addresses: [address], defaultDecoder: 9 }],
        ["AZAffinity without clientAz", { addresses: [address], readFrom: "AZAffinity" }],
        ["a libName with spaces", { addresses: [address], libName: "my lib" }],
        ["a clientInfoTag with parentheses", { addresses: [address], clientInfoTag: "a(b)" }],
        ["a password that is not a string", { addresses: [address], credentials: { password: 5 } }],
        ["TLS options without useTLS", { addresses: [address], advancedConfiguration: { tlsAdvancedConfiguration: { insecure: true } } }],
        ["a negative databaseId", { addresses: [address], databaseId: -1 }],
        ["a tls field inside an address", { addresses: [{ ...address, tls: true }] }],
        ["an unknown field inside an address", { addresses: [{ ...address, db: 1 }] }],
        ["a host with a port in it", { addresses: [{ host: `127.0.0.1:${address.port}` }] }],
        ["a URL as the host", { addresses: [{ host: `redis://127.0.0.1:${address.port}` }] }],
        ["a port that is not a number", { addresses: [{ host: "127.0.0.1", port: "abc" }] }],
        ["a negative port", { addresses: [{ host: "127.0.0.1", port: -1 }] }],
    ];
    for (const [what, config] of invalid) {
        it(`rejects ${what}`, async () => {
            await assert.rejects(GlideClient.createClient(config as GlideClientConfiguration), ConfigurationError);
        });
    }

    // GLIDE hands numbers to its core as uint32 (cut, wrapped, 0 for the default) and reads an
    // unknown readFrom as primary; refusing any of these would break a GLIDE program.
    const acceptedAsGlideAccepts: [string, unknown][] = [
        ["a negative request timeout", { requestTimeout: -1 }],
        ["a request timeout of 0", { requestTimeout: 0 }],
        ["a fractional inflight limit", { inflightRequestsLimit: 1.5 }],
        ["an unknown readFrom", { readFrom: "nearest" }],
        ["a backoff with a fractional factor and no jitter", { connectionBackoff: { numberOfRetries: 3, factor: 1.5, exponentBase: 2, jitterPercent: 0 } }],
        ["null for every optional option", { databaseId: null, credentials: null, requestTimeout: null, readFrom: null, protocol: null, connectionBackoff: null, clientSideCache: null, addressResolver: null, clientCircuitBreaker: null, compression: null, advancedConfiguration: null, pubsubSubscriptions: null }],
        ["credentials without a password", { credentials: { username: "someone" } }],
        ["a port given as a numeric string", { addresses: [{ host: address.host, port: String(address.port) }] }],
        ["a fractional port", { addresses: [{ host: address.host, port: address.port + 0.5 }] }],
        ["an IPv6 host", { addresses: [{ host: "::1", port: address.port }] }],
    ];
    for (const [what, extra] of acceptedAsGlideAccepts) {
        it(`accepts ${what}, as GLIDE does`, async () => {
            const client = await GlideClient.createClient({ addresses: [address], lazyConnect: true, ...(extra as object) });
            client.close();
        });
    }

    it("says what is wrong with an address, the value shown with its type", async () => {
        const refusal = async (addresses: unknown) => {
            const error = await GlideClient.createClient({ addresses } as GlideClientConfiguration).then(
                () => assert.fail("accepted"),
                (caught: Error) => caught,
            );
            assert.ok(error instanceof ConfigurationError);
            return error.message;
        };
        assert.equal(await refusal([{ host: "127.0.0.1", port: "abc" }]), 'addresses[0].port must be a port number 1..65535, got "abc" (a string)');
        assert.equal(await refusal([{ host: "127.0.0.1", port: 70000 }]), "addresses[0].port must be a port number 1..65535, got 70000 (a number)");
        assert.equal(await refusal([{ host: 127, port: 6379 }]), "addresses[0].host must be a non-empty string, got 127 (a number)");
        assert.equal(await refusal([{ host: "127.0.0.1:16399" }]), 'addresses[0].host "127.0.0.1:16399" (a string) includes a port: write { host: "127.0.0.1", port: 16399 }');
        assert.equal(await refusal([{ host: "[::1]:16399" }]), 'addresses[0].host "[::1]:16399" (a string) includes a port: write { host: "::1", port: 16399 }');
        assert.match(await refusal([{ host: "127.0.0.1", port: 6379, tls: true }]), /^Unknown option "tls" in addresses\[0\]; allowed: host, port; TLS is set .* useTLS/);
    });

    it("opened no socket for any of them", () => {
        assert.equal(mock.connections, 0);
    });

    it("accepts a full valid configuration", async () => {
        const client = await GlideClient.createClient({
            addresses: [address],
            protocol: ProtocolVersion.RESP2,
            requestTimeout: 500,
            clientName: "valid",
            libName: "my-lib",
            clientInfoTag: "framework:1.0",
            connectionBackoff: { numberOfRetries: 3, factor: 10, exponentBase: 2, jitterPercent: 10 },
            advancedConfiguration: { connectionTimeout: 500, tcpNoDelay: false },
            lazyConnect: true,
        });
        client.close();
    });
});

describe("reconnect backoff", () => {
    const strategy = { numberOfRetries: 4, factor: 100, exponentBase: 2, jitterPercent: 10 };
    it("grows as factor * base^n and stays constant after numberOfRetries", () => {
        const middle = () => 0.5;
        assert.deepEqual(
            [0, 1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(strategy, attempt, middle)),
            [100, 200, 400, 800, 1600, 1600, 1600],
        );
    });
    it("spreads by the jitter percentage", () => {
        assert.equal(backoffDelay(strategy, 2, () => 0), 360);
        assert.equal(backoffDelay(strategy, 2, () => 1), 440);
    });
});

describe("package facts", () => {
    it("reports the package version to servers", () => {
        const pkg = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8"));
        assert.equal(LIB_VERSION, pkg.version);
    });
});
