import { isUtf8 } from "node:buffer";
import { ConfigurationError } from "../errors";
import { Fifo } from "../connection/fifo";
import type { BufferInternals } from "../protocol/resp-bytes";
import { utf8Problem } from "../protocol/decoder-values";
import { Decoder, type GlideString } from "../commands/types";

/** One published message as the user receives it (GLIDE's PubSubMsg). */
export interface PubSubMsg {
    message: GlideString;
    channel: GlideString;
    pattern?: GlideString | null;
}

export type PubSubCallback = (msg: PubSubMsg, context: any) => void;

interface RawMessage {
    channel: Buffer;
    message: Buffer;
    pattern: Buffer | null;
}

interface Poller {
    resolve: (msg: PubSubMsg) => void;
    reject: (error: Error) => void;
}

/** UTF-8 text; bytes that are not UTF-8 fail with a plain Error in Rust's words, as GLIDE's messages do. */
function text(bytes: Buffer): string {
    if (!isUtf8(bytes)) throw new Error(utf8Problem(bytes, 0, bytes.length));
    return (bytes as unknown as BufferInternals).utf8Slice(0, bytes.length);
}

function decode(channel: Buffer, message: Buffer, pattern: Buffer | null, decoder: Decoder): PubSubMsg {
    if (decoder === Decoder.Bytes) return { message, channel, pattern };
    // In the order GLIDE's core decodes a push's values: pattern, channel, message.
    const patternText = pattern === null ? null : text(pattern);
    const channelText = text(channel);
    return { message: text(message), channel: channelText, pattern: patternText };
}

function decoded(raw: RawMessage, decoder: Decoder): PubSubMsg {
    return decode(raw.channel, raw.message, raw.pattern, decoder);
}

/**
 * Hands published messages to the user: to the configured callback as they arrive, or into a
 * queue read by getPubSubMessage (waiting) and tryGetPubSubMessage (never waiting). Messages
 * are queued raw, so each reader's decoder applies when it takes one.
 */
export class MessageDelivery {
    readonly #decoder: Decoder;
    readonly #callback: PubSubCallback | undefined;
    readonly #context: unknown;
    readonly #queue = new Fifo<RawMessage>(1024);
    readonly #pollers = new Fifo<Poller>();
    #closedError: Error | undefined;

    constructor(defaultDecoder: Decoder, callback?: PubSubCallback | null, context?: unknown) {
        this.#decoder = defaultDecoder;
        // GLIDE treats a null callback as none.
        this.#callback = callback ?? undefined;
        this.#context = context;
    }

    readonly deliver = (channel: Buffer, message: Buffer, pattern: Buffer | null): void => {
        if (this.#callback !== undefined) {
            try {
                this.#callback(decode(channel, message, pattern, this.#decoder), this.#context);
            } catch (error) {
                // The user's bug must not corrupt the connection that is decoding: surface it
                // the way a throwing event listener does.
                process.nextTick(() => {
                    throw error;
                });
            }
            return;
        }
        const poller = this.#pollers.shift();
        if (poller === undefined) return void this.#queue.push({ channel, message, pattern });
        let msg: PubSubMsg;
        try {
            msg = decode(channel, message, pattern, this.#decoder);
        } catch (error) {
            // Undecodable as text: the waiting reader gets the error, and the message is gone.
            return poller.reject(error as Error);
        }
        poller.resolve(msg);
    };

    /** The next message, waiting for one if none is queued. */
    next(): Promise<PubSubMsg> {
        this.#checkPolling();
        const raw = this.#queue.shift();
        if (raw !== undefined) {
            try {
                return Promise.resolve(decoded(raw, this.#decoder));
            } catch (error) {
                return Promise.reject(error);
            }
        }
        return new Promise((resolve, reject) => this.#pollers.push({ resolve, reject }));
    }

    /** The next message, or null when none is queued. */
    tryNext(decoder?: Decoder): PubSubMsg | null {
        this.#checkPolling();
        const raw = this.#queue.shift();
        return raw === undefined ? null : decoded(raw, decoder ?? this.#decoder);
    }

    /** Rejects every waiting getPubSubMessage() and later calls with `error`. */
    close(error: Error): void {
        this.#closedError ??= error;
        for (const poller of this.#pollers.drain()) poller.reject(error);
    }

    #checkPolling(): void {
        if (this.#closedError !== undefined) throw this.#closedError;
        if (this.#callback !== undefined) {
            throw new ConfigurationError("The operation will never complete since messages will be passed to the configured callback.");
        }
    }
}
