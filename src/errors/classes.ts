/**
 * The error classes of the public API: GLIDE's. Beyond GLIDE, each has a stable `code` so callers
 * can branch without `instanceof` across package copies.
 */
export abstract class ValkeyError extends Error {
    /** On the prototype, not the instance: the error's own properties stay GLIDE's. */
    abstract get code(): string;

    constructor(message?: string) {
        super(message);
    }

    override get name(): string {
        return this.constructor.name;
    }
}

/** The client was closed; it will not serve more requests. */
export class ClosingError extends ValkeyError {
    get code(): string {
        return "ERR_GLIDE_CLOSING";
    }
}

/** A request failed; a server error carries the server's text in GLIDE's words. */
export class RequestError extends ValkeyError {
    get code(): string {
        return "ERR_GLIDE_REQUEST";
    }
}

/** A request did not complete within its timeout. */
export class TimeoutError extends RequestError {
    override get code(): string {
        return "ERR_GLIDE_TIMEOUT";
    }
}

/** A transaction was discarded by the server (EXECABORT). */
export class ExecAbortError extends RequestError {
    override get code(): string {
        return "ERR_GLIDE_EXEC_ABORT";
    }
}

/** The connection to a server was lost or could not be made. */
export class ConnectionError extends RequestError {
    override get code(): string {
        return "ERR_GLIDE_CONNECTION";
    }
}

/** The client configuration or a call's options are invalid. */
export class ConfigurationError extends RequestError {
    override get code(): string {
        return "ERR_GLIDE_CONFIGURATION";
    }
}

/** The circuit breaker is open and the request was not sent. */
export class CircuitBreakerError extends RequestError {
    override get code(): string {
        return "ERR_GLIDE_CIRCUIT_BREAKER";
    }
}

/** The server sent bytes that are not valid RESP; the connection is closed. */
export class ProtocolError extends ConnectionError {
    override get code(): string {
        return "ERR_GLIDE_PROTOCOL";
    }
}

/** A shared instance, as GLIDE exports one. */
export const TIMEOUT_ERROR = new TimeoutError("Operation timed out");
