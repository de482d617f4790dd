/** What the integration suites of the command families share: their clients, binary samples, error checks. */
import assert from "node:assert/strict";
import { after, before } from "node:test";

import { RequestError } from "../../src";
import { uniqueKey, type ClientKind, type TestClient } from "./clients";

/** Not valid UTF-8: decoding it as a string would not round-trip. */
export const BINARY = Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0xc3]);
export const OTHER_BINARY = Buffer.from([0xc0, 0x01]);

/** A unique key that ends in bytes that are not UTF-8. */
export function binaryKey(): Buffer {
    return Buffer.concat([Buffer.from(uniqueKey("bin")), BINARY]);
}

/** Rejects with the server's RequestError whose text starts with `prefix`. */
export async function rejectsWithPrefix(promise: Promise<unknown>, prefix: string): Promise<void> {
    await assert.rejects(promise, (error: unknown) => {
        assert.ok(error instanceof RequestError, `expected a RequestError, got ${String(error)}`);
        assert.ok(error.message.startsWith(prefix), `"${error.message}" does not start with "${prefix}"`);
        return true;
    });
}

/** Rejects with the server's RequestError saying exactly `message`. */
export async function rejectsWithMessage(promise: Promise<unknown>, message: string): Promise<void> {
    await assert.rejects(promise, (error: unknown) => {
        assert.ok(error instanceof RequestError, `expected a RequestError, got ${String(error)}`);
        assert.equal(error.message, message);
        return true;
    });
}

/** Rejects with WRONGTYPE: the key holds another type. */
export function rejectsWrongType(promise: Promise<unknown>): Promise<void> {
    return rejectsWithPrefix(promise, "WRONGTYPE");
}

/**
 * Creates `count` clients of `kind` before the enclosing suite's tests (handed to `receive`) and
 * closes them after.
 */
export function suiteClients(kind: ClientKind, count: number, receive: (clients: TestClient[]) => void): void {
    let clients: TestClient[] = [];
    before(async () => {
        for (let i = 0; i < count; i++) clients.push(await kind.create());
        receive(clients);
    });
    after(() => {
        for (const client of clients) client.close();
        clients = [];
    });
}

/** A key holding a string, for WRONGTYPE errors. */
export async function stringKey(client: TestClient): Promise<string> {
    const key = uniqueKey("str");
    assert.equal(await client.set(key, "x"), "OK");
    return key;
}

/** A key holding a list, for WRONGTYPE errors. */
export async function listKey(client: TestClient): Promise<string> {
    const key = uniqueKey("list");
    assert.equal(await client.customCommand(["RPUSH", key, "a"]), 1);
    return key;
}
