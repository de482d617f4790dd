import { TYPE_ATTRIBUTE, TYPE_MAP, TYPE_PUSH, TYPE_SET } from "./resp-bytes";
import { RespAttributed, RespMap, RespValue } from "./types";

// What kind of aggregate a stack level is building.
export const ARRAY = 0;
export const SET = 1;
export const MAP = 2;
export const ATTRIBUTE = 3;
/** A top-level push frame; the decoder delivers it through onPush rather than as a reply. */
export const PUSH = 4;

const NO_ITEMS: RespValue[] = [];

/**
 * The aggregates a decoder is in the middle of, innermost last. Kept as parallel arrays that are
 * reused across replies, so opening an aggregate allocates nothing but its items array; no
 * recursion is involved however deep the nesting.
 */
export class AggregateStack {
    /** How many aggregates are open. */
    depth = 0;
    /** After add() returned true: the outermost aggregate it closed, and whether it was a push. */
    closed: RespValue = null;
    closedPush = false;

    readonly #items: RespValue[][] = [];
    readonly #remaining: number[] = [];
    readonly #kinds: number[] = [];

    /** Opens an aggregate that will hold `count` values (a map counts keys and values). */
    open(kind: number, count: number): void {
        const depth = this.depth;
        if (depth === this.#items.length) {
            this.#items.push([]);
            this.#remaining.push(count);
            this.#kinds.push(kind);
        } else {
            this.#items[depth] = [];
            this.#remaining[depth] = count;
            this.#kinds[depth] = kind;
        }
        this.depth = depth + 1;
    }

    /**
     * Adds a value to the innermost open aggregate (there must be one), closing every aggregate
     * that this completes. Returns true when that emptied the stack: the finished top-level value
     * is then in `closed`.
     */
    add(value: RespValue): boolean {
        for (;;) {
            const top = this.depth - 1;
            const items = this.#items[top];
            items.push(value);
            if (--this.#remaining[top] !== 0) return false;
            this.depth = top;
            this.#items[top] = NO_ITEMS;
            const kind = this.#kinds[top];
            value = finish(kind, items);
            if (top === 0) {
                this.closed = value;
                this.closedPush = kind === PUSH;
                return true;
            }
        }
    }

    /** Drops every open aggregate. */
    clear(): void {
        for (let i = 0; i < this.depth; i++) this.#items[i] = NO_ITEMS;
        this.depth = 0;
        this.closed = null;
    }
}

function finish(kind: number, items: RespValue[]): RespValue {
    switch (kind) {
        case SET:
            return new Set(items);
        case MAP:
            return new RespMap(items);
        case ATTRIBUTE: {
            const attributed = items.pop() as RespValue;
            return new RespAttributed(attributed, new RespMap(items));
        }
        default:
            return items;
    }
}

/** The kind of aggregate a type byte opens; a push is a plain array unless it is top-level. */
export function aggregateKind(type: number, depth: number): number {
    switch (type) {
        case TYPE_SET:
            return SET;
        case TYPE_MAP:
            return MAP;
        case TYPE_ATTRIBUTE:
            return ATTRIBUTE;
        case TYPE_PUSH:
            return depth === 0 ? PUSH : ARRAY;
        default:
            return ARRAY;
    }
}
