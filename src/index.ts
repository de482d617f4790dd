/** glide-ts: Valkey GLIDE's Node.js API in pure TypeScript. Public exports only. */
export * from "./errors/classes";
export { ProtocolVersion, Decoder, ObjectType } from "./commands/types";
export type {
    GlideString,
    DecoderOption,
    GlideReturnType,
    GlideRecord,
    ReturnTypeRecord,
    ReturnTypeMap,
    ReturnTypeAttribute,
    SortedSetDataType,
    HashDataType,
    StreamEntryDataType,
    Score,
    ElementAndScore,
} from "./commands/types";
export * from "./commands/options";
export * from "./commands/hash-options";
export * from "./commands/list-options";
export * from "./commands/set-options";
export * from "./commands/sorted-set-options";
export * from "./commands/stream-options";
export * from "./commands/bitmap-options";
export * from "./commands/hyperloglog-options";
export * from "./commands/geo-options";
export * from "./commands/server-options";
export { Script } from "./commands/script";
export {
    ServiceType,
    NodeDiscoveryMode,
    type BaseClientConfiguration,
    type AdvancedBaseClientConfiguration,
    type ServerCredentials,
    type IamAuthConfig,
    type ReadFrom,
    type PubSubMsg,
    type ClientCircuitBreakerConfiguration,
} from "./client/config";
export { BaseClient } from "./client/base-client";
export {
    GlideClient,
    GlideClientConfiguration,
    type AdvancedGlideClientConfiguration,
    type StandalonePubSubState,
} from "./client/glide-client";
export { ALL_CHANNELS, ALL_PATTERNS } from "./pubsub/modes";
export {
    BaseBatch,
    Batch,
    ClusterBatch,
    Transaction,
    ClusterTransaction,
    type BatchOptions,
    type BaseBatchOptions,
} from "./batch/batch";
export {
    GlideClusterClient,
    GlideClusterClientConfiguration,
    type AdvancedGlideClusterClientConfiguration,
} from "./client/glide-cluster-client";
export { ALL_SHARDED_CHANNELS, type ClusterPubSubState } from "./client/glide-cluster-client";
export { ClientPauseMode, FunctionRestorePolicy } from "./commands/cluster-server";
export type {
    LolwutOptions,
    ClusterBatchOptions,
    ClusterBatchRetryStrategy,
    ClusterResponse,
    ClusterScanOptions,
    PeriodicChecks,
    PeriodicChecksManualInterval,
    RouteByAddress,
    RouteOption,
    Routes,
    SingleNodeRoute,
    SlotIdTypes,
    SlotKeyTypes,
} from "./commands/cluster-server";
export { ClusterScanCursor } from "./routing/cluster/scan-cursor";
export {
    convertElementsAndScores,
    convertGlideRecord,
    convertGlideRecord as convertKeysAndEntries,
    convertGlideRecordToRecord,
    convertRecordToGlideRecord,
    isGlideRecord,
} from "./commands/record-conversions";
export { parseInfoResponse } from "./commands/server-replies";
export { Level, log } from "./observability/core-log";
export { OpenTelemetry, type GlideOpenTelemetryConfig, type GlideSpanContext, type OpenTelemetryConfig, type OpenTelemetryTracesConfig, type OpenTelemetryMetricsConfig } from "./observability/otel";
export { Logger, type LevelOptions } from "./observability/logger";
export {
    DEFAULT_CONNECTION_TIMEOUT_MS as DEFAULT_CONNECTION_TIMEOUT_IN_MILLISECONDS,
    DEFAULT_INFLIGHT_LIMIT as DEFAULT_INFLIGHT_REQUESTS_LIMIT,
    DEFAULT_REQUEST_TIMEOUT_MS as DEFAULT_REQUEST_TIMEOUT_IN_MILLISECONDS,
    MAX_REQUEST_ARGS_LEN,
} from "./client/config";
export { getStatistics } from "./commands/server-statistics";
export { GlideJson, JsonBatch } from "./server-modules/glide-json";
export type { ReturnTypeJson, UniversalReturnTypeJson, JsonGetOptions, JsonArrPopOptions } from "./server-modules/json-options";
export { GlideFt, type FtAggregateReturnType, type FtInfoReturnType, type FtSearchReturnType } from "./server-modules/glide-ft";
export type {
    TextField,
    TagField,
    NumericField,
    VectorField,
    VectorFieldAttributesFlat,
    VectorFieldAttributesHnsw,
    Field,
    FtCreateOptions,
    FtAggregateOptions,
    FtAggregateLimit,
    FtAggregateFilter,
    FtAggregateGroupBy,
    FtAggregateReducer,
    FtAggregateSortBy,
    FtAggregateSortProperty,
    FtAggregateApply,
    FtSearchOptions,
    FtInfoOptions,
} from "./server-modules/ft/options";
