/**
 * The one list of differences from GLIDE 2.5.2 that the differential suite accepts, each with its
 * reason: a GLIDE bug we do not reproduce, a deliberate improvement the README documents, or a
 * part of a feature that another issue builds (named, and listed only until it lands).
 * Anything else that differs fails the suite; an entry that no longer matches a difference fails it too.
 */
import type { CaseMode } from "./cases/types";
import type { Config } from "./harness/environment";

export interface AcceptedDifference {
    /** The case id (`method: title`), `method: *` for every case of a method, `*` for any case (with sameOnceGlides). */
    id: string;
    /** Where it differs; everywhere when absent. */
    where?: { cluster?: boolean; protocol?: Config["protocol"]; decoder?: Config["decoder"]; modes?: readonly CaseMode[] };
    /**
     * For a rule rather than one case: the difference is accepted only where the two outcomes
     * are equal once GLIDE's is passed through this (what the rule says GLIDE adds or changes).
     */
    sameOnceGlides?: (glide: string) => string;
    /** A GLIDE bug not copied, a deliberate improvement the README documents, or a feature another issue builds. */
    kind: "GLIDE bug" | "improvement" | "another issue";
    reason: string;
}

export const ACCEPTED_CALL_DIFFERENCES: AcceptedDifference[] = [
    {
        id: "zunionstore: empty-string destination",
        where: { cluster: false },
        kind: "GLIDE bug",
        reason: "GLIDE leaves out a destination that is falsy, so for the valid key \"\" the server reads the key count as the destination and fails; glide-ts stores the union in \"\"",
    },
    {
        id: "*",
        where: { cluster: true, modes: ["pipeline"] },
        sameOnceGlides: (glide) => glide.replace(/(An error was signalled by the server: - \w+: )An error was signalled by the server: /g, "$1"),
        kind: "GLIDE bug",
        reason: "in a cluster pipeline, GLIDE words the error of a command sent to several nodes twice (\"An error was signalled by the server: - ResponseError: An error was signalled by the server: …\"); glide-ts words it once, as everywhere else",
    },
    ...[
        "ping: message, route slot id out of range",
        "customCommand: PING, route slot id out of range",
        "configGet: port, route primarySlotId",
        "configGet: port, route replicaSlotId",
        "invokeScriptWithRoute: write on a primary, route primarySlotId",
    ].map((id) => ({
        id,
        where: { cluster: true, modes: ["client"] as const },
        kind: "GLIDE bug" as const,
        reason: "GLIDE sends a { type: \"primarySlotId\" | \"replicaSlotId\", id } route to its core as a slot-key route, so the id is neither used nor checked and the command lands on another node; glide-ts sends it to the slot's primary (or replica) and refuses an id outside 0..16383",
    })),
    ...["ping: message, route routeByAddress of an unknown node", "customCommand: PING, route routeByAddress of an unknown node"].map((id) => ({
        id,
        where: { cluster: true, modes: ["client"] as const },
        kind: "improvement" as const,
        reason: "README, cluster routes: a routeByAddress naming no node of the cluster is refused at once, saying so; GLIDE waits for its request timeout and rejects with TimeoutError",
    })),
    {
        id: "flushall: keys on every shard, route allNodes",
        where: { cluster: true, modes: ["client"] },
        kind: "improvement",
        reason: "README, cluster routes: a write routed to replicas (route allNodes) rejects at once with the replica's READONLY error, after every primary ran it; GLIDE retries the replicas until its request timeout and rejects with TimeoutError",
    },
    ...["atomic", "pipeline"].map((kind) => ({
        id: `exec: ${kind}: null options`,
        kind: "GLIDE bug" as const,
        reason: "GLIDE throws TypeError (\"Cannot use 'in' operator to search for 'retryStrategy' in null\") for null options; glide-ts takes null as no options, as for every other optional parameter",
    })),
    {
        id: "exec: a WATCHed key changed before the transaction",
        kind: "improvement",
        reason: "README, Transactions and WATCH: a WATCH belongs to the async context that awaited it, so one caller's WATCH is never cleared or tripped by another's; a transaction run outside that context (here: WATCH inside a helper the caller awaited) is not guarded by it, where GLIDE's connection-wide WATCH guards whatever EXEC comes next",
    },
    {
        id: "watch: keys in two slots",
        where: { cluster: true },
        kind: "improvement",
        reason: "README, Transactions and WATCH: a transaction runs on one slot, so a WATCH on another slot could never guard it; glide-ts refuses it with the server's CROSSSLOT where GLIDE splits it over the nodes and answers OK",
    },
    {
        id: "customCommand: SUBSCRIBE",
        where: { modes: ["atomic", "pipeline"] },
        kind: "improvement",
        reason: "README, pub/sub: a SUBSCRIBE-family command in a batch is refused before sending; GLIDE sends it on the shared connection, where the subscription manager never learns of it (and on RESP2 the connection stops answering other commands)",
    },
    ...[
        "SUBSCRIBE_BLOCKING with a timeout",
        "SUBSCRIBE_BLOCKING of two channels",
        "subscribe_blocking in lower case",
        "PSUBSCRIBE_BLOCKING",
        "SSUBSCRIBE_BLOCKING",
    ].map((title) => ({
        id: `customCommand: ${title}`,
        where: { protocol: "RESP2" as const, modes: ["client"] as const },
        kind: "improvement" as const,
        reason: "README, pub/sub: subscriptions work on RESP2 as on RESP3; GLIDE's core never makes a subscription on RESP2, so its blocking forms time out (and never settle without a timeout: those cases run on RESP3 only)",
    })),
    {
        id: "pubsub scenario: a refused subscription still desired blocks the ones after it (GLIDE resends them together)",
        kind: "GLIDE bug",
        reason: "GLIDE sends every desired channel in one SUBSCRIBE, so once the server refused one (ACL) no later subscription is made; glide-ts keeps the refused one desired, as GLIDE, and still makes the others",
    },
    {
        id: "pubsub scenario: subscriptions on RESP2",
        where: { protocol: "RESP2" },
        kind: "improvement",
        reason: "README, pub/sub: subscriptions work on RESP2 as on RESP3; GLIDE's core never makes a subscription on RESP2, so subscribe times out and nothing is received",
    },
];

/** Configurations that createClient treats differently, by the title of their case in configuration.test.ts. */
export const ACCEPTED_CONFIG_DIFFERENCES: { title: string; kind: AcceptedDifference["kind"]; reason: string }[] = [
    ...["no addresses", "address without a host", "databaseId -1", "clientName with a space"].map((title) => ({
        title,
        kind: "improvement" as const,
        reason: "README, configuration: a value the server or the socket can only refuse is refused before any socket opens, with a ConfigurationError saying what is wrong; GLIDE's core tries to connect and fails with a ClosingError (for a standalone server only after its connection timeout)",
    })),
    {
        title: "address with a tls field",
        kind: "improvement",
        reason: "README, configuration: an unknown field inside an address is refused, as every other unknown option is (GLIDE ignores it; `tls` there hints at useTLS, which GLIDE sets for every address)",
    },
    {
        title: "address with a port in its host",
        kind: "improvement",
        reason: "README, configuration: a host with a port in it (\"127.0.0.1:6379\") is refused with a ConfigurationError naming the host and port to write; GLIDE tries to resolve it and fails with a ClosingError after its connection timeout",
    },
    {
        title: "useTLS against a plain server",
        kind: "improvement",
        reason: "README, configuration: the same ClosingError and timeout as GLIDE's, its reason \"timed out\" followed by a hint that the server accepted the connection but never answered the TLS handshake",
    },
    {
        title: "pubsubSubscriptions on RESP2",
        kind: "improvement",
        reason: "README, pub/sub: subscriptions work on RESP2 as on RESP3 (a subscriber connection of their own); GLIDE refuses them on RESP2",
    },
    {
        title: "periodicChecks null",
        kind: "GLIDE bug",
        reason: "GLIDE throws TypeError (\"Cannot read properties of null (reading 'duration_in_sec')\"); glide-ts takes null as the default, as for every other optional option",
    },
];

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
    { pattern: /^(registerAddressResolver|removeAddressResolver)$/, reason: "address resolvers: issue 13" },
    { pattern: /^(GlideMonitorClient|createMonitorClient|closeMonitorClient)$/, reason: "monitor client: issue 14" },
    { pattern: /^(ClientSideCache|EvictionPolicy|CompressionBackend|validateCompressionConfiguration)$/, reason: "client-side caching and compression: issue 15" },
];

export function acceptedFor(
    id: string,
    method: string,
    config: Config,
    mode: CaseMode,
    outcomes: { glide: string; ours: string },
): AcceptedDifference | undefined {
    return ACCEPTED_CALL_DIFFERENCES.find(
        (entry) =>
            (entry.id === id || entry.id === `${method}: *` || entry.id === "*") &&
            (entry.sameOnceGlides === undefined || entry.sameOnceGlides(outcomes.glide) === outcomes.ours) &&
            (entry.where?.cluster === undefined || entry.where.cluster === config.cluster) &&
            (entry.where?.protocol === undefined || entry.where.protocol === config.protocol) &&
            (entry.where?.decoder === undefined || entry.where.decoder === config.decoder) &&
            (entry.where?.modes === undefined || entry.where.modes.includes(mode)),
    );
}
