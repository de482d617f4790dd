/** Option types and enums of the bitmap commands (as in GLIDE's API). */
export {};
