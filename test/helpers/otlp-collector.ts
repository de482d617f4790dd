/** An OTLP/HTTP collector stand-in: an HTTP server on a free port keeping every JSON body it is sent, by path. */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
    path: string;
    contentType: string | undefined;
    body: any;
}

export interface Collector {
    url: string;
    received: Received[];
    close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
    const received: Received[] = [];
    const server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
            received.push({ path: request.url ?? "", contentType: request.headers["content-type"], body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
            response.writeHead(200, { "content-type": "application/json" }).end("{}");
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        received,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
