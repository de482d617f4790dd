/** Public configuration types (as in GLIDE's API) and their validation. */
import * as net from "node:net";
import { ConfigurationError } from "../errors";
import { DEFAULT_BACKOFF, type BackoffStrategy } from "../connection/backoff";
import type { ConnectionOptions } from "../connection/options";
import { Decoder, ProtocolVersion, type GlideString } from "../commands/types";
import { DEFAULT_CHECK_INTERVAL_MS } from "../pubsub/pubsub";
import { LIB_NAME, REPORTED_LIB_VERSION } from "../version";

/** The AWS services IAM authentication can sign tokens for. */
export enum ServiceType {
    Elasticache = "Elasticache",
    MemoryDB = "MemoryDB",
}

/** IAM authentication settings (accepted in the type; IAM authentication is not built yet, so configuring it is refused). */
export interface IamAuthConfig {
    clusterName: string;
    service: ServiceType;
    region: string;
    refreshIntervalSeconds?: number;
}

/** How the client authenticates: a password with an optional ACL username, or IAM settings. */
export type ServerCredentials =
    | { username?: string; password: string }
    | { username: string; iamConfig: IamAuthConfig };

/** Which nodes serve read-only commands: the primary only, replicas first, replicas in the client's availability zone (optionally with the primary), or every node in turn. */
export type ReadFrom = "primary" | "preferReplica" | "AZAffinity" | "AZAffinityReplicasAndPrimary" | "allNodes";

/** How a standalone client finds the nodes of its replication group. */
export enum NodeDiscoveryMode {
    Standard = 0,
    Static = 1,
    DiscoverAll = 2,
}

/** Circuit-breaker settings (accepted in the type; not built yet, so configuring it is refused). */
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

/** The settings both clients take: addresses, TLS, credentials, timeouts, protocol, decoder, read preference, reconnect backoff, subscriptions and the rest. */
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

/** Less common connection settings both clients take: connection timeout, TLS details, Nagle's algorithm, pub/sub reconciliation. */
export interface AdvancedBaseClientConfiguration {
    connectionTimeout?: number;
    tlsAdvancedConfiguration?: { insecure?: boolean; rootCertificates?: string | Buffer };
    tcpNoDelay?: boolean;
    pubsubReconciliationIntervalMs?: number;
}

export type { PubSubMsg } from "../pubsub/delivery";

/** How long a request waits for its reply unless `requestTimeout` says otherwise, in milliseconds. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 250;
/** How many requests a client keeps in flight unless `inflightRequestsLimit` says otherwise; beyond it calls are refused at once. */
export const DEFAULT_INFLIGHT_LIMIT = 1000;
/** How long opening a connection may take unless `advancedConfiguration.connectionTimeout` says otherwise, in milliseconds. */
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
    /** advancedConfiguration.pubsubReconciliationIntervalMs, resolved. */
    pubsubCheckIntervalMs: number;
}

function fail(message: string): never {
    throw new ConfigurationError(message);
}

function checkKeys(object: object, allowed: string[], where: string): void {
    for (const key of Object.keys(object)) {
        if (!allowed.includes(key)) fail(`Unknown option "${key}" in ${where}; allowed: ${allowed.join(", ")}`);
    }
}

/**
 * A number option as GLIDE's core receives it: a protobuf uint32, so fractions are cut, negatives
 * wrap around (-1 is 4294967295: "practically never" for a timeout) and 0, like null or absent,
 * means the default. GLIDE refuses none of these, so neither do we.
 */
export function glideNumber(value: unknown, fallback: number): number {
    const coerced = glideOptionalNumber(value, fallback);
    return coerced === 0 ? fallback : coerced;
}

/** The same for the options GLIDE's protocol marks optional, where an explicit 0 is kept as 0. */
export function glideOptionalNumber(value: unknown, fallback: number): number {
    return value === undefined || value === null ? fallback : Number(value) >>> 0;
}

/** CLIENT SETINFO accepts printable ASCII without spaces; "(" and ")" compose libName(tag). GLIDE's words. */
function clientAttribute(value: string | undefined, name: string): string | undefined {
    if (value === undefined || value === "") return undefined;
    if (!/^[\x21-\x7e]+$/.test(value) || /[()]/.test(value)) {
        fail(`${name} must contain only printable ASCII characters from '!' through '~', excluding '(' and ')'`);
    }
    return value;
}

/** A value as an error message shows it: with its type, so that "16399" and 16399 differ. */
export function shown(value: unknown): string {
    if (value === null || value === undefined) return String(value);
    if (typeof value === "string") return `${JSON.stringify(value)} (a string)`;
    if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
    if (typeof value === "function") return "a function";
    return `${String(value)} (a ${typeof value})`;
}

/** "host:port", "[v6]:port" (a valid IPv6 address such as "::1" is a host). */
const HOST_WITH_PORT = /^(\[[^\]]*\]|[^:]*):(\d+)$/;

function resolveHost(host: unknown, where: string): string {
    if (typeof host !== "string" || host === "") fail(`${where}.host must be a non-empty string, got ${shown(host)}`);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) fail(`${where}.host must be a host name or an IP address, not a URL: got ${shown(host)}`);
    const withPort = net.isIP(host) === 0 ? HOST_WITH_PORT.exec(host) : null;
    if (withPort !== null) {
        const name = withPort[1].replace(/^\[(.*)\]$/, "$1");
        fail(`${where}.host ${shown(host)} includes a port: write { host: ${JSON.stringify(name)}, port: ${withPort[2]} }`);
    }
    return host;
}

/**
 * As GLIDE's core reads a port (a uint32, then 16 bits): absent, null or 0 is 6379, a fraction is
 * cut, a numeric string is its number. Beyond GLIDE, which connects elsewhere (to 6379 for "abc",
 * to 65535 for -1, to 4464 for 70000): anything that is not a port number 1..65535 is refused.
 */
function resolvePort(port: unknown, where: string): number {
    if (port === undefined || port === null || port === 0) return DEFAULT_PORT;
    const number = typeof port === "number" ? port : typeof port === "string" && port.trim() !== "" ? Number(port) : NaN;
    const cut = Math.trunc(number);
    if (!(cut >= 1 && cut <= 65535)) fail(`${where}.port must be a port number 1..65535, got ${shown(port)}`);
    return cut;
}

function resolveAddresses(config: BaseClientConfiguration): { host: string; port: number }[] {
    if (!Array.isArray(config.addresses) || config.addresses.length === 0) {
        fail("addresses must list at least one { host, port }");
    }
    return config.addresses.map((address, index) => {
        const where = `addresses[${index}]`;
        if (typeof address !== "object" || address === null) fail(`${where} must be { host, port }, got ${shown(address)}`);
        for (const key of Object.keys(address)) {
            if (key === "host" || key === "port") continue;
            const tls = /^(tls|ssl|useTLS)$/i.test(key) ? "; TLS is set for every address by the top-level useTLS option" : "";
            fail(`Unknown option "${key}" in ${where}; allowed: host, port${tls}`);
        }
        return { host: resolveHost(address.host, where), port: resolvePort(address.port, where) };
    });
}

/** As GLIDE: no credentials, or no `password` key, authenticate nobody; an empty password is none. */
function resolveCredentials(credentials: ServerCredentials | null | undefined): { username?: string; password?: string } {
    if (!credentials) return {};
    if (typeof credentials !== "object") fail("credentials must be { username?, password }");
    if ("iamConfig" in credentials) {
        if (!credentials.username) fail("IAM authentication requires a username.");
        fail("IAM authentication is not supported by glide-ts yet; use username and password credentials");
    }
    checkKeys(credentials, ["username", "password"], "credentials");
    if (!("password" in credentials) || !credentials.password) return {};
    if (typeof credentials.password !== "string") fail("credentials.password must be a string");
    if (credentials.username != null && typeof credentials.username !== "string") fail("credentials.username must be a string");
    return { username: credentials.username || undefined, password: credentials.password };
}

/** Each field as a uint32 (see glideNumber); a field left at 0 keeps its default, except the optional jitter. */
function resolveBackoff(backoff: BackoffStrategy | null | undefined): BackoffStrategy {
    if (!backoff) return DEFAULT_BACKOFF;
    checkKeys(backoff, ["numberOfRetries", "factor", "exponentBase", "jitterPercent"], "connectionBackoff");
    return {
        numberOfRetries: glideNumber(backoff.numberOfRetries, DEFAULT_BACKOFF.numberOfRetries),
        factor: glideNumber(backoff.factor, DEFAULT_BACKOFF.factor),
        exponentBase: glideNumber(backoff.exponentBase, DEFAULT_BACKOFF.exponentBase),
        jitterPercent: glideOptionalNumber(backoff.jitterPercent, DEFAULT_BACKOFF.jitterPercent),
    };
}

function resolveTls(config: BaseClientConfiguration, advanced: AdvancedBaseClientConfiguration) {
    const tlsConfig = advanced.tlsAdvancedConfiguration || undefined;
    if (tlsConfig !== undefined) {
        checkKeys(tlsConfig, ["insecure", "rootCertificates"], "advancedConfiguration.tlsAdvancedConfiguration");
        if (!config.useTLS) fail("TLS advanced configuration cannot be set when useTLS is disabled.");
    }
    if (!config.useTLS) return undefined;
    const ca = tlsConfig?.rootCertificates;
    if (ca !== undefined && typeof ca !== "string" && !Buffer.isBuffer(ca)) {
        fail("tlsAdvancedConfiguration.rootCertificates must be a PEM string or Buffer");
    }
    if (ca !== undefined && ca.length === 0) fail("tlsAdvancedConfiguration.rootCertificates is empty");
    return { ca, insecure: tlsConfig?.insecure === true };
}

/**
 * Beyond GLIDE, which sends a negative databaseId to the server as 4294967295 and then fails to
 * connect after its connection timeout: refused before any socket opens. Fractions are cut, as GLIDE's.
 */
function resolveDatabaseId(databaseId: unknown): number {
    if (databaseId === undefined || databaseId === null) return 0;
    if (typeof databaseId !== "number" || !(databaseId >= 0)) fail(`databaseId must be a non-negative integer, got ${shown(databaseId)}`);
    return Math.trunc(databaseId);
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
    if (config.clientSideCache) fail("clientSideCache is not supported by glide-ts yet");
    if (config.clientCircuitBreaker) fail("clientCircuitBreaker is not supported by glide-ts yet");
    const protocol = config.protocol ?? ProtocolVersion.RESP3;
    if (protocol !== ProtocolVersion.RESP2 && protocol !== ProtocolVersion.RESP3) fail(`protocol must be a ProtocolVersion, got ${shown(protocol)}`);
    const decoder = config.defaultDecoder ?? Decoder.String;
    if (decoder !== Decoder.String && decoder !== Decoder.Bytes) fail(`defaultDecoder must be a Decoder, got ${shown(decoder)}`);
    if ((config.readFrom === "AZAffinity" || config.readFrom === "AZAffinityReplicasAndPrimary") && !config.clientAz) {
        fail(`clientAz must be set when readFrom is set to ${config.readFrom}`);
    }
    // As GLIDE: a strategy it does not know reads from the primary.
    const readFrom = READ_FROM.includes(config.readFrom as ReadFrom) ? (config.readFrom as ReadFrom) : "primary";
    const libName = clientAttribute(config.libName, "libName") ?? LIB_NAME;
    const tag = clientAttribute(config.clientInfoTag, "clientInfoTag");
    if (config.clientName !== undefined && (typeof config.clientName !== "string" || /\s/.test(config.clientName))) {
        fail("clientName must be a string without spaces");
    }
    if (config.addressResolver != null && typeof config.addressResolver !== "function") {
        fail("addressResolver must be a function");
    }
    const requestTimeoutMs = glideNumber(config.requestTimeout, DEFAULT_REQUEST_TIMEOUT_MS);
    return {
        addresses,
        requestTimeoutMs,
        inflightLimit: glideNumber(config.inflightRequestsLimit, DEFAULT_INFLIGHT_LIMIT),
        readFrom,
        clientAz: config.clientAz,
        defaultDecoder: decoder,
        lazyConnect: config.lazyConnect === true,
        addressResolver: config.addressResolver ?? undefined,
        pubsubCheckIntervalMs: glideNumber(advanced.pubsubReconciliationIntervalMs, DEFAULT_CHECK_INTERVAL_MS),
        connection: {
            tls: resolveTls(config, advanced),
            protocol: protocol === ProtocolVersion.RESP2 ? 2 : 3,
            ...resolveCredentials(config.credentials),
            clientName: config.clientName,
            libName: tag ? `${libName}(${tag})` : libName,
            libVersion: REPORTED_LIB_VERSION,
            databaseId: resolveDatabaseId(config.databaseId),
            connectionTimeoutMs: glideNumber(advanced.connectionTimeout, DEFAULT_CONNECTION_TIMEOUT_MS),
            requestTimeoutMs,
            tcpNoDelay: advanced.tcpNoDelay ?? true,
            backoff: resolveBackoff(config.connectionBackoff),
            wantAvailabilityZone: readFrom === "AZAffinity" || readFrom === "AZAffinityReplicasAndPrimary",
        },
    };
}
