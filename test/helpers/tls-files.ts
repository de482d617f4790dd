/** Test-time TLS material made with the openssl command line: a CA, a server cert and a client cert. */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface TlsFiles {
    caFile: string;
    /** Server certificate, valid for 127.0.0.1 and localhost. */
    certFile: string;
    keyFile: string;
    /** Client certificate signed by the same CA, for mutual TLS. */
    clientCertFile: string;
    clientKeyFile: string;
    /** Contents of caFile, ready for `tls.connect({ ca })`. */
    ca: Buffer;
}

// Our own config instead of the system openssl.cnf, so the extensions are the same everywhere.
const OPENSSL_CONFIG = `
[req]
distinguished_name = dn
prompt = no
[dn]
CN = glide-ts-test
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
`;

const DAYS_VALID = "7";
// EC keys are generated in milliseconds; RSA keys would dominate TLS test start-up.
const NEW_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

export async function generateTlsFiles(dir: string): Promise<TlsFiles> {
    fs.mkdirSync(dir, { recursive: true });
    const file = (name: string): string => path.join(dir, name);
    const config = file("openssl.cnf");
    fs.writeFileSync(config, OPENSSL_CONFIG);

    await openssl([
        "req", "-x509", ...NEW_KEY, "-config", config, "-extensions", "ca_ext",
        "-subj", "/CN=glide-ts-test-ca", "-days", DAYS_VALID,
        "-keyout", file("ca.key"), "-out", file("ca.crt"),
    ]);
    await Promise.all([
        signedCertificate(dir, config, "server", "/CN=localhost", "server_ext", "1001"),
        signedCertificate(dir, config, "client", "/CN=glide-ts-test-client", "client_ext", "1002"),
    ]);
    return {
        caFile: file("ca.crt"),
        certFile: file("server.crt"),
        keyFile: file("server.key"),
        clientCertFile: file("client.crt"),
        clientKeyFile: file("client.key"),
        ca: fs.readFileSync(file("ca.crt")),
    };
}

async function signedCertificate(
    dir: string,
    config: string,
    name: string,
    subject: string,
    extensions: string,
    serial: string,
): Promise<void> {
    const file = (suffix: string): string => path.join(dir, `${name}.${suffix}`);
    await openssl(["req", "-new", ...NEW_KEY, "-config", config, "-subj", subject, "-keyout", file("key"), "-out", file("csr")]);
    await openssl([
        "x509", "-req", "-in", file("csr"), "-days", DAYS_VALID, "-set_serial", serial,
        "-CA", path.join(dir, "ca.crt"), "-CAkey", path.join(dir, "ca.key"),
        "-extfile", config, "-extensions", extensions, "-out", file("crt"),
    ]);
}

async function openssl(args: string[]): Promise<void> {
    try {
        await run("openssl", args);
    } catch (error) {
        const stderr = (error as { stderr?: string }).stderr ?? "";
        throw new Error(`openssl ${args[0]} failed: ${(error as Error).message}\n${stderr}`);
    }
}
