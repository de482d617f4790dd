/** Option types and enums of the sorted-set commands (as in GLIDE's API). */
export {};
