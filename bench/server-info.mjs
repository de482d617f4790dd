// Reading a running server's state over a plain socket, with no side effects on import (the
// benchmark workers use it; server.mjs, which owns the server processes, re-exports it).
import net from "node:net";

/** Send raw RESP commands on a fresh socket; resolves with the raw reply text. */
export function rawCommand(host, port, args, timeoutMs = 2000) {
    return new Promise((resolve, reject) => {
        const sock = net.connect({ host, port });
        let buf = "";
        const timer = setTimeout(() => { sock.destroy(); reject(new Error("timeout")); }, timeoutMs);
        sock.on("connect", () => {
            sock.write(`*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join(""));
        });
        sock.on("data", (d) => {
            buf += d.toString();
            // Enough for the simple/bulk single replies we use (PING, INFO).
            const m = /^\$(\d+)\r\n/.exec(buf);
            if ((buf[0] !== "$" && buf.endsWith("\r\n")) || (m && buf.length >= m[0].length + Number(m[1]) + 2)) {
                clearTimeout(timer);
                sock.end();
                resolve(buf);
            }
        });
        sock.on("error", (e) => { clearTimeout(timer); reject(e); });
    });
}

/**
 * CPU seconds (user + sys, every thread) the servers have used so far, summed; NaN if one can't
 * be read. Two readings around a run give how busy the servers were: with every server pinned to
 * one core, close to 100% of a core means the run measured the servers, not the client.
 */
export async function serverCpuSeconds(addresses) {
    try {
        const infos = await Promise.all(addresses.map((a) => rawCommand(a.host, a.port, ["INFO", "cpu"])));
        return infos.reduce((sum, info) => {
            const field = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1]);
            return sum + field("used_cpu_sys") + field("used_cpu_user");
        }, 0);
    } catch {
        return NaN;
    }
}
