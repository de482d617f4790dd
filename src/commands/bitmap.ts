/** bitmap commands. */
export const bitmapCommands = {};
