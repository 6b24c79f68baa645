// Stand-in for redis-plus-plus's <sw/redis++/redis.h>: the Redis client
// class, with the real names and signatures of the commands the tests use.
// See redis++.h.
#ifndef NPLUSONE_TEST_SW_REDIS_REDIS_H
#define NPLUSONE_TEST_SW_REDIS_REDIS_H

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>

#include "queued_redis.h"
#include "utils.h"

namespace sw {
namespace redis {

enum class UpdateType { EXIST, NOT_EXIST, ALWAYS };

struct ConnectionOptions {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string password;
  int db = 0;
};

struct ConnectionPoolOptions {
  std::size_t size = 1;
};

class Redis {
public:
  explicit Redis(const ConnectionOptions &connection_opts,
                 const ConnectionPoolOptions &pool_opts = {});
  explicit Redis(const std::string &uri);
  Redis(const Redis &) = delete;
  Redis &operator=(const Redis &) = delete;
  Redis(Redis &&) = default;
  Redis &operator=(Redis &&) = default;

  Pipeline pipeline(bool new_connection = true);
  Transaction transaction(bool piped = false, bool new_connection = true);

  // KEY commands.
  long long del(const StringView &key);
  template <typename Input> long long del(Input first, Input last) { return 0; }
  long long exists(const StringView &key);
  template <typename Input> long long exists(Input first, Input last) {
    return 0;
  }
  bool expire(const StringView &key, long long timeout);
  bool expire(const StringView &key, const std::chrono::seconds &timeout);
  bool pexpire(const StringView &key, long long timeout);
  bool pexpire(const StringView &key, const std::chrono::milliseconds &timeout);
  long long unlink(const StringView &key);
  template <typename Input> long long unlink(Input first, Input last) {
    return 0;
  }

  // STRING commands.
  OptionalString get(const StringView &key);
  bool set(const StringView &key, const StringView &val,
           const std::chrono::milliseconds &ttl = std::chrono::milliseconds(0),
           UpdateType type = UpdateType::ALWAYS);
  void setex(const StringView &key, long long ttl, const StringView &val);
  void setex(const StringView &key, const std::chrono::seconds &ttl,
             const StringView &val);
  void psetex(const StringView &key, long long ttl, const StringView &val);
  void psetex(const StringView &key, const std::chrono::milliseconds &ttl,
              const StringView &val);
  long long incr(const StringView &key);
  long long incrby(const StringView &key, long long increment);
  template <typename Input, typename Output>
  void mget(Input first, Input last, Output output) {}
  template <typename Input> void mset(Input first, Input last) {}

  // HASH commands.
  OptionalString hget(const StringView &key, const StringView &field);
  long long hset(const StringView &key, const StringView &field,
                 const StringView &val);
  long long hset(const StringView &key,
                 const std::pair<StringView, StringView> &item);
  template <typename Output>
  void hgetall(const StringView &key, Output output) {}
  template <typename Input, typename Output>
  void hmget(const StringView &key, Input first, Input last, Output output) {}
  template <typename Input>
  void hmset(const StringView &key, Input first, Input last) {}
  long long hdel(const StringView &key, const StringView &field);
  template <typename Input>
  long long hdel(const StringView &key, Input first, Input last) {
    return 0;
  }
  long long hincrby(const StringView &key, const StringView &field,
                    long long increment);

  // SET commands.
  long long sadd(const StringView &key, const StringView &member);
  long long srem(const StringView &key, const StringView &member);
  template <typename Output>
  void smembers(const StringView &key, Output output) {}

  // LIST commands.
  long long lpush(const StringView &key, const StringView &val);
  template <typename Input>
  long long lpush(const StringView &key, Input first, Input last) {
    return 0;
  }
  long long rpush(const StringView &key, const StringView &val);
  template <typename Output>
  void lrange(const StringView &key, long long start, long long stop,
              Output output) {}

  // SORTED SET commands.
  long long zadd(const StringView &key, const StringView &member, double score,
                 UpdateType type = UpdateType::ALWAYS, bool changed = false);
  template <typename Input>
  long long zadd(const StringView &key, Input first, Input last,
                 UpdateType type = UpdateType::ALWAYS, bool changed = false) {
    return 0;
  }
  double zincrby(const StringView &key, double increment,
                 const StringView &member);
  template <typename Output>
  void zrange(const StringView &key, long long start, long long stop,
              Output output) {}

  // PUBSUB and STREAM commands.
  long long publish(const StringView &channel, const StringView &message);
  template <typename Input>
  std::string xadd(const StringView &key, const StringView &id, Input first,
                   Input last) {
    return std::string();
  }
};

} // namespace redis
} // namespace sw

#endif
