/** The `route` option of a cluster command, as the executor's Target. */
import { RequestError } from "../../errors";
import type { SingleNodeRoute } from "../../commands/cluster-server";
import type { ClusterRouter } from "./cluster-router";
import type { Target } from "./executor";
import { keySlot, SLOT_COUNT } from "./slot";

export async function singleNodeTarget(route: SingleNodeRoute, router: ClusterRouter): Promise<Target> {
    if (route === "randomNode") return { kind: "random" };
    if (typeof route !== "object" || route === null) throw new RequestError(`Unknown route ${JSON.stringify(route)}`);
    switch (route.type) {
        case "primarySlotKey":
            return { kind: "slot", slot: keySlot(route.key), read: false };
        case "replicaSlotKey":
            return { kind: "replicaSlot", slot: keySlot(route.key) };
        case "primarySlotId":
        case "replicaSlotId": {
            const slot = route.id;
            if (!Number.isInteger(slot) || slot < 0 || slot >= SLOT_COUNT) {
                throw new RequestError(`Slot id must be 0..${SLOT_COUNT - 1}, got ${slot}`);
            }
            return route.type === "primarySlotId" ? { kind: "slot", slot, read: false } : { kind: "replicaSlot", slot };
        }
        case "routeByAddress": {
            const address = addressOf(route.host, route.port);
            if (!router.connected) await router.connect();
            if (!router.knows(address)) throw new RequestError(`No node at ${address} in the cluster topology`);
            return { kind: "node", address };
        }
        default:
            throw new RequestError(`Unknown route ${JSON.stringify(route)}`);
    }
}

/** Without a port, `host` must be exactly "host:port" (GLIDE's check and words). */
function addressOf(host: string, port: number | undefined): string {
    if (port !== undefined) return `${host}:${port}`;
    const parts = host.split(":");
    if (parts.length !== 2) throw new RequestError(`No port provided, expected host to be formatted as \`{hostname}:{port}\`. Received ${host}`);
    return `${parts[0]}:${Number(parts[1])}`;
}
