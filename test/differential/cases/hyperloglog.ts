/** HyperLogLog commands. */
import { BIN, K, type Family, type SetupCommand } from "./types";

/** A binary key in the `{dk}` slot. */
const BIN_KEY = Buffer.concat([Buffer.from("{dk}"), BIN]);

const withTwo: SetupCommand[] = [
    ["PFADD", K.a, "x", "y", "z"],
    ["PFADD", K.b, "z", "w"],
];
const withString: SetupCommand[] = [["SET", K.a, "not a hyperloglog"]];
const withList: SetupCommand[] = [["RPUSH", K.a, "x"]];

export const hyperloglogFamily: Family = {
    name: "hyperloglog",
    cases: [
        { method: "pfadd", title: "new key", args: [K.a, ["x", "y", "x"]] },
        { method: "pfadd", title: "nothing new", setup: withTwo, args: [K.a, ["x", "y"]] },
        { method: "pfadd", title: "something new", setup: withTwo, args: [K.a, ["x", "q"]] },
        { method: "pfadd", title: "empty list, new key", args: [K.a, []] },
        { method: "pfadd", title: "empty list, existing key", setup: withTwo, args: [K.a, []] },
        { method: "pfadd", title: "binary key and elements", args: [BIN_KEY, [BIN, Buffer.from("e")]] },
        { method: "pfadd", title: "empty element", args: [K.a, [""]] },
        { method: "pfadd", title: "not a hyperloglog", setup: withString, args: [K.a, ["x"]] },
        { method: "pfadd", title: "wrong type", setup: withList, args: [K.a, ["x"]] },
        { method: "pfcount", title: "one key", setup: withTwo, args: [[K.a]] },
        { method: "pfcount", title: "several keys", setup: withTwo, args: [[K.a, K.b]] },
        { method: "pfcount", title: "missing key", args: [[K.missing]] },
        { method: "pfcount", title: "existing and missing", setup: withTwo, args: [[K.b, K.missing]] },
        { method: "pfcount", title: "empty key list", args: [[]] },
        { method: "pfcount", title: "Buffer keys", setup: withTwo, args: [[Buffer.from(K.a), Buffer.from(K.b)]] },
        { method: "pfcount", title: "not a hyperloglog", setup: withString, args: [[K.a]] },
        { method: "pfcount", title: "wrong type", setup: withList, args: [[K.a]] },
        { method: "pfcount", title: "keys in other slots", setup: [["PFADD", K.Xa, "x"]], args: [[K.Xa, K.Xb]], batchModes: ["pipeline"] },
        { method: "pfmerge", title: "two sources", setup: withTwo, args: [K.c, [K.a, K.b]] },
        { method: "pfmerge", title: "into a source", setup: withTwo, args: [K.a, [K.b]] },
        { method: "pfmerge", title: "no sources", args: [K.c, []] },
        { method: "pfmerge", title: "no sources, existing destination", setup: withTwo, args: [K.a, []] },
        { method: "pfmerge", title: "missing sources", args: [K.c, [K.a, K.missing]] },
        { method: "pfmerge", title: "binary keys", setup: [["PFADD", BIN_KEY, "x"]], args: [Buffer.from(K.c), [BIN_KEY]] },
        { method: "pfmerge", title: "not a hyperloglog", setup: withString, args: [K.c, [K.a]] },
        { method: "pfmerge", title: "wrong type destination", setup: [...withTwo, ["RPUSH", K.c, "x"]], args: [K.c, [K.a]] },
        { method: "pfmerge", title: "keys in other slots", args: [K.Xa, [K.Xb]], batchModes: ["pipeline"] },
    ],
};
