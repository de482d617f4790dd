/** Whether the installed server can serve TLS, found by starting one, since builds differ. */
import * as fs from "node:fs";

import { onPath, serverBinaries } from "./server-binaries";
import { makeRunSubdir } from "./server-registry";
import { startStandalone } from "./standalone";
import { generateTlsFiles } from "./tls-files";

let probe: Promise<string | undefined> | undefined;

/** Undefined when TLS works; otherwise a reason to show in skipped tests. */
export function tlsUnsupportedReason(): Promise<string | undefined> {
    probe ??= probeTls();
    return probe;
}

export async function tlsSupported(): Promise<boolean> {
    return (await tlsUnsupportedReason()) === undefined;
}

async function probeTls(): Promise<string | undefined> {
    if (!onPath("openssl")) return "openssl is not installed, so no test certificates can be made";
    const dir = makeRunSubdir("tls-probe");
    try {
        const server = await startStandalone({ tls: await generateTlsFiles(dir), name: "tls-probe" });
        await server.stop();
        return undefined;
    } catch (error) {
        const { server, version } = serverBinaries();
        const firstLines = (error as Error).message.split("\n").slice(0, 4).join(" | ");
        return `${server} ${version} cannot serve TLS here: ${firstLines}`;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
