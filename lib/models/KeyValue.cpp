//===- KeyValue.cpp - hiredis, redis-plus-plus and mongocxx ---------------===//
//
// Stores without SQL: one command or find per key in a loop is their N+1,
// and their batched forms are MGET, pipelines and `$in`.
//
//===----------------------------------------------------------------------===//

#include "lib/models/Models.h"

namespace nplusone {
namespace models {

namespace {

// hiredis: the command is printf-like text; the reply of a multi-bulk
// command is walked by index up to reply->elements.
const ApiFunction HiredisFunctions[] = {
    {"redisCommand", RoleExecute, AccessKind::ByText, 1, 2},
    // argv[0] is the command word.
    {"redisCommandArgv", RoleExecute, AccessKind::ByText, 2, 1},
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
                                          "PUBLISH"};
// Blocking pops and subscriptions wait for the next item: a loop around
// them is a worker, not N+1.
const char *const RedisWaitCommands[] = {
    "BLPOP",    "BRPOP", "BLMOVE",     "BRPOPLPUSH", "BZPOPMIN",
    "BZPOPMAX", "XREAD", "XREADGROUP", "SUBSCRIBE",  "PSUBSCRIBE"};

// redis-plus-plus: one method per command.
constexpr ApiFunction redisRead(const char *Name) {
  return {Name, RoleExecute, AccessKind::Read, NoArg, 0};
}
constexpr ApiFunction redisWrite(const char *Name) {
  return {Name, RoleExecute, AccessKind::Write, NoArg, 0};
}
#define REDIS "sw::redis::Redis::"
const ApiFunction RedisPlusPlusFunctions[] = {
    redisRead(REDIS "get"),       redisRead(REDIS "hget"),
    redisRead(REDIS "hgetall"),   redisRead(REDIS "hmget"),
    redisRead(REDIS "smembers"),  redisRead(REDIS "exists"),
    redisRead(REDIS "lrange"),    redisRead(REDIS "zrange"),
    redisRead(REDIS "sismember"), redisRead(REDIS "mget"),
    redisWrite(REDIS "set"),      redisWrite(REDIS "hset"),
    redisWrite(REDIS "hmset"),    redisWrite(REDIS "del"),
    redisWrite(REDIS "sadd"),     redisWrite(REDIS "srem"),
    redisWrite(REDIS "lpush"),    redisWrite(REDIS "rpush"),
    redisWrite(REDIS "incr"),     redisWrite(REDIS "expire"),
    redisWrite(REDIS "zadd"),
};
#undef REDIS

// mongocxx: finds take a filter document; a cursor is a range of documents.
constexpr ApiFunction mongoRead(const char *Name) {
  return {Name, RoleExecute, AccessKind::Read, NoArg, 0};
}
constexpr ApiFunction mongoWrite(const char *Name) {
  return {Name, RoleExecute, AccessKind::Write, NoArg, 0};
}
#define COLL "mongocxx::collection::"
const ApiFunction MongocxxFunctions[] = {
    mongoRead(COLL "find"),
    mongoRead(COLL "find_one"),
    mongoRead(COLL "count_documents"),
    mongoRead(COLL "aggregate"),
    mongoRead(COLL "distinct"),
    mongoWrite(COLL "insert_one"),
    mongoWrite(COLL "insert_many"),
    mongoWrite(COLL "update_one"),
    mongoWrite(COLL "update_many"),
    mongoWrite(COLL "replace_one"),
    mongoWrite(COLL "delete_one"),
    mongoWrite(COLL "delete_many"),
    mongoWrite(COLL "bulk_write"),
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
        "send one MGET/HMGET for all keys, or pipeline the commands "
        "(redisAppendCommand for each key, then redisGetReply for each)";
    L.BatchWriteHint =
        "one MSET/HMSET for all keys, or pipeline the commands "
        "(redisAppendCommand for each, then redisGetReply for each)";
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
    L.BatchReadHint = "read all keys with one mget/hmget, or queue the "
                      "commands on one redis.pipeline() and exec() it once";
    L.BatchWriteHint = "one mset/hmset for all keys, or queue the commands on "
                       "one redis.pipeline() and exec() it once";
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
    L.BatchReadHint = "find all of them with one filter {field: {$in: "
                      "[keys]}}, or join them in with $lookup in an aggregate";
    L.BatchWriteHint = "one insert_many or bulk_write for all documents";
    return L;
  }();
  return M;
}

} // namespace models
} // namespace nplusone
