/** Requests the router itself sends (CLUSTER SLOTS, READONLY), outside the client's accounting. */
import type { Connection } from "../../connection/connection";
import { Request } from "../../connection/request";
import type { CommandArg, RespValue } from "../../protocol/types";

export function queryNode(connection: Connection, args: CommandArg[], timeoutMs: number): Promise<RespValue> {
    return new Promise((resolve, reject) => {
        const request = new Request(args, false, false, undefined, performance.now() + timeoutMs);
        request.resolve = resolve as (value: unknown) => void;
        request.reject = reject;
        connection.send(request);
    });
}
