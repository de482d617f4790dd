/**
 * Batch / ClusterBatch: commands queued from the same definitions the clients use, run by
 * `client.exec(batch, raiseOnError, options)` as a transaction (atomic) or a pipeline.
 */
import { batchCallArgs, installMethods, type BatchMethods, type CommandDef } from "../commands/core";
import { baseCommands } from "../commands/base-table";
import { serverBatchCommands } from "../commands/server-batch";
import { batchOnlyCommands, clusterBatchOnlyCommands, standaloneBatchOnlyCommands } from "./batch-commands";
import type { GlideString } from "../commands/types";
import type { CommandArg } from "../protocol/types";

/** Options of `exec` for either kind of batch. */
export interface BaseBatchOptions {
    /** Overrides the client's requestTimeout for the whole batch, in milliseconds. */
    timeout?: number;
}
/** Options of `GlideClient.exec`. */
export type BatchOptions = {} & BaseBatchOptions;

/** One queued command: its argv and the definition that says how to convert its reply. */
export interface QueuedCommand {
    readonly def: CommandDef;
    readonly args: CommandArg[];
}

/** Queues an arbitrary command; its reply is shaped as customCommand shapes it. */
export const CUSTOM_COMMAND: CommandDef = { args: (args: GlideString[]) => args };

export interface BaseBatch<T extends BaseBatch<T>>
    extends BatchMethods<typeof baseCommands, T>,
        BatchMethods<typeof serverBatchCommands, T>,
        BatchMethods<typeof batchOnlyCommands, T> {}

/** What `Batch` and `ClusterBatch` share: every command as a chainable method that queues it; `exec` sends them and gives the replies in order. */
export class BaseBatch<T extends BaseBatch<T>> {
    readonly isAtomic: boolean;
    readonly #commands: QueuedCommand[] = [];

    constructor(isAtomic: boolean) {
        this.isAtomic = isAtomic;
    }

    /** The queued commands, in order (read by the clients' exec). */
    get commands(): readonly QueuedCommand[] {
        return this.#commands;
    }

    customCommand(args: GlideString[]): T {
        return this.enqueue(CUSTOM_COMMAND, [args]);
    }

    protected enqueue(def: CommandDef, params: unknown[]): T {
        this.#commands.push({ def, args: batchCallArgs(def, params) });
        return this as unknown as T;
    }
}

/** Queues a definition's command on a batch (the generated batch methods, and GLIDE's JsonBatch statics). */
export const enqueueOn = (self: BaseBatch<any>, def: CommandDef, params: unknown[]) =>
    (self as unknown as { enqueue: (def: CommandDef, params: unknown[]) => unknown }).enqueue(def, params);
installMethods(BaseBatch.prototype, baseCommands, enqueueOn);
installMethods(BaseBatch.prototype, serverBatchCommands, enqueueOn);
installMethods(BaseBatch.prototype, batchOnlyCommands, enqueueOn);

export interface Batch extends BatchMethods<typeof standaloneBatchOnlyCommands, Batch> {}

/** A batch for GlideClient. */
export class Batch extends BaseBatch<Batch> {
    select(index: number): Batch {
        return this.enqueue({ args: (db: number) => ["SELECT", db] }, [index]);
    }
}

/** A batch for GlideClusterClient. */
export class ClusterBatch extends BaseBatch<ClusterBatch> {}

export interface ClusterBatch extends BatchMethods<typeof clusterBatchOnlyCommands, ClusterBatch> {}

installMethods(Batch.prototype, standaloneBatchOnlyCommands, enqueueOn);
installMethods(ClusterBatch.prototype, clusterBatchOnlyCommands, enqueueOn);

/**
 * An atomic batch for `GlideClient` (MULTI/EXEC), as GLIDE's older API named it.
 * @deprecated Use `new Batch(true)`.
 */
export class Transaction extends Batch {
    constructor() {
        super(true);
    }
}

/**
 * An atomic batch for `GlideClusterClient` (MULTI/EXEC on one slot), as GLIDE's older API named it.
 * @deprecated Use `new ClusterBatch(true)`.
 */
export class ClusterTransaction extends ClusterBatch {
    constructor() {
        super(true);
    }
}
