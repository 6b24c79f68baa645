// A mail server's storage: one class wraps SQLite, defined in store.cpp.
#ifndef STORE_H
#define STORE_H
#include <sqlite3.h>
#include <string>

class Store {
public:
  bool exec(const std::string &sql);
  bool beginTransaction();
  bool commitTransaction();

private:
  sqlite3 *db_ = nullptr;
};

struct Message {
  int id;
  int mailbox;
};

#endif
