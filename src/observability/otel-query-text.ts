/**
 * `db.query.text` as GLIDE writes it: the command and its arguments with values replaced by `?`.
 * Measured against GLIDE 2.5.2: keys, field names, indexes and counts stay (GET k, HSET h f ? g ?,
 * LRANGE l 0 -1, EXPIRE k 10), written values go (SET k ? ? ?, LPUSH l ?, MSET a ? b ?), and
 * administrative or unknown commands keep only their name (CLIENT ?, CONFIG ? ?, SETRANGE ? ? ?).
 */
import type { CommandArg } from "../protocol/types";

/** Commands whose arguments are all names and numbers: nothing is masked. */
const SHOWN = new Set(
    (
        "get getdel getrange strlen mget exists del unlink type ttl pttl expire pexpire expireat pexpireat persist " +
        "expiretime pexpiretime rename renamenx touch incr incrby decr decrby hget hmget hgetall hkeys hvals hlen hexists " +
        "hdel hincrby hstrlen lrange lindex llen lpop rpop lpos ltrim srem smembers scard sismember smismember spop " +
        "srandmember sinter sunion sdiff zscore zrange zrank zrevrank zcard zcount zrem select object dbsize info ping " +
        "time lastsave flushdb flushall xlen xrange xrevrange xdel xtrim"
    ).split(" "),
);

/** Commands that write values after their first argument (the key or channel): SET k ?. */
const VALUES_AFTER_FIRST = new Set("set setnx getset append publish spublish sadd lpush rpush lpushx rpushx zadd xadd pfadd".split(" "));

/** Key-value pairs (MSET a ? b ?) and field-value pairs after a key (HSET h f ? g ?). */
const KEY_VALUE_PAIRS = new Set(["mset", "msetnx"]);
const FIELD_VALUE_PAIRS = new Set(["hset", "hmset", "hsetnx"]);

function text(arg: CommandArg): string {
    return typeof arg === "string" ? arg : typeof arg === "number" ? String(arg) : arg.toString("utf8");
}

/** Whether argument `index` (1 = first after the command name) is shown for this command. */
function shown(command: string, index: number): boolean {
    if (SHOWN.has(command)) return true;
    if (VALUES_AFTER_FIRST.has(command)) return index === 1;
    if (KEY_VALUE_PAIRS.has(command)) return index % 2 === 1;
    if (FIELD_VALUE_PAIRS.has(command)) return index === 1 || index % 2 === 0;
    return false;
}

export function maskedQueryText(args: readonly CommandArg[]): string {
    if (args.length === 0) return "";
    const name = text(args[0]);
    const command = name.toLowerCase();
    let result = name;
    for (let index = 1; index < args.length; index++) result += shown(command, index) ? ` ${text(args[index])}` : " ?";
    return result;
}

/** The operation name: the command word as sent (GLIDE: "CLIENT" for CLIENT GETNAME). */
export function operationName(args: readonly CommandArg[]): string {
    return args.length === 0 ? "" : text(args[0]).toUpperCase();
}
