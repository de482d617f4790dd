/**
 * The two kinds of input a chunk boundary can cut in half, kept by the decoder until the next
 * chunk completes them. Both hold private copies: the socket may reuse a chunk's memory.
 */

/** The start of a line (a type byte and what followed it), waiting for its LF. */
export class CutLine {
    /** The kept bytes are bytes[0, length). */
    bytes: Buffer = Buffer.allocUnsafe(0);
    length = 0;
    /** Stream offset of bytes[0], for error messages. */
    offset = 0;

    get type(): number {
        return this.bytes[0];
    }

    keep(source: Buffer, start: number, end: number, offset: number): void {
        const length = end - start;
        if (this.bytes.length < length) this.bytes = Buffer.allocUnsafe(Math.max(256, length * 2));
        source.copy(this.bytes, 0, start, end);
        this.length = length;
        this.offset = offset;
    }

    /** Appends chunk[0, count), growing by doubling so a long line costs linear time. */
    append(chunk: Buffer, count: number): void {
        const kept = this.length;
        const length = kept + count;
        if (this.bytes.length < length) {
            const grown = Buffer.allocUnsafe(Math.max(length, this.bytes.length * 2));
            this.bytes.copy(grown, 0, 0, kept);
            this.bytes = grown;
        }
        chunk.copy(this.bytes, kept, 0, count);
        this.length = length;
    }
}

/** A bulk, verbatim or bulk-error payload and its CRLF, collected straight into its final buffer. */
export class CutPayload {
    /** Payload then CRLF; null when nothing is being collected. */
    bytes: Buffer | null = null;
    filled = 0;
    /** What the payload becomes: the decoder's PAYLOAD_* constant. */
    kind = 0;
    /** Stream offset of the payload's first byte, for error messages. */
    offset = 0;

    start(kind: number, payloadLength: number, source: Buffer, start: number, end: number, offset: number): void {
        const bytes = Buffer.allocUnsafe(payloadLength + 2);
        source.copy(bytes, 0, start, end);
        this.bytes = bytes;
        this.filled = end - start;
        this.kind = kind;
        this.offset = offset;
    }

    /** Copies what chunk[pos, end) holds of the rest; returns how many bytes that took. */
    fill(chunk: Buffer, pos: number, end: number): number {
        const bytes = this.bytes as Buffer;
        const count = Math.min(end - pos, bytes.length - this.filled);
        chunk.copy(bytes, this.filled, pos, pos + count);
        this.filled += count;
        return count;
    }

    get complete(): boolean {
        return this.filled === (this.bytes as Buffer).length;
    }
}
