//===- orders_nplusone.cpp - Users with orders, the N+1 way ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// Looks harmless: the loop calls a tidy little helper. But the helper runs a
// query, so listing N users costs 1 + N statements (and 1 + N round trips on
// a real database server).
//
//===----------------------------------------------------------------------===//

#include "shop_db.h"

static std::vector<Order> loadOrdersForUser(sqlite3 *db, int userId) {
  std::vector<Order> orders;
  sqlite3_stmt *stmt = nullptr;
  checkSqlite(
      db,
      sqlite3_prepare_v2(db, "SELECT id, total FROM orders WHERE user_id = ?",
                         -1, &stmt, nullptr),
      SQLITE_OK, "prepare orders query");
  checkSqlite(db, sqlite3_bind_int(stmt, 1, userId), SQLITE_OK, "bind user_id");
  while (sqlite3_step(stmt) == SQLITE_ROW)
    orders.push_back(
        {sqlite3_column_int(stmt, 0), sqlite3_column_double(stmt, 1)});
  // finalize reports the error of a failed sqlite3_step, if any.
  checkSqlite(db, sqlite3_finalize(stmt), SQLITE_OK, "orders query");
  return orders;
}

std::vector<UserWithOrders> listUsersWithOrdersNPlusOne(sqlite3 *db) {
  std::vector<UserWithOrders> result;
  sqlite3_stmt *users = nullptr;
  checkSqlite(db,
              sqlite3_prepare_v2(db, "SELECT id, name FROM users ORDER BY id",
                                 -1, &users, nullptr),
              SQLITE_OK, "prepare users query");
  while (sqlite3_step(users) == SQLITE_ROW) {
    int id = sqlite3_column_int(users, 0);
    std::string name = columnString(users, 1);
    // One more query per user row: this is the N in N+1.
    result.push_back({id, name, loadOrdersForUser(db, id)});
  }
  checkSqlite(db, sqlite3_finalize(users), SQLITE_OK, "users query");
  return result;
}
