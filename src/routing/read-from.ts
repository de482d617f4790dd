import type { Connection } from "../connection/connection";
import type { ReadFrom } from "../client/config";

/**
 * Picks the node that serves a read, per GLIDE's ReadFrom strategies. Replicas are rotated
 * round-robin; a node that is not ready is skipped, and the primary is the last resort.
 */
export class ReadSelector {
    #next = 0;

    constructor(
        readonly strategy: ReadFrom,
        readonly clientAz: string | undefined,
    ) {}

    pick(primary: Connection, replicas: readonly Connection[]): Connection {
        switch (this.strategy) {
            case "primary":
                return primary;
            case "preferReplica":
                return this.#rotate(replicas) ?? primary;
            case "AZAffinity":
                return this.#rotate(this.#inZone(replicas)) ?? this.#rotate(replicas) ?? primary;
            case "AZAffinityReplicasAndPrimary": {
                const local = this.#inZone(replicas);
                if (this.#isLocal(primary)) local.push(primary);
                return this.#rotate(local) ?? this.#rotate(replicas) ?? primary;
            }
            case "allNodes":
                return this.#rotate([primary, ...replicas]) ?? primary;
        }
    }

    #isLocal(node: Connection): boolean {
        return node.facts.availabilityZone !== undefined && node.facts.availabilityZone === this.clientAz;
    }

    #inZone(nodes: readonly Connection[]): Connection[] {
        return nodes.filter((node) => this.#isLocal(node));
    }

    #rotate(nodes: readonly Connection[]): Connection | undefined {
        for (let tries = 0; tries < nodes.length; tries++) {
            const node = nodes[this.#next++ % nodes.length];
            if (node.isReady) return node;
        }
        return undefined;
    }
}
