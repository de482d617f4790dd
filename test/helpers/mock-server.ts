/**
 * A scripted in-process server for failure paths a real server cannot produce on demand: slow
 * replies, replies cut in half, garbage bytes, dropped sockets. It answers the handshake itself
 * and hands every other command to the test's handler.
 */
import * as net from "node:net";

export type MockReply = string | Buffer;

export interface MockContext {
    socket: net.Socket;
    /** Writes raw RESP bytes. */
    write(bytes: MockReply): void;
    /** Index of this connection (0 for the first accepted). */
    connectionIndex: number;
}

/** Returns the raw reply, or undefined when the handler writes (or withholds) it itself. */
export type MockHandler = (command: string[], context: MockContext) => MockReply | undefined | void;

const HELLO_REPLY = "%3\r\n$6\r\nserver\r\n$6\r\nvalkey\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$5\r\nproto\r\n:3\r\n";
const HELLO_REPLY_RESP2 = "*6\r\n$6\r\nserver\r\n$6\r\nvalkey\r\n$4\r\nrole\r\n$6\r\nmaster\r\n$5\r\nproto\r\n:2\r\n";

export class MockServer {
    readonly server: net.Server;
    readonly sockets: net.Socket[] = [];
    readonly commands: string[][] = [];
    connections = 0;
    port = 0;

    constructor(private readonly handler: MockHandler) {
        this.server = net.createServer((socket) => this.#accept(socket));
    }

    static async start(handler: MockHandler): Promise<MockServer> {
        const mock = new MockServer(handler);
        await new Promise<void>((resolve) => mock.server.listen(0, "127.0.0.1", resolve));
        mock.port = (mock.server.address() as net.AddressInfo).port;
        return mock;
    }

    get address(): { host: string; port: number } {
        return { host: "127.0.0.1", port: this.port };
    }

    /** Drops every open connection (the server keeps listening). */
    dropConnections(): void {
        for (const socket of this.sockets) socket.destroy();
        this.sockets.length = 0;
    }

    async stop(): Promise<void> {
        this.dropConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    #accept(socket: net.Socket): void {
        const connectionIndex = this.connections++;
        this.sockets.push(socket);
        socket.on("error", () => undefined);
        const context: MockContext = {
            socket,
            connectionIndex,
            write: (bytes) => {
                if (!socket.destroyed) socket.write(bytes);
            },
        };
        let pending = Buffer.alloc(0);
        socket.on("data", (chunk: Buffer) => {
            pending = Buffer.concat([pending, chunk]);
            for (;;) {
                const parsed = parseCommand(pending);
                if (parsed === undefined) break;
                pending = pending.subarray(parsed.length);
                this.commands.push(parsed.command);
                const reply = this.#handshakeReply(parsed.command) ?? this.handler(parsed.command, context);
                if (reply !== undefined) context.write(reply);
            }
        });
    }

    #handshakeReply(command: string[]): MockReply | undefined {
        const name = command[0].toUpperCase();
        if (name === "HELLO") return command[1] === "2" ? HELLO_REPLY_RESP2 : HELLO_REPLY;
        if (name === "CLIENT" && command[1]?.toUpperCase() === "SETINFO") return "+OK\r\n";
        if (name === "SELECT") return "+OK\r\n";
        return undefined;
    }
}

/** Parses one RESP array of bulk strings; undefined when incomplete. */
function parseCommand(buffer: Buffer): { command: string[]; length: number } | undefined {
    let offset = 0;
    const line = (): string | undefined => {
        const end = buffer.indexOf("\r\n", offset);
        if (end < 0) return undefined;
        const text = buffer.toString("latin1", offset, end);
        offset = end + 2;
        return text;
    };
    const header = line();
    if (header === undefined) return undefined;
    const count = Number(header.slice(1));
    const command: string[] = [];
    for (let i = 0; i < count; i++) {
        const lengthLine = line();
        if (lengthLine === undefined) return undefined;
        const length = Number(lengthLine.slice(1));
        if (buffer.length < offset + length + 2) return undefined;
        command.push(buffer.toString("utf8", offset, offset + length));
        offset += length + 2;
    }
    return { command, length: offset };
}

export const bulk = (text: string): string => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
