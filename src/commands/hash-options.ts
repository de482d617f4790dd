/** Option types and enums of the hash commands (as in GLIDE's API). */
export {};
