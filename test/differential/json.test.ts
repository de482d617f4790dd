/**
 * GlideJson and JsonBatch through GLIDE 2.5.2 and glide-ts on servers with the JSON module: every
 * case of json-cases.ts on every configuration (standalone / cluster, RESP2 / RESP3, String / Bytes
 * default decoder) as a client call, an atomic batch and a pipeline. Each side's reply (or error)
 * and the documents afterwards must be equal, and on one configuration the argv the server received
 * (read with MONITOR) too.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import type { ClusterHandle } from "../helpers/cluster";
import { moduleSkipReason, startModuleCluster, startModuleStandalone } from "../helpers/module-servers";
import type { ServerHandle } from "../helpers/standalone";
import { CONFIGS, type Config } from "./harness/environment";
import { GLIDE, GLIDE_TS, glideSkipReason, type Side } from "./harness/libraries";
import { capture, render, renderOutcome } from "./harness/outcome";
import { DOC, JSON_CASES, type JsonCase, type JsonMode } from "./json-cases";
import { MonitorRecorder } from "./json-monitor";

const MODES: readonly JsonMode[] = ["client", "atomic", "pipeline"];
/** The configuration whose argv is compared (argv depends on neither protocol nor decoder). */
const ARGV_CONFIG = "standalone RESP3 String";

interface Run {
    outcome: string;
    documents: string;
    argv?: string[];
}

describe("differential: GlideJson / JsonBatch against GLIDE 2.5.2 on the JSON module", { skip: moduleSkipReason ?? glideSkipReason }, () => {
    let standalone: ServerHandle;
    let cluster: ClusterHandle;
    let monitor: MonitorRecorder;
    const clients = new Map<string, Promise<any>>();
    let comparisons = 0;
    let argvComparisons = 0;
    let valueOutcomes = 0;

    before(async () => {
        [standalone, cluster] = await Promise.all([startModuleStandalone("json-differential"), startModuleCluster()]);
        monitor = await MonitorRecorder.start(standalone.host, standalone.port);
    });
    after(async () => {
        monitor?.stop();
        for (const client of await Promise.allSettled(clients.values())) if (client.status === "fulfilled") client.value.close();
        await Promise.all([standalone?.stop(), cluster?.stop()]);
        console.log(`# json differential: ${comparisons} comparisons, ${argvComparisons} of them of argv, ${valueOutcomes} client calls answered with a value`);
    });

    function clientFor(side: Side, config: Pick<Config, "cluster" | "protocol" | "decoder">): Promise<any> {
        const key = `${side.name} ${config.cluster} ${config.protocol} ${config.decoder}`;
        let client = clients.get(key);
        if (client === undefined) {
            const { host, port } = config.cluster ? cluster.seeds[0] : standalone;
            const clientClass = config.cluster ? side.lib.GlideClusterClient : side.lib.GlideClient;
            client = clientClass.createClient({
                addresses: [{ host, port }],
                protocol: side.lib.ProtocolVersion[config.protocol],
                defaultDecoder: side.lib.Decoder[config.decoder],
                requestTimeout: 3000,
            }) as Promise<any>;
            clients.set(key, client);
        }
        return client;
    }

    const admin = (cluster: boolean) => clientFor(GLIDE, { cluster, protocol: "RESP3", decoder: "String" });
    const documentsOf = (testCase: JsonCase) => testCase.docs ?? { "{j}doc": DOC };

    async function prepare(cluster: boolean, testCase: JsonCase): Promise<void> {
        const client = await admin(cluster);
        await client.customCommand(["FLUSHALL"], cluster ? { route: "allPrimaries" } : undefined);
        for (const [key, json] of Object.entries(documentsOf(testCase))) await client.customCommand(["JSON.SET", key, "$", json]);
        for (const command of testCase.commands ?? []) await client.customCommand(command);
    }

    /** Every key the case starts with, as it is after the call. */
    async function documents(cluster: boolean, testCase: JsonCase): Promise<string> {
        const client = await admin(cluster);
        const keys = Object.keys(documentsOf(testCase));
        const values = await Promise.all(keys.map((key) => client.customCommand(["JSON.GET", key]).catch((error: Error) => error)));
        return keys.map((key, at) => `${key}=${render(values[at])}`).join(" ");
    }

    function call(side: Side, client: any, cluster: boolean, testCase: JsonCase, mode: JsonMode): unknown {
        const args = typeof testCase.args === "function" ? testCase.args(side.lib) : testCase.args;
        const custom = testCase.method === "customCommand";
        if (mode === "client") return custom ? client.customCommand(...args) : side.lib.GlideJson[testCase.method](client, ...args);
        const batch = new (cluster ? side.lib.ClusterBatch : side.lib.Batch)(mode === "atomic");
        if (custom) batch.customCommand(...args);
        else side.lib.JsonBatch[testCase.method](batch, ...args);
        return client.exec(batch, mode === "atomic");
    }

    async function runSide(side: Side, config: Config, testCase: JsonCase, mode: JsonMode, marker: string | undefined): Promise<Run> {
        await prepare(config.cluster, testCase);
        const client = await clientFor(side, config);
        if (marker !== undefined) {
            await (await admin(false)).customCommand(["ECHO", `${marker}-begin`]);
            await monitor.takeUntil(`${marker}-begin`);
        }
        let outcome = await capture(() => call(side, client, config.cluster, testCase, mode));
        if (testCase.messagesDiffer !== undefined && outcome.kind === "error") outcome = { ...outcome, message: "(not compared)" };
        if (side === GLIDE && mode === "client" && outcome.kind === "value") valueOutcomes++;
        let argv: string[] | undefined;
        if (marker !== undefined) {
            await client.customCommand(["ECHO", `${marker}-end`]);
            // The JSON commands and the transaction around them; not the clients' own upkeep (PING, INFO, CLIENT …).
            argv = (await monitor.takeUntil(`${marker}-end`)).filter((line) => /^"(JSON\.|MULTI"|EXEC")/i.test(line));
        }
        return { outcome: renderOutcome(outcome), documents: await documents(config.cluster, testCase), argv };
    }

    test("the table calls every static method of GLIDE's GlideJson and JsonBatch, and glide-ts has exactly those", () => {
        const statics = (owner: object) => Object.getOwnPropertyNames(owner).filter((name) => typeof (owner as any)[name] === "function").sort();
        for (const name of ["GlideJson", "JsonBatch"]) {
            const glide = statics(GLIDE.lib[name]);
            assert.deepEqual(statics(GLIDE_TS.lib[name]), glide, `${name}'s static methods`);
            const called = new Set(JSON_CASES.map((c) => c.method).filter((method) => method !== "customCommand"));
            assert.deepEqual([...called].sort(), glide, `${name}'s methods the table calls`);
        }
    });

    for (const config of CONFIGS) {
        test(config.name, async () => {
            const differing: string[] = [];
            for (const [index, testCase] of JSON_CASES.entries()) {
                for (const mode of testCase.modes ?? MODES) {
                    const marker = config.name === ARGV_CONFIG ? `json-argv-${index}-${mode}` : undefined;
                    const glide = await runSide(GLIDE, config, testCase, mode, marker && `${marker}-glide`);
                    const ours = await runSide(GLIDE_TS, config, testCase, mode, marker && `${marker}-ours`);
                    comparisons++;
                    const id = `${mode} | ${testCase.method}: ${testCase.title}`;
                    if (glide.outcome !== ours.outcome || glide.documents !== ours.documents) {
                        differing.push(`${id}\n    GLIDE:    ${glide.outcome} | ${glide.documents}\n    glide-ts: ${ours.outcome} | ${ours.documents}`);
                    }
                    if (marker !== undefined) {
                        argvComparisons++;
                        // MONITOR does not show what the server refused before running it (wrong arity).
                        const refused = /Error\(/.test(glide.outcome);
                        assert.ok(glide.argv!.length > 0 || refused, `${id}: MONITOR showed no JSON command of GLIDE's`);
                        if (render(glide.argv) !== render(ours.argv)) differing.push(`${id} argv\n    GLIDE:    ${glide.argv!.join(" ; ")}\n    glide-ts: ${ours.argv!.join(" ; ")}`);
                    }
                }
            }
            assert.deepEqual(differing, [], `${differing.length} difference(s):\n${differing.join("\n")}`);
        });
    }

    test("most client calls answered with a value (the comparisons are not of two failures)", () => {
        const clientCalls = JSON_CASES.filter((c) => (c.modes ?? MODES).includes("client")).length * CONFIGS.length;
        assert.ok(valueOutcomes > clientCalls * 0.7, `${valueOutcomes} values of ${clientCalls} client calls`);
    });
});
