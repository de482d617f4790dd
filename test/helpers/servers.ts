/**
 * Real server processes for tests: standalone, primary+replica, cluster, TLS. Each runs on a
 * free port of 127.0.0.1 in its own directory under <repo>/.test-servers/ and is killed when
 * the process that started it exits, however it exits (see server-registry.ts).
 *
 * Setup talks RESP over raw sockets, never through the library under test.
 */
export { findFreePort } from "./ports";
export { startStandalone, type Address, type ServerHandle, type StandaloneOptions } from "./standalone";
export { startPrimaryWithReplica, waitForReplicationLink, type ReplicaPair } from "./replication";
export { startCluster, waitForClusterReady, type ClusterHandle, type ClusterOptions, type ClusterShape } from "./cluster";
export { generateTlsFiles, type TlsFiles } from "./tls-files";
export { tlsSupported, tlsUnsupportedReason } from "./tls-support";
export { stopAll, reapStale, runDirectory, makeRunSubdir } from "./server-registry";
export { serverBinaries, type ServerBinaries } from "./server-binaries";
export {
    rawCommand,
    rawCommandParsed,
    rawCommandText,
    infoField,
    ReplyError,
    type Reply,
    type RawTlsOptions,
} from "./resp";
export { rawTlsOptions } from "./standalone";
