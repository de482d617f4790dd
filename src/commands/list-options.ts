/** Option types and enums of the list commands (as in GLIDE's API). */

/** Which end of a list to pop from or push to (LMOVE, LMPOP, …). */
export enum ListDirection {
    LEFT = "LEFT",
    RIGHT = "RIGHT",
}

/** Where LINSERT puts the element relative to the pivot. */
export enum InsertPosition {
    Before = "before",
    After = "after",
}

/** LPOS's options: which match, how many, and how far to look. */
export interface LPosOptions {
    /** Which match to return: 1 = first, 2 = second, …; negative counts from the tail. */
    rank?: number;
    /** How many matches to return (0 = all); with a count the reply is an array. */
    count?: number;
    /** Compare at most this many elements (0 = the whole list). */
    maxLength?: number;
}
