/**
 * A minimal RESP2 client for test setup and readiness checks only. It must not depend on the
 * library under test, so server management keeps working while the client is broken.
 */
import * as net from "node:net";
import * as tls from "node:tls";

export type Reply = string | number | null | ReplyError | Reply[];

/** An error reply (`-ERR ...`) returned as a value inside arrays, thrown at the top level. */
export class ReplyError extends Error {}

/** What a raw command needs to reach a TLS port: the CA, and a client cert for mTLS servers. */
export interface RawTlsOptions {
    ca: Buffer;
    cert?: Buffer;
    key?: Buffer;
}

const DEFAULT_TIMEOUT_MS = 2000;

export function encodeCommand(args: readonly string[]): Buffer {
    const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
    for (const arg of args) {
        const bytes = Buffer.from(arg);
        parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from("\r\n"));
    }
    return Buffer.concat(parts);
}

/** Parses one reply starting at `offset`; undefined when `buf` does not hold all of it yet. */
export function parseReply(buf: Buffer, offset = 0): { value: Reply; end: number } | undefined {
    const lineEnd = buf.indexOf("\r\n", offset);
    if (lineEnd < 0) return undefined;
    const type = String.fromCharCode(buf[offset]);
    const line = buf.toString("utf8", offset + 1, lineEnd);
    const next = lineEnd + 2;
    switch (type) {
        case "+":
            return { value: line, end: next };
        case "-":
            return { value: new ReplyError(line), end: next };
        case ":":
            return { value: Number(line), end: next };
        case "$": {
            const length = Number(line);
            if (length < 0) return { value: null, end: next };
            if (buf.length < next + length + 2) return undefined;
            return { value: buf.toString("utf8", next, next + length), end: next + length + 2 };
        }
        case "*": {
            const count = Number(line);
            if (count < 0) return { value: null, end: next };
            const items: Reply[] = [];
            let position = next;
            for (let i = 0; i < count; i++) {
                const item = parseReply(buf, position);
                if (!item) return undefined;
                items.push(item.value);
                position = item.end;
            }
            return { value: items, end: position };
        }
        default:
            throw new Error(`unsupported RESP type byte ${JSON.stringify(type)}`);
    }
}

/** Sends one command on a fresh connection and resolves with the raw reply bytes as text. */
export async function rawCommand(
    host: string,
    port: number,
    args: readonly string[],
    tlsOptions?: RawTlsOptions,
    timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string> {
    const { raw } = await exchange(host, port, args, tlsOptions, timeoutMs);
    return raw;
}

/** Like rawCommand but decoded; an error reply rejects with ReplyError. */
export async function rawCommandParsed(
    host: string,
    port: number,
    args: readonly string[],
    tlsOptions?: RawTlsOptions,
    timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Reply> {
    const { value } = await exchange(host, port, args, tlsOptions, timeoutMs);
    if (value instanceof ReplyError) throw value;
    return value;
}

/** Sends a command expected to answer with a bulk string (INFO, CLUSTER INFO, CLUSTER NODES). */
export async function rawCommandText(
    host: string,
    port: number,
    args: readonly string[],
    tlsOptions?: RawTlsOptions,
): Promise<string> {
    const value = await rawCommandParsed(host, port, args, tlsOptions);
    if (typeof value !== "string") throw new Error(`${args.join(" ")}: expected text, got ${JSON.stringify(value)}`);
    return value;
}

/** Reads `field:value` out of INFO-style text. */
export function infoField(info: string, field: string): string | undefined {
    const match = new RegExp(`^${field}:(.*)$`, "m").exec(info);
    return match?.[1].trim();
}

function exchange(
    host: string,
    port: number,
    args: readonly string[],
    tlsOptions: RawTlsOptions | undefined,
    timeoutMs: number,
): Promise<{ raw: string; value: Reply }> {
    return new Promise((resolve, reject) => {
        const socket = connect(host, port, tlsOptions);
        let received = Buffer.alloc(0);
        let settled = false;
        const finish = (error: Error | undefined, result?: { raw: string; value: Reply }): void => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            socket.destroy();
            if (error) reject(error);
            else resolve(result!);
        };
        const timer = setTimeout(
            () => finish(new Error(`${host}:${port} did not answer ${args[0]} within ${timeoutMs} ms`)),
            timeoutMs,
        );
        socket.once(tlsOptions ? "secureConnect" : "connect", () => socket.write(encodeCommand(args)));
        socket.on("data", (chunk: Buffer) => {
            received = Buffer.concat([received, chunk]);
            let parsed: ReturnType<typeof parseReply>;
            try {
                parsed = parseReply(received);
            } catch (error) {
                finish(error as Error);
                return;
            }
            if (parsed) finish(undefined, { raw: received.toString("utf8", 0, parsed.end), value: parsed.value });
        });
        socket.on("error", (error) => finish(error));
        socket.on("close", () => finish(new Error(`${host}:${port} closed the connection before replying`)));
    });
}

function connect(host: string, port: number, tlsOptions: RawTlsOptions | undefined): net.Socket {
    if (!tlsOptions) return net.connect({ host, port });
    return tls.connect({ host, port, ca: tlsOptions.ca, cert: tlsOptions.cert, key: tlsOptions.key });
}
