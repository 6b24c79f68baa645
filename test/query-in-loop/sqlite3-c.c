// nplusone-query-in-loop on C code using the SQLite3 C API.
// RUN: %check_nplusone --checks=nplusone-query-in-loop %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>

static int print_row(void *ctx, int n, char **values, char **names) {
  (void)ctx, (void)n, (void)values, (void)names;
  return 0;
}

void report(sqlite3 *db) {
  sqlite3_stmt *users = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id FROM users WHERE active", -1, &users,
                         NULL) != SQLITE_OK)
    return;
  while (sqlite3_step(users) == SQLITE_ROW) {
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT total FROM orders WHERE user_id = %lld",
             (long long)sqlite3_column_int64(users, 0));
    sqlite3_exec(db, sql, print_row, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:7: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: the row value '(long long)sqlite3_column_int64(users, 0)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
  }
  sqlite3_finalize(users);
}

// Silent: the ids come from an array, and the statement text never changes.
void silent(sqlite3 *db, const long long *ids, int n) {
  for (int i = 0; i < n; ++i) {
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT total FROM orders WHERE user_id = %lld",
             ids[i]);
    sqlite3_exec(db, sql, print_row, NULL, NULL);
  }
}
