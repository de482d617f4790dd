/** Option types and enums of the hyperloglog commands (as in GLIDE's API). */
export {};
