import { RequestError } from "../errors";
import { handshakeRefused } from "./connect-failure";
import { RespMap, type CommandArg, type RespValue } from "../protocol/types";
import type { ConnectionOptions, ServerFacts } from "./options";

/** One handshake step: its command, and what its reply means (throwing fails the handshake). */
interface Step {
    command: CommandArg[];
    accept(reply: RespValue, facts: ServerFacts): void;
}

function required(options: ConnectionOptions, step: "auth" | "select") {
    return (reply: RespValue): void => {
        if (reply instanceof RequestError) throw handshakeRefused(`${options.host}:${options.port}`, step, reply);
    };
}

/** CLIENT SETINFO is unknown to older servers; the handshake goes on without it. */
const optional = (): void => undefined;

function steps(options: ConnectionOptions): Step[] {
    const mustSucceed = required(options, "auth");
    const hello: CommandArg[] = ["HELLO", options.protocol];
    if (options.password !== undefined) hello.push("AUTH", options.username ?? "default", options.password);
    if (options.clientName) hello.push("SETNAME", options.clientName);
    const list: Step[] = [
        {
            command: hello,
            accept: (reply, facts) => {
                mustSucceed(reply);
                readHello(reply, facts);
            },
        },
        { command: ["CLIENT", "SETINFO", "LIB-NAME", options.libName], accept: optional },
        { command: ["CLIENT", "SETINFO", "LIB-VER", options.libVersion], accept: optional },
    ];
    if (options.databaseId !== 0) list.push({ command: ["SELECT", options.databaseId], accept: required(options, "select") });
    if (options.readOnly) list.push({ command: ["READONLY"], accept: mustSucceed });
    if (options.wantAvailabilityZone) {
        // Valkey 8.0 reports the zone in INFO only; 8.1 and later also in HELLO.
        list.push({ command: ["INFO", "SERVER"], accept: (reply, facts) => (facts.availabilityZone ??= zoneFromInfo(reply)) });
    }
    return list;
}

/** The commands sent, in one write, when a connection opens. */
export function handshakeCommands(options: ConnectionOptions): CommandArg[][] {
    return steps(options).map((step) => step.command);
}

/** Checks the handshake replies and returns what the server told about itself. */
export function interpretHandshake(options: ConnectionOptions, replies: RespValue[]): ServerFacts {
    const facts: ServerFacts = {};
    steps(options).forEach((step, index) => step.accept(replies[index], facts));
    return facts;
}

function readHello(hello: RespValue, facts: ServerFacts): void {
    const flat = hello instanceof RespMap ? hello.entries : Array.isArray(hello) ? hello : [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
        const key = String(flat[i]);
        const value = flat[i + 1];
        if (key === "role") facts.role = String(value);
        else if (key === "version") facts.version = String(value);
        else if (key === "availability_zone" && value) facts.availabilityZone = String(value);
        else if (key === "id") facts.id = Number(value);
        else if (key === "mode") facts.mode = String(value);
    }
}

function zoneFromInfo(info: RespValue): string | undefined {
    if (typeof info !== "string" && !Buffer.isBuffer(info)) return undefined;
    const zone = /^availability_zone:(.*)$/m.exec(info.toString())?.[1]?.trim();
    return zone ? zone : undefined;
}
