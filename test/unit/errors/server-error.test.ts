import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ExecAbortError, RequestError, serverError, serverErrorText } from "../../../src/errors";

// Each expectation was read off GLIDE 2.5.2 answering the same error reply (a real server through
// EVAL's redis.error_reply, or a mock server for the replies a real one never sends).
const WORDING: [reply: string, message: string][] = [
    ["ERR x y", "An error was signalled by the server: - ResponseError: x y"],
    ["EXECABORT a", "An error was signalled by the server: - ExecAbortError: a"],
    ["LOADING a", "An error was signalled by the server: - BusyLoadingError: a"],
    ["NOSCRIPT a", "An error was signalled by the server: - NoScriptError: a"],
    ["MOVED 1 127.0.0.1:1", "An error was signalled by the server: - Moved: 1 127.0.0.1:1"],
    ["ASK 1 127.0.0.1:1", "An error was signalled by the server: - Ask: 1 127.0.0.1:1"],
    ["TRYAGAIN a", "An error was signalled by the server: - TryAgain: a"],
    ["CLUSTERDOWN a", "An error was signalled by the server: - ClusterDown: a"],
    ["CROSSSLOT a", "An error was signalled by the server: - CrossSlot: a"],
    ["MASTERDOWN a", "An error was signalled by the server: - MasterDown: a"],
    ["READONLY a", "An error was signalled by the server: - ReadOnly: a"],
    ["NOTBUSY a", "An error was signalled by the server: - NotBusy: a"],
    ["NOPERM a", "An error was signalled by the server: - PermissionDenied: a"],
    ["WRONGTYPE Operation against a key", "WRONGTYPE: Operation against a key"],
    ["BUSYKEY Target key name already exists.", "BUSYKEY: Target key name already exists."],
    ["NOAUTH a", "NOAUTH: a"],
    ["lower case", "lower: case"],
    ["ERRx y", "ERRx: y"],
    ["ERR ", "An error was signalled by the server: - ResponseError: "],
    ["ERR  two spaces", "An error was signalled by the server: - ResponseError:  two spaces"],
    ["ERR", "An error was signalled by the server:- ResponseError"],
    ["NOSCRIPT", "An error was signalled by the server:- NoScriptError"],
    ["FOO", "FOO: Unknown extension error encountered"],
    [" leading", ": leading"],
];

describe("server errors in GLIDE's words", () => {
    it("word every known and unknown code as GLIDE does", () => {
        for (const [reply, message] of WORDING) assert.equal(serverError(reply).message, message, reply);
    });

    it("are RequestErrors, EXECABORT an ExecAbortError, as GLIDE's classes", () => {
        assert.equal(serverError("ERR x").constructor, RequestError);
        assert.equal(serverError("WRONGTYPE x").constructor, RequestError);
        assert.equal(serverError("EXECABORT x").constructor, ExecAbortError);
    });

    it("keep the server's own text, hidden from enumeration, for the client's decisions", () => {
        const error = serverError("MOVED 12 host:1");
        assert.equal(serverErrorText(error), "MOVED 12 host:1");
        assert.deepEqual(Object.keys(error), []);
        assert.equal(error.code, "ERR_GLIDE_REQUEST");
        assert.equal(serverErrorText(new RequestError("MOVED 12 host:1")), undefined);
        assert.equal(serverErrorText("MOVED"), undefined);
        assert.equal(serverErrorText(null), undefined);
    });
});
