/** The one slot an atomic cluster batch runs on, checked before anything is sent. */
import { serverError } from "../errors";
import { keyPositions } from "../commands/core";
import { keySlot } from "../routing/cluster/slot";
import { CUSTOM_COMMAND, type QueuedCommand } from "./batch";

/**
 * The slot every key of the batch hashes to (undefined when it has no keys). A transaction runs on
 * one node, and the server refuses keys of several slots inside it (CROSSSLOT) even on one node,
 * so a batch whose keys span slots is refused here, with the server's own CROSSSLOT error.
 * `customKeyAt` gives the routing key position of a customCommand (from COMMAND INFO).
 */
export function transactionSlot(commands: readonly QueuedCommand[], customKeyAt: (index: number) => number | undefined): number | undefined {
    let slot: number | undefined;
    for (let index = 0; index < commands.length; index++) {
        const { def, args } = commands[index];
        const custom = customKeyAt(index);
        const positions = def === CUSTOM_COMMAND ? (custom === undefined ? [] : [custom]) : keyPositions(def, args);
        for (const at of positions) {
            const key = args[at];
            if (typeof key !== "string" && !Buffer.isBuffer(key)) continue;
            const keyAt = keySlot(key);
            if (slot === undefined) {
                slot = keyAt;
            } else if (keyAt !== slot) {
                // What the server answers such a transaction, refused here before anything is sent.
                throw serverError("CROSSSLOT Keys in request don't hash to the same slot");
            }
        }
    }
    return slot;
}
