/**
 * Server error replies as GLIDE words them. GLIDE's core classifies a reply by its first word:
 * the codes it knows read "An error was signalled by the server: - <Kind>: <detail>", any other
 * code reads "<CODE>: <detail>". Users match on these texts, so every server error goes through
 * here; the server's own text stays on the error for the client's own decisions (MOVED, ASK …).
 */
import { ExecAbortError, RequestError } from "./classes";

const KNOWN_KINDS: Record<string, string> = {
    ERR: "ResponseError",
    EXECABORT: "ExecAbortError",
    LOADING: "BusyLoadingError",
    NOSCRIPT: "NoScriptError",
    MOVED: "Moved",
    ASK: "Ask",
    TRYAGAIN: "TryAgain",
    CLUSTERDOWN: "ClusterDown",
    CROSSSLOT: "CrossSlot",
    MASTERDOWN: "MasterDown",
    READONLY: "ReadOnly",
    NOTBUSY: "NotBusy",
    NOPERM: "PermissionDenied",
};

const SIGNALLED = "An error was signalled by the server:";

/** Not enumerable, so the error looks like GLIDE's to inspection, equality and JSON. */
const SERVER_TEXT = Symbol("serverText");

export function glideWording(text: string): string {
    const space = text.indexOf(" ");
    const code = space < 0 ? text : text.slice(0, space);
    const detail = space < 0 ? undefined : text.slice(space + 1);
    const kind = KNOWN_KINDS[code];
    if (kind === undefined) return `${code}: ${detail ?? "Unknown extension error encountered"}`;
    return detail === undefined ? `${SIGNALLED}- ${kind}` : `${SIGNALLED} - ${kind}: ${detail}`;
}

/** The error a server's error reply becomes (EXECABORT an ExecAbortError, as in GLIDE). */
export function serverError(text: string): RequestError {
    const error = text.startsWith("EXECABORT") ? new ExecAbortError(glideWording(text)) : new RequestError(glideWording(text));
    Object.defineProperty(error, SERVER_TEXT, { value: text });
    return error;
}

/** The server's own text of an error reply (`MOVED 12 host:port`); undefined for any other error. */
export function serverErrorText(error: unknown): string | undefined {
    return (error as { [SERVER_TEXT]?: string } | null)?.[SERVER_TEXT];
}
