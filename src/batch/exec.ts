/** What exec does with a batch, whichever client runs it: frames out, converted replies back. */
import { RequestError } from "../errors";
import { customReply } from "../commands/generic-reply";
import type { GlideReturnType } from "../commands/types";
import type { CommandDef } from "../commands/core";
import { RespMap, type CommandArg, type RespValue } from "../protocol/types";
import { NodeReplies } from "../routing/cluster/policies";
import { CUSTOM_COMMAND, type QueuedCommand } from "./batch";

/** The frames to write: MULTI … EXEC around the commands when atomic. */
export function batchFrames(commands: readonly QueuedCommand[], atomic: boolean): CommandArg[][] {
    const frames = commands.map((command) => command.args);
    return atomic ? [["MULTI"], ...frames, ["EXEC"]] : frames;
}

const SUBSCRIPTION_COMMANDS = /^[PS]?(UN)?SUBSCRIBE$/i;

/**
 * A command of no arguments, refused before it is sent, as GLIDE refuses it: the server would not
 * answer one, and every later reply on the connection would be taken for the previous request's.
 */
export function emptyCommandError(): RequestError {
    return new RequestError("Received command without a command name or arguments");
}

/**
 * What GLIDE refuses of a batch before sending it, on either client, in its words: an empty
 * pipeline, a command of no arguments, and retryStrategy on an atomic batch (the key present at
 * all, even holding undefined).
 */
export function refuseAsGlide(atomic: boolean, commands: readonly QueuedCommand[], options: object | null | undefined): void {
    if (!atomic && commands.length === 0) throw new RequestError("Received empty pipeline- ResponseError");
    if (commands.some(({ args }) => args.length === 0)) throw emptyCommandError();
    const subscribing = commands.find(({ def, args }) => def === CUSTOM_COMMAND && SUBSCRIPTION_COMMANDS.test(String(args[0])));
    if (subscribing !== undefined) {
        // Beyond GLIDE, which sends it: the server's confirmations are pushes, not replies, so the
        // batch's replies would no longer line up with its commands.
        throw new RequestError(
            `${String(subscribing.args[0]).toUpperCase()} cannot be part of a batch: use the client's subscribe methods or customCommand, which keep subscriptions across reconnects`,
        );
    }
    if (atomic && typeof options === "object" && options !== null && "retryStrategy" in options) {
        throw new RequestError("Retry strategy is not supported for atomic batches.");
    }
}

/** Whether the replies must be read as bytes: the caller asked for bytes, or a command is binary. */
export function batchNeedsBytes(commands: readonly QueuedCommand[], bytes: boolean): boolean {
    return bytes || commands.some((command) => bytesInBatch(command.def));
}

/** Whether a command's reply is binary in a batch whatever the decoder (see clientDecoderOnly). */
function bytesInBatch(def: CommandDef): boolean {
    return def.bytesReply === true && def.clientDecoderOnly !== true;
}

/** Whether a command's reply is text in a batch whatever the decoder (see clientDecoderOnly). */
function textInBatch(def: CommandDef): boolean {
    return def.stringReply === true && def.clientDecoderOnly !== true;
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
    const textual = textInBatch(def) || (!wantBytes && !bytesInBatch(def));
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
