/**
 * Why a connection could not be opened, in the words of GLIDE's core (Rust): the client layer
 * builds GLIDE's createClient and lazy-connect errors from these reasons. The errors themselves
 * are plain ConnectionErrors, as a caller may meet them; the reason rides along unseen.
 */
import { constants } from "node:os";

import { ConnectionError, serverErrorText } from "../errors";

const FAILURE = Symbol("connectFailure");

interface Failure {
    /** "timed out", "Connection refused (os error 111)", a server's error … */
    reason: string;
    /** An authentication failure: trying again cannot help, as GLIDE's core sees it. */
    permanent: boolean;
}

function connectFailed(message: string, reason: string, permanent = false): ConnectionError {
    const error = new ConnectionError(message);
    Object.defineProperty(error, FAILURE, { value: { reason, permanent } satisfies Failure });
    return error;
}

function failureOf(error: unknown): Failure | undefined {
    return (error as { [FAILURE]?: Failure } | null)?.[FAILURE];
}

/** Rust's io::Error texts (Linux strerror) for the socket errors a connection meets. */
const OS_ERROR_TEXT: Record<string, string> = {
    ECONNREFUSED: "Connection refused",
    ECONNRESET: "Connection reset by peer",
    ECONNABORTED: "Software caused connection abort",
    EHOSTUNREACH: "No route to host",
    ENETUNREACH: "Network is unreachable",
    ETIMEDOUT: "Connection timed out",
    EPIPE: "Broken pipe",
    EADDRNOTAVAIL: "Cannot assign requested address",
};

/** What a TLS client sees of a plain-text server: the TCP connection opens and the handshake is never answered. */
export const NO_TLS_ANSWER = "the server accepted the connection but never answered the TLS handshake: useTLS is set; is the server listening with TLS?";

export function connectTimedOut(address: string, afterMs: number, hint?: string): ConnectionError {
    const reason = hint === undefined ? "timed out" : `timed out (${hint})`;
    return connectFailed(`Connecting to ${address} timed out after ${afterMs} ms${hint === undefined ? "" : ` (${hint})`}`, reason);
}

export function socketFailed(address: string, error: NodeJS.ErrnoException): ConnectionError {
    const code = error.code ?? "";
    const errno = (constants.errno as Record<string, number>)[code];
    const text = OS_ERROR_TEXT[code];
    let reason = error.message;
    if (text !== undefined && errno !== undefined) reason = `${text} (os error ${errno})`;
    else if (code === "ENOTFOUND" || code === "EAI_AGAIN") reason = "failed to lookup address information: Name or service not known";
    return connectFailed(`Connection to ${address} failed: ${error.message}`, reason);
}

/** The server refused a handshake step; `step` names it as GLIDE's core does. */
export function handshakeRefused(address: string, step: "auth" | "select", reply: Error): ConnectionError {
    const message = `Handshake with ${address} failed: ${reply.message}`;
    if (step === "select") return connectFailed(message, "Redis server refused to switch database- ResponseError");
    return connectFailed(message, reply.message, /^(WRONGPASS|NOAUTH|NOPERM)\b/.test(serverErrorText(reply) ?? ""));
}

/** The reason of any failure met while connecting, as GLIDE's core would state it. */
export function connectReason(error: unknown): string {
    return failureOf(error)?.reason ?? (error as Error).message;
}

/** Whether trying again cannot help (the server refused the credentials). */
export function isPermanentFailure(error: unknown): boolean {
    return failureOf(error)?.permanent === true;
}
