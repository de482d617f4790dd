/**
 * Steady traffic for the cluster-changing tests: each worker owns its keys and writes increasing
 * values to them one at a time, so "no acknowledged write lost" is: stored value >= last acked.
 * (Lives beside the tests that use it; not a test file itself.)
 */
import type { GlideClusterClient } from "../../src";

export interface KeyRecord {
    acked: number;
    attempted: number;
}

export class Traffic {
    readonly errors: { key: string; error: Error; at: number }[] = [];
    readonly keys = new Map<string, KeyRecord>();
    ops = 0;
    #running = true;
    #workers: Promise<void>[] = [];

    constructor(readonly client: GlideClusterClient) {}

    /**
     * One worker per group of keys; each loops SET then GET on its keys until stopped. With
     * `multiSlotReaders`, that many more loop MGET over every key (many slots in one call).
     */
    start(groups: string[][], multiSlotReaders = 0): void {
        for (const keys of groups) {
            for (const key of keys) this.keys.set(key, { acked: 0, attempted: 0 });
            this.#workers.push(this.#work(keys));
        }
        for (let i = 0; i < multiSlotReaders; i++) this.#workers.push(this.#readAll());
    }

    async stop(): Promise<void> {
        this.#running = false;
        await Promise.all(this.#workers);
    }

    errorsFor(keys: readonly string[]): Error[] {
        const wanted = new Set(keys);
        return this.errors.filter((entry) => wanted.has(entry.key)).map((entry) => entry.error);
    }

    async #work(keys: string[]): Promise<void> {
        for (let n = 0; this.#running; n++) {
            const key = keys[n % keys.length];
            const record = this.keys.get(key)!;
            const value = ++record.attempted;
            try {
                await this.client.set(key, String(value));
                record.acked = value;
                const read = Number(await this.client.get(key));
                if (read < record.acked) throw new Error(`read ${read} after acknowledged ${record.acked}`);
                this.ops += 2;
            } catch (error) {
                this.errors.push({ key, error: error as Error, at: performance.now() });
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
        }
    }

    async #readAll(): Promise<void> {
        const keys = [...this.keys.keys()];
        while (this.#running) {
            const ackedBefore = keys.map((key) => this.keys.get(key)!.acked);
            try {
                const values = await this.client.mget(keys);
                const stale = keys.findIndex((_, index) => Number(values[index]) < ackedBefore[index]);
                if (stale >= 0) throw new Error(`MGET read ${String(values[stale])} for ${keys[stale]} after acknowledged ${ackedBefore[stale]}`);
                this.ops++;
            } catch (error) {
                this.errors.push({ key: "MGET", error: error as Error, at: performance.now() });
                await new Promise((resolve) => setTimeout(resolve, 20));
            }
        }
    }

    /** Keys whose stored value is older than their last acknowledged write. */
    async lostWrites(): Promise<string[]> {
        const keys = [...this.keys.keys()];
        const stored = await this.client.mget(keys);
        return keys.filter((key, index) => Number(stored[index]) < this.keys.get(key)!.acked);
    }
}
