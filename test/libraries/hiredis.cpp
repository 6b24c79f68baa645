// hiredis 0.14.1 on the real Debian libhiredis-dev headers
// (<hiredis/hiredis.h>), compiled as C++ where replies need a cast.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17

#include <hiredis/hiredis.h>
#include <cstring>
#include <string>
#include <vector>

// The canonical N+1: SMEMBERS for the ids, then one HGETALL per member.
void usersWithProfiles(redisContext *c) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    redisReply *u = (redisReply *)redisCommand(c, "HGETALL user:%s", users->element[i]->str);
    // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:37: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:70: note: the row value 'users->element[i]->str' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:51: note: batch it: one MGET/HMGET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    freeReplyObject(u);
  }
  freeReplyObject(users);
}

// The argv form, binary-safe for keys with spaces.
void usersByArgv(redisContext *c) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    const char *argv[2] = {"HGETALL", users->element[i]->str};
    size_t argvlen[2] = {7, users->element[i]->len};
    freeReplyObject(redisCommandArgv(c, 2, argv, argvlen));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:37: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:44: note: the row value 'argv' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: batch it: one MGET/HMGET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
  }
  freeReplyObject(users);
}

// SCAN's cursor loop: a GET per key of each page.
void scanSessions(redisContext *c) {
  std::string cursor = "0";
  do {
    redisReply *page = (redisReply *)redisCommand(c, "SCAN %s MATCH session:*", cursor.c_str());
    cursor = page->element[0]->str;
    redisReply *keys = page->element[1];
    for (size_t i = 0; i < keys->elements; ++i) {
      redisReply *v = (redisReply *)redisCommand(c, "GET %s", keys->element[i]->str);
      // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: query runs once per row of 'keys' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the rows of 'keys' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:63: note: the row value 'keys->element[i]->str' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-4]]:53: note: batch it: one MGET/HMGET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
      freeReplyObject(v);
    }
    freeReplyObject(page);
  } while (cursor != "0");
}

// Writes per member: a SET, a counter bumped with HINCRBY, and an HSET in
// the argv form.
void touchUsers(redisContext *c, const char *now) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    freeReplyObject(redisCommand(c, "SET seen:%s 1", users->element[i]->str));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SET runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:37: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:54: note: the row value 'users->element[i]->str' flows into the SET's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    freeReplyObject(redisCommand(c, "HINCRBY stats:%s visits 1", users->element[i]->str));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: HINCRBY runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:37: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:66: note: the row value 'users->element[i]->str' flows into the HINCRBY's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    const char *argv[4] = {"HSET", "last_seen", users->element[i]->str, now};
    freeReplyObject(redisCommandArgv(c, 4, argv, nullptr));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: HSET runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-17]]:37: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:44: note: the row value 'argv' flows into the HSET's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:44: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
  }
  freeReplyObject(users);
}

// One GET per element of a vector of ids.
void namesOf(redisContext *c, const std::vector<std::string> &ids) {
  for (const std::string &id : ids) {
    redisReply *name = (redisReply *)redisCommand(c, "GET user:%s:name", id.c_str());
    // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:74: note: the element value 'id.c_str()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:54: note: batch it: one MGET/HMGET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    freeReplyObject(name);
  }
}

// The same key read for every member.
void limitPerUser(redisContext *c) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    redisReply *limit = (redisReply *)redisCommand(c, "GET config:limit");
    // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    freeReplyObject(limit);
  }
  freeReplyObject(users);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched form: pipeline every HGETALL, then read every reply.
void pipelined(redisContext *c) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++)
    redisAppendCommand(c, "HGETALL user:%s", users->element[i]->str);
  for (size_t i = 0; i < users->elements; i++) {
    void *reply = nullptr;
    if (redisGetReply(c, &reply) != REDIS_OK)
      break;
    freeReplyObject(reply);
  }
  freeReplyObject(users);
}

// Commands before and after the loop; the loop only reads the reply.
size_t beforeAndAfter(redisContext *c) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  size_t admins = 0;
  const char *last = nullptr;
  for (size_t i = 0; i < users->elements; i++) {
    if (std::strncmp(users->element[i]->str, "admin:", 6) == 0)
      ++admins;
    last = users->element[i]->str;
  }
  if (last)
    freeReplyObject(redisCommand(c, "HGETALL user:%s", last));
  freeReplyObject(users);
  return admins;
}

// Only the first member: the loop always breaks.
void firstUser(redisContext *c) {
  redisReply *users = (redisReply *)redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    freeReplyObject(redisCommand(c, "HGETALL user:%s", users->element[i]->str));
    break;
  }
  freeReplyObject(users);
}

// A job-queue worker: each BRPOP pops the next job, so nothing is invariant.
void process(const char *job);
void worker(redisContext *c, const volatile bool &running) {
  while (running) {
    redisReply *job = (redisReply *)redisCommand(c, "BRPOP jobs 5");
    if (job && job->type == REDIS_REPLY_ARRAY)
      process(job->element[1]->str);
    freeReplyObject(job);
  }
}

// An unrelated class with a method of the same name, and a loop over
// reconnect attempts.
struct FakeRedis {
  void *redisCommand(const char *format, ...);
};
void fake(FakeRedis &r, redisContext *c, const std::vector<std::string> &ids) {
  for (const std::string &id : ids)
    r.redisCommand("GET user:%s", id.c_str());
  for (int attempt = 0; attempt < 3; ++attempt)
    if (redisReconnect(c) == REDIS_OK)
      break;
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: redisReply *limit = (redisReply *)redisCommand(c, "GET config:limit");
