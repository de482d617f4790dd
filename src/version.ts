/**
 * Reported to servers with CLIENT SETINFO. The library name is GLIDE's, so that whatever counts
 * GLIDE clients (lib-name=GlideJS) counts ours; the version names glide-ts as semver build
 * metadata. A unit test keeps LIB_VERSION equal to package.json's.
 */
export const LIB_NAME = "GlideJS";
export const LIB_VERSION = "0.1.0";
export const REPORTED_LIB_VERSION = `${LIB_VERSION}+glide-ts`;
