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

export interface StreamAddOptions {
    /** The new entry's id; the server generates one ("*") when absent. */
    id?: string;
    /** false: do not create a missing stream (NOMKSTREAM), reply null instead. */
    makeStream?: boolean;
    trim?: StreamTrimOptions;
}

export interface StreamReadOptions {
    /** Milliseconds to wait for entries (0 = forever); the call blocks only when set. */
    block?: number;
    count?: number;
}

export type StreamReadGroupOptions = StreamReadOptions & {
    noAck?: boolean;
};

export interface StreamPendingOptions {
    minIdleTime?: number;
    start: Boundary<string>;
    end: Boundary<string>;
    count: number;
    consumer?: GlideString;
}

export interface StreamClaimOptions {
    idle?: number;
    idleUnixTime?: number;
    retryCount?: number;
    isForce?: boolean;
}

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
