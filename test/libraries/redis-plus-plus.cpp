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
#include <chrono>
#include <iterator>
#include <string>
#include <unordered_map>
#include <utility>
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
    // CHECK-MESSAGES: :[[@LINE-5]]:27: note: batch it: one mget/hmget for all keys, or the commands queued on one redis.pipeline() and exec() once
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
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one mget/hmget for all keys, or the commands queued on one redis.pipeline() and exec() once
  }
  for (auto it = recent.begin(); it != recent.end(); ++it)
    redis.set("seen:" + *it, "1");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'set' runs once per row of 'recent' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'recent' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'recent' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: the row value '"seen:" + *it' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
}

// One GET per key of a vector, and a SET per key.
void copyKeys(Redis &redis, const std::vector<std::string> &keys) {
  for (const auto &key : keys) {
    OptionalString value = redis.get(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: query runs once per element of 'keys' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'keys' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:38: note: the element value 'key' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: batch it: one mget/hmget for all keys, or the commands queued on one redis.pipeline() and exec() once
    if (value)
      redis.set("backup:" + key, *value);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'set' runs up to once per element of 'keys' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop over the elements of 'keys' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value '"backup:" + key' flows into the statement's parameter here
      // CHECK-MESSAGES: :[[@LINE-4]]:7: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
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

struct Session {
  std::string token;
  std::string userId;
};

struct PageView {
  std::string path;
  std::string day;
  long long hits;
};

struct Notification {
  std::string userId;
  std::string text;
};

// Login: each session cached with its own SETEX, and a rate-limit window
// with its own PSETEX.
void cacheSessions(Redis &redis, const std::vector<Session> &sessions) {
  for (const Session &s : sessions) {
    redis.setex("session:" + s.token, std::chrono::seconds(3600), s.userId);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'setex' runs once per element of 'sessions' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'sessions' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value '"session:" + s.token' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.psetex("ratelimit:" + s.userId, 1000, "1");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'psetex' runs once per element of 'sessions' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the elements of 'sessions' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the element value '"ratelimit:" + s.userId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
  }
}

// Analytics flush: the counters bumped once per page view.
void flushPageViews(Redis &redis, const std::vector<PageView> &views) {
  for (const PageView &v : views) {
    redis.incrby("views:" + v.path, v.hits);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'incrby' runs once per element of 'views' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'views' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the element value '"views:" + v.path' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.hincrby("views:" + v.day, v.path, v.hits);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'hincrby' runs once per element of 'views' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the elements of 'views' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: the element value '"views:" + v.day' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.zincrby("views:popular", static_cast<double>(v.hits), v.path);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'zincrby' runs once per element of 'views' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: the loop over the elements of 'views' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:36: note: the element value 'static_cast<double>(v.hits)' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
  }
}

// Abandoned carts: the members of a set, each cart removed by itself.
void purgeAbandonedCarts(Redis &redis) {
  std::vector<std::string> carts;
  redis.smembers("carts:abandoned", std::back_inserter(carts));
  for (const auto &cartId : carts) {
    redis.unlink("cart:" + cartId);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'unlink' runs once per row of 'carts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'carts' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'carts' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: the row value '"cart:" + cartId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.hdel("cart:owners", cartId);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'hdel' runs once per row of 'carts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'carts' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'carts' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:31: note: the row value 'cartId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.srem("carts:abandoned", cartId);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'srem' runs once per row of 'carts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'carts' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-16]]:3: note: the loop over the rows of 'carts' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:35: note: the row value 'cartId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
  }
}

// Leaderboard: each top player re-scored, and its profile kept alive.
void rescoreTopPlayers(Redis &redis) {
  std::vector<std::string> top;
  redis.zrange("leaderboard", 0, 99, std::back_inserter(top));
  for (const auto &player : top) {
    redis.zadd("leaderboard:weekly", player, 0.0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'zadd' runs once per row of 'top' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'top' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'top' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:38: note: the row value 'player' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.pexpire("player:" + player, std::chrono::milliseconds(60000));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pexpire' runs once per row of 'top' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'top' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'top' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value '"player:" + player' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
  }
}

// Notifications: each one pushed, published and added to a stream by
// itself, and each profile written with its own HMSET.
void fanOutNotifications(Redis &redis, const std::vector<Notification> &notes) {
  for (const Notification &n : notes) {
    redis.lpush("inbox:" + n.userId, n.text);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'lpush' runs once per element of 'notes' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'notes' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value '"inbox:" + n.userId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.publish("notify:" + n.userId, n.text);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'publish' runs once per element of 'notes' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the elements of 'notes' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: the element value '"notify:" + n.userId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    std::unordered_map<std::string, std::string> fields = {{"user", n.userId},
                                                           {"text", n.text}};
    redis.xadd("notifications", "*", fields.begin(), fields.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'xadd' runs once per element of 'notes' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-15]]:3: note: the loop over the elements of 'notes' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:38: note: the element value 'fields.begin()' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.hmset("last-notification:" + n.userId, fields.begin(), fields.end());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'hmset' runs once per element of 'notes' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-20]]:3: note: the loop over the elements of 'notes' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value '"last-notification:" + n.userId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
    redis.expire("inbox:" + n.userId, 86400);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'expire' runs once per element of 'notes' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-25]]:3: note: the loop over the elements of 'notes' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the element value '"inbox:" + n.userId' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one command for all keys (mset, hmset, the range form of del, sadd, zadd, rpush...), or one redis.pipeline()
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

// The batched writes: one MSET, one UNLINK and one ZADD for all keys, SETEX
// and HINCRBY queued on one pipeline, UNLINK and EXPIRE in one transaction.
void cacheSessionsBatched(Redis &redis, const std::vector<Session> &sessions) {
  std::vector<std::pair<std::string, std::string>> entries;
  std::vector<std::string> stale;
  std::vector<std::pair<std::string, double>> online;
  for (const Session &s : sessions) {
    entries.emplace_back("session:" + s.token, s.userId);
    stale.push_back("stale:" + s.token);
    online.emplace_back(s.userId, 1.0);
  }
  redis.mset(entries.begin(), entries.end());
  redis.unlink(stale.begin(), stale.end());
  redis.zadd("online", online.begin(), online.end());
  auto pipe = redis.pipeline();
  for (const Session &s : sessions)
    pipe.setex("session:" + s.token, std::chrono::seconds(3600), s.userId)
        .hincrby("logins", s.userId, 1);
  pipe.exec();
  auto tx = redis.transaction();
  for (const Session &s : sessions)
    tx.unlink("stale:" + s.token).expire("user:" + s.userId, 86400);
  tx.exec();
  redis.publish("sessions:cached", std::to_string(sessions.size()));
}

// A metrics client with Redis-like method names.
struct StatsdClient {
  void incrby(const std::string &metric, long long value);
  void setex(const std::string &key, long long ttl, const std::string &value);
};
void reportViews(StatsdClient &stats, const std::vector<PageView> &views) {
  for (const PageView &v : views) {
    stats.incrby("views." + v.path, v.hits);
    stats.setex("last-view." + v.path, 60, v.day);
  }
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
