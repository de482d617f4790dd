import { RequestError } from "../errors";
import type { RespValue } from "../protocol/types";
import { SubscriptionMode } from "./modes";

/** Where a subscriber connection's frames go once recognised. */
export interface FrameSink {
    /** A published message; `pattern` is set for pattern subscriptions. Bulk strings are Buffers. */
    onMessage(channel: Buffer, message: Buffer, pattern: Buffer | null): void;
    /** The server confirmed a (un)subscription of `name` (null: unsubscribed from nothing). */
    onConfirmation(mode: SubscriptionMode, subscribed: boolean, name: Buffer | null): void;
    /** The server refused a whole (un)subscribe command (ACL NOPERM, …). */
    onRefusal(error: RequestError): void;
}

const [M, E, P, S] = Array.from("meps", (char) => char.charCodeAt(0));

/**
 * Reads one frame of a subscriber connection: a RESP3 push, or a RESP2 array reply, both shaped
 * [kind, …]. Anything else (a RESP2 "pong", invalidation pushes) is not ours and is skipped.
 */
export function readFrame(frame: RespValue, sink: FrameSink): void {
    if (frame instanceof RequestError) return sink.onRefusal(frame);
    if (!Array.isArray(frame) || frame.length < 2) return;
    const head = frame[0];
    if (Buffer.isBuffer(head)) {
        // The hot path, without making a string of the kind: "message", "pmessage", "smessage".
        const length = head.length;
        if (length === 7 && head[0] === M && head[6] === E) return sink.onMessage(frame[1] as Buffer, frame[2] as Buffer, null);
        if (length === 8 && head[1] === M && head[7] === E) {
            if (head[0] === P) return sink.onMessage(frame[2] as Buffer, frame[3] as Buffer, frame[1] as Buffer);
            if (head[0] === S) return sink.onMessage(frame[1] as Buffer, frame[2] as Buffer, null);
        }
    }
    const kind = typeof head === "string" ? head : Buffer.isBuffer(head) ? head.toString("latin1") : "";
    switch (kind) {
        case "message":
        case "smessage":
            sink.onMessage(frame[1] as Buffer, frame[2] as Buffer, null);
            return;
        case "pmessage":
            sink.onMessage(frame[2] as Buffer, frame[3] as Buffer, frame[1] as Buffer);
            return;
        case "subscribe":
            return sink.onConfirmation(SubscriptionMode.Exact, true, frame[1] as Buffer);
        case "psubscribe":
            return sink.onConfirmation(SubscriptionMode.Pattern, true, frame[1] as Buffer);
        case "ssubscribe":
            return sink.onConfirmation(SubscriptionMode.Sharded, true, frame[1] as Buffer);
        case "unsubscribe":
            return sink.onConfirmation(SubscriptionMode.Exact, false, frame[1] as Buffer | null);
        case "punsubscribe":
            return sink.onConfirmation(SubscriptionMode.Pattern, false, frame[1] as Buffer | null);
        case "sunsubscribe":
            return sink.onConfirmation(SubscriptionMode.Sharded, false, frame[1] as Buffer | null);
    }
}
