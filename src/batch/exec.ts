/** What exec does with a batch, whichever client runs it: frames out, converted replies back. */
import { RequestError } from "../errors";
import { customReply } from "../commands/generic-reply";
import type { GlideReturnType } from "../commands/types";
import { RespMap, type CommandArg, type RespValue } from "../protocol/types";
import { NodeReplies } from "../routing/cluster/policies";
import { CUSTOM_COMMAND, type QueuedCommand } from "./batch";

/** The frames to write: MULTI … EXEC around the commands when atomic. */
export function batchFrames(commands: readonly QueuedCommand[], atomic: boolean): CommandArg[][] {
    const frames = commands.map((command) => command.args);
    return atomic ? [["MULTI"], ...frames, ["EXEC"]] : frames;
}

/** Whether the replies must be read as bytes: the caller asked for bytes, or a command is binary. */
export function batchNeedsBytes(commands: readonly QueuedCommand[], bytes: boolean): boolean {
    return bytes || commands.some((command) => command.def.bytesReply);
}

/** Turns the replies to batchFrames into exec's result (null when a WATCHed key changed). */
export function batchResult(
    commands: readonly QueuedCommand[],
    atomic: boolean,
    replies: RespValue[],
    wantBytes: boolean,
    raiseOnError: boolean,
): GlideReturnType[] | null {
    let results: RespValue[];
    if (atomic) {
        // As GLIDE: a command the server refused to queue is what the caller hears of, whatever
        // raiseOnError says, rather than the EXECABORT that followed it.
        const refused = replies.find((reply) => reply instanceof RequestError);
        if (refused !== undefined) throw refused;
        const exec = replies[replies.length - 1];
        if (exec instanceof Error) throw exec;
        if (exec === null) return null;
        results = exec as RespValue[];
    } else {
        results = replies;
    }
    const readBytes = batchNeedsBytes(commands, wantBytes);
    return results.map((reply, index) => {
        if (reply instanceof Error) {
            // A reply that could not be decoded fails the whole batch, as in GLIDE; server errors follow raiseOnError.
            if (raiseOnError || !(reply instanceof RequestError)) throw reply;
            return reply;
        }
        // A cluster pipeline's broadcast that no policy combines: each node's reply, by address.
        // GLIDE's core converts a customCommand's map of nodes as a whole (CONFIG GET per node, HGETALL not).
        if (reply instanceof NodeReplies) {
            const command = commands[index];
            if (command.def === CUSTOM_COMMAND) return customReply(command.args, reply.toRespMap(), wantBytes);
            return reply.toGlideRecord(wantBytes, (value) => convert(command, value as RespValue, wantBytes, readBytes)) as unknown as GlideReturnType;
        }
        return convert(commands[index], reply, wantBytes, readBytes);
    });
}

function convert(command: QueuedCommand, reply: RespValue, wantBytes: boolean, readBytes: boolean): GlideReturnType {
    const { def } = command;
    if (def === CUSTOM_COMMAND) return customReply(command.args, reply, wantBytes);
    // Replies read as bytes for a binary command's sake: the others get their text back.
    const textual = def.stringReply === true || (!wantBytes && !def.bytesReply);
    const value = readBytes && textual ? buffersToStrings(reply) : reply;
    const converter = def.batchReply ?? def.reply;
    return (converter ? converter(value, !textual) : value) as GlideReturnType;
}

function buffersToStrings(reply: RespValue): RespValue {
    if (Buffer.isBuffer(reply)) return reply.toString();
    if (Array.isArray(reply)) return reply.map(buffersToStrings);
    if (reply instanceof Set) return new Set(Array.from(reply, buffersToStrings));
    if (reply instanceof RespMap) return new RespMap(reply.entries.map(buffersToStrings));
    return reply;
}
