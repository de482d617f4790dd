/**
 * GlideFt through GLIDE 2.5.2 and glide-ts on one MockServer: for every call, the FT.* argv each
 * sends must be the same, and so must the outcome of converting the reply the mock serves. The
 * served replies include valkey-search's documented formats that the stand-in module cannot give
 * (see ft/recorded-replies.ts), on RESP2 and RESP3 connections.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { MockServer, bulk } from "../helpers/mock-server";
import { ARGV_CASES, type FtCall } from "./ft/argv-cases";
import { MALFORMED_REPLY_CASES, VALKEY_SEARCH_REPLY_CASES } from "./ft/recorded-replies";
import { served, type Served } from "./ft/resp-writer";
import { GLIDE, GLIDE_TS, glideSkipReason, type Side } from "./harness/libraries";
import { capture, renderOutcome } from "./harness/outcome";

const REPLICATION_INFO = bulk("# Replication\r\nrole:master\r\nconnected_slaves:0\r\n");

class FtMock {
    reply: Served = { simple: "OK" };
    mock!: MockServer;

    async start(): Promise<void> {
        this.mock = await MockServer.start((command) => {
            const name = command[0].toUpperCase();
            if (name.startsWith("FT.")) return served(this.reply);
            return name === "INFO" ? REPLICATION_INFO : "+OK\r\n";
        });
    }

    /** The FT.* commands received while `run` ran. */
    async record(run: () => Promise<string>): Promise<{ argv: string[][]; outcome: string }> {
        const from = this.mock.commands.length;
        const outcome = await run();
        return { argv: this.mock.commands.slice(from).filter((command) => command[0].startsWith("FT.")), outcome };
    }
}

async function clientOf(side: Side, port: number, protocol: number): Promise<any> {
    return side.lib.GlideClient.createClient({ addresses: [{ host: "127.0.0.1", port }], protocol, requestTimeout: 2000 });
}

function runCases(title: string, cases: FtCall[]): void {
    for (const protocolName of ["RESP3", "RESP2"] as const) {
        describe(`${title} (${protocolName})`, { skip: glideSkipReason }, () => {
            const server = new FtMock();
            const clients = new Map<Side, any>();
            before(async () => {
                await server.start();
                for (const side of [GLIDE, GLIDE_TS]) clients.set(side, await clientOf(side, server.mock.port, side.lib.ProtocolVersion[protocolName]));
            });
            after(async () => {
                for (const client of clients.values()) client.close();
                await server.mock.stop();
            });
            for (const testCase of cases) {
                it(testCase.title, async () => {
                    const records = [];
                    for (const side of [GLIDE, GLIDE_TS]) {
                        server.reply = testCase.reply ?? { simple: "OK" };
                        const ft = side.lib.GlideFt;
                        records.push(await server.record(async () => renderOutcome(await capture(() => testCase.call(ft, clients.get(side), side.lib)))));
                    }
                    const [glide, ours] = records;
                    assert.deepEqual(ours.argv, glide.argv, "argv");
                    assert.equal(ours.outcome, glide.outcome, "outcome");
                });
            }
        });
    }
}

describe("GlideFt's methods", { skip: glideSkipReason }, () => {
    const staticMethods = (ft: object) => Object.getOwnPropertyNames(ft).filter((name) => typeof (ft as any)[name] === "function").sort();
    it("are GLIDE's, each with an argv case (titled by its name)", () => {
        const glide = staticMethods(GLIDE.lib.GlideFt);
        assert.deepEqual(staticMethods(GLIDE_TS.lib.GlideFt), glide);
        const uncovered = glide.filter((name) => !ARGV_CASES.some((testCase) => testCase.title.split(/[: ]/)[0] === name));
        assert.deepEqual(uncovered, []);
    });
});

runCases("GlideFt argv fidelity", ARGV_CASES);
runCases("GlideFt on recorded valkey-search replies", VALKEY_SEARCH_REPLY_CASES);
runCases("GlideFt on malformed replies", MALFORMED_REPLY_CASES);
