/** Option types and reply types of the stream commands (as in GLIDE's API). */
import type { Boundary } from "./options";
import type { GlideString } from "./types";

/** How XTRIM / XADD trim: by length (MAXLEN) or by lowest id kept (MINID); exact (=) or nearly (~). */
export type StreamTrimOptions = (
    | {
          method: "minid";
          threshold: GlideString;
      }
    | {
          method: "maxlen";
          threshold: number;
      }
) & {
    exact: boolean;
    limit?: number;
};

/** XADD's options: the entry id, not creating the stream, and trimming it. */
export interface StreamAddOptions {
    /** The new entry's id; the server generates one ("*") when absent. */
    id?: string;
    /** false: do not create a missing stream (NOMKSTREAM), reply null instead. */
    makeStream?: boolean;
    trim?: StreamTrimOptions;
}

/** XREAD's options: how long to block and how many entries per stream. */
export interface StreamReadOptions {
    /** Milliseconds to wait for entries (0 = forever); the call blocks only when set. */
    block?: number;
    count?: number;
}

/** XREADGROUP's options: those of XREAD, plus not adding the entries to the pending list. */
export type StreamReadGroupOptions = StreamReadOptions & {
    noAck?: boolean;
};

/** XPENDING's extended form: an id range, a count, a consumer and a minimum idle time. */
export interface StreamPendingOptions {
    minIdleTime?: number;
    start: Boundary<string>;
    end: Boundary<string>;
    count: number;
    consumer?: GlideString;
}

/** XCLAIM's options: idle time, retry count, and claiming even unknown ids. */
export interface StreamClaimOptions {
    idle?: number;
    idleUnixTime?: number;
    retryCount?: number;
    isForce?: boolean;
}

/** XGROUP CREATE's options: creating the stream when missing and the entries-read counter. */
export interface StreamGroupOptions {
    mkStream?: boolean;
    entriesRead?: string;
}

/** A value in XINFO STREAM's reply: a text, a number, or entries / pending entries as nested arrays. */
export type StreamEntries = GlideString | number | (GlideString | number | GlideString[])[][];

/** XINFO STREAM's reply; with FULL, `groups` is a list of records, each with a list of consumer records. */
export type ReturnTypeXinfoStream = Record<
    string,
    StreamEntries | Record<string, StreamEntries | Record<string, StreamEntries>[]>[]
>;
