/**
 * OTLP/gRPC over node:http2 (grpc:// is plaintext HTTP/2, as GLIDE's exporter uses it): one
 * unary Export call per flush, the protobuf message in gRPC's length-prefixed framing.
 */
import type * as Http2 from "node:http2";

import { Level, log } from "./core-log";
import type { Exporter } from "./otel-exporter";
import type { MetricsSnapshot } from "./otel-metrics";
import { protobufMetrics, protobufTraces } from "./otel-protobuf";
import type { CommandSpan } from "./otel-span";

const TRACE_EXPORT = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
const METRICS_EXPORT = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export";
const EXPORT_TIMEOUT_MS = 10_000;

type Http2Module = typeof Http2;
let http2: Http2Module | undefined;

/** node:http2 is loaded by the first grpc:// exporter, not by importing the library. */
function loadHttp2(): Http2Module {
    http2 ??= require("node:http2") as Http2Module;
    return http2;
}

function reportFailure(message: string): void {
    log(Level.Warn, "GlideOpenTelemetry", `Failed to export telemetry: ${message}`);
}

/** gRPC's message framing: a compression flag (0) and the length, big-endian, before the message. */
function framed(message: Buffer): Buffer {
    const header = Buffer.alloc(5);
    header.writeUInt32BE(message.length, 1);
    return Buffer.concat([header, message]);
}

export class GrpcExporter implements Exporter {
    readonly #authority: string;
    #session: Http2.ClientHttp2Session | undefined;

    constructor(url: URL) {
        this.#authority = `http://${url.host}`;
    }

    spans(spans: readonly CommandSpan[]): void {
        this.#call(TRACE_EXPORT, protobufTraces(spans));
    }

    metrics(snapshot: MetricsSnapshot): void {
        this.#call(METRICS_EXPORT, protobufMetrics(snapshot));
    }

    #connected(): Http2.ClientHttp2Session {
        if (this.#session === undefined || this.#session.closed || this.#session.destroyed) {
            const session = loadHttp2().connect(this.#authority);
            session.on("error", (error) => reportFailure(error.message));
            session.on("close", () => {
                if (this.#session === session) this.#session = undefined;
            });
            // Exports never keep the process alive.
            session.unref();
            this.#session = session;
        }
        return this.#session;
    }

    #call(path: string, message: Buffer): void {
        let stream: Http2.ClientHttp2Stream;
        try {
            stream = this.#connected().request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" });
        } catch (error) {
            reportFailure((error as Error).message);
            return;
        }
        stream.setTimeout(EXPORT_TIMEOUT_MS, () => stream.close(loadHttp2().constants.NGHTTP2_CANCEL));
        let status: string | undefined;
        const readStatus = (headers: Http2.IncomingHttpHeaders) => {
            if (headers["grpc-status"] !== undefined) status = `${headers["grpc-status"]} ${headers["grpc-message"] ?? ""}`.trim();
        };
        stream.on("response", readStatus);
        stream.on("trailers", readStatus);
        stream.on("error", (error) => reportFailure(error.message));
        stream.on("close", () => {
            if (status !== undefined && status !== "0") reportFailure(`${this.#authority}${path} answered grpc-status ${status}`);
        });
        stream.resume();
        stream.end(framed(message));
    }
}
