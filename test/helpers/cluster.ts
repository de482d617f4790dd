/** A cluster of fresh nodes, created with `valkey-cli --cluster create`. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { infoField, rawCommandParsed, rawCommandText, type RawTlsOptions, type Reply } from "./resp";
import { serverBinaries } from "./server-binaries";
import { rawTlsOptions, startStandalone, type Address, type ServerHandle } from "./standalone";
import type { TlsFiles } from "./tls-files";
import { waitFor } from "./wait";

const run = promisify(execFile);
const SLOT_COUNT = 16_384;

export interface ClusterOptions {
    /** At least 3, as `--cluster create` requires; default 3. */
    primaries?: number;
    /** Default 1. */
    replicasPerPrimary?: number;
    tls?: TlsFiles;
    /** cluster-node-timeout; failure detection takes about twice this. Default 2000. */
    nodeTimeoutMs?: number;
    /** Extra arguments for every node. */
    args?: string[];
}

export interface ClusterHandle {
    nodes: ServerHandle[];
    /** Every node's address. */
    seeds: Address[];
    stop(): Promise<void>;
}

export interface ClusterShape {
    primaries: number;
    replicasPerPrimary: number;
}

export async function startCluster(options: ClusterOptions = {}): Promise<ClusterHandle> {
    const shape = { primaries: options.primaries ?? 3, replicasPerPrimary: options.replicasPerPrimary ?? 1 };
    if (shape.primaries < 3) throw new Error("cluster create needs at least 3 primaries");
    const nodeArgs = [
        "--cluster-enabled", "yes",
        "--cluster-config-file", "nodes.conf",
        "--cluster-node-timeout", String(options.nodeTimeoutMs ?? 2000),
        // CLUSTER SLOTS leaves out replicas whose replication offset is still 0; with no writes
        // the offset only moves with the primary's ping to its replicas, every 10 s by default.
        "--repl-ping-replica-period", "1",
        ...(options.tls ? ["--tls-cluster", "yes"] : []),
        ...(options.args ?? []),
    ];
    const nodeCount = shape.primaries * (1 + shape.replicasPerPrimary);
    const starts = await Promise.allSettled(
        Array.from({ length: nodeCount }, () => startStandalone({ args: nodeArgs, tls: options.tls, name: "cluster-node" })),
    );
    const nodes = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
    const stop = async (): Promise<void> => {
        await Promise.all(nodes.map((node) => node.stop()));
    };
    try {
        const failed = starts.find((start): start is PromiseRejectedResult => start.status === "rejected");
        if (failed) throw failed.reason;
        await createCluster(nodes, shape.replicasPerPrimary, options.tls);
        await moveReplicationOffsets(nodes);
        await waitForClusterReady(nodes, shape);
    } catch (error) {
        await stop();
        throw error;
    }
    return { nodes, seeds: nodes.map(({ host, port }) => ({ host, port })), stop };
}

async function createCluster(nodes: ServerHandle[], replicasPerPrimary: number, tls: TlsFiles | undefined): Promise<void> {
    const tlsArgs = tls ? ["--tls", "--cacert", tls.caFile, "--cert", tls.clientCertFile, "--key", tls.clientKeyFile] : [];
    const args = [
        "--cluster", "create",
        ...nodes.map((node) => `${node.host}:${node.port}`),
        "--cluster-replicas", String(replicasPerPrimary),
        "--cluster-yes",
        ...tlsArgs,
    ];
    try {
        await run(serverBinaries().cli, args, { timeout: 60_000 });
    } catch (error) {
        const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
        throw new Error(`cluster create failed: ${(error as Error).message}\n${stdout}\n${stderr}`);
    }
}

/** A FLUSHALL of the still empty primaries is replicated: replicas get a non-zero offset at once. */
async function moveReplicationOffsets(nodes: ServerHandle[]): Promise<void> {
    await Promise.all(
        nodes.map(async (node) => {
            const tls = rawTlsOptions(node.tls);
            const replication = await rawCommandText(node.host, node.port, ["INFO", "replication"], tls);
            if (infoField(replication, "role") === "master") await rawCommandParsed(node.host, node.port, ["FLUSHALL"], tls);
        }),
    );
}

/**
 * Waits until every node says cluster_state:ok, knows all nodes, reports the same complete slot
 * map with the expected replicas, and every replica's link to its primary is up.
 */
export async function waitForClusterReady(nodes: ServerHandle[], shape: ClusterShape, timeoutMs = 30_000): Promise<void> {
    await waitFor(`cluster of ${nodes.length} nodes to be ready`, () => clusterProblem(nodes, shape), {
        timeoutMs,
        intervalMs: 100,
    });
}

async function clusterProblem(nodes: ServerHandle[], shape: ClusterShape): Promise<true | string> {
    const views = await Promise.all(nodes.map((node) => nodeView(node, rawTlsOptions(node.tls))));
    for (const [index, view] of views.entries()) {
        const port = nodes[index].port;
        if (view.state !== "ok") return `node ${port} has cluster_state ${view.state}`;
        if (view.knownNodes !== nodes.length) return `node ${port} knows ${view.knownNodes} nodes`;
        if (view.slotMap !== views[0].slotMap) return `nodes ${nodes[0].port} and ${port} disagree on the slot map`;
        if (view.role === "slave" && view.linkStatus !== "up") return `replica ${port} link is ${view.linkStatus}`;
    }
    const problem = slotMapProblem(views[0].slots, shape);
    if (problem) return problem;
    const replicas = views.filter((view) => view.role === "slave").length;
    const expected = shape.primaries * shape.replicasPerPrimary;
    return replicas === expected || `${replicas} of ${expected} replicas attached`;
}

interface SlotRange {
    start: number;
    end: number;
    primary: string;
    replicas: string[];
}

interface NodeView {
    state: string | undefined;
    knownNodes: number;
    role: string | undefined;
    linkStatus: string | undefined;
    slots: SlotRange[];
    /** Canonical text of `slots`, for comparing nodes. */
    slotMap: string;
}

async function nodeView(node: Address, tls: RawTlsOptions | undefined): Promise<NodeView> {
    const [clusterInfo, replication, slotsReply] = await Promise.all([
        rawCommandText(node.host, node.port, ["CLUSTER", "INFO"], tls),
        rawCommandText(node.host, node.port, ["INFO", "replication"], tls),
        rawCommandParsed(node.host, node.port, ["CLUSTER", "SLOTS"], tls),
    ]);
    const slots = parseClusterSlots(slotsReply);
    return {
        state: infoField(clusterInfo, "cluster_state"),
        knownNodes: Number(infoField(clusterInfo, "cluster_known_nodes")),
        role: infoField(replication, "role"),
        linkStatus: infoField(replication, "master_link_status"),
        slots,
        slotMap: slots.map((r) => `${r.start}-${r.end}@${r.primary}[${r.replicas.join(",")}]`).join(" "),
    };
}

function parseClusterSlots(reply: Reply): SlotRange[] {
    if (!Array.isArray(reply)) throw new Error(`unexpected CLUSTER SLOTS reply ${JSON.stringify(reply)}`);
    const endpoint = (entry: Reply): string => {
        const [host, port] = entry as [string, number];
        return `${host}:${port}`;
    };
    return reply
        .map((range) => {
            const [start, end, primary, ...replicas] = range as Reply[];
            return {
                start: start as number,
                end: end as number,
                primary: endpoint(primary),
                replicas: replicas.map(endpoint).sort(),
            };
        })
        .sort((a, b) => a.start - b.start);
}

function slotMapProblem(slots: SlotRange[], shape: ClusterShape): string | undefined {
    const covered = slots.reduce((sum, range) => sum + range.end - range.start + 1, 0);
    if (covered !== SLOT_COUNT) return `${covered} of ${SLOT_COUNT} slots covered`;
    const primaries = new Set(slots.map((range) => range.primary));
    if (primaries.size !== shape.primaries) return `${primaries.size} of ${shape.primaries} primaries own slots`;
    const short = slots.find((range) => range.replicas.length !== shape.replicasPerPrimary);
    if (short) return `slots ${short.start}-${short.end} have ${short.replicas.length} replicas`;
    return undefined;
}
