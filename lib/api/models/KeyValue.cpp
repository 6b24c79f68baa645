//===- KeyValue.cpp - hiredis, redis-plus-plus and mongocxx ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Stores without SQL: one command or find per key in a loop is their N+1,
// and their batched forms are MGET, pipelines and `$in`.
//
//===----------------------------------------------------------------------===//

#include "lib/api/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// hiredis: the command is printf-like text; the reply of a multi-bulk
// command is walked by index up to reply->elements.
const ApiFunction HiredisFunctions[] = {
    api("redisCommand", RoleExecute).sqlAt(1).paramsFrom(2),
    // argv[0] is the command word.
    api("redisCommandArgv", RoleExecute).sqlAt(2).paramsFrom(1),
};
const char *const HiredisResultTypes[] = {"redisReply"};
const char *const RedisWriteCommands[] = {"SET",
                                          "SETEX",
                                          "SETNX",
                                          "PSETEX",
                                          "MSET",
                                          "MSETNX",
                                          "SETRANGE",
                                          "GETSET",
                                          "GETDEL",
                                          "APPEND",
                                          "HSET",
                                          "HSETNX",
                                          "HMSET",
                                          "HDEL",
                                          "HINCRBY",
                                          "HINCRBYFLOAT",
                                          "DEL",
                                          "UNLINK",
                                          "RENAME",
                                          "INCR",
                                          "INCRBY",
                                          "INCRBYFLOAT",
                                          "DECR",
                                          "DECRBY",
                                          "EXPIRE",
                                          "PEXPIRE",
                                          "EXPIREAT",
                                          "PERSIST",
                                          "LPUSH",
                                          "RPUSH",
                                          "LPOP",
                                          "RPOP",
                                          "LREM",
                                          "LSET",
                                          "LTRIM",
                                          "RPOPLPUSH",
                                          "LMOVE",
                                          "SADD",
                                          "SREM",
                                          "SPOP",
                                          "SMOVE",
                                          "ZADD",
                                          "ZREM",
                                          "ZINCRBY",
                                          "ZREMRANGEBYSCORE",
                                          "ZREMRANGEBYRANK",
                                          "ZREMRANGEBYLEX",
                                          "PFADD",
                                          "XADD",
                                          "PUBLISH",
                                          "GETEX",
                                          "PEXPIREAT",
                                          "RENAMENX",
                                          "COPY",
                                          "LPUSHX",
                                          "RPUSHX",
                                          "LINSERT",
                                          "SINTERSTORE",
                                          "SUNIONSTORE",
                                          "SDIFFSTORE",
                                          "ZPOPMIN",
                                          "ZPOPMAX",
                                          "ZINTERSTORE",
                                          "ZUNIONSTORE",
                                          "PFMERGE",
                                          "GEOADD",
                                          "XDEL",
                                          "XTRIM",
                                          "XACK"};
// Blocking pops and subscriptions wait for the next item: a loop around
// them is a worker, not N+1.
const char *const RedisWaitCommands[] = {
    "BLPOP",    "BRPOP", "BLMOVE",     "BRPOPLPUSH", "BZPOPMIN",
    "BZPOPMAX", "XREAD", "XREADGROUP", "SUBSCRIBE",  "PSUBSCRIBE"};

// redis-plus-plus: one method per command, named after it. The blocking
// pops and subscriptions (blpop, xread, subscribe) wait for work and are
// left out, as are the scans, which page with a cursor.
#define REDIS "sw::redis::Redis::"
const ApiFunction RedisPlusPlusFunctions[] = {
    readCall(REDIS "get"),
    readCall(REDIS "getrange"),
    readCall(REDIS "strlen"),
    readCall(REDIS "mget"),
    readCall(REDIS "exists"),
    readCall(REDIS "ttl"),
    readCall(REDIS "pttl"),
    readCall(REDIS "type"),
    readCall(REDIS "hget"),
    readCall(REDIS "hgetall"),
    readCall(REDIS "hmget"),
    readCall(REDIS "hexists"),
    readCall(REDIS "hlen"),
    readCall(REDIS "hkeys"),
    readCall(REDIS "hvals"),
    readCall(REDIS "hstrlen"),
    readCall(REDIS "lrange"),
    readCall(REDIS "lindex"),
    readCall(REDIS "llen"),
    readCall(REDIS "smembers"),
    readCall(REDIS "sismember"),
    readCall(REDIS "scard"),
    readCall(REDIS "srandmember"),
    readCall(REDIS "sinter"),
    readCall(REDIS "sunion"),
    readCall(REDIS "sdiff"),
    readCall(REDIS "zrange"),
    readCall(REDIS "zrevrange"),
    readCall(REDIS "zrangebyscore"),
    readCall(REDIS "zrevrangebyscore"),
    readCall(REDIS "zrangebylex"),
    readCall(REDIS "zscore"),
    readCall(REDIS "zrank"),
    readCall(REDIS "zrevrank"),
    readCall(REDIS "zcard"),
    readCall(REDIS "zcount"),
    readCall(REDIS "pfcount"),
    readCall(REDIS "geodist"),
    readCall(REDIS "geopos"),
    readCall(REDIS "xrange"),
    readCall(REDIS "xrevrange"),
    readCall(REDIS "xlen"),
    writeCall(REDIS "set"),
    writeCall(REDIS "setex"),
    writeCall(REDIS "psetex"),
    writeCall(REDIS "setnx"),
    writeCall(REDIS "mset"),
    writeCall(REDIS "msetnx"),
    writeCall(REDIS "setrange"),
    writeCall(REDIS "append"),
    writeCall(REDIS "getset"),
    writeCall(REDIS "incr"),
    writeCall(REDIS "incrby"),
    writeCall(REDIS "incrbyfloat"),
    writeCall(REDIS "decr"),
    writeCall(REDIS "decrby"),
    writeCall(REDIS "del"),
    writeCall(REDIS "unlink"),
    writeCall(REDIS "expire"),
    writeCall(REDIS "pexpire"),
    writeCall(REDIS "expireat"),
    writeCall(REDIS "pexpireat"),
    writeCall(REDIS "persist"),
    writeCall(REDIS "rename"),
    writeCall(REDIS "renamenx"),
    writeCall(REDIS "hset"),
    writeCall(REDIS "hmset"),
    writeCall(REDIS "hsetnx"),
    writeCall(REDIS "hdel"),
    writeCall(REDIS "hincrby"),
    writeCall(REDIS "hincrbyfloat"),
    writeCall(REDIS "lpush"),
    writeCall(REDIS "rpush"),
    writeCall(REDIS "lpushx"),
    writeCall(REDIS "rpushx"),
    writeCall(REDIS "lpop"),
    writeCall(REDIS "rpop"),
    writeCall(REDIS "lrem"),
    writeCall(REDIS "lset"),
    writeCall(REDIS "ltrim"),
    writeCall(REDIS "linsert"),
    writeCall(REDIS "rpoplpush"),
    writeCall(REDIS "lmove"),
    writeCall(REDIS "sadd"),
    writeCall(REDIS "srem"),
    writeCall(REDIS "spop"),
    writeCall(REDIS "smove"),
    writeCall(REDIS "sinterstore"),
    writeCall(REDIS "sunionstore"),
    writeCall(REDIS "sdiffstore"),
    writeCall(REDIS "zadd"),
    writeCall(REDIS "zrem"),
    writeCall(REDIS "zincrby"),
    writeCall(REDIS "zremrangebyscore"),
    writeCall(REDIS "zremrangebyrank"),
    writeCall(REDIS "zremrangebylex"),
    writeCall(REDIS "zpopmin"),
    writeCall(REDIS "zpopmax"),
    writeCall(REDIS "zinterstore"),
    writeCall(REDIS "zunionstore"),
    writeCall(REDIS "pfadd"),
    writeCall(REDIS "pfmerge"),
    writeCall(REDIS "geoadd"),
    writeCall(REDIS "publish"),
    writeCall(REDIS "xadd"),
    writeCall(REDIS "xdel"),
    writeCall(REDIS "xtrim"),
    writeCall(REDIS "xack"),
};
#undef REDIS

// mongocxx: finds take a filter document; a cursor is a range of documents.
#define COLL "mongocxx::collection::"
const ApiFunction MongocxxFunctions[] = {
    readCall(COLL "find"),
    readCall(COLL "find_one"),
    readCall(COLL "count_documents"),
    readCall(COLL "aggregate"),
    readCall(COLL "distinct"),
    writeCall(COLL "insert_one"),
    writeCall(COLL "insert_many"),
    writeCall(COLL "update_one"),
    writeCall(COLL "update_many"),
    writeCall(COLL "replace_one"),
    writeCall(COLL "delete_one"),
    writeCall(COLL "delete_many"),
    writeCall(COLL "bulk_write"),
};
#undef COLL
const char *const MongocxxResultTypes[] = {"mongocxx::cursor"};
const char *const BsonBuilders[] = {"bsoncxx::"};

} // namespace

const LibraryModel &hiredis() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "hiredis";
    L.DisplayName = "hiredis";
    L.Functions = HiredisFunctions;
    L.ResultTypes = HiredisResultTypes;
    L.WriteCommands = RedisWriteCommands;
    L.WaitCommands = RedisWaitCommands;
    L.TextBatchReadHint =
        "one MGET/HMGET for all keys, or pipelined redisAppendCommand calls "
        "with one redisGetReply each";
    L.BatchWriteHint = "one MSET/HMSET for all keys, or pipelined "
                       "redisAppendCommand calls with one redisGetReply each";
    return L;
  }();
  return M;
}

const LibraryModel &redisPlusPlus() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "redis-plus-plus";
    L.DisplayName = "redis-plus-plus";
    L.Functions = RedisPlusPlusFunctions;
    L.BatchReadHint = "one mget/hmget for all keys, or the commands queued on "
                      "one redis.pipeline() and exec() once";
    L.BatchWriteHint = "one command for all keys (mset, hmset, the range form "
                       "of del, sadd, zadd, rpush...), or one redis.pipeline()";
    return L;
  }();
  return M;
}

const LibraryModel &mongocxx() {
  static const LibraryModel M = [] {
    LibraryModel L;
    L.Name = "mongocxx";
    L.DisplayName = "mongocxx";
    L.Functions = MongocxxFunctions;
    L.ResultTypes = MongocxxResultTypes;
    L.BuilderNamespaces = BsonBuilders;
    L.BatchReadHint = "one find with a filter {field: {$in: [keys]}} for all "
                      "keys, or a $lookup in an aggregate";
    L.BatchWriteHint = "one insert_many or bulk_write for all documents";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
