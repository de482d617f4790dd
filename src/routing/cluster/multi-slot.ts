/**
 * Commands whose keys may span slots (MGET, MSET, DEL, UNLINK, EXISTS, TOUCH): split into one
 * command per slot, sent in parallel, and put back together in the caller's order.
 */
import type { CommandArg } from "../../protocol/types";
import { keySlot } from "./slot";

export interface MultiSlotCommand {
    /** Arguments per key: 1 for keys, 2 for key-value pairs. */
    step: 1 | 2;
    combine: "inOrder" | "sum" | "ok";
    /** Arguments after the keys that every part repeats (JSON.MGET's path). */
    trailing?: number;
}

const MULTI_SLOT: Record<string, MultiSlotCommand> = {
    MGET: { step: 1, combine: "inOrder" },
    MSET: { step: 2, combine: "ok" },
    DEL: { step: 1, combine: "sum" },
    UNLINK: { step: 1, combine: "sum" },
    EXISTS: { step: 1, combine: "sum" },
    TOUCH: { step: 1, combine: "sum" },
    "JSON.MGET": { step: 1, combine: "inOrder", trailing: 1 },
};

export function multiSlotCommand(name: CommandArg): MultiSlotCommand | undefined {
    return typeof name === "string" ? MULTI_SLOT[name] : undefined;
}

/**
 * How a keyed command splits across slots, or undefined when it cannot: its keys do not start
 * right after the name, or `oneKey` says its definition names a single key (saving the lookup).
 */
export function multiSlotOf(args: readonly CommandArg[], keyAt: number, oneKey: boolean): MultiSlotCommand | undefined {
    if (oneKey || keyAt !== 1) return undefined;
    const name = args[0];
    return multiSlotCommand(typeof name === "string" ? name.toUpperCase() : name);
}

export interface SlotGroup {
    slot: number;
    /** Positions of this group's keys among all keys of the call. */
    positions: number[];
    args: CommandArg[];
}

/** Groups `args` (command name first) per slot, each group ending with the `trailing` arguments; one group when every key shares a slot. */
export function splitBySlot(args: CommandArg[], step: 1 | 2, trailing = 0): SlotGroup[] {
    const groups = new Map<number, SlotGroup>();
    const keysEnd = args.length - trailing;
    for (let i = 1, position = 0; i < keysEnd; i += step, position++) {
        const slot = keySlot(args[i] as string | Buffer);
        let group = groups.get(slot);
        if (group === undefined) {
            group = { slot, positions: [], args: [args[0]] };
            groups.set(slot, group);
        }
        group.positions.push(position);
        for (let j = 0; j < step; j++) group.args.push(args[i + j]);
    }
    const groupList = [...groups.values()];
    if (trailing > 0) for (const group of groupList) group.args.push(...args.slice(keysEnd));
    return groupList;
}

/** Combines the per-slot replies. */
export function combine(command: MultiSlotCommand, groups: SlotGroup[], replies: unknown[]): unknown {
    switch (command.combine) {
        case "sum":
            return replies.reduce((sum: number, reply) => sum + Number(reply), 0);
        case "ok":
            return "OK";
        case "inOrder": {
            const total = groups.reduce((count, group) => count + group.positions.length, 0);
            const values: unknown[] = new Array(total);
            groups.forEach((group, index) => {
                const reply = replies[index] as unknown[];
                group.positions.forEach((position, k) => (values[position] = reply[k]));
            });
            return values;
        }
    }
}
