/**
 * The servers and clients of the differential suite: a standalone server and a 3-primary /
 * 3-replica cluster of its own (cases flush them, change their configuration and load functions,
 * which the shared servers forbid), one client per side and configuration, and an admin client
 * (GLIDE's) that resets the servers and builds each case's starting state.
 */
import { startCluster, startStandalone, type Address, type ClusterHandle, type ServerHandle } from "../../helpers/servers";
import type { SetupCommand } from "../cases/types";
import type { Side } from "./libraries";
import { GLIDE } from "./libraries";

export interface Config {
    /** e.g. "cluster RESP2 Bytes". */
    name: string;
    cluster: boolean;
    protocol: "RESP2" | "RESP3";
    decoder: "String" | "Bytes";
}

export const CONFIGS: Config[] = [false, true].flatMap((cluster) =>
    (["RESP3", "RESP2"] as const).flatMap((protocol) =>
        (["String", "Bytes"] as const).map((decoder) => ({
            name: `${cluster ? "cluster" : "standalone"} ${protocol} ${decoder}`,
            cluster,
            protocol,
            decoder,
        })),
    ),
);

/** Generous: the machine is shared, and a timeout here would be noise, not a difference. */
const REQUEST_TIMEOUT_MS = 3000;

type Client = any;

export class Environment {
    readonly #standalone: ServerHandle;
    readonly #cluster: ClusterHandle;
    readonly #clients = new Map<string, Promise<Client>>();

    private constructor(standalone: ServerHandle, cluster: ClusterHandle) {
        this.#standalone = standalone;
        this.#cluster = cluster;
    }

    static async start(): Promise<Environment> {
        // hz 100: the servers' cron runs every 10 ms, so a killed background save is reaped (and a
        // scheduled one started) within a short pause rather than a long one (see cases/server.ts).
        const args = ["--hz", "100"];
        const [standalone, cluster] = await Promise.all([startStandalone({ name: "differential", args }), startCluster({ args })]);
        return new Environment(standalone, cluster);
    }

    addresses(cluster: boolean): Address[] {
        const { host, port } = cluster ? this.#cluster.seeds[0] : this.#standalone;
        return [{ host, port }];
    }

    /** The configuration object both sides get, built with that side's own enums. */
    clientConfig(side: Side, config: Config, extra: object = {}): object {
        return {
            addresses: this.addresses(config.cluster),
            protocol: side.lib.ProtocolVersion[config.protocol],
            defaultDecoder: side.lib.Decoder[config.decoder],
            requestTimeout: REQUEST_TIMEOUT_MS,
            ...extra,
        };
    }

    /** A new client, closed by the caller. */
    newClient(side: Side, config: Config, extra: object = {}): Promise<Client> {
        const clientClass = config.cluster ? side.lib.GlideClusterClient : side.lib.GlideClient;
        return clientClass.createClient(this.clientConfig(side, config, extra));
    }

    /** The client of this side and configuration that cases share, created on first use. */
    client(side: Side, config: Config): Promise<Client> {
        const key = `${side.name} ${config.name}`;
        let client = this.#clients.get(key);
        if (client === undefined) {
            client = this.newClient(side, config);
            this.#clients.set(key, client);
        }
        return client;
    }

    #admin(cluster: boolean): Promise<Client> {
        return this.client(GLIDE, { name: `admin of the ${cluster ? "cluster" : "standalone server"}`, cluster, protocol: "RESP3", decoder: "String" });
    }

    /** Flushes keys, scripts and functions everywhere, then runs the case's setup commands in order. */
    async prepare(cluster: boolean, setup: readonly SetupCommand[] = []): Promise<void> {
        const admin = await this.#admin(cluster);
        const everywhere = cluster ? { route: "allPrimaries" } : undefined;
        await Promise.all([
            admin.customCommand(["FLUSHALL"], everywhere),
            admin.customCommand(["SCRIPT", "FLUSH"], everywhere),
            admin.customCommand(["FUNCTION", "FLUSH"], everywhere),
        ]);
        // Replicas must have applied the flush before a case reads from every node.
        if (cluster) await admin.customCommand(["WAIT", "1", "1000"], everywhere);
        await this.run(cluster, setup);
    }

    /** Runs commands through the admin client, one after the other. */
    async run(cluster: boolean, commands: readonly SetupCommand[]): Promise<void> {
        const admin = await this.#admin(cluster);
        for (const command of commands) {
            if (Array.isArray(command)) await admin.customCommand(command);
            else {
                const { args, route, repeatWhile } = command as Exclude<SetupCommand, readonly unknown[]>;
                const send = () => admin.customCommand(args, cluster ? { route } : undefined);
                const deadline = performance.now() + 5000;
                let reply = await send();
                while (repeatWhile?.test(JSON.stringify(reply)) && performance.now() < deadline) {
                    await new Promise((resolve) => setTimeout(resolve, 10));
                    reply = await send();
                }
            }
        }
    }

    async stop(): Promise<void> {
        const clients = await Promise.allSettled(this.#clients.values());
        for (const client of clients) if (client.status === "fulfilled") client.value.close();
        this.#clients.clear();
        await Promise.all([this.#standalone.stop(), this.#cluster.stop()]);
    }
}
