// redis-plus-plus (sw::redis) on the stand-in headers in Inputs/redis-plus-plus
// (Debian packages none): each N+1 shape in redis++'s own idioms.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -I %inputs/redis-plus-plus
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 \
// RUN:   -I %inputs/redis-plus-plus
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 \
// RUN:   -I %inputs/redis-plus-plus

#include <sw/redis++/redis++.h>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

using namespace sw::redis;

// The canonical N+1: SMEMBERS into a vector, then one HGET per member.
void namesOfUsers(Redis &redis) {
  std::vector<std::string> ids;
  redis.smembers("users", std::back_inserter(ids));
  for (const auto &id : ids) {
    OptionalString name = redis.hget("user:" + id, "name");
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'ids' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'ids' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:38: note: the row value '"user:" + id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:27: note: batch it: collect the keys before the loop and read all keys with one mget/hmget, or queue the commands on one redis.pipeline() and exec() it once
    (void)name;
  }
}

// The index loop and the iterator loop over an LRANGE, with a write per
// element in the second.
void recentSessions(Redis &redis) {
  std::vector<std::string> recent;
  redis.lrange("recent", 0, -1, std::back_inserter(recent));
  for (std::size_t i = 0; i < recent.size(); ++i) {
    std::unordered_map<std::string, std::string> session;
    redis.hgetall("session:" + recent[i], std::inserter(session, session.begin()));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'recent' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'recent' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'recent' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value '"session:" + recent[i]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: collect the keys before the loop and read all keys with one mget/hmget, or queue the commands on one redis.pipeline() and exec() it once
  }
  for (auto it = recent.begin(); it != recent.end(); ++it)
    redis.set("seen:" + *it, "1");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'set' runs once per row of 'recent' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'recent' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'recent' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: the row value '"seen:" + *it' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one mset/hmset for all keys, or queue the commands on one redis.pipeline() and exec() it once
}

// One GET per key of a vector, and a SET per key.
void copyKeys(Redis &redis, const std::vector<std::string> &keys) {
  for (const auto &key : keys) {
    OptionalString value = redis.get(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: query runs once per element of 'keys' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'keys' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:38: note: the element value 'key' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: batch it: collect the keys before the loop and read all keys with one mget/hmget, or queue the commands on one redis.pipeline() and exec() it once
    if (value)
      redis.set("backup:" + key, *value);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'set' runs up to once per element of 'keys' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop over the elements of 'keys' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value '"backup:" + key' flows into the statement's parameter here
      // CHECK-MESSAGES: :[[@LINE-4]]:7: note: batch it: one mset/hmset for all keys, or queue the commands on one redis.pipeline() and exec() it once
  }
}

// The same key read for every key.
void limitPerKey(Redis &redis, const std::vector<std::string> &keys) {
  for (const auto &key : keys) {
    OptionalString limit = redis.get("config:limit");
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: query runs once per element of 'keys' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    (void)key, (void)limit;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched forms: one MGET, and commands queued on one pipeline.
void batched(Redis &redis, const std::vector<std::string> &keys) {
  std::vector<OptionalString> values;
  redis.mget(keys.begin(), keys.end(), std::back_inserter(values));
  auto pipe = redis.pipeline();
  for (const auto &key : keys)
    pipe.get(key).incr("reads:" + key);
  auto replies = pipe.exec();
  (void)replies;
}

// Commands before and after the loop; the loop only reads the members.
std::size_t beforeAndAfter(Redis &redis) {
  std::vector<std::string> ids;
  redis.smembers("users", std::back_inserter(ids));
  std::string longest;
  for (const auto &id : ids)
    if (id.size() > longest.size())
      longest = id;
  redis.hget("user:" + longest, "name");
  return ids.size();
}

// Only the first member: the loop returns.
OptionalString firstName(Redis &redis) {
  std::vector<std::string> ids;
  redis.smembers("users", std::back_inserter(ids));
  for (const auto &id : ids)
    return redis.hget("user:" + id, "name");
  return {};
}

// An unrelated cache with get/set of the same names.
struct LocalCache {
  OptionalString get(const std::string &key) const;
  bool set(const std::string &key, const std::string &value);
};
void warm(LocalCache &cache, const std::vector<std::string> &keys) {
  for (const auto &key : keys)
    if (!cache.get(key))
      cache.set(key, "");
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: OptionalString limit = redis.get("config:limit");
