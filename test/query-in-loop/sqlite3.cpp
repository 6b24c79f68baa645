// nplusone-query-in-loop on the real SQLite3 C API header (Debian
// libsqlite3-dev), compiled as C++.
// RUN: %check_nplusone --checks=nplusone-query-in-loop %s %t -- -- -std=c++17
// --fix alone applies no fix of this check, and the result compiles.
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=warnings --fixes-prefix=WARN-FIXES --compile-fixed=%clang \
// RUN:   %s %t-warn -- -- -std=c++17

#include <sqlite3.h>
#include <cstdio>
#include <string>
#include <vector>

// The seed story: a statement prepared, bound and stepped per user.
void seedStory(sqlite3 *db) {
  sqlite3_stmt *users = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, name FROM users", -1, &users, nullptr);
  while (sqlite3_step(users) == SQLITE_ROW) {
    int id = sqlite3_column_int(users, 0);
    sqlite3_stmt *orders = nullptr;
    sqlite3_prepare_v2(db, "SELECT id, total FROM orders WHERE user_id = ?",
    // CHECK-FIXES: sqlite3_prepare_v2(db, "SELECT user_id, id, total FROM orders WHERE user_id IN (SELECT value FROM json_each(?))",
    // WARN-FIXES: sqlite3_prepare_v2(db, "SELECT id, total FROM orders WHERE user_id = ?",
                       -1, &orders, nullptr);
    sqlite3_bind_int(orders, 1, id);
    while (sqlite3_step(orders) == SQLITE_ROW) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:33: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-10]]:28: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-15]]:26: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
      double total = sqlite3_column_double(orders, 1);
      (void)total;
    }
    sqlite3_finalize(orders);
  }
  sqlite3_finalize(users);
}

// Prepared once before the loop, then reset, bound and stepped per row: still
// one query per row.
void preparedOnce(sqlite3 *db) {
  sqlite3_stmt *users = nullptr, *orders = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users", -1, &users, nullptr);
  sqlite3_prepare_v2(db, "SELECT total FROM orders WHERE user_id = ?1", -1,
  // CHECK-FIXES: sqlite3_prepare_v2(db, "SELECT user_id, total FROM orders WHERE user_id IN (SELECT value FROM json_each(?1))", -1,
                     &orders, nullptr);
  for (; sqlite3_step(users) == SQLITE_ROW;) {
    sqlite3_reset(orders);
    sqlite3_bind_int64(orders, 1, sqlite3_column_int64(users, 0));
    if (sqlite3_step(orders) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:35: note: the row value 'sqlite3_column_int64(users, 0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-11]]:26: note: batch it: 'user_id IN (SELECT value FROM json_each(?1))' with the keys as one JSON array, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-13]]:26: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
      sqlite3_column_double(orders, 0);
    // A second step on the same statement fetches, it does not query again.
    sqlite3_step(orders);
  }
}

// The SQL text is formatted from the row and run with sqlite3_exec.
void formattedSql(sqlite3 *db, sqlite3_stmt *users) {
  int rc;
  while ((rc = sqlite3_step(users)) == SQLITE_ROW) {
    char sql[128];
    std::snprintf(sql, sizeof sql, "SELECT * FROM orders WHERE user_id = %d",
                  sqlite3_column_int(users, 0));
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
  }
}

// A do-while cursor loop, as code that has already stepped once writes it.
void doWhileCursor(sqlite3 *db, sqlite3_stmt *users) {
  if (sqlite3_step(users) != SQLITE_ROW)
    return;
  do {
    std::string name =
        reinterpret_cast<const char *>(sqlite3_column_text(users, 1));
    std::string sql = "SELECT * FROM orders WHERE customer = '" + name + "'";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:7: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:67: note: the row value 'name' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
  } while (sqlite3_step(users) == SQLITE_ROW);
}

// The per-row query two calls away from the loop.
static int countRows(sqlite3_stmt *stmt) {
  int n = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW)
    ++n;
  return n;
}
static int ordersOf(sqlite3 *db, int userId) {
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM orders WHERE user_id = ?", -1, &stmt,
  // CHECK-FIXES: sqlite3_prepare_v2(db, "SELECT user_id, id FROM orders WHERE user_id IN (SELECT value FROM json_each(?))", -1, &stmt,
                     nullptr);
  sqlite3_bind_int(stmt, 1, userId);
  int n = countRows(stmt);
  sqlite3_finalize(stmt);
  return n;
}
static int ordersOfUser(sqlite3 *db, sqlite3_stmt *row) {
  return ordersOf(db, sqlite3_column_int(row, 0));
}
void helperTwoDeep(sqlite3 *db, sqlite3_stmt *users) {
  while (sqlite3_step(users) == SQLITE_ROW)
    ordersOfUser(db, users);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: the row value 'users' is passed to 'ordersOfUser' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'ordersOfUser' calls 'ordersOf' here
    // CHECK-MESSAGES: :[[@LINE-14]]:11: note: 'ordersOf' calls 'countRows' here
    // CHECK-MESSAGES: :[[@LINE-25]]:10: note: 'countRows' runs the query here
    // CHECK-MESSAGES: :[[@LINE-20]]:26: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Reading the columns of the loop's own cursor is not a query.
void readColumnsOnly(sqlite3_stmt *users, std::vector<int> &ids) {
  while (sqlite3_step(users) == SQLITE_ROW)
    ids.push_back(sqlite3_column_int(users, 0));
}

// Queries before and after the loop.
void beforeAndAfter(sqlite3 *db, sqlite3_stmt *users) {
  sqlite3_exec(db, "SELECT 1", nullptr, nullptr, nullptr);
  int last = 0;
  while (sqlite3_step(users) == SQLITE_ROW)
    last = sqlite3_column_int(users, 0);
  char sql[64];
  std::snprintf(sql, sizeof sql, "SELECT * FROM orders WHERE user_id = %d",
                last);
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}

// A loop over an array of ids is not a loop over query rows.
void loopOverIds(sqlite3 *db, sqlite3_stmt *orders, const int *ids, int n) {
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(orders);
    sqlite3_bind_int(orders, 1, ids[i]);
    sqlite3_step(orders);
  }
}

// A write per row belongs to nplusone-write-in-loop; a constant query per row
// to nplusone-loop-invariant-query.
void writeAndInvariant(sqlite3 *db, sqlite3_stmt *users) {
  while (sqlite3_step(users) == SQLITE_ROW) {
    char sql[64];
    std::snprintf(sql, sizeof sql, "UPDATE users SET seen = 1 WHERE id = %d",
                  sqlite3_column_int(users, 0));
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    sqlite3_exec(db, "SELECT count(*) FROM audit", nullptr, nullptr, nullptr);
  }
}

// The first row only: the loop always returns.
int firstRow(sqlite3 *db, sqlite3_stmt *users, sqlite3_stmt *orders) {
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_bind_int(orders, 1, sqlite3_column_int(users, 0));
    return sqlite3_step(orders);
  }
  return SQLITE_DONE;
}
