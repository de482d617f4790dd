/** Writes RESP replies for a MockServer from a small description, so served replies read like their documentation. */
export type Served =
    | string
    | Buffer
    | number
    | null
    | Served[]
    | { map: Served[] }
    | { set: Served[] }
    | { double: number | string }
    | { simple: string }
    | { error: string };

/** The reply's bytes. */
export function served(value: Served): Buffer {
    return Buffer.from(resp(value), "latin1");
}

/** One byte per latin1 character, so that any bulk content passes through unchanged. */
function resp(value: Served): string {
    if (value === null) return "_\r\n";
    if (typeof value === "number") return `:${value}\r\n`;
    if (typeof value === "string" || Buffer.isBuffer(value)) {
        const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
        return `$${bytes.length}\r\n${bytes.toString("latin1")}\r\n`;
    }
    if (Array.isArray(value)) return `*${value.length}\r\n${value.map(resp).join("")}`;
    if ("map" in value) return `%${value.map.length / 2}\r\n${value.map.map(resp).join("")}`;
    if ("set" in value) return `~${value.set.length}\r\n${value.set.map(resp).join("")}`;
    if ("double" in value) return `,${value.double}\r\n`;
    if ("simple" in value) return `+${value.simple}\r\n`;
    return `-${value.error}\r\n`;
}
