/**
 * TypeScript consumers of the installed package, checked with `strict` and `skipLibCheck: false`
 * (so the shipped declarations are checked too). Each `@ts-expect-error` must meet an error, so
 * the check also fails when the types allow what fails at run time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./tarball";

const ESM_CONSUMER = `
import glide, { Batch, Decoder, GlideClient, RequestError, TimeUnit, type GlideString } from "glide-ts";

// The default export is the module, as GLIDE's CommonJS exports are for \`import glide from\`.
const sameClass: typeof GlideClient = glide.GlideClient;
// @ts-expect-error: no such export
glide.NoSuchExport;
// @ts-expect-error: at run time the default export has no default of its own
glide.default;

export async function roundTrip(port: number): Promise<GlideString | null> {
    const client = await sameClass.createClient({ addresses: [{ host: "localhost", port }], requestTimeout: 500 });
    await client.set("key", "value", { expiry: { type: TimeUnit.Seconds, count: 60 } });
    const replies = await client.exec(new Batch(true).get("key"), false);
    if (replies?.[0] instanceof RequestError) throw replies[0];
    // @ts-expect-error: createClient takes a configuration
    await GlideClient.createClient();
    return client.get("key", { decoder: Decoder.Bytes });
}
`;

const CJS_CONSUMER = `
import glide = require("glide-ts");
import { GlideClusterClient, ClosingError } from "glide-ts";

export async function clusterRoundTrip(port: number): Promise<string | null> {
    const client: glide.GlideClusterClient = await GlideClusterClient.createClient({ addresses: [{ host: "localhost", port }] });
    try {
        return String(await client.get("key"));
    } catch (error) {
        if (error instanceof ClosingError) return null;
        throw error;
    }
}
`;

const COMPILER_OPTIONS = {
    nodenext: { module: "nodenext", moduleResolution: "nodenext" },
    bundler: { module: "preserve", moduleResolution: "bundler" },
};

/** Writes the consumers and a tsconfig for this module resolution into project; returns the tsconfig's path. */
export function writeTypeChecks(project: string, resolution: keyof typeof COMPILER_OPTIONS): string {
    const dir = path.join(project, `types-${resolution}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "esm-consumer.mts"), ESM_CONSUMER);
    fs.writeFileSync(path.join(dir, "cjs-consumer.cts"), CJS_CONSUMER);
    const tsconfig = {
        compilerOptions: {
            ...COMPILER_OPTIONS[resolution],
            target: "es2022",
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: ["node"],
            // @types/node as the README tells users to install it; here the repository's copy, to stay offline.
            typeRoots: [path.join(repoRoot, "node_modules/@types")],
        },
        files: ["esm-consumer.mts", "cjs-consumer.cts"],
    };
    const file = path.join(dir, "tsconfig.json");
    fs.writeFileSync(file, JSON.stringify(tsconfig, null, 2));
    return file;
}
