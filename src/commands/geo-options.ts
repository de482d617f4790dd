/** Option types and enums of the geo commands (as in GLIDE's API). */
export {};
