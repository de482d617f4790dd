/**
 * Servers shared by all test files of one `npm test` run. scripts/run-tests.mjs starts them once
 * and passes their addresses in GLIDE_TS_* variables; a test file run on its own (no variables)
 * starts them itself on first use, and they die when that process exits.
 *
 * Shared servers are for tests that only read and write their own unique keys. A test that
 * changes global server state (FLUSHALL, FLUSHDB, CONFIG SET, SELECT of a database others use,
 * SCRIPT/FUNCTION FLUSH, CLIENT PAUSE, DEBUG, killing or restarting the server) must start its
 * own with startStandalone() / startPrimaryWithReplica() / startCluster() from ./servers.
 */
import * as fs from "node:fs";

import {
    generateTlsFiles,
    makeRunSubdir,
    startCluster,
    startPrimaryWithReplica,
    startStandalone,
    tlsUnsupportedReason,
    type Address,
    type TlsFiles,
} from "./servers";

export const ENV = {
    standalone: "GLIDE_TS_STANDALONE",
    replicaPair: "GLIDE_TS_REPLICA_PAIR",
    cluster: "GLIDE_TS_CLUSTER",
    tls: "GLIDE_TS_TLS",
    tlsCa: "GLIDE_TS_TLS_CA",
    tlsCert: "GLIDE_TS_TLS_CERT",
    tlsKey: "GLIDE_TS_TLS_KEY",
    tlsClientCert: "GLIDE_TS_TLS_CLIENT_CERT",
    tlsClientKey: "GLIDE_TS_TLS_CLIENT_KEY",
    /** Set instead of GLIDE_TS_TLS when the server cannot do TLS; holds the reason. */
    tlsUnsupported: "GLIDE_TS_TLS_UNSUPPORTED",
} as const;

export interface SharedReplicaPair {
    primary: Address;
    replica: Address;
}

/** A TLS-only standalone server and the files to reach it (CA, client cert for mTLS). */
export interface SharedTlsServer extends Address {
    tls: TlsFiles;
}

export function standaloneAddress(): Promise<Address> {
    return fromEnvOrStart(ENV.standalone, async () => {
        const server = await startStandalone({ name: "shared-standalone" });
        return formatAddresses([server]);
    }).then((value) => parseAddress(value));
}

export function replicaPair(): Promise<SharedReplicaPair> {
    return fromEnvOrStart(ENV.replicaPair, async () => {
        const pair = await startPrimaryWithReplica();
        return formatAddresses([pair.primary, pair.replica]);
    }).then((value) => {
        const [primary, replica] = parseAddresses(value);
        return { primary, replica };
    });
}

/** Addresses of all cluster nodes (3 primaries, 3 replicas). */
export function clusterSeeds(): Promise<Address[]> {
    return fromEnvOrStart(ENV.cluster, async () => formatAddresses((await startCluster()).seeds)).then(parseAddresses);
}

/** The shared TLS server, or undefined when the installed server cannot do TLS (skip then; see tlsSkipReason). */
export async function tlsServer(): Promise<SharedTlsServer | undefined> {
    if ((await tlsSkipReason()) !== undefined) return undefined;
    const address = parseAddress(await fromEnvOrStart(ENV.tls, startTlsServerIntoEnv));
    return { ...address, tls: tlsFilesFromEnv() };
}

export async function tlsSkipReason(): Promise<string | undefined> {
    if (process.env[ENV.tls]) return undefined;
    return process.env[ENV.tlsUnsupported] ?? (await tlsUnsupportedReason());
}

async function startTlsServerIntoEnv(): Promise<string> {
    const files = await generateTlsFiles(makeRunSubdir("shared-tls-files"));
    const server = await startStandalone({ tls: files, name: "shared-tls" });
    Object.assign(process.env, tlsFilesToEnv(files));
    return formatAddresses([server]);
}

/** The GLIDE_TS_TLS_* variables naming these files; used by the runner too. */
export function tlsFilesToEnv(files: TlsFiles): Record<string, string> {
    return {
        [ENV.tlsCa]: files.caFile,
        [ENV.tlsCert]: files.certFile,
        [ENV.tlsKey]: files.keyFile,
        [ENV.tlsClientCert]: files.clientCertFile,
        [ENV.tlsClientKey]: files.clientKeyFile,
    };
}

function tlsFilesFromEnv(): TlsFiles {
    const required = (name: string): string => {
        const value = process.env[name];
        if (!value) throw new Error(`${ENV.tls} is set but ${name} is not`);
        return value;
    };
    const caFile = required(ENV.tlsCa);
    return {
        caFile,
        certFile: required(ENV.tlsCert),
        keyFile: required(ENV.tlsKey),
        clientCertFile: required(ENV.tlsClientCert),
        clientKeyFile: required(ENV.tlsClientKey),
        ca: fs.readFileSync(caFile),
    };
}

const startedHere = new Map<string, Promise<string>>();

/** The variable's value, or else starts the server once per process and records it in the variable. */
function fromEnvOrStart(name: string, start: () => Promise<string>): Promise<string> {
    const value = process.env[name];
    if (value) return Promise.resolve(value);
    let started = startedHere.get(name);
    if (!started) {
        started = start().then((address) => {
            process.env[name] = address;
            return address;
        });
        startedHere.set(name, started);
    }
    return started;
}

export function formatAddresses(addresses: readonly Address[]): string {
    return addresses.map(({ host, port }) => `${host}:${port}`).join(",");
}

export function parseAddresses(value: string): Address[] {
    return value.split(",").map(parseAddress);
}

function parseAddress(text: string): Address {
    const separator = text.lastIndexOf(":");
    const port = Number(text.slice(separator + 1));
    if (separator <= 0 || !Number.isInteger(port)) throw new Error(`bad address "${text}", expected host:port`);
    return { host: text.slice(0, separator), port };
}
