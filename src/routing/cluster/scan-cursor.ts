/**
 * Cluster-wide SCAN: shards are scanned one after another, in slot order; each primary's own
 * SCAN cursor runs to 0, then every slot that primary owns counts as done. The state lives in
 * the cursor object, so several scans can run side by side.
 */
import { SLOT_COUNT } from "./slot";

const FINISHED = "finished";
const INITIAL = "0";

export interface ScanPosition {
    /** Lowest slot not yet covered. */
    slot: number;
    /** The primary being scanned and its SCAN cursor. */
    address: string | undefined;
    nodeCursor: string;
    /** Slots already covered. */
    done: Uint8Array;
}

export class ClusterScanCursor {
    readonly #cursor: string;
    /** @internal */
    readonly position: ScanPosition | undefined;

    constructor(newCursor?: string | null, position?: ScanPosition) {
        this.position = position;
        this.#cursor = position ? `${position.slot}:${position.address ?? ""}:${position.nodeCursor}` : (newCursor ?? INITIAL);
    }

    /** An opaque id of the scan's position. */
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
