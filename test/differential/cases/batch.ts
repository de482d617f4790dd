/** exec: batches as a whole (atomic and pipeline), their options and their errors, on both clients. */
import { BIN, K, type CallContext, type Case, type Family } from "./types";

/** A new batch of the side's own library, of the kind its client takes. */
function batch({ lib, cluster }: CallContext, atomic: boolean): any {
    return new (cluster ? lib.ClusterBatch : lib.Batch)(atomic);
}

type Build = (b: any, ctx: CallContext) => unknown;

/** exec(batch built by `build`, raiseOnError, options) for both atomic and pipeline batches. */
function execCases(title: string, build: Build, rest: (ctx: CallContext) => unknown[] = () => [true], extra: Partial<Case> = {}): Case[] {
    return [true, false].map((atomic) => ({
        method: "exec",
        title: `${atomic ? "atomic" : "pipeline"}: ${title}`,
        args: (ctx: CallContext) => {
            const b = batch(ctx, atomic);
            build(b, ctx);
            return [b, ...rest(ctx)];
        },
        batch: false as const,
        ...extra,
    }));
}

const setGet: Build = (b) => b.set(K.a, "1").get(K.a).get(K.missing);
const withRuntimeError: Build = (b) => b.set(K.a, "1").lpush(K.a, ["x"]).get(K.a);
const withQueueError: Build = (b) => b.set(K.a, "1").mget([]).get(K.a);

export const batchFamily: Family = {
    name: "batch",
    cases: [
        ...execCases("empty", () => undefined),
        ...execCases("set and get", setGet),
        ...execCases("set and get, raiseOnError false", setGet, () => [false]),
        ...execCases("a command failing at run time, raiseOnError true", withRuntimeError),
        ...execCases("a command failing at run time, raiseOnError false", withRuntimeError, () => [false]),
        ...execCases("a command refused when queued, raiseOnError true", withQueueError),
        ...execCases("a command refused when queued, raiseOnError false", withQueueError, () => [false]),
        ...execCases("an unknown command", (b) => b.set(K.a, "1").customCommand(["NOSUCHCOMMAND"]), () => [false]),
        ...execCases("customCommand replies shaped as GLIDE shapes them", (b) =>
            b.hset(K.b, { f: "v" }).customCommand(["HGETALL", K.b]).customCommand(["INCRBYFLOAT", K.c, "1.5"]).customCommand(["SMEMBERS", K.d]),
        ),
        // A pipeline's MULTI leaves its connection inside a transaction: a client of its own.
        ...execCases("MULTI inside a batch", (b) => b.customCommand(["MULTI"]), () => [false], { freshClient: true }),
        ...execCases("binary values", (b) => b.set(BIN, BIN).get(BIN)),
        ...execCases("binary values, decoder Bytes", (b) => b.set(K.a, BIN).get(K.a), ({ lib }) => [true, { decoder: lib.Decoder.Bytes }]),
        ...execCases("text under the Bytes decoder", (b) => b.set(K.a, "text").get(K.a).type(K.a), ({ lib }) => [true, { decoder: lib.Decoder.Bytes }]),
        ...execCases("text under the String decoder", (b) => b.set(K.a, "text").get(K.a), ({ lib }) => [true, { decoder: lib.Decoder.String }]),
        ...execCases("timeout option", setGet, () => [true, { timeout: 2000 }]),
        ...execCases("null options", setGet, () => [true, null]),
        ...execCases("undefined options", setGet, () => [true, undefined]),
        ...execCases("raiseOnError omitted", withRuntimeError, () => []),
        ...execCases("retryStrategy", setGet, () => [true, { retryStrategy: { retryServerError: true, retryConnectionError: false } }]),
        ...execCases("retryStrategy undefined", setGet, () => [true, { retryStrategy: undefined }]),
        ...execCases("a thousand commands", (b) => {
            for (let i = 0; i < 1000; i++) b.incr(K.a);
        }),
        ...execCases("keys in two slots", (b) => b.set(K.Xa, "1").set(K.Xb, "2"), () => [false]),
        ...execCases("one command over two slots", (b) => b.mget([K.Xa, K.Xb]), () => [false]),
        ...execCases("route to the keys' primary", setGet, () => [true, { route: { type: "primarySlotKey", key: K.a } }], { only: "cluster" }),
        ...execCases("route to a random node", (b) => b.ping().echo("e"), () => [true, { route: "randomNode" }], { only: "cluster" }),
        ...execCases("route by address", (b) => b.ping(), () => [true, { route: { type: "routeByAddress", host: "127.0.0.1" } }], { only: "cluster" }),
        {
            method: "exec",
            title: "a deprecated Transaction",
            args: ({ lib, cluster }) => [new (cluster ? lib.ClusterTransaction : lib.Transaction)().set(K.a, "1").get(K.a), true],
            batch: false,
        },
        {
            method: "exec",
            title: "a Batch on the cluster client",
            args: ({ lib }) => [new lib.Batch(true).set(K.a, "1"), true],
            batch: false,
            only: "cluster",
        },
        {
            method: "exec",
            title: "a WATCHed key changed before the transaction",
            freshClient: true,
            setup: [["SET", K.a, "0"]],
            prelude: async (client) => {
                await client.watch([K.a]);
                await client.customCommand(["SET", K.a, "changed by the same client"]);
            },
            args: (ctx) => [batch(ctx, true).set(K.a, "mine").get(K.a), true],
            batch: false,
        },
    ],
};
