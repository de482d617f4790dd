/** A growable ring buffer: O(1) push and shift, no `Array.shift` copying on the hot path. */
export class Fifo<T> {
    #items: (T | undefined)[];
    #head = 0;
    #length = 0;
    #mask: number;

    constructor(capacityPowerOfTwo = 64) {
        this.#items = new Array(capacityPowerOfTwo);
        this.#mask = capacityPowerOfTwo - 1;
    }

    get length(): number {
        return this.#length;
    }

    push(item: T): void {
        if (this.#length === this.#items.length) this.#grow();
        this.#items[(this.#head + this.#length) & this.#mask] = item;
        this.#length++;
    }

    peek(): T | undefined {
        return this.#length === 0 ? undefined : this.#items[this.#head];
    }

    shift(): T | undefined {
        if (this.#length === 0) return undefined;
        const item = this.#items[this.#head];
        this.#items[this.#head] = undefined;
        this.#head = (this.#head + 1) & this.#mask;
        this.#length--;
        return item;
    }

    /** Visits items from oldest to newest. */
    forEach(visit: (item: T) => void): void {
        for (let i = 0; i < this.#length; i++) visit(this.#items[(this.#head + i) & this.#mask] as T);
    }

    /** Removes and returns every item, oldest first. */
    drain(): T[] {
        const out: T[] = [];
        for (let item = this.shift(); item !== undefined; item = this.shift()) out.push(item);
        return out;
    }

    #grow(): void {
        const old = this.#items;
        const next = new Array<T | undefined>(old.length * 2);
        for (let i = 0; i < this.#length; i++) next[i] = old[(this.#head + i) & this.#mask];
        this.#items = next;
        this.#head = 0;
        this.#mask = next.length - 1;
    }
}
