// Stand-in for redis-plus-plus's <sw/redis++/queued_redis.h>: QueuedRedis
// (whose instantiations are Pipeline and Transaction) queues commands and
// sends them all at exec(); QueuedReplies holds the replies. Only what the
// tests use; see redis++.h.
#ifndef NPLUSONE_TEST_SW_REDIS_QUEUED_REDIS_H
#define NPLUSONE_TEST_SW_REDIS_QUEUED_REDIS_H

#include <chrono>
#include <cstddef>
#include <string>

#include "utils.h"

struct redisReply;

namespace sw {
namespace redis {

class QueuedReplies {
public:
  QueuedReplies(const QueuedReplies &) = delete;
  QueuedReplies(QueuedReplies &&) = default;
  std::size_t size() const;
  redisReply &get(std::size_t idx);
  template <typename Result> Result get(std::size_t idx) { return Result(); }
};

template <typename Impl> class QueuedRedis {
public:
  QueuedRedis(QueuedRedis &&) = default;
  QueuedRedis &operator=(QueuedRedis &&) = default;

  QueuedRedis &get(const StringView &key) { return *this; }
  QueuedRedis &
  set(const StringView &key, const StringView &val,
      const std::chrono::milliseconds &ttl = std::chrono::milliseconds(0)) {
    return *this;
  }
  QueuedRedis &setex(const StringView &key, long long ttl,
                     const StringView &val) {
    return *this;
  }
  QueuedRedis &setex(const StringView &key, const std::chrono::seconds &ttl,
                     const StringView &val) {
    return *this;
  }
  QueuedRedis &del(const StringView &key) { return *this; }
  QueuedRedis &unlink(const StringView &key) { return *this; }
  QueuedRedis &incr(const StringView &key) { return *this; }
  QueuedRedis &expire(const StringView &key, long long timeout) {
    return *this;
  }
  QueuedRedis &expire(const StringView &key,
                      const std::chrono::seconds &timeout) {
    return *this;
  }
  QueuedRedis &hget(const StringView &key, const StringView &field) {
    return *this;
  }
  QueuedRedis &hset(const StringView &key, const StringView &field,
                    const StringView &val) {
    return *this;
  }
  QueuedRedis &hincrby(const StringView &key, const StringView &field,
                       long long increment) {
    return *this;
  }
  QueuedRedis &hgetall(const StringView &key) { return *this; }
  QueuedRedis &smembers(const StringView &key) { return *this; }
  QueuedRedis &sadd(const StringView &key, const StringView &member) {
    return *this;
  }

  QueuedReplies exec();
  void discard();
};

class PipelineImpl;
class TransactionImpl;

using Pipeline = QueuedRedis<PipelineImpl>;
using Transaction = QueuedRedis<TransactionImpl>;

} // namespace redis
} // namespace sw

#endif
