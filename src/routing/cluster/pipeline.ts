/**
 * A non-atomic ClusterBatch: each command (or each per-slot part of a multi-slot command, or
 * each node's part of a broadcast) is placed on its node; every node's parts leave as one
 * request, in batch order, so the batch counts once per node against the in-flight limit.
 * A part that meets a redirect, or whose node is not ready, is sent alone through `run`.
 */
import { ConnectionError, RequestError, TimeoutError } from "../../errors";
import type { Connection } from "../../connection/connection";
import type { CommandArg, RespValue } from "../../protocol/types";
import type { ClusterExecutor, ExecuteOptions, Target } from "./executor";
import { combine, multiSlotOf, splitBySlot } from "./multi-slot";
import { aggregate, type CommandPolicy } from "./policies";
import { classifyError } from "./redirect";
import { keySlot } from "./slot";
import { telemetryCounters } from "../../observability/otel-counters";

export interface PipelineCommand {
    args: CommandArg[];
    /** argv position of the key the command is routed by; undefined for keyless commands. */
    keyAt: number | undefined;
    read: boolean;
    /** Keyless commands the server sends to several nodes. */
    policy: CommandPolicy | undefined;
    /** Its definition names a single key: it never splits across slots. */
    oneKey?: boolean;
}

interface Part {
    target: Target;
    args: CommandArg[];
}

/** A command's reply: the index of its only part, or how to build it from several parts' replies. */
type Assembler = number | ((results: unknown[]) => unknown);

/** A server's reply to one command: it stands in the batch's results rather than failing the batch. */
function isServerError(error: unknown): error is RequestError {
    return error instanceof RequestError && !(error instanceof TimeoutError) && !(error instanceof ConnectionError);
}

/** The replies (or server errors) of every command, in batch order, unconverted. */
export async function runPipeline(executor: ClusterExecutor, commands: PipelineCommand[], options: ExecuteOptions): Promise<unknown[]> {
    const router = executor.router;
    if (!router.connected) await router.connect();
    const parts: Part[] = [];
    const nodes = new NodeLists(router);
    const assemblers: Assembler[] = new Array(commands.length);
    let onePartEach = true;
    for (let i = 0; i < commands.length; i++) {
        const assembler = planCommand(commands[i], parts, nodes);
        assemblers[i] = assembler;
        onePartEach &&= assembler === i;
    }

    const partResults: unknown[] = new Array(parts.length);
    const alone = (index: number): Promise<void> =>
        executor.run(parts[index].target, parts[index].args, options).then(
            (value) => void (partResults[index] = value),
            (error) => {
                if (!isServerError(error)) throw error;
                partResults[index] = error;
            },
        );
    const byNode = new Map<Connection, number[]>();
    const pending: Promise<unknown>[] = [];
    for (let index = 0; index < parts.length; index++) {
        const node = executor.resolve(parts[index].target);
        if (node === undefined || !node.isReady) {
            pending.push(alone(index));
            continue;
        }
        const indexes = byNode.get(node);
        if (indexes === undefined) byNode.set(node, [index]);
        else indexes.push(index);
    }
    for (const [node, indexes] of byNode) {
        const frames = indexes.map((index) => parts[index].args);
        const sent = executor.send(node, frames, { bytes: options.bytes, timeoutMs: options.timeoutMs, multi: true });
        pending.push(
            sent.then(
                (replies) => {
                    let retries: Promise<void>[] | undefined;
                    for (let k = 0; k < indexes.length; k++) {
                        const retry = settlePart(indexes[k], (replies as RespValue[])[k]);
                        if (retry !== undefined) (retries ??= []).push(retry);
                    }
                    return retries && Promise.all(retries);
                },
                (error) => {
                    if (classifyError(error, executor.settings.isClosed()).kind === "fail") throw error;
                    return Promise.all(indexes.map(alone));
                },
            ),
        );
    }
    function settlePart(index: number, reply: RespValue): Promise<void> | undefined {
        if (reply instanceof RequestError) {
            const kind = classifyError(reply, false).kind;
            const retry = kind === "moved" || kind === "ask" || (kind === "retryLater" && options.retryServerErrors !== false);
            if (kind === "moved") telemetryCounters.movedErrors++;
            if (retry) return alone(index);
        }
        partResults[index] = reply;
        return undefined;
    }
    await (pending.length === 1 ? pending[0] : Promise.all(pending));
    if (onePartEach) return partResults;
    return assemblers.map((assemble) => (typeof assemble === "number" ? partResults[assemble] : assemble(partResults)));
}

/** The primaries' and all nodes' addresses, read from the router only when a command needs them. */
class NodeLists {
    #primaries: string[] | undefined;
    #all: string[] | undefined;

    constructor(readonly router: ClusterExecutor["router"]) {}

    get primaries(): string[] {
        return (this.#primaries ??= this.router.primaryAddresses());
    }

    get all(): string[] {
        return (this.#all ??= this.router.allAddresses());
    }
}

/** Adds a command's parts; returns how to build its reply from the parts' replies. */
function planCommand(command: PipelineCommand, parts: Part[], nodes: NodeLists): Assembler {
    const first = parts.length;
    const { args, keyAt, read, policy } = command;
    if (keyAt !== undefined) {
        const multi = multiSlotOf(args, keyAt, command.oneKey === true);
        const groups = multi === undefined ? undefined : splitBySlot(args, multi.step, multi.trailing);
        if (multi !== undefined && groups !== undefined && groups.length > 1) {
            for (const group of groups) parts.push({ target: { kind: "slot", slot: group.slot, read }, args: group.args });
            return (results) => firstError(results, first, groups.length) ?? combine(multi, groups, results.slice(first, first + groups.length));
        }
        parts.push({ target: { kind: "slot", slot: keySlot(args[keyAt] as string | Buffer), read }, args });
        return first;
    }
    if (policy !== undefined) {
        const addresses = policy.request === "allNodes" ? nodes.all : nodes.primaries;
        for (const address of addresses) parts.push({ target: { kind: "node", address }, args });
        return (results) => {
            const replies = new Map(addresses.map((address, k) => [address, results[first + k]]));
            const successes = new Map([...replies].filter(([, reply]) => !(reply instanceof RequestError)));
            if (successes.size < replies.size && (policy.response !== "oneSucceeded" || successes.size === 0)) {
                return firstError(results, first, addresses.length);
            }
            // Left whole: batchResult converts the nodes' replies and gives them as GLIDE's GlideRecord.
            return aggregate(policy.response, successes, (nodes) => nodes);
        };
    }
    parts.push({ target: { kind: "random" }, args });
    return first;
}

function firstError(results: unknown[], from: number, count: number): RequestError | undefined {
    for (let i = from; i < from + count; i++) if (results[i] instanceof RequestError) return results[i] as RequestError;
    return undefined;
}
