// The only file that talks to SQLite: transactions are statements too.
#include "store.h"

bool Store::exec(const std::string &sql) {
  return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) ==
         SQLITE_OK;
}

bool Store::beginTransaction() { return exec("BEGIN TRANSACTION"); }

bool Store::commitTransaction() { return exec("COMMIT"); }
