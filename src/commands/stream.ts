/** stream commands. */
export const streamCommands = {};
