/** Option types and enums of the list commands (as in GLIDE's API). */
export {};
