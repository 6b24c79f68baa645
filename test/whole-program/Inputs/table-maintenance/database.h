// The server's database: every statement goes through Database::run,
// defined in database.cpp, with its whole text built by the caller.
#ifndef DATABASE_H
#define DATABASE_H
#include <sqlite3.h>
#include <string>

class Database {
public:
  explicit Database(sqlite3 *db) : db_(db) {}
  long run(const std::string &sql);

private:
  sqlite3 *db_;
};

#endif
