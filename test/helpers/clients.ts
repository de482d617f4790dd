/** Client factories for integration tests: every suite runs against RESP2 and RESP3. */
import { randomBytes } from "node:crypto";
import { GlideClient, ProtocolVersion, type GlideClientConfiguration } from "../../src";
import { standaloneAddress } from "./shared";

export const PROTOCOLS = [
    { name: "RESP2", protocol: ProtocolVersion.RESP2 },
    { name: "RESP3", protocol: ProtocolVersion.RESP3 },
] as const;

/** A client of the shared standalone server (or the given address). */
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

/** A key no other test uses; with a hash tag so related keys can share a cluster slot. */
export function uniqueKey(prefix = "key"): string {
    return `{${prefix}-${randomBytes(6).toString("hex")}}`;
}
