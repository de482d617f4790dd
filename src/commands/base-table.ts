/** Every command both clients share with the same signature (GLIDE's BaseClient methods). */
import { genericCommands } from "./generic";
import { listCommands } from "./list";
import { stringCommands } from "./string";

export const baseCommands = {
    ...stringCommands,
    ...genericCommands,
    ...listCommands,
};
