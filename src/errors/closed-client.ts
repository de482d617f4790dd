import { ClosingError } from "./classes";

/** What a call made on a closed client rejects with, in GLIDE's words. */
export function closedClientError(): ClosingError {
    return new ClosingError("Unable to execute requests; the client is closed. Please create a new client.");
}
