// nplusone-query-per-element on C code with the real SQLite3 C API header.
// RUN: %check_nplusone --checks=nplusone-query-per-element %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stddef.h>

// An array of ids, one prepared statement stepped per id.
double totalOf(sqlite3 *db, const int *ids, size_t n) {
  sqlite3_stmt *stmt = NULL;
  double total = 0;
  sqlite3_prepare_v2(db, "SELECT total FROM orders WHERE user_id = ?", -1,
                     &stmt, NULL);
  for (size_t i = 0; i < n; ++i) {
    sqlite3_reset(stmt);
    sqlite3_bind_int(stmt, 1, ids[i]);
    while (sqlite3_step(stmt) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:31: note: the element value 'ids[i]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
      total += sqlite3_column_double(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return total;
}
// CHECK-FIXES: sqlite3_prepare_v2(db, "SELECT user_id, total FROM orders WHERE user_id IN (SELECT value FROM json_each(?))", -1,

//===--- Look-alikes that must stay silent -------------------------------===//

// The same statement every time: loop-invariant, not per element.
int pings(sqlite3 *db, int n) {
  int ok = 0;
  for (int i = 0; i < n; ++i)
    ok += sqlite3_exec(db, "SELECT 1", NULL, NULL, NULL) == SQLITE_OK;
  return ok;
}
