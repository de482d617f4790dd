/**
 * Cluster-wide SCAN: shards are scanned one after another, in slot order; each primary's own
 * SCAN cursor runs to 0, then every slot that primary owns counts as done. The whole position
 * is kept in the cursor, and its id (getCursor) encodes it, so a scan can resume from the id.
 */
import { SLOT_COUNT } from "./slot";

const FINISHED = "finished";
/** A new cursor's id, as GLIDE's. */
const INITIAL = "";

export interface ScanPosition {
    /** Lowest slot not yet covered. */
    slot: number;
    /** The primary being scanned and its SCAN cursor. */
    address: string | undefined;
    nodeCursor: string;
    /** Slots already covered (1 = done). */
    done: Uint8Array;
}

/** The position of a cluster-wide SCAN across every shard; pass the one returned to the next `scan` until it is finished. */
export class ClusterScanCursor {
    readonly #cursor: string;
    /** @internal Undefined for an id that names no position (nor a new scan): scanning with it fails. */
    readonly position: ScanPosition | undefined;

    constructor(newCursor?: string | null, position?: ScanPosition) {
        this.#cursor = position ? encode(position) : (newCursor ?? INITIAL);
        this.position = position ?? (this.#cursor === INITIAL ? initialPosition() : decode(this.#cursor));
    }

    /** The scan's position as a string; `new ClusterScanCursor(id)` resumes from it. */
    getCursor(): string {
        return this.#cursor;
    }

    /** True once every slot has been scanned. */
    isFinished(): boolean {
        return this.#cursor === FINISHED;
    }

    /** @internal */
    static finished(): ClusterScanCursor {
        return new ClusterScanCursor(FINISHED);
    }
}

export function initialPosition(): ScanPosition {
    return { slot: 0, address: undefined, nodeCursor: "0", done: new Uint8Array(SLOT_COUNT) };
}

/** Marks the slots owned by `owner(slot) === address` as done; returns the next slot to cover. */
export function markDone(done: Uint8Array, address: string, ownerOf: (slot: number) => string | undefined): number {
    for (let slot = 0; slot < SLOT_COUNT; slot++) if (ownerOf(slot) === address) done[slot] = 1;
    let next = 0;
    while (next < SLOT_COUNT && done[next] === 1) next++;
    return next;
}

/** "slot|address|nodeCursor|start-end,start-end" (the done slots as ranges). */
function encode(position: ScanPosition): string {
    const ranges: string[] = [];
    for (let start = 0; start < SLOT_COUNT; start++) {
        if (position.done[start] !== 1) continue;
        let end = start;
        while (end + 1 < SLOT_COUNT && position.done[end + 1] === 1) end++;
        ranges.push(`${start}-${end}`);
        start = end;
    }
    return `${position.slot}|${position.address ?? ""}|${position.nodeCursor}|${ranges.join(",")}`;
}

function decode(id: string): ScanPosition | undefined {
    const parts = id.split("|");
    if (parts.length !== 4) return undefined;
    const [slot, address, nodeCursor, ranges] = parts;
    const position = initialPosition();
    position.slot = Number(slot);
    position.address = address === "" ? undefined : address;
    position.nodeCursor = nodeCursor;
    for (const range of ranges === "" ? [] : ranges.split(",")) {
        const [start, end] = range.split("-").map(Number);
        position.done.fill(1, start, end + 1);
    }
    return Number.isInteger(position.slot) ? position : undefined;
}
