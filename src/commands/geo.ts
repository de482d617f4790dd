/** geo commands. */
export const geoCommands = {};
