/**
 * Where telemetry goes, checked as GLIDE checks it at init: http(s):// and grpc:// collectors,
 * file:// paths whose folder exists (a folder, or a name without extension, gets signals.json).
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { ConfigurationError } from "../errors";

export type Endpoint = { kind: "file"; file: string } | { kind: "http"; url: URL } | { kind: "grpc"; url: URL };

const FILE_PREFIX = "file://";
const DEFAULT_FILE_NAME = "signals.json";

function fileEndpoint(endpoint: string): Endpoint {
    const given = endpoint.slice(FILE_PREFIX.length);
    const isFolder = given.endsWith("/") || path.extname(given) === "";
    const folder = isFolder ? given.replace(/\/+$/, "") || "/" : path.dirname(given);
    let exists = false;
    try {
        exists = fs.statSync(folder).isDirectory();
    } catch {
        exists = false;
    }
    if (!exists) throw new ConfigurationError(`The directory does not exist or is not a directory: ${folder}`);
    return { kind: "file", file: isFolder ? path.join(folder, DEFAULT_FILE_NAME) : given };
}

export function parseEndpoint(endpoint: string): Endpoint {
    if (typeof endpoint === "string" && endpoint.startsWith(FILE_PREFIX)) return fileEndpoint(endpoint);
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new ConfigurationError(`Parse error. ${endpoint}`);
    }
    if (url.protocol === "http:" || url.protocol === "https:") return { kind: "http", url };
    if (url.protocol === "grpc:") return { kind: "grpc", url };
    throw new ConfigurationError(endpoint);
}
