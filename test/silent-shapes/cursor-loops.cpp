// Loops whose query is their own row source: a server-side cursor fetched in
// pages until it returns nothing, a SQLite statement stepped in a `for`
// loop's init and increment, one asynchronous query's results drained. The
// rows come in batches already; a query run once per fetched row inside them
// is still N+1 and still reported.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql

#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <string>
#include <vector>

struct Event {
  long id;
  std::string payload;
};

// DECLARE ... CURSOR, then FETCH pages until one comes back empty.
std::vector<Event> exportEvents(pqxx::work &tx) {
  std::vector<Event> out;
  tx.exec("DECLARE export_cur NO SCROLL CURSOR FOR "
          "SELECT id, payload FROM events ORDER BY id");
  while (true) {
    pqxx::result page = tx.exec("FETCH 1000 FROM export_cur");
    if (page.empty())
      break;
    for (const auto &row : page)
      out.push_back({row[0].as<long>(), row[1].as<std::string>()});
  }
  tx.exec("CLOSE export_cur");
  return out;
}

// The same as a do/while on the page's size.
size_t countArchived(pqxx::work &tx) {
  size_t seen = 0;
  pqxx::result page;
  tx.exec("DECLARE arch CURSOR FOR SELECT id FROM archive");
  do {
    page = tx.exec("FETCH FORWARD 500 FROM arch");
    seen += page.size();
  } while (!page.empty());
  return seen;
}

// sqlite3: the step in the for loop's init and increment walks the rows.
std::vector<std::string> userNames(sqlite3 *db) {
  std::vector<std::string> names;
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM users", -1, &s, nullptr);
  int rc;
  for (rc = sqlite3_step(s); rc == SQLITE_ROW; rc = sqlite3_step(s))
    names.push_back(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  return names;
}

// libpq: one query sent, its results read until there are none.
long sumTotals(PGconn *conn) {
  long sum = 0;
  PQsendQuery(conn, "SELECT total FROM orders");
  PQsetSingleRowMode(conn);
  PGresult *res;
  while ((res = PQgetResult(conn)) != nullptr) {
    if (PQntuples(res) > 0)
      sum += std::stol(PQgetvalue(res, 0, 0));
    PQclear(res);
  }
  return sum;
}

//===--- The nearest N+1: a query per fetched row ------------------------===//

void exportWithOwners(pqxx::work &tx) {
  tx.exec("DECLARE owners_cur CURSOR FOR SELECT id, owner_id FROM documents");
  while (true) {
    pqxx::result page = tx.exec("FETCH 200 FROM owners_cur");
    if (page.empty())
      break;
    for (const auto &doc : page)
      tx.exec_params("SELECT name FROM users WHERE id = $1",
                     doc["owner_id"].as<int>());
      // CHECK-MESSAGES: :[[@LINE-2]]:7: warning: query runs once per row of 'page' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-7]]:25: note: 'page' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the loop over the rows of 'page' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:22: note: the row value 'doc["owner_id"].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-6]]:22: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  }
}

void namesWithRoles(sqlite3 *db, sqlite3_stmt *roleOf) {
  sqlite3_stmt *s = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, name FROM users", -1, &s, nullptr);
  for (int rc = sqlite3_step(s); rc == SQLITE_ROW; rc = sqlite3_step(s)) {
    sqlite3_stmt *q = nullptr;
    sqlite3_prepare_v2(db, "SELECT role FROM roles WHERE user_id = ?", -1, &q,
                       nullptr);
    sqlite3_bind_int(q, 1, sqlite3_column_int(s, 0));
    sqlite3_step(q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 's' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 's' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 's' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: the row value 'sqlite3_column_int(s, 0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:28: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-12]]:26: note: or read both in one query: add 'LEFT JOIN roles ON roles.user_id = users.id' and its columns here
    sqlite3_finalize(q);
  }
  sqlite3_finalize(s);
}
