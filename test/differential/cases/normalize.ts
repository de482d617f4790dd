/** Normalisers for replies that depend on time or chance, applied to both sides alike. */

/** Positive numbers all look alike (a TTL read a millisecond later is one less). */
export function positive(value: unknown): unknown {
    return typeof value === "number" && value > 0 ? "positive number" : value;
}

/** Array elements in a canonical order (random or hash-ordered replies). */
export function sorted(value: unknown): unknown {
    if (!Array.isArray(value)) return value;
    return [...value].sort((x, y) => String(x).localeCompare(String(y)));
}
