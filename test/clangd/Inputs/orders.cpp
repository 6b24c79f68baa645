// An N+1 as an editor shows it: one query per row of 'users'.
#include <sqlite3.h>

void printTotals(sqlite3 *DB) {
  sqlite3_stmt *Users = nullptr;
  sqlite3_prepare_v2(DB, "SELECT id FROM users", -1, &Users, nullptr);
  sqlite3_stmt *Orders = nullptr;
  sqlite3_prepare_v2(DB, "SELECT total FROM orders WHERE user_id = ?", -1,
                     &Orders, nullptr);
  while (sqlite3_step(Users) == SQLITE_ROW) {
    sqlite3_bind_int64(Orders, 1, sqlite3_column_int64(Users, 0));
    while (sqlite3_step(Orders) == SQLITE_ROW) {
    }
    sqlite3_reset(Orders);
  }
  sqlite3_finalize(Orders);
  sqlite3_finalize(Users);
}
