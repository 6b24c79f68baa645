// The only file that talks to SQLite.
#include "database.h"

long Database::run(const std::string &sql) {
  sqlite3_stmt *st = nullptr;
  long value = 0;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return -1;
  if (sqlite3_step(st) == SQLITE_ROW)
    value = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return value;
}
