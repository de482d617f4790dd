import * as fs from "node:fs";
import * as net from "node:net";

export const HOST = "127.0.0.1";
export const CLUSTER_BUS_OFFSET = 10_000;

const LOWEST_PORT = 10_000;
const DEFAULT_EPHEMERAL_START = 32_768;
const handedOut = new Set<number>();

/**
 * A port on 127.0.0.1 that is free right now (and, for a cluster node, whose bus port
 * port+10000 is free too).
 *
 * Ports are drawn below the kernel's ephemeral range rather than by binding port 0: port 0
 * hands out ephemeral ports, which the kernel also uses as source ports of outgoing client
 * connections, so a server restarted on such a port can find it taken; and ephemeral ports
 * above 55535 have no room for a bus port at +10000.
 */
export async function findFreePort(options: { forCluster?: boolean } = {}): Promise<number> {
    const busOffset = options.forCluster ? CLUSTER_BUS_OFFSET : 0;
    const highest = ephemeralRangeStart() - 1 - busOffset;
    if (highest - LOWEST_PORT < 1000) return findKernelAssignedPort(busOffset);
    for (let attempt = 0; attempt < 200; attempt++) {
        const port = LOWEST_PORT + Math.floor(Math.random() * (highest - LOWEST_PORT + 1));
        if (await isUsable(port, busOffset)) return claim(port);
    }
    throw new Error(`no free port found between ${LOWEST_PORT} and ${highest}`);
}

async function findKernelAssignedPort(busOffset: number): Promise<number> {
    for (let attempt = 0; attempt < 200; attempt++) {
        const port = await bindAndRelease(0);
        if (port !== undefined && port + busOffset <= 65_535 && (await isUsable(port, busOffset))) return claim(port);
    }
    throw new Error("no free port found");
}

function claim(port: number): number {
    handedOut.add(port);
    return port;
}

async function isUsable(port: number, busOffset: number): Promise<boolean> {
    if (handedOut.has(port)) return false;
    if ((await bindAndRelease(port)) === undefined) return false;
    return busOffset === 0 || (await bindAndRelease(port + busOffset)) !== undefined;
}

/** Binds the port (0 = any) on HOST and closes it again; undefined when it is taken. */
function bindAndRelease(port: number): Promise<number | undefined> {
    return new Promise((resolve) => {
        const server = net.createServer();
        server.once("error", () => resolve(undefined));
        server.listen({ host: HOST, port, exclusive: true }, () => {
            const bound = (server.address() as net.AddressInfo).port;
            server.close(() => resolve(bound));
        });
    });
}

function ephemeralRangeStart(): number {
    try {
        const [start] = fs.readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/);
        return Number(start) || DEFAULT_EPHEMERAL_START;
    } catch {
        return DEFAULT_EPHEMERAL_START;
    }
}
