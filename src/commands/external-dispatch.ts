/**
 * How code above the client layer (the module APIs: GlideFt, GlideJson) runs a command definition
 * through a client, with the client's own routing, decoding and timeouts. A symbol, so that it
 * adds no public method name to the clients.
 */
import type { CommandDef } from "./core";

export const RUN_DEFINITION: unique symbol = Symbol("glide-ts.runDefinition");

export interface DefinitionRunner {
    [RUN_DEFINITION](def: CommandDef, params: unknown[]): Promise<unknown>;
}
