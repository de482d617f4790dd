/**
 * Routing facts of arbitrary commands (customCommand), read once per command name from the
 * server's COMMAND INFO: key positions, the readonly flag and request/response policy tips.
 */
import type { RespValue } from "../../protocol/types";
import { policyFromTips, type CommandPolicy } from "./policies";

export interface CommandFacts {
    /** argv position of the first key; 0 when the command has no fixed key position. */
    firstKey: number;
    readonly: boolean;
    policy: CommandPolicy | undefined;
}

/** Commands whose keys follow a numkeys argument at argv[2]. */
const NUMKEYS_AT_2 = new Set(["eval", "evalsha", "eval_ro", "evalsha_ro", "fcall", "fcall_ro"]);

const text = (value: RespValue): string => (Buffer.isBuffer(value) ? value.toString() : String(value));

function strings(value: RespValue): string[] {
    if (value instanceof Set) return [...value].map(text);
    return Array.isArray(value) ? value.map(text) : [];
}

function facts(entry: RespValue[]): CommandFacts {
    return {
        firstKey: Number(entry[3]),
        readonly: strings(entry[2]).includes("readonly"),
        policy: policyFromTips(strings(entry[7])),
    };
}

export class CommandInfoCache {
    readonly #known = new Map<string, Promise<CommandFacts | undefined>>();

    constructor(readonly fetch: (args: string[]) => Promise<RespValue>) {}

    lookup(args: readonly unknown[]): Promise<CommandFacts | undefined> {
        const name = text(args[0] as RespValue).toLowerCase();
        const sub = args.length > 1 ? `${name}|${text(args[1] as RespValue).toLowerCase()}` : undefined;
        const cacheKey = sub ?? name;
        let found = this.#known.get(cacheKey);
        if (found === undefined) {
            found = this.#load(name, sub);
            this.#known.set(cacheKey, found);
            // A failed lookup is retried next time rather than remembered.
            found.catch(() => this.#known.delete(cacheKey));
        }
        return found;
    }

    async #load(name: string, sub: string | undefined): Promise<CommandFacts | undefined> {
        const reply = await this.fetch(["COMMAND", "INFO", name]);
        const entry = Array.isArray(reply) ? reply[0] : undefined;
        if (!Array.isArray(entry)) return undefined;
        const subcommands = Array.isArray(entry[9]) ? (entry[9] as RespValue[][]) : [];
        const subEntry = sub === undefined ? undefined : subcommands.find((candidate) => text(candidate[0]) === sub);
        return facts(subEntry ?? entry);
    }
}

/** The argv position of the key a command is routed by, or undefined when it has none. */
export function routingKeyPosition(args: readonly unknown[], facts: CommandFacts | undefined): number | undefined {
    const name = String(args[0]).toLowerCase();
    if (NUMKEYS_AT_2.has(name)) return Number(args[2]) > 0 ? 3 : undefined;
    if (facts === undefined || facts.firstKey <= 0 || facts.firstKey >= args.length) return undefined;
    return facts.firstKey;
}
