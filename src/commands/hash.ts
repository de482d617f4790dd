/** hash commands. */
export const hashCommands = {};
