/** GLIDE's span name for a command: its RequestType name, found from the command's argv. */
import type { CommandArg } from "../protocol/types";
import { REQUEST_TYPE_NAMES } from "./otel-request-types";

/** Commands whose second word picks the command type (CLIENT GETNAME is ClientGetName). */
const CONTAINERS = new Set(["acl", "client", "cluster", "command", "config", "function", "latency", "memory", "module", "object", "pubsub", "script", "slowlog", "xgroup", "xinfo"]);

/** Lower-case letters and digits only: `command_`, `malloc-stats` and `bitfield_ro` spelled as the enum spells them. */
function lookupKey(words: string): string {
    return words.toLowerCase().replace(/_ro$/, "readonly").replace(/[^a-z0-9]/g, "");
}

let byKey: Map<string, string> | undefined;

function typeNamed(key: string): string | undefined {
    if (byKey === undefined) {
        byKey = new Map();
        for (const name of REQUEST_TYPE_NAMES) byKey.set(lookupKey(name), name);
    }
    return byKey.get(key);
}

function word(arg: CommandArg | undefined): string | undefined {
    if (typeof arg === "string") return arg;
    if (Buffer.isBuffer(arg)) return arg.toString("latin1");
    return undefined;
}

/** The RequestType name of an argv built by a command definition; CustomCommand when GLIDE has none. */
export function spanNameOf(args: readonly CommandArg[]): string {
    const command = word(args[0]);
    if (command === undefined) return "CustomCommand";
    const sub = word(args[1]);
    if (sub !== undefined && CONTAINERS.has(command.toLowerCase())) {
        const found = typeNamed(lookupKey(command + sub));
        if (found !== undefined) return found;
    }
    return typeNamed(lookupKey(command)) ?? "CustomCommand";
}
