/**
 * The argv a server received, read from MONITOR: the lines between two ECHO markers, which the
 * callers send once the commands they bracket have been answered.
 */
import * as net from "node:net";

export class MonitorRecorder {
    readonly #socket: net.Socket;
    readonly #lines: string[] = [];
    #pending = "";
    #waiters: (() => void)[] = [];

    private constructor(socket: net.Socket) {
        this.#socket = socket;
        socket.setEncoding("utf8");
        socket.on("data", (chunk: string) => {
            const text = this.#pending + chunk;
            const lines = text.split("\r\n");
            this.#pending = lines.pop()!;
            // "+1700000000.000000 [0 127.0.0.1:1234] "CMD" "arg" …" (the first line is MONITOR's +OK).
            for (const line of lines) this.#lines.push(line.replace(/^\+[\d.]+ \[[^\]]*\] /, ""));
            for (const wake of this.#waiters.splice(0)) wake();
        });
    }

    static async start(host: string, port: number): Promise<MonitorRecorder> {
        const socket = net.connect(port, host);
        await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
        const recorder = new MonitorRecorder(socket);
        socket.write("MONITOR\r\n");
        await recorder.#until((line) => line === "+OK");
        return recorder;
    }

    /** Waits for the ECHO of `marker` and gives the lines before it since the last call, the ECHO lines left out. */
    async takeUntil(marker: string): Promise<string[]> {
        const at = await this.#until((line) => line === `"ECHO" "${marker}"` || line === `"echo" "${marker}"`);
        const taken = this.#lines.splice(0, at + 1);
        return taken.slice(0, -1).filter((line) => !/^"(ECHO|echo)" /.test(line));
    }

    async #until(matches: (line: string) => boolean): Promise<number> {
        const deadline = Date.now() + 5000;
        for (;;) {
            const at = this.#lines.findIndex(matches);
            if (at >= 0) return at;
            if (Date.now() > deadline) throw new Error(`MONITOR never showed the marker; last lines: ${this.#lines.slice(-5).join(" | ")}`);
            await new Promise<void>((resolve) => {
                this.#waiters.push(resolve);
                setTimeout(resolve, 100);
            });
        }
    }

    stop(): void {
        this.#socket.destroy();
    }
}
