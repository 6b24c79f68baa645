// An N+1 on the SQLite3 C API (the cursor-loop shape of
// test/query-in-loop/sqlite3-c.c), and a function without one.
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
  }
  sqlite3_finalize(users);
}

int count_users(sqlite3 *db) {
  return sqlite3_exec(db, "SELECT count(*) FROM users", print_row, NULL, NULL);
}
