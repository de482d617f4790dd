/** What exec does with a batch, whichever client runs it: frames out, converted replies back. */
import { ExecAbortError, RequestError } from "../errors";
import { customReply } from "../commands/generic-reply";
import type { GlideReturnType } from "../commands/types";
import { RespMap, type CommandArg, type RespValue } from "../protocol/types";
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
        const exec = replies[replies.length - 1];
        if (exec instanceof RequestError) {
            if (/^EXECABORT/.test(exec.message)) throw new ExecAbortError(abortReason(exec, replies));
            throw exec;
        }
        if (exec === null) return null;
        results = exec as RespValue[];
    } else {
        results = replies;
    }
    const readBytes = batchNeedsBytes(commands, wantBytes);
    return results.map((reply, index) => {
        if (reply instanceof RequestError) {
            if (raiseOnError) throw reply;
            return reply;
        }
        return convert(commands[index], reply, wantBytes, readBytes);
    });
}

function convert(command: QueuedCommand, reply: RespValue, wantBytes: boolean, readBytes: boolean): GlideReturnType {
    const { def } = command;
    if (def === CUSTOM_COMMAND) return customReply(command.args, reply);
    // Replies read as bytes for a binary command's sake: the others get their text back.
    const textual = def.stringReply === true || (!wantBytes && !def.bytesReply);
    const value = readBytes && textual ? buffersToStrings(reply) : reply;
    return (def.reply ? def.reply(value, !textual) : value) as GlideReturnType;
}

function buffersToStrings(reply: RespValue): RespValue {
    if (Buffer.isBuffer(reply)) return reply.toString();
    if (Array.isArray(reply)) return reply.map(buffersToStrings);
    if (reply instanceof Set) return new Set(Array.from(reply, buffersToStrings));
    if (reply instanceof RespMap) return new RespMap(reply.entries.map(buffersToStrings));
    return reply;
}

/** EXECABORT says little; the queueing error that caused it says what went wrong. */
function abortReason(exec: RequestError, replies: RespValue[]): string {
    const cause = replies.slice(1, -1).find((reply) => reply instanceof RequestError) as RequestError | undefined;
    return cause ? `${exec.message} (${cause.message})` : exec.message;
}
