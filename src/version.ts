/** Reported to servers with CLIENT SETINFO; a unit test keeps LIB_VERSION equal to package.json's. */
export const LIB_NAME = "GlideTS";
export const LIB_VERSION = "0.1.0";
