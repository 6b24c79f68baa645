// An N+1 in a header included by two translation units: reported once.
#include <sqlite3.h>
#include <stddef.h>

static inline void print_totals(sqlite3 *db) {
  sqlite3_stmt *users = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id FROM users", -1, &users, NULL) !=
      SQLITE_OK)
    return;
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_stmt *orders = NULL;
    sqlite3_prepare_v2(db, "SELECT total FROM orders WHERE user_id = ?", -1,
                       &orders, NULL);
    sqlite3_bind_int64(orders, 1, sqlite3_column_int64(users, 0));
    while (sqlite3_step(orders) == SQLITE_ROW) {
    }
    sqlite3_finalize(orders);
  }
  sqlite3_finalize(users);
}
