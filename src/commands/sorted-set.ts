/** sorted-set commands. */
export const sortedSetCommands = {};
