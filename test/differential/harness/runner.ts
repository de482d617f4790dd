/** Runs one case through both sides from the same server state and compares what they did. */
import { argsFor, type Case, type CaseMode, type CallContext } from "../cases/types";
import type { Config, Environment } from "./environment";
import { GLIDE, GLIDE_TS, type Side } from "./libraries";
import { capture, renderOutcome, type Outcome } from "./outcome";

export interface Comparison {
    /** `method: title`, the key of accepted differences. */
    id: string;
    config: Config;
    mode: CaseMode;
    glide: string;
    ours: string;
    differs: boolean;
}

export function caseId(testCase: Case): string {
    return `${testCase.method}: ${testCase.title}`;
}

/** The modes a case runs in on a configuration: the client call, then each batch form. */
export function modesOf(testCase: Case, config: Config): CaseMode[] {
    if (testCase.only !== undefined && testCase.only !== (config.cluster ? "cluster" : "standalone")) return [];
    if (testCase.protocol !== undefined && testCase.protocol !== config.protocol) return [];
    if (testCase.batch === false) return ["client"];
    return ["client", ...(testCase.batchModes ?? (["atomic", "pipeline"] as const))];
}

export async function compareCase(env: Environment, config: Config, testCase: Case, mode: CaseMode): Promise<Comparison> {
    const glide = await runSide(env, GLIDE, config, testCase, mode);
    const ours = await runSide(env, GLIDE_TS, config, testCase, mode);
    const [glideText, oursText] = [glide, ours].map((outcome) => renderOutcome(normalized(outcome, testCase, mode)));
    return { id: caseId(testCase), config, mode, glide: glideText, ours: oursText, differs: glideText !== oursText };
}

async function runSide(env: Environment, side: Side, config: Config, testCase: Case, mode: CaseMode): Promise<Outcome> {
    await env.prepare(config.cluster, testCase.setup);
    const client = testCase.freshClient ? await env.newClient(side, config) : await env.client(side, config);
    try {
        const ctx: CallContext = { lib: side.lib, cluster: config.cluster };
        if (testCase.prelude) await testCase.prelude(client, ctx);
        return await capture(() => call(client, ctx, testCase, mode));
    } finally {
        if (testCase.freshClient) client.close();
        if (testCase.teardown) await env.run(config.cluster, testCase.teardown);
    }
}

function call(client: any, ctx: CallContext, testCase: Case, mode: CaseMode): unknown {
    if (mode === "client") return client[testCase.method](...argsFor(testCase.args, ctx));
    const atomic = mode === "atomic";
    const batch = new (ctx.cluster ? ctx.lib.ClusterBatch : ctx.lib.Batch)(atomic);
    const args = argsFor(testCase.batch || testCase.args, ctx);
    batch[testCase.method](...args);
    // A transaction raises its first error, a pipeline returns errors in place: both paths are compared.
    return client.exec(batch, atomic);
}

function normalized(outcome: Outcome, testCase: Case, mode: CaseMode): Outcome {
    const normalize = testCase.normalize;
    if (normalize === undefined || outcome.kind !== "value") return outcome;
    if (mode === "client") return { ...outcome, value: normalize(outcome.value) };
    const replies = outcome.value;
    if (!Array.isArray(replies)) return outcome;
    return { ...outcome, value: replies.map((reply) => (reply instanceof Error ? reply : normalize(reply))) };
}
