/** Hash slots: CRC16 (XMODEM) of the key, or of its {hash tag}, modulo 16384. */
export const SLOT_COUNT = 16384;

const TABLE = buildTable();

function buildTable(): Uint16Array {
    const table = new Uint16Array(256);
    for (let byte = 0; byte < 256; byte++) {
        let crc = byte << 8;
        for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
        table[byte] = crc;
    }
    return table;
}

export function crc16(bytes: Uint8Array, start = 0, end = bytes.length): number {
    let crc = 0;
    for (let i = start; i < end; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ bytes[i]) & 0xff];
    return crc;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The slot of a key, honouring the first non-empty {hash tag} as the server does. */
export function keySlot(key: string | Buffer | Uint8Array): number {
    if (typeof key === "string") {
        const slot = asciiSlot(key);
        if (slot >= 0) return slot;
    }
    const bytes = typeof key === "string" ? Buffer.from(key) : key;
    const open = bytes.indexOf(OPEN_BRACE);
    if (open >= 0) {
        const close = bytes.indexOf(CLOSE_BRACE, open + 1);
        if (close > open + 1) return crc16(bytes, open + 1, close) & (SLOT_COUNT - 1);
    }
    return crc16(bytes) & (SLOT_COUNT - 1);
}

/** The hot path for ASCII string keys: no Buffer per key. -1 when the key is not ASCII. */
function asciiSlot(key: string): number {
    for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0x7f) return -1;
    let start = 0;
    let end = key.length;
    const open = key.indexOf("{");
    if (open >= 0) {
        const close = key.indexOf("}", open + 1);
        if (close > open + 1) {
            start = open + 1;
            end = close;
        }
    }
    let crc = 0;
    for (let i = start; i < end; i++) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ key.charCodeAt(i)) & 0xff];
    return crc & (SLOT_COUNT - 1);
}
