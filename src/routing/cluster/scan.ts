/** One step of a cluster-wide SCAN (see scan-cursor.ts for how the position is kept). */
import { RequestError } from "../../errors";
import type { ClusterScanOptions } from "../../commands/cluster-server";
import type { GlideString } from "../../commands/types";
import type { CommandArg } from "../../protocol/types";
import type { ClusterExecutor } from "./executor";
import { ClusterScanCursor, initialPosition, markDone } from "./scan-cursor";
import { SLOT_COUNT } from "./slot";

export async function clusterScanStep(
    executor: ClusterExecutor,
    cursor: ClusterScanCursor,
    options: ClusterScanOptions | undefined,
    bytes: boolean,
): Promise<[ClusterScanCursor, GlideString[]]> {
    if (cursor.isFinished()) return [cursor, []];
    const router = executor.router;
    if (!router.connected) await router.connect();
    const previous = cursor.position;
    const position = previous ? { ...previous, done: previous.done.slice() } : initialPosition();
    while (position.slot < SLOT_COUNT && router.primaryAddressForSlot(position.slot) === undefined) {
        if (!options?.allowNonCoveredSlots) {
            throw new RequestError(`Slot ${position.slot} is not served by any node; pass allowNonCoveredSlots to skip such slots`);
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

function scanArgs(cursor: string, options?: ClusterScanOptions): CommandArg[] {
    const args: CommandArg[] = ["SCAN", cursor];
    if (options?.match !== undefined) args.push("MATCH", options.match);
    if (options?.count !== undefined) args.push("COUNT", options.count);
    if (options?.type !== undefined) args.push("TYPE", options.type.toLowerCase());
    return args;
}
