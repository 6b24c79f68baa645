//===- orders_batched.cpp - Users with orders in two queries --------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
//
// The fix for orders_nplusone.cpp: read all users first, then fetch the
// orders of all of them with one query and group them in memory. Two
// statements no matter how many users there are.
//
//===----------------------------------------------------------------------===//

#include "shop_db.h"

#include <unordered_map>
#include <utility>

std::vector<UserWithOrders> listUsersWithOrdersBatched(sqlite3 *db) {
  std::vector<UserWithOrders> result;
  sqlite3_stmt *users = nullptr;
  checkSqlite(db,
              sqlite3_prepare_v2(db, "SELECT id, name FROM users ORDER BY id",
                                 -1, &users, nullptr),
              SQLITE_OK, "prepare users query");
  while (sqlite3_step(users) == SQLITE_ROW)
    result.push_back(
        {sqlite3_column_int(users, 0), columnString(users, 1), {}});
  checkSqlite(db, sqlite3_finalize(users), SQLITE_OK, "users query");
  if (result.empty())
    return result;

  // Pass the ids as a single JSON array parameter: one placeholder however
  // many users there are, so SQLITE_MAX_VARIABLE_NUMBER is never an issue and
  // the SQL text stays constant (no string-built IN lists).
  std::string idsJson = "[";
  for (const UserWithOrders &user : result) {
    if (idsJson.size() > 1)
      idsJson += ',';
    idsJson += std::to_string(user.id);
  }
  idsJson += ']';

  sqlite3_stmt *orders = nullptr;
  checkSqlite(db,
              sqlite3_prepare_v2(db,
                                 "SELECT user_id, id, total FROM orders WHERE "
                                 "user_id IN (SELECT value FROM json_each(?))",
                                 -1, &orders, nullptr),
              SQLITE_OK, "prepare batched orders query");
  // SQLITE_STATIC: idsJson outlives the statement.
  checkSqlite(db,
              sqlite3_bind_text(orders, 1, idsJson.c_str(),
                                static_cast<int>(idsJson.size()),
                                SQLITE_STATIC),
              SQLITE_OK, "bind user ids");
  std::unordered_map<int, std::vector<Order>> ordersByUser;
  while (sqlite3_step(orders) == SQLITE_ROW)
    ordersByUser[sqlite3_column_int(orders, 0)].push_back(
        {sqlite3_column_int(orders, 1), sqlite3_column_double(orders, 2)});
  checkSqlite(db, sqlite3_finalize(orders), SQLITE_OK, "batched orders query");

  for (UserWithOrders &user : result) {
    auto it = ordersByUser.find(user.id);
    if (it != ordersByUser.end())
      user.orders = std::move(it->second);
  }
  return result;
}
