/**
 * The OTLP protobuf messages the grpc:// exporter sends (ExportTraceServiceRequest,
 * ExportMetricsServiceRequest), encoded by hand: only the fields this library fills.
 * Field numbers are those of opentelemetry-proto's trace/v1, metrics/v1 and common/v1.
 */
import type { MetricsSnapshot } from "./otel-metrics";
import { RESOURCE } from "./otel-file-format";
import { NO_PARENT_SPAN_ID, type CommandSpan } from "./otel-span";

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

/** A message under construction: its encoded fields, concatenated at the end. */
class Message {
    readonly #parts: Buffer[] = [];

    #tag(field: number, wireType: number): void {
        this.#varint(field * 8 + wireType);
    }

    #varint(value: number): void {
        const bytes: number[] = [];
        let rest = value;
        while (rest >= 0x80) {
            bytes.push((rest % 0x80) | 0x80);
            rest = Math.floor(rest / 0x80);
        }
        bytes.push(rest);
        this.#parts.push(Buffer.from(bytes));
    }

    uint(field: number, value: number): this {
        if (value !== 0) {
            this.#tag(field, VARINT);
            this.#varint(value);
        }
        return this;
    }

    bool(field: number, value: boolean): this {
        return this.uint(field, value ? 1 : 0);
    }

    /** fixed64 / sfixed64 (non-negative here): nanosecond times, integer values. */
    fixed64(field: number, value: bigint): this {
        const buffer = Buffer.alloc(8);
        buffer.writeBigUInt64LE(value);
        this.#tag(field, FIXED64);
        this.#parts.push(buffer);
        return this;
    }

    bytes(field: number, value: Buffer): this {
        this.#tag(field, LENGTH_DELIMITED);
        this.#varint(value.length);
        this.#parts.push(value);
        return this;
    }

    string(field: number, value: string): this {
        return value === "" ? this : this.bytes(field, Buffer.from(value, "utf8"));
    }

    message(field: number, value: Message): this {
        return this.bytes(field, value.encode());
    }

    encode(): Buffer {
        return Buffer.concat(this.#parts);
    }
}

function keyValue(key: string, value: string): Message {
    return new Message().string(1, key).message(2, new Message().string(1, value));
}

function resource(): Message {
    const message = new Message();
    for (const [key, value] of Object.entries(RESOURCE)) message.message(1, keyValue(key, value));
    return message;
}

const scope = (): Message => new Message().string(1, "valkey_glide");
const nanos = (micros: number): bigint => BigInt(micros) * 1000n;

const SPAN_KIND_CLIENT = 3;
const STATUS_CODES = { Unset: 0, Ok: 1, Error: 2 } as const;
const CUMULATIVE = 2;

function span(command: CommandSpan): Message {
    const message = new Message()
        .bytes(1, Buffer.from(command.traceId, "hex"))
        .bytes(2, Buffer.from(command.spanId, "hex"))
        .string(3, command.traceState ?? "");
    if (command.parentSpanId !== NO_PARENT_SPAN_ID) message.bytes(4, Buffer.from(command.parentSpanId, "hex"));
    message.string(5, command.name).uint(6, SPAN_KIND_CLIENT).fixed64(7, nanos(command.startMicros)).fixed64(8, nanos(command.endMicros));
    for (const [key, value] of command.attributes()) message.message(9, keyValue(key, value));
    const status = new Message().uint(3, STATUS_CODES[command.status.code]);
    if (command.status.code === "Error") status.string(2, command.status.message);
    return message.message(15, status);
}

export function protobufTraces(spans: readonly CommandSpan[]): Buffer {
    const scopeSpans = new Message().message(1, scope());
    for (const command of spans) scopeSpans.message(2, span(command));
    const resourceSpans = new Message().message(1, resource()).message(2, scopeSpans);
    return new Message().message(1, resourceSpans).encode();
}

export function protobufMetrics(snapshot: MetricsSnapshot): Buffer {
    const scopeMetrics = new Message().message(1, scope());
    for (const metric of snapshot.metrics) {
        const point = new Message();
        if (metric.kind === "counter") point.fixed64(2, nanos(snapshot.startMicros));
        point.fixed64(3, nanos(snapshot.timeMicros)).fixed64(6, BigInt(Math.trunc(metric.value)));
        const encoded = new Message().string(1, metric.name).string(2, metric.description).string(3, metric.unit);
        if (metric.kind === "counter") encoded.message(7, new Message().message(1, point).uint(2, CUMULATIVE).bool(3, true));
        else encoded.message(5, new Message().message(1, point));
        scopeMetrics.message(2, encoded);
    }
    const resourceMetrics = new Message().message(1, resource()).message(2, scopeMetrics);
    return new Message().message(1, resourceMetrics).encode();
}
