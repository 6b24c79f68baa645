// The only file that talks to SQLite.
#include "database.h"

bool Database::executeQuery(const std::string &sql) {
  return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) ==
         SQLITE_OK;
}

std::string Database::fetchName(const std::string &sql) {
  sqlite3_stmt *st = nullptr;
  std::string name;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return name;
  if (sqlite3_step(st) == SQLITE_ROW)
    name = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return name;
}
