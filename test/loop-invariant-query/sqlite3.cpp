// nplusone-loop-invariant-query on the real SQLite3 C API header.
// RUN: %check_nplusone --checks=nplusone-loop-invariant-query --fix=warnings \
// RUN:   --compile-fixed=%clang %s %t -- -- -std=c++17

#include <sqlite3.h>

// The same count is read for every user row.
int countPerRow(sqlite3 *db, sqlite3_stmt *users, sqlite3_stmt *count) {
  int n = 0;
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_reset(count);
    if (sqlite3_step(count) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: hoist it: run the query once before the loop and reuse its result
      n += sqlite3_column_int(count, 0);
    sqlite3_exec(db, "SELECT 1 FROM config", nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
  }
  return n;
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Bound per iteration from the loop: changes every time.
void boundPerIteration(sqlite3_stmt *byId, const int *ids, int n) {
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(byId);
    sqlite3_bind_int(byId, 1, ids[i]);
    sqlite3_step(byId);
  }
}

// The loop's own cursor stepping is no query.
int countRows(sqlite3_stmt *users) {
  int n = 0;
  while (sqlite3_step(users) == SQLITE_ROW)
    ++n;
  return n;
}
