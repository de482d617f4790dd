/** Option types and enums of the set commands (as in GLIDE's API). */
export {};
