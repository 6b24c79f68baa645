// Statements built in a string stream: the check follows the text streamed
// in first (`sql << "INSERT"`), not the last piece streamed (`");"`), and
// the text handed over through str(). A SELECT streamed the same way stays a
// read, and a stream cleared with str("") and refilled runs what it was
// refilled with.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <sqlite3.h>
#include <sstream>
#include <string>
#include <vector>

// A MUD's storage layer: every statement is streamed, then run as text.
class MudStore {
public:
  explicit MudStore(sqlite3 *db) : db_(db) {}

  bool run(const std::string &sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) ==
           SQLITE_OK;
  }

  bool insertRow(const std::string &table,
                 const std::vector<std::string> &values, bool replace) {
    std::ostringstream sql;
    sql << "INSERT";
    if (replace)
      sql << " OR REPLACE";
    sql << " INTO " << table << " VALUES(";
    for (std::size_t i = 0; i < values.size(); ++i)
      sql << (i ? ", '" : "'") << values[i] << "'";
    sql << ");";
    return run(sql.str());
  }

  int countWhere(const std::string &table, const std::string &where) {
    std::stringstream sql;
    sql << "SELECT count(*) FROM " << table << " WHERE " << where << ";";
    int n = 0;
    sqlite3_exec(
        db_, sql.str().c_str(),
        [](void *out, int, char **cols, char **) {
          *static_cast<int *>(out) = std::stoi(cols[0]);
          return 0;
        },
        &n, nullptr);
    return n;
  }

private:
  sqlite3 *db_;
};

struct Item {
  int vnum;
  std::string name;
};

void saveInventory(MudStore &store, const std::vector<Item> &inventory) {
  for (const Item &item : inventory)
    store.insertRow("Item", {std::to_string(item.vnum), item.name}, true);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'inventory' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'inventory' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: the element value '{std::to_string(item.vnum), item.name}' is passed to 'insertRow' here and reaches its INSERT
  // CHECK-MESSAGES: :33:12: note: 'insertRow' calls 'run' here
  // CHECK-MESSAGES: :19:12: note: 'run' runs the INSERT here
  // CHECK-MESSAGES: :33:16: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
}

// A DELETE streamed into a stream that held a SELECT before str("").
void purgeRooms(sqlite3 *db, const std::vector<int> &roomVnums) {
  std::ostringstream sql;
  sql << "SELECT count(*) FROM Room;";
  sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr);
  for (int vnum : roomVnums) {
    sql.str("");
    sql << "DELETE FROM Room WHERE vnum = " << vnum << ";";
    sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per element of 'roomVnums' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'roomVnums' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:48: note: the element value 'vnum' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
}

//===--- Reads stay reads ----------------------------------------------===//

void reportExits(MudStore &store, const std::vector<int> &roomVnums) {
  for (int vnum : roomVnums)
    store.countWhere("Exit", "source = " + std::to_string(vnum));
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'roomVnums' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'roomVnums' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:30: note: the element value '"source = " + std::to_string(vnum)' is passed to 'countWhere' here and reaches its query
  // CHECK-MESSAGES: :40:5: note: 'countWhere' runs the query here
  // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
}
