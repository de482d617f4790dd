import type { BackoffStrategy } from "./backoff";

/** Everything one node connection needs, already validated by the client layer. */
export interface ConnectionOptions {
    host: string;
    port: number;
    tls?: { ca?: string | Buffer; insecure: boolean; servername?: string };
    /** 2 or 3. */
    protocol: 2 | 3;
    username?: string;
    password?: string;
    clientName?: string;
    libName: string;
    libVersion: string;
    databaseId: number;
    connectionTimeoutMs: number;
    requestTimeoutMs: number;
    tcpNoDelay: boolean;
    backoff: BackoffStrategy;
    /** Sends READONLY after connecting (cluster replicas). */
    readOnly?: boolean;
    /** Asks the server for its availability zone (AZ-affinity reads). */
    wantAvailabilityZone?: boolean;
}

/** What the server told us in the handshake (HELLO). */
export interface ServerFacts {
    role?: string;
    version?: string;
    availabilityZone?: string;
    id?: number;
    mode?: string;
}
