//===- shop_db.h - In-memory SQLite shop for the N+1 demo -------*- C++ -*-===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// A tiny "backend" data layer: users and their orders in an in-memory SQLite
// database, plus a trace hook that counts the statements each code path runs.
//
//===----------------------------------------------------------------------===//

#ifndef NPLUSONE_EXAMPLES_SHOP_DB_H
#define NPLUSONE_EXAMPLES_SHOP_DB_H

#include <sqlite3.h>

#include <string>
#include <vector>

struct Order {
  int id;
  double total;
};

struct UserWithOrders {
  int id;
  std::string name;
  std::vector<Order> orders;
};

/// Filled in by the SQLITE_TRACE_STMT hook installed by installQueryCounter().
struct QueryCounter {
  long statements = 0;
  /// Simulated client/server round trip added to every statement. SQLite runs
  /// in-process, so without this a "query" costs far less than it would
  /// against a real database server.
  long latencyUs = 0;
};

/// Prints sqlite3_errmsg() and exits with status 1 unless \p rc == \p expected.
void checkSqlite(sqlite3 *db, int rc, int expected, const char *what);

/// Returns column \p col of the current row as a string ("" for NULL).
std::string columnString(sqlite3_stmt *stmt, int col);

/// Opens an empty in-memory database. Exits on failure.
sqlite3 *openShopDb();

/// Creates the users/orders schema and inserts \p numUsers users with 0..5
/// orders each. The data is deterministic so runs are comparable.
void createAndSeedShop(sqlite3 *db, int numUsers);

/// Counts every statement started on \p db into \p counter (which must
/// outlive the connection or be uninstalled first).
void installQueryCounter(sqlite3 *db, QueryCounter *counter);

/// One query for the users plus one query per user: 1 + N statements.
std::vector<UserWithOrders> listUsersWithOrdersNPlusOne(sqlite3 *db);

/// One query for the users plus one query for all their orders: 2 statements.
std::vector<UserWithOrders> listUsersWithOrdersBatched(sqlite3 *db);

#endif // NPLUSONE_EXAMPLES_SHOP_DB_H
