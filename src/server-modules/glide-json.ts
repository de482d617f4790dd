/**
 * GlideJson and JsonBatch: GLIDE's classes of static methods for the JSON module. Each method takes
 * the client (or batch) first, then the parameters of its definition in json-commands.ts.
 */
import { dispatchMethod, type BaseClient } from "../client/base-client";
import { enqueueOn, type Batch, type ClusterBatch } from "../batch/batch";
import type { CommandDef } from "../commands/core";
import { jsonCommands } from "./json-commands";

type Table = typeof jsonCommands;

type ClientStatics = {
    [K in keyof Table]: Table[K] extends CommandDef<infer P, infer R, any> ? (client: BaseClient, ...params: P) => Promise<R> : never;
};
type BatchStatics = {
    [K in keyof Table]: Table[K] extends CommandDef<infer P, any, any> ? (batch: Batch | ClusterBatch, ...params: P) => Batch | ClusterBatch : never;
};

/** A class (GLIDE's are classes) whose static methods run the table's definitions through `run`. */
function withStatics<S>(target: abstract new () => object, run: (receiver: any, def: CommandDef, params: unknown[]) => unknown): (abstract new () => object) & S {
    for (const [name, def] of Object.entries(jsonCommands)) {
        Object.defineProperty(target, name, {
            configurable: true,
            writable: true,
            enumerable: false,
            value: (receiver: unknown, ...params: unknown[]) => run(receiver, def, params),
        });
    }
    return target as (abstract new () => object) & S;
}

/** The JSON module's commands on GlideClient and GlideClusterClient (routed by their keys). */
export const GlideJson = withStatics<ClientStatics>(class GlideJson {}, dispatchMethod);
/** The JSON module's commands queued on a Batch or ClusterBatch. */
export const JsonBatch = withStatics<BatchStatics>(class JsonBatch {}, enqueueOn);
