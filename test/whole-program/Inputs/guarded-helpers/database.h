// A game server's database access, defined in database.cpp.
#ifndef DATABASE_H
#define DATABASE_H
#include <sqlite3.h>
#include <string>

class Database {
public:
  static Database &instance();
  bool executeQuery(const std::string &sql);
  std::string fetchName(const std::string &sql);

private:
  sqlite3 *db_ = nullptr;
};

#endif
