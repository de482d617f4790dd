/** Option types and enums of the stream commands (as in GLIDE's API). */
export {};
