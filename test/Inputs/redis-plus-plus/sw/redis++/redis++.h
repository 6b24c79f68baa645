// Stand-in for redis-plus-plus (<sw/redis++/redis++.h>; Debian packages no
// redis-plus-plus headers). It declares, with the real names, namespaces
// and signatures, just what the tests use: the Redis client (redis.h), the
// Pipeline / Transaction queues and QueuedReplies (queued_redis.h), and the
// C++17 StringView / Optional / OptionalString aliases (utils.h).
// Declarations only, except where templates need a body.
#ifndef NPLUSONE_TEST_SW_REDIS_REDISPP_H
#define NPLUSONE_TEST_SW_REDIS_REDISPP_H

#include "queued_redis.h"
#include "redis.h"
#include "utils.h"

#endif
