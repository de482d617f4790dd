/**
 * An OTLP/gRPC collector stand-in: a plaintext HTTP/2 server on a free port that unframes each
 * Export call and decodes its protobuf with a generic wire-format reader.
 */
import * as http2 from "node:http2";
import type { AddressInfo } from "node:net";

/** A decoded message: field number to values (varints and fixed64 as bigint, length-delimited as Buffer). */
export type Fields = Map<number, (bigint | Buffer)[]>;

export function decodeProtobuf(buffer: Buffer): Fields {
    const fields: Fields = new Map();
    let at = 0;
    const varint = (): bigint => {
        let result = 0n;
        let shift = 0n;
        for (;;) {
            const byte = buffer[at++];
            result |= BigInt(byte & 0x7f) << shift;
            if ((byte & 0x80) === 0) return result;
            shift += 7n;
        }
    };
    while (at < buffer.length) {
        const tag = Number(varint());
        const [field, wireType] = [tag >> 3, tag & 7];
        let value: bigint | Buffer;
        if (wireType === 0) value = varint();
        else if (wireType === 1) {
            value = buffer.readBigUInt64LE(at);
            at += 8;
        } else if (wireType === 2) {
            const length = Number(varint());
            value = buffer.subarray(at, at + length);
            at += length;
        } else if (wireType === 5) {
            value = BigInt(buffer.readUInt32LE(at));
            at += 4;
        } else throw new Error(`wire type ${wireType}`);
        fields.set(field, [...(fields.get(field) ?? []), value]);
    }
    return fields;
}

/** The sub-messages at `field`. */
export function messages(fields: Fields, field: number): Fields[] {
    return (fields.get(field) ?? []).map((value) => decodeProtobuf(value as Buffer));
}

export function text(fields: Fields, field: number): string | undefined {
    const value = fields.get(field)?.[0];
    return value === undefined ? undefined : (value as Buffer).toString("utf8");
}

export function number(fields: Fields, field: number): bigint | undefined {
    return fields.get(field)?.[0] as bigint | undefined;
}

export interface GrpcCall {
    path: string;
    contentType: string | undefined;
    message: Fields;
}

export interface GrpcCollector {
    endpoint: string;
    calls: GrpcCall[];
    close(): Promise<void>;
}

export async function startGrpcCollector(): Promise<GrpcCollector> {
    const calls: GrpcCall[] = [];
    const server = http2.createServer();
    const sessions = new Set<http2.ServerHttp2Session>();
    server.on("session", (session) => sessions.add(session));
    server.on("stream", (stream, headers) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
            const body = Buffer.concat(chunks);
            const length = body.readUInt32BE(1);
            calls.push({ path: String(headers[":path"]), contentType: headers["content-type"], message: decodeProtobuf(body.subarray(5, 5 + length)) });
            stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
            stream.on("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
            // An empty ExportServiceResponse.
            stream.end(Buffer.alloc(5));
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `grpc://127.0.0.1:${port}`,
        calls,
        close: () =>
            new Promise((resolve) => {
                server.close(() => resolve());
                // The exporter keeps its connection open between flushes.
                for (const session of sessions) session.destroy();
            }),
    };
}
