/**
 * The cluster's shape as CLUSTER SLOTS reports it: shards (a primary and its replicas, by
 * "host:port") and the slot ranges each serves. Several nodes are asked; the view most of them
 * report wins, so one node with a stale view cannot mislead the client.
 */
import { RequestError } from "../../errors";
import type { RespValue } from "../../protocol/types";
import { SLOT_COUNT } from "./slot";

export interface ShardView {
    primary: string;
    replicas: string[];
    ranges: [start: number, end: number][];
}

export interface TopologyView {
    shards: ShardView[];
    /** Slots with an owner. */
    covered: number;
    /** Canonical text: equal views have equal fingerprints. */
    fingerprint: string;
}

function text(value: RespValue): string {
    return Buffer.isBuffer(value) ? value.toString() : String(value);
}

/** An endpoint entry [host, port, id, …]; an empty or "?" host means the node that was asked. */
function endpoint(entry: RespValue, askedHost: string): string {
    if (!Array.isArray(entry) || entry.length < 2) throw new RequestError("Malformed node in the CLUSTER SLOTS reply");
    const host = text(entry[0]);
    const port = Number(entry[1]);
    return `${host === "" || host === "?" ? askedHost : host}:${port}`;
}

/** Parses a CLUSTER SLOTS reply (RESP2 or RESP3) from the node at `askedHost`. */
export function parseClusterSlots(reply: RespValue, askedHost: string): TopologyView {
    if (reply instanceof Error) throw reply;
    if (!Array.isArray(reply)) throw new RequestError(`Unexpected CLUSTER SLOTS reply: ${typeof reply}`);
    const byPrimary = new Map<string, ShardView>();
    let covered = 0;
    for (const range of reply) {
        if (!Array.isArray(range) || range.length < 3) throw new RequestError("Malformed range in the CLUSTER SLOTS reply");
        const start = Number(range[0]);
        const end = Number(range[1]);
        const primary = endpoint(range[2], askedHost);
        const replicas = range.slice(3).map((entry) => endpoint(entry, askedHost));
        let shard = byPrimary.get(primary);
        if (shard === undefined) {
            shard = { primary, replicas: [], ranges: [] };
            byPrimary.set(primary, shard);
        }
        for (const replica of replicas) if (!shard.replicas.includes(replica)) shard.replicas.push(replica);
        shard.ranges.push([start, end]);
        covered += end - start + 1;
    }
    const shards = [...byPrimary.values()];
    for (const shard of shards) {
        shard.replicas.sort();
        shard.ranges.sort((a, b) => a[0] - b[0]);
    }
    shards.sort((a, b) => a.ranges[0][0] - b.ranges[0][0]);
    const fingerprint = shards
        .map((shard) => `${shard.ranges.map(([s, e]) => `${s}-${e}`).join(",")}@${shard.primary}[${shard.replicas.join(",")}]`)
        .join(" ");
    return { shards, covered, fingerprint };
}

/** The view most nodes agree on; among equally popular views, the one covering the most slots. */
export function consensusView(views: readonly TopologyView[]): TopologyView | undefined {
    const votes = new Map<string, { view: TopologyView; count: number }>();
    for (const view of views) {
        const entry = votes.get(view.fingerprint);
        if (entry) entry.count++;
        else votes.set(view.fingerprint, { view, count: 1 });
    }
    let best: { view: TopologyView; count: number } | undefined;
    for (const entry of votes.values()) {
        if (
            best === undefined ||
            entry.count > best.count ||
            (entry.count === best.count && entry.view.covered > best.view.covered)
        ) {
            best = entry;
        }
    }
    return best?.view;
}

export function isComplete(view: TopologyView): boolean {
    return view.covered === SLOT_COUNT;
}
