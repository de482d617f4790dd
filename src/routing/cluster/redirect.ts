/** What a failed cluster request tells the client to do next. */
import { ClosingError, ConnectionError, serverErrorText, TimeoutError } from "../../errors";

export type Redirect =
    | { kind: "moved"; slot: number; address: string }
    | { kind: "ask"; slot: number; address: string }
    | { kind: "retryLater" }
    | { kind: "reconnect" }
    | { kind: "fail" };

function address(text: string | undefined): string | undefined {
    // "host:port" or, when the node does not know its own address, ":port".
    return text === undefined || !text.includes(":") ? undefined : text;
}

/** Classifies an error; `clientClosed` tells a client-wide close from one connection's close. */
export function classifyError(error: unknown, clientClosed: boolean): Redirect {
    if (!(error instanceof Error) || error instanceof TimeoutError) return { kind: "fail" };
    if (error instanceof ClosingError) return clientClosed ? { kind: "fail" } : { kind: "reconnect" };
    if (error instanceof ConnectionError) return { kind: "reconnect" };
    const message = serverErrorText(error);
    if (message === undefined) return { kind: "fail" };
    if (message.startsWith("MOVED ") || message.startsWith("ASK ")) {
        const [word, slot, target] = message.split(" ");
        const where = address(target);
        if (where === undefined) return { kind: "fail" };
        return { kind: word === "MOVED" ? "moved" : "ask", slot: Number(slot), address: where };
    }
    if (message.startsWith("TRYAGAIN") || message.startsWith("CLUSTERDOWN")) return { kind: "retryLater" };
    return { kind: "fail" };
}
