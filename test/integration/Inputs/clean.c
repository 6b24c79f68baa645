// No query per loop iteration: one query, then a loop over its rows.
#include <sqlite3.h>
#include <stddef.h>

long long total(sqlite3 *db) {
  sqlite3_stmt *s = NULL;
  long long sum = 0;
  if (sqlite3_prepare_v2(db, "SELECT total FROM orders", -1, &s, NULL) !=
      SQLITE_OK)
    return 0;
  while (sqlite3_step(s) == SQLITE_ROW)
    sum += sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return sum;
}
