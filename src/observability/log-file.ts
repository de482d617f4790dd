import * as fs from "node:fs";
import * as path from "node:path";

/**
 * GLIDE's file target: `glide-logs/<fileName>.<YYYY-MM-DD-HH>` (UTC hour), a new file each hour,
 * appended to, folders made as needed, nothing created until the first line. An absolute
 * fileName leaves glide-logs/ out, as GLIDE's core joins the two paths.
 */
export class HourlyLogFile {
    readonly #base: string;
    #hour = "";
    #fd: number | undefined;

    constructor(fileName: string) {
        this.#base = path.resolve("glide-logs", fileName);
    }

    /** Written synchronously: a line logged just before the process exits is not lost. */
    write(line: string, now: Date): void {
        const hour = now.toISOString().slice(0, 13).replace("T", "-");
        if (hour !== this.#hour) this.#open(hour);
        if (this.#fd !== undefined) fs.writeSync(this.#fd, line);
    }

    close(): void {
        if (this.#fd !== undefined) fs.closeSync(this.#fd);
        this.#fd = undefined;
        this.#hour = "";
    }

    #open(hour: string): void {
        this.close();
        const file = `${this.#base}.${hour}`;
        try {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            this.#fd = fs.openSync(file, "a");
            this.#hour = hour;
        } catch (error) {
            // A log that cannot be written must not break the client; say so once per hour tried.
            this.#hour = hour;
            process.stderr.write(`glide-ts: cannot write log file ${file}: ${(error as Error).message}\n`);
        }
    }
}
