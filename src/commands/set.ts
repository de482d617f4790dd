/** set commands. */
export const setCommands = {};
