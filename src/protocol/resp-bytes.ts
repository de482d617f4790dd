/** Byte values of the RESP type markers and delimiters, shared by the decoder and the encoder. */

export const CR = 0x0d;
export const LF = 0x0a;
export const MINUS = 0x2d; // '-'
export const PLUS = 0x2b; // '+'
export const DOT = 0x2e; // '.'
export const COLON_CHAR = 0x3a; // ':' — also the integer type marker

export const TYPE_SIMPLE_STRING = 0x2b; // '+'
export const TYPE_SIMPLE_ERROR = 0x2d; // '-'
export const TYPE_INTEGER = 0x3a; // ':'
export const TYPE_BULK_STRING = 0x24; // '$'
export const TYPE_ARRAY = 0x2a; // '*'
export const TYPE_NULL = 0x5f; // '_'
export const TYPE_BOOLEAN = 0x23; // '#'
export const TYPE_DOUBLE = 0x2c; // ','
export const TYPE_BIG_NUMBER = 0x28; // '('
export const TYPE_BULK_ERROR = 0x21; // '!'
export const TYPE_VERBATIM_STRING = 0x3d; // '='
export const TYPE_MAP = 0x25; // '%'
export const TYPE_SET = 0x7e; // '~'
export const TYPE_ATTRIBUTE = 0x7c; // '|'
export const TYPE_PUSH = 0x3e; // '>'

/** Node's Buffer has these native fast paths; @types/node does not declare them. */
export interface BufferInternals {
    utf8Slice(start: number, end: number): string;
    latin1Slice(start: number, end: number): string;
    utf8Write(text: string, offset: number, length?: number): number;
    latin1Write(text: string, offset: number, length?: number): number;
}

/** A readable name for a byte in error messages: the character if printable, else its hex code. */
export function describeByte(byte: number): string {
    if (byte >= 0x21 && byte <= 0x7e) return `'${String.fromCharCode(byte)}'`;
    return `0x${byte.toString(16).padStart(2, "0")}`;
}
