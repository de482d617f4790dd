/** Public configuration types (as in GLIDE's API) and their validation. */
import { ConfigurationError } from "../errors";
import { DEFAULT_BACKOFF, type BackoffStrategy } from "../connection/backoff";
import type { ConnectionOptions } from "../connection/options";
import { Decoder, ProtocolVersion, type GlideString } from "../commands/types";
import { LIB_NAME, REPORTED_LIB_VERSION } from "../version";

export enum ServiceType {
    Elasticache = "Elasticache",
    MemoryDB = "MemoryDB",
}

export interface IamAuthConfig {
    clusterName: string;
    service: ServiceType;
    region: string;
    refreshIntervalSeconds?: number;
}

export type ServerCredentials =
    | { username?: string; password: string }
    | { username: string; iamConfig: IamAuthConfig };

export type ReadFrom = "primary" | "preferReplica" | "AZAffinity" | "AZAffinityReplicasAndPrimary" | "allNodes";

export enum NodeDiscoveryMode {
    Standard = 0,
    Static = 1,
    DiscoverAll = 2,
}

export interface ClientCircuitBreakerConfiguration {
    windowSizeMs?: number;
    failureRateThreshold?: number;
    minErrors?: number;
    openTimeoutMs?: number;
    countTimeouts?: boolean;
    consecutiveSuccesses?: number;
}

export interface CompressionConfiguration {
    enabled: boolean;
    backend?: unknown;
    compressionLevel?: number;
    minCompressionSize?: number;
}

export interface BaseClientConfiguration {
    addresses: { host: string; port?: number }[];
    databaseId?: number;
    useTLS?: boolean;
    credentials?: ServerCredentials;
    requestTimeout?: number;
    readFrom?: ReadFrom;
    protocol?: ProtocolVersion;
    clientName?: string;
    libName?: string;
    clientInfoTag?: string;
    defaultDecoder?: Decoder;
    inflightRequestsLimit?: number;
    clientAz?: string;
    connectionBackoff?: BackoffStrategy;
    lazyConnect?: boolean;
    compression?: CompressionConfiguration;
    clientSideCache?: unknown;
    addressResolver?: (host: string, port: number) => [string, number];
    clientCircuitBreaker?: ClientCircuitBreakerConfiguration;
}

export interface AdvancedBaseClientConfiguration {
    connectionTimeout?: number;
    tlsAdvancedConfiguration?: { insecure?: boolean; rootCertificates?: string | Buffer };
    tcpNoDelay?: boolean;
    pubsubReconciliationIntervalMs?: number;
}

export type { PubSubMsg } from "../pubsub/delivery";

export const DEFAULT_REQUEST_TIMEOUT_MS = 250;
export const DEFAULT_INFLIGHT_LIMIT = 1000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 2000;
export const DEFAULT_PORT = 6379;
/** GLIDE's limit of inline request arguments (beyond it, it passes them to its core by pointer); exported as GLIDE exports it. */
export const MAX_REQUEST_ARGS_LEN = 4096;

const BASE_KEYS = [
    "addresses", "databaseId", "useTLS", "credentials", "requestTimeout", "readFrom", "protocol", "clientName",
    "libName", "clientInfoTag", "defaultDecoder", "inflightRequestsLimit", "clientAz", "connectionBackoff",
    "lazyConnect", "compression", "clientSideCache", "addressResolver", "clientCircuitBreaker",
    "pubsubSubscriptions", "advancedConfiguration",
];
const ADVANCED_KEYS = ["connectionTimeout", "tlsAdvancedConfiguration", "tcpNoDelay", "pubsubReconciliationIntervalMs"];
const READ_FROM: ReadFrom[] = ["primary", "preferReplica", "AZAffinity", "AZAffinityReplicasAndPrimary", "allNodes"];

/** What the client layer keeps after validation. */
export interface ResolvedConfig {
    addresses: { host: string; port: number }[];
    requestTimeoutMs: number;
    inflightLimit: number;
    readFrom: ReadFrom;
    clientAz?: string;
    defaultDecoder: Decoder;
    lazyConnect: boolean;
    /** Per-node connection settings, host and port filled in per node. */
    connection: Omit<ConnectionOptions, "host" | "port">;
    addressResolver?: (host: string, port: number) => [string, number];
}

function fail(message: string): never {
    throw new ConfigurationError(message);
}

function checkKeys(object: object, allowed: string[], where: string): void {
    for (const key of Object.keys(object)) {
        if (!allowed.includes(key)) fail(`Unknown option "${key}" in ${where}; allowed: ${allowed.join(", ")}`);
    }
}

function positiveInteger(value: unknown, name: string, allowZero = false): number {
    if (typeof value !== "number" || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
        fail(`${name} must be a ${allowZero ? "non-negative" : "positive"} integer, got ${String(value)}`);
    }
    return value;
}

/** CLIENT SETINFO accepts printable ASCII without spaces; "(" and ")" compose libName(tag). GLIDE's words. */
function clientAttribute(value: string | undefined, name: string): string | undefined {
    if (value === undefined || value === "") return undefined;
    if (!/^[\x21-\x7e]+$/.test(value) || /[()]/.test(value)) {
        fail(`${name} must contain only printable ASCII characters from '!' through '~', excluding '(' and ')'`);
    }
    return value;
}

function resolveAddresses(config: BaseClientConfiguration): { host: string; port: number }[] {
    if (!Array.isArray(config.addresses) || config.addresses.length === 0) {
        fail("addresses must list at least one { host, port }");
    }
    return config.addresses.map((address, index) => {
        if (typeof address !== "object" || address === null) fail(`addresses[${index}] must be { host, port }`);
        if (typeof address.host !== "string" || address.host === "") fail(`addresses[${index}].host must be a non-empty string`);
        const port = address.port ?? DEFAULT_PORT;
        if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`addresses[${index}].port must be 1..65535, got ${port}`);
        return { host: address.host, port };
    });
}

function resolveCredentials(credentials: ServerCredentials | undefined): { username?: string; password?: string } {
    if (credentials === undefined) return {};
    if (typeof credentials !== "object" || credentials === null) fail("credentials must be { username?, password }");
    if ("iamConfig" in credentials) {
        fail("IAM authentication is not supported by glide-ts yet; use username and password credentials");
    }
    checkKeys(credentials, ["username", "password"], "credentials");
    if (typeof credentials.password !== "string") fail("credentials.password must be a string");
    if (credentials.username !== undefined && typeof credentials.username !== "string") {
        fail("credentials.username must be a string");
    }
    return { username: credentials.username, password: credentials.password };
}

function resolveBackoff(backoff: BackoffStrategy | undefined): BackoffStrategy {
    if (backoff === undefined) return DEFAULT_BACKOFF;
    checkKeys(backoff, ["numberOfRetries", "factor", "exponentBase", "jitterPercent"], "connectionBackoff");
    return {
        numberOfRetries: positiveInteger(backoff.numberOfRetries, "connectionBackoff.numberOfRetries", true),
        factor: positiveInteger(backoff.factor, "connectionBackoff.factor"),
        exponentBase: positiveInteger(backoff.exponentBase, "connectionBackoff.exponentBase"),
        jitterPercent:
            backoff.jitterPercent === undefined
                ? DEFAULT_BACKOFF.jitterPercent
                : positiveInteger(backoff.jitterPercent, "connectionBackoff.jitterPercent", true),
    };
}

function resolveTls(config: BaseClientConfiguration, advanced: AdvancedBaseClientConfiguration) {
    const tlsConfig = advanced.tlsAdvancedConfiguration;
    if (tlsConfig !== undefined) {
        checkKeys(tlsConfig, ["insecure", "rootCertificates"], "advancedConfiguration.tlsAdvancedConfiguration");
        if (!config.useTLS) fail("tlsAdvancedConfiguration is set but useTLS is not true");
    }
    if (!config.useTLS) return undefined;
    const ca = tlsConfig?.rootCertificates;
    if (ca !== undefined && typeof ca !== "string" && !Buffer.isBuffer(ca)) {
        fail("tlsAdvancedConfiguration.rootCertificates must be a PEM string or Buffer");
    }
    if (ca !== undefined && ca.length === 0) fail("tlsAdvancedConfiguration.rootCertificates is empty");
    return { ca, insecure: tlsConfig?.insecure === true };
}

/** Validates the options shared by both clients; throws ConfigurationError before any socket opens. */
export function resolveConfig(
    config: BaseClientConfiguration & { advancedConfiguration?: AdvancedBaseClientConfiguration },
    extraKeys: string[] = [],
    extraAdvancedKeys: string[] = [],
): ResolvedConfig {
    if (typeof config !== "object" || config === null) fail("A configuration object is required");
    checkKeys(config, [...BASE_KEYS, ...extraKeys], "the client configuration");
    const addresses = resolveAddresses(config);
    const advanced = config.advancedConfiguration ?? {};
    checkKeys(advanced, [...ADVANCED_KEYS, ...extraAdvancedKeys], "advancedConfiguration");
    if (config.compression?.enabled) fail("compression is not supported by glide-ts yet");
    if (config.clientSideCache !== undefined) fail("clientSideCache is not supported by glide-ts yet");
    if (config.clientCircuitBreaker !== undefined) fail("clientCircuitBreaker is not supported by glide-ts yet");
    const protocol = config.protocol ?? ProtocolVersion.RESP3;
    if (protocol !== ProtocolVersion.RESP2 && protocol !== ProtocolVersion.RESP3) fail(`protocol must be a ProtocolVersion, got ${String(protocol)}`);
    const decoder = config.defaultDecoder ?? Decoder.String;
    if (decoder !== Decoder.String && decoder !== Decoder.Bytes) fail(`defaultDecoder must be a Decoder, got ${String(decoder)}`);
    const readFrom = config.readFrom ?? "primary";
    if (!READ_FROM.includes(readFrom)) fail(`readFrom must be one of ${READ_FROM.join(", ")}, got ${String(readFrom)}`);
    if ((readFrom === "AZAffinity" || readFrom === "AZAffinityReplicasAndPrimary") && !config.clientAz) {
        fail(`readFrom "${readFrom}" needs clientAz`);
    }
    const libName = clientAttribute(config.libName, "libName") ?? LIB_NAME;
    const tag = clientAttribute(config.clientInfoTag, "clientInfoTag");
    if (config.clientName !== undefined && (typeof config.clientName !== "string" || /\s/.test(config.clientName))) {
        fail("clientName must be a string without spaces");
    }
    if (config.addressResolver !== undefined && typeof config.addressResolver !== "function") {
        fail("addressResolver must be a function");
    }
    return {
        addresses,
        requestTimeoutMs: positiveInteger(config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeout"),
        inflightLimit: positiveInteger(config.inflightRequestsLimit ?? DEFAULT_INFLIGHT_LIMIT, "inflightRequestsLimit"),
        readFrom,
        clientAz: config.clientAz,
        defaultDecoder: decoder,
        lazyConnect: config.lazyConnect === true,
        addressResolver: config.addressResolver,
        connection: {
            tls: resolveTls(config, advanced),
            protocol: protocol === ProtocolVersion.RESP2 ? 2 : 3,
            ...resolveCredentials(config.credentials),
            clientName: config.clientName,
            libName: tag ? `${libName}(${tag})` : libName,
            libVersion: REPORTED_LIB_VERSION,
            databaseId: positiveInteger(config.databaseId ?? 0, "databaseId", true),
            connectionTimeoutMs: positiveInteger(advanced.connectionTimeout ?? DEFAULT_CONNECTION_TIMEOUT_MS, "advancedConfiguration.connectionTimeout"),
            requestTimeoutMs: positiveInteger(config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeout"),
            tcpNoDelay: advanced.tcpNoDelay ?? true,
            backoff: resolveBackoff(config.connectionBackoff),
            wantAvailabilityZone: readFrom === "AZAffinity" || readFrom === "AZAffinityReplicasAndPrimary",
        },
    };
}
