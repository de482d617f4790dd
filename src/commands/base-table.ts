/** Every command both clients share with the same signature (GLIDE's BaseClient methods). */
import { bitmapCommands } from "./bitmap";
import { genericCommands } from "./generic";
import { genericExtraCommands } from "./generic-extra";
import { geoCommands } from "./geo";
import { hashCommands } from "./hash";
import { hyperloglogCommands } from "./hyperloglog";
import { listCommands } from "./list";
import { setCommands } from "./set";
import { sortedSetCommands } from "./sorted-set";
import { streamCommands } from "./stream";
import { stringCommands } from "./string";

export const baseCommands = {
    ...stringCommands,
    ...genericCommands,
    ...hashCommands,
    ...listCommands,
    ...setCommands,
    ...sortedSetCommands,
    ...streamCommands,
    ...bitmapCommands,
    ...hyperloglogCommands,
    ...geoCommands,
    ...genericExtraCommands,
};
