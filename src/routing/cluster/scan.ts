/** One step of a cluster-wide SCAN (see scan-cursor.ts for how the position is kept). */
import { RequestError } from "../../errors";
import type { ClusterScanOptions } from "../../commands/cluster-server";
import type { GlideString } from "../../commands/types";
import type { CommandArg } from "../../protocol/types";
import type { ClusterExecutor } from "./executor";
import { ClusterScanCursor, markDone } from "./scan-cursor";
import { SLOT_COUNT } from "./slot";

/** GLIDE's words (its core's, line breaks and indentation included) for a scan that meets a slot no node serves. */
const NOT_ALL_SLOTS_COVERED =
    "Could not find an address covering a slot, SCAN operation cannot continue \n \n                    If you want to continue scanning even if some slots are not covered, set allow_non_covered_slots to true \n \n                    Note that this may lead to incomplete scanning, and the SCAN operation lose its all guarantees - NotAllSlotsCovered";

export async function clusterScanStep(
    executor: ClusterExecutor,
    cursor: ClusterScanCursor,
    options: ClusterScanOptions | undefined,
    bytes: boolean,
): Promise<[ClusterScanCursor, GlideString[]]> {
    const previous = cursor.position;
    // As GLIDE, whose ids name scans it holds: a finished scan's id, or one no scan returned, is refused.
    if (previous === undefined || cursor.isFinished()) throw unknownCursorError(cursor.getCursor());
    const router = executor.router;
    if (!router.connected) await router.connect();
    const position = { ...previous, done: previous.done.slice() };
    while (position.slot < SLOT_COUNT && router.primaryAddressForSlot(position.slot) === undefined) {
        if (!options?.allowNonCoveredSlots) {
            throw new RequestError(NOT_ALL_SLOTS_COVERED);
        }
        position.done[position.slot] = 1;
        position.slot++;
    }
    if (position.slot >= SLOT_COUNT) return [ClusterScanCursor.finished(), []];
    const owner = router.primaryAddressForSlot(position.slot)!;
    if (owner !== position.address) {
        // A new shard, or the slot changed hands: scan the owner from its start.
        position.address = owner;
        position.nodeCursor = "0";
    }
    const args = scanArgs(position.nodeCursor, options);
    const [next, keys] = (await executor.run({ kind: "node", address: owner }, args, { bytes })) as [GlideString, GlideString[]];
    position.nodeCursor = next.toString();
    if (position.nodeCursor === "0") {
        position.slot = markDone(position.done, owner, (slot) => router.primaryAddressForSlot(slot));
        position.address = undefined;
    }
    const finished = position.slot >= SLOT_COUNT;
    return [finished ? ClusterScanCursor.finished() : new ClusterScanCursor(undefined, position), keys];
}

/**
 * As GLIDE: an empty match string and a zero count are left out, and the count is sent as GLIDE's
 * core casts it (an integer truncated to 32 unsigned bits: -1 asks for 4294967295).
 */
function scanArgs(cursor: string, options?: ClusterScanOptions): CommandArg[] {
    const args: CommandArg[] = ["SCAN", cursor];
    if (options?.match) args.push("MATCH", options.match);
    if (options?.count) args.push("COUNT", asUint32(options.count));
    if (options?.type) args.push("TYPE", options.type.toLowerCase());
    return args;
}

function asUint32(count: number): number {
    if (!Number.isFinite(count)) return count > 0 ? 0xffffffff : 0;
    return Number(BigInt.asUintN(32, BigInt(Math.trunc(count))));
}

function unknownCursorError(id: string): RequestError {
    return new RequestError(`Invalid scan_state_cursor id - ResponseError: The scan_state_cursor sent with id: \`${rustDebugString(id)}\` does not exist`);
}

/** A string quoted as Rust's `{:?}` quotes it. */
function rustDebugString(text: string): string {
    const escapes: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0" };
    let quoted = '"';
    for (const char of text) {
        const code = char.codePointAt(0)!;
        quoted += escapes[char] ?? (code < 0x20 || code === 0x7f ? `\\u{${code.toString(16)}}` : char);
    }
    return `${quoted}"`;
}
