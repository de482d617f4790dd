/**
 * A client's first connection that failed, in GLIDE's words: a RequestError for a command that
 * found the lazy client unconnected, which createClient turns into GLIDE's ClosingError.
 */
import { ClosingError, RequestError } from "../errors";
import { connectReason } from "../connection/connect-failure";

type Mode = "Standalone" | "Cluster";

const INITIAL_CONNECT = Symbol("initialConnect");

function initialConnectError(mode: Mode, detail: string, lazyMessage: string): RequestError {
    const error = new RequestError(lazyMessage);
    Object.defineProperty(error, INITIAL_CONNECT, { value: { mode, detail } });
    return error;
}

/** A standalone node that could not be reached (or refused the handshake). */
export function standaloneUnreachable(address: string, cause: unknown): RequestError {
    const detail = `Received error for address \`${address}\`: ${connectReason(cause)}\n`;
    return initialConnectError("Standalone", detail, `Standalone connect failed - IoError: ${detail}`);
}

/** Every address answered, none as a primary. */
export function noPrimary(): RequestError {
    const detail = "Received error: No primary node found- ClientError\n";
    return initialConnectError("Standalone", detail, `Standalone connect failed - ${detail}`);
}

/** No seed gave the cluster's topology; `address` is the first that failed. */
export function clusterUnreachable(address: string, cause: unknown): RequestError {
    const reason = connectReason(cause);
    const detail = `Failed to create initial connections - IoError: Failed to refresh both connections - IoError: Node: "${address}" received errors: \`${reason}\`, \`${reason}\``;
    return initialConnectError("Cluster", detail, detail);
}

/** What createClient rejects with when its first connection failed: GLIDE's ClosingError. */
export function createClientError(error: unknown): unknown {
    const initial = (error as { [INITIAL_CONNECT]?: { mode: Mode; detail: string } } | null)?.[INITIAL_CONNECT];
    return initial === undefined ? error : new ClosingError(`Connection error: ${initial.mode}(${initial.detail})`);
}
