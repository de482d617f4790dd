/** hyperloglog commands. */
export const hyperloglogCommands = {};
