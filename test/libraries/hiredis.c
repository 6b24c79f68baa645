// hiredis 0.14.1 on the real Debian libhiredis-dev headers (<hiredis/hiredis.h>),
// compiled as C: the N+1 shapes in the C idioms of hiredis' own README.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c11
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c11

#include <hiredis/hiredis.h>
#include <stdio.h>
#include <string.h>

// The README's loop over a multi-bulk reply, index declared up front (C89),
// with one HGETALL per element.
void ordersOfUser(redisContext *c) {
  redisReply *ids, *order;
  unsigned int j;
  ids = redisCommand(c, "LRANGE user:1:orders 0 -1");
  if (ids->type == REDIS_REPLY_ARRAY) {
    for (j = 0; j < ids->elements; j++) {
      order = redisCommand(c, "HGETALL order:%s", ids->element[j]->str);
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs once per row of 'ids' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-5]]:9: note: 'ids' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'ids' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:51: note: the row value 'ids->element[j]->str' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:31: note: batch it: one MGET/HMGET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
      freeReplyObject(order);
    }
  }
  freeReplyObject(ids);
}

// The same with a C99 loop index, and the key built with snprintf.
void profiles(redisContext *c) {
  redisReply *users = redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    char key[64];
    snprintf(key, sizeof key, "user:%s", users->element[i]->str);
    redisReply *profile = redisCommand(c, "HGETALL %s", key);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:23: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:57: note: the row value 'key' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:43: note: batch it: one MGET/HMGET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    freeReplyObject(profile);
  }
  freeReplyObject(users);
}

// A write per element: each member's status is set on its own.
void logoutAll(redisContext *c) {
  redisReply *users = redisCommand(c, "SMEMBERS online");
  for (size_t i = 0; i < users->elements; i++)
    freeReplyObject(redisCommand(c, "SET status:%s offline", users->element[i]->str));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SET runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:23: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:62: note: the row value 'users->element[i]->str' flows into the SET's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
  freeReplyObject(users);
}

// The same key read for every element.
void quotaPerUser(redisContext *c) {
  redisReply *users = redisCommand(c, "SMEMBERS users");
  for (size_t i = 0; i < users->elements; i++) {
    redisReply *quota = redisCommand(c, "GET config:quota");
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    printf("%s: %s\n", users->element[i]->str, quota->str);
    freeReplyObject(quota);
  }
  freeReplyObject(users);
}

// Session upkeep: each member's session refreshed, its expiry moved and an
// audit entry streamed, one command at a time.
void refreshSessions(redisContext *c, long long expiresAtMs) {
  redisReply *sessions = redisCommand(c, "SMEMBERS sessions:active");
  for (size_t i = 0; i < sessions->elements; i++) {
    const char *token = sessions->element[i]->str;
    freeReplyObject(redisCommand(c, "SETEX session:%s 3600 1", token));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SETEX runs once per row of 'sessions' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: 'sessions' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'sessions' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:64: note: the row value 'token' flows into the SETEX's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    freeReplyObject(redisCommand(c, "PEXPIREAT session:%s:data %lld", token, expiresAtMs));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: PEXPIREAT runs once per row of 'sessions' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-11]]:26: note: 'sessions' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: the loop over the rows of 'sessions' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:71: note: the row value 'token' flows into the PEXPIREAT's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
    freeReplyObject(redisCommand(c, "XADD audit * event refresh session %s", token));
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: XADD runs once per row of 'sessions' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-17]]:26: note: 'sessions' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: the loop over the rows of 'sessions' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:78: note: the row value 'token' flows into the XADD's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:37: note: batch it: one MSET/HMSET for all keys, or pipelined redisAppendCommand calls with one redisGetReply each
  }
  freeReplyObject(sessions);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched form: pipeline every HGETALL, then read every reply.
void pipelined(redisContext *c) {
  redisReply *users = redisCommand(c, "SMEMBERS users");
  unsigned int j;
  for (j = 0; j < users->elements; j++)
    redisAppendCommand(c, "HGETALL user:%s", users->element[j]->str);
  for (j = 0; j < users->elements; j++) {
    void *reply;
    if (redisGetReply(c, &reply) != REDIS_OK)
      break;
    freeReplyObject(reply);
  }
  freeReplyObject(users);
}

// The batched writes: every SETEX pipelined and the replies read after,
// and one MSET of all flags built before it is sent.
void refreshSessionsBatched(redisContext *c) {
  redisReply *sessions = redisCommand(c, "SMEMBERS sessions:active");
  size_t i;
  for (i = 0; i < sessions->elements; i++)
    redisAppendCommand(c, "SETEX session:%s 3600 1", sessions->element[i]->str);
  for (i = 0; i < sessions->elements; i++) {
    void *reply;
    if (redisGetReply(c, &reply) != REDIS_OK)
      break;
    freeReplyObject(reply);
  }
  char cmd[1024] = "MSET";
  for (i = 0; i < sessions->elements && strlen(cmd) < 900; i++) {
    strcat(cmd, " seen:");
    strncat(cmd, sessions->element[i]->str, 64);
    strcat(cmd, " 1");
  }
  freeReplyObject(redisCommand(c, cmd));
  freeReplyObject(sessions);
}

// Printing the elements runs no command; the first match is looked up once,
// after the loop.
void findAdmin(redisContext *c) {
  redisReply *users = redisCommand(c, "SMEMBERS users");
  const char *admin = NULL;
  for (size_t i = 0; i < users->elements; i++) {
    printf("%s\n", users->element[i]->str);
    if (!admin && strncmp(users->element[i]->str, "admin:", 6) == 0)
      admin = users->element[i]->str;
  }
  if (admin)
    freeReplyObject(redisCommand(c, "HGETALL user:%s", admin));
  freeReplyObject(users);
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: redisReply *quota = redisCommand(c, "GET config:quota");
