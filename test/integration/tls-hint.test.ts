/** useTLS against a plain-text valkey-server: the timeout says what the bytes (none) suggest. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ClosingError, GlideClient, RequestError } from "../../src";
import { standaloneAddress } from "../helpers/shared";

const HINT = "the server accepted the connection but never answered the TLS handshake: useTLS is set; is the server listening with TLS?";

describe("useTLS against a plain-text server", () => {
    it("createClient fails with GLIDE's timeout, the TLS hint in its reason", async () => {
        const { host, port } = await standaloneAddress();
        await assert.rejects(
            GlideClient.createClient({ addresses: [{ host, port }], useTLS: true, advancedConfiguration: { connectionTimeout: 300 } }),
            (error: Error) => error instanceof ClosingError && error.message === `Connection error: Standalone(Received error for address \`${host}:${port}\`: timed out (${HINT})\n)`,
        );
    });

    it("a lazy client's first command says it too", async () => {
        const { host, port } = await standaloneAddress();
        const client = await GlideClient.createClient({ addresses: [{ host, port }], useTLS: true, lazyConnect: true, advancedConfiguration: { connectionTimeout: 300 } });
        try {
            await assert.rejects(client.ping(), (error: Error) => error instanceof RequestError && error.message.includes(HINT));
        } finally {
            client.close();
        }
    });
});
