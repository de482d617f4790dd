/**
 * Client factories for integration tests. Command-family suites iterate CLIENT_KINDS, so they run
 * against every client kind (standalone, cluster) and protocol.
 */
import { randomBytes } from "node:crypto";
import {
    Batch,
    ClusterBatch,
    GlideClient,
    GlideClusterClient,
    ProtocolVersion,
    type GlideClientConfiguration,
    type GlideClusterClientConfiguration,
} from "../../src";
import { clusterSeeds, standaloneAddress } from "./shared";

export const PROTOCOLS = [
    { name: "RESP2", protocol: ProtocolVersion.RESP2 },
    { name: "RESP3", protocol: ProtocolVersion.RESP3 },
] as const;

/** A client of the shared standalone server. */
export async function newStandaloneClient(
    protocol: ProtocolVersion,
    extra: Partial<GlideClientConfiguration> = {},
): Promise<GlideClient> {
    const address = await standaloneAddress();
    return GlideClient.createClient({
        addresses: [{ host: address.host, port: address.port }],
        protocol,
        requestTimeout: 2000,
        ...extra,
    });
}

/** A client of the shared 3-primary/3-replica cluster. */
export async function newClusterClient(
    protocol: ProtocolVersion,
    extra: Partial<GlideClusterClientConfiguration> = {},
): Promise<GlideClusterClient> {
    const seeds = await clusterSeeds();
    return GlideClusterClient.createClient({ addresses: seeds.slice(0, 1), protocol, requestTimeout: 2000, ...extra });
}

/**
 * What family suites call: the methods both clients share. Typed as GlideClient so suites can use
 * one type; the cluster client has the same data-command methods (its batches are ClusterBatch).
 */
export type TestClient = GlideClient;

export interface ClientKind {
    /** e.g. "standalone RESP3", for describe() titles. */
    name: string;
    protocol: ProtocolVersion;
    cluster: boolean;
    create(): Promise<TestClient>;
    /** A batch of the kind this client's exec takes. */
    newBatch(atomic: boolean): Batch;
}

export const CLIENT_KINDS: ClientKind[] = [
    ...PROTOCOLS.map(({ name, protocol }) => ({
        name: `standalone ${name}`,
        protocol,
        cluster: false,
        create: () => newStandaloneClient(protocol),
        newBatch: (atomic: boolean) => new Batch(atomic),
    })),
    ...PROTOCOLS.map(({ name, protocol }) => ({
        name: `cluster ${name}`,
        protocol,
        cluster: true,
        create: async () => (await newClusterClient(protocol)) as unknown as TestClient,
        newBatch: (atomic: boolean) => new ClusterBatch(atomic) as unknown as Batch,
    })),
];

/** A key no other test uses, with a hash tag so related keys can share a cluster slot. */
export function uniqueKey(prefix = "key"): string {
    return `{${prefix}-${randomBytes(6).toString("hex")}}`;
}

/** `count` fresh keys that hash to one cluster slot (for multi-key commands and transactions). */
export function keysInOneSlot(count: number, prefix = "key"): string[] {
    const tag = uniqueKey(prefix);
    return Array.from({ length: count }, (_, i) => `${tag}:${i}`);
}

/** The server's version as [major, minor, patch], from INFO server. */
export async function serverVersion(client: TestClient): Promise<[number, number, number]> {
    // On a cluster, one node answers (all run the same version).
    const info = String(
        client instanceof GlideClusterClient
            ? await client.customCommand(["INFO", "server"], { route: "randomNode" })
            : await client.customCommand(["INFO", "server"]),
    );
    // Valkey also reports redis_version:7.2.4 (for compatibility): prefer valkey_version.
    const match = /valkey_version:(\d+)\.(\d+)\.(\d+)/.exec(info) ?? /redis_version:(\d+)\.(\d+)\.(\d+)/.exec(info);
    if (match === null) throw new Error("INFO server shows no version");
    return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** True when the server is at least major.minor (for commands newer servers add). */
export async function serverAtLeast(client: TestClient, major: number, minor = 0): Promise<boolean> {
    const [actualMajor, actualMinor] = await serverVersion(client);
    return actualMajor > major || (actualMajor === major && actualMinor >= minor);
}
