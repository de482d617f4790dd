/** The one slot an atomic cluster batch runs on, checked before anything is sent. */
import { RequestError, serverError } from "../errors";
import { keyPositions } from "../commands/core";
import { keySlot } from "../routing/cluster/slot";
import { CUSTOM_COMMAND, type QueuedCommand } from "./batch";

/**
 * The slot of the batch's keys (undefined when it has none), refusing before anything is sent
 * what GLIDE refuses: commands whose keys lie in one slot each, but not the same one, fail as in
 * GLIDE's core; a command whose own keys span slots fails with the server's CROSSSLOT, which the
 * server would answer inside the transaction (it refuses several slots even on one node).
 * `customKeyAt` gives the routing key position of a customCommand (from COMMAND INFO).
 */
export function transactionSlot(commands: readonly QueuedCommand[], customKeyAt: (index: number) => number | undefined): number | undefined {
    let slot: number | undefined;
    let spansSlots = false;
    for (let index = 0; index < commands.length; index++) {
        const commandSlot = slotOf(commands[index], customKeyAt(index));
        if (commandSlot === "several") spansSlots = true;
        else if (commandSlot === undefined) continue;
        else if (slot === undefined) slot = commandSlot;
        else if (commandSlot !== slot) throw new RequestError("Received crossed slots in pipeline- CrossSlot");
    }
    if (spansSlots) throw serverError("CROSSSLOT Keys in request don't hash to the same slot");
    return slot;
}

/** The one slot of a command's keys, "several" when they span slots, undefined without keys. */
function slotOf({ def, args }: QueuedCommand, customKeyAt: number | undefined): number | "several" | undefined {
    const positions = def === CUSTOM_COMMAND ? (customKeyAt === undefined ? [] : [customKeyAt]) : keyPositions(def, args);
    let slot: number | undefined;
    for (const at of positions) {
        const key = args[at];
        if (typeof key !== "string" && !Buffer.isBuffer(key)) continue;
        const keyAt = keySlot(key);
        if (slot === undefined) slot = keyAt;
        else if (keyAt !== slot) return "several";
    }
    return slot;
}
