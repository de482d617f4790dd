/**
 * The one list of differences from GLIDE 2.5.2 that the differential suite accepts, each with its
 * reason: a GLIDE bug we do not reproduce, or a deliberate improvement the README documents.
 * Anything else that differs fails the suite; an entry that no longer matches a difference fails it too.
 */
import type { CaseMode } from "./cases/types";
import type { Config } from "./harness/environment";

export interface AcceptedDifference {
    /** The case id (`method: title`), or `method: *` for every case of a method. */
    id: string;
    /** Where it differs; everywhere when absent. */
    where?: { cluster?: boolean; protocol?: Config["protocol"]; decoder?: Config["decoder"]; modes?: readonly CaseMode[] };
    kind: "GLIDE bug" | "improvement";
    reason: string;
}

export const ACCEPTED_CALL_DIFFERENCES: AcceptedDifference[] = [];

/** Configurations that createClient treats differently, by the title of their case in configuration.test.ts. */
export const ACCEPTED_CONFIG_DIFFERENCES: { title: string; kind: AcceptedDifference["kind"]; reason: string }[] = [];

/**
 * Names GLIDE's index exports at run time that glide-ts does not, each with why. GLIDE's request
 * builders (`create*`) build its protobuf requests for the Rust core and are matched by a pattern.
 */
export const ACCEPTED_MISSING_EXPORTS: { pattern: RegExp; reason: string }[] = [
    {
        pattern: /^create(?!MonitorClient$|Leaked|OtelSpan)[A-Z]\w*$/,
        reason: "GLIDE's request builders (createGet, createSet, …): each builds a protobuf request for its Rust core; glide-ts defines each command once in src/commands",
    },
    { pattern: /^compressionConfigToProtobuf$/, reason: "builds the protobuf form of a configuration for GLIDE's core" },
    {
        pattern: /^(AsyncClient|StartSocketConnection|valueFromPointer|createLeakedStringVec|createLeakedOtelSpan|createOtelSpanWithTraceContext|dropOtelSpan|InitInternalLogger|InitOpenTelemetry)$/,
        reason: "bindings of GLIDE's native core: its socket starter, pointers into Rust memory, leaked spans, the core's own logger and telemetry initialisers",
    },
    {
        pattern: /^parse(ClientTrackingInfo|MemoryStats|LatencyHistory|LatencyLatest)Response$/,
        reason: "GLIDE-internal parsers of its core's raw reply to one command; the command methods return the parsed result",
    },
    { pattern: /^(Logger|OpenTelemetry)$/, reason: "observability: issue 12" },
    { pattern: /^(registerAddressResolver|removeAddressResolver)$/, reason: "address resolvers: issue 13" },
    { pattern: /^(GlideMonitorClient|createMonitorClient|closeMonitorClient)$/, reason: "monitor client: issue 14" },
    { pattern: /^(ClientSideCache|EvictionPolicy|CompressionBackend|validateCompressionConfiguration)$/, reason: "client-side caching and compression: issue 15" },
    { pattern: /^(GlideFt|GlideJson|JsonBatch)$/, reason: "JSON and Search modules: issue 16" },
];

export function acceptedFor(id: string, method: string, config: Config, mode: CaseMode): AcceptedDifference | undefined {
    return ACCEPTED_CALL_DIFFERENCES.find(
        (entry) =>
            (entry.id === id || entry.id === `${method}: *`) &&
            (entry.where?.cluster === undefined || entry.where.cluster === config.cluster) &&
            (entry.where?.protocol === undefined || entry.where.protocol === config.protocol) &&
            (entry.where?.decoder === undefined || entry.where.decoder === config.decoder) &&
            (entry.where?.modes === undefined || entry.where.modes.includes(mode)),
    );
}
