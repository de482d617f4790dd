/**
 * Why a connection could not be opened, in the words of GLIDE's core (Rust): the client layer
 * builds GLIDE's createClient and lazy-connect errors from these reasons.
 */
import { constants } from "node:os";

import { ConnectionError, serverErrorText } from "../errors";

/** A failed attempt to open a connection, with its reason as GLIDE's core states it. */
export class ConnectFailedError extends ConnectionError {
    constructor(
        message: string,
        /** "timed out", "Connection refused (os error 111)", a server's error … */
        readonly reason: string,
        /** An authentication failure: trying again cannot help, as GLIDE's core sees it. */
        readonly permanent = false,
    ) {
        super(message);
    }
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

export function connectTimedOut(address: string, afterMs: number): ConnectFailedError {
    return new ConnectFailedError(`Connecting to ${address} timed out after ${afterMs} ms`, "timed out");
}

export function socketFailed(address: string, error: NodeJS.ErrnoException): ConnectFailedError {
    const code = error.code ?? "";
    const errno = (constants.errno as Record<string, number>)[code];
    const text = OS_ERROR_TEXT[code];
    let reason = error.message;
    if (text !== undefined && errno !== undefined) reason = `${text} (os error ${errno})`;
    else if (code === "ENOTFOUND" || code === "EAI_AGAIN") reason = "failed to lookup address information: Name or service not known";
    return new ConnectFailedError(`Connection to ${address} failed: ${error.message}`, reason);
}

/** The server refused a handshake step; `step` names it as GLIDE's core does. */
export function handshakeRefused(address: string, step: "auth" | "select", reply: Error): ConnectFailedError {
    const message = `Handshake with ${address} failed: ${reply.message}`;
    if (step === "select") return new ConnectFailedError(message, "Redis server refused to switch database- ResponseError");
    const text = serverErrorText(reply) ?? "";
    return new ConnectFailedError(message, reply.message, /^(WRONGPASS|NOAUTH|NOPERM)\b/.test(text));
}

/** The reason of any failure met while connecting, as GLIDE's core would state it. */
export function connectReason(error: unknown): string {
    return error instanceof ConnectFailedError ? error.reason : (error as Error).message;
}
