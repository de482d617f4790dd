/** HyperLogLog commands. */
import { as, command, EVERY_ARG_KEY, FIRST_KEY } from "./core";
import { toBoolean } from "./replies";
import type { GlideString } from "./types";

export const hyperloglogCommands = {
    pfadd: command({
        args: (key: GlideString, elements: GlideString[]) => ["PFADD", key, ...elements],
        // Whether the estimated cardinality changed (or the key was created).
        reply: toBoolean,
        keys: FIRST_KEY,
    }),
    pfcount: command({
        args: (keys: GlideString[]) => ["PFCOUNT", ...keys],
        reply: as<number>,
        readonly: true,
        keys: EVERY_ARG_KEY,
    }),
    pfmerge: command({
        args: (destination: GlideString, sourceKeys: GlideString[]) => ["PFMERGE", destination, ...sourceKeys],
        reply: as<"OK">,
        keys: EVERY_ARG_KEY,
    }),
};
