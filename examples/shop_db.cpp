//===- shop_db.cpp - In-memory SQLite shop for the N+1 demo ---------------===//
//
// Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//

#include "shop_db.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

void checkSqlite(sqlite3 *db, int rc, int expected, const char *what) {
  if (rc == expected)
    return;
  std::fprintf(stderr, "shop_demo: %s failed: %s (code %d)\n", what,
               db ? sqlite3_errmsg(db) : sqlite3_errstr(rc), rc);
  std::exit(1);
}

std::string columnString(sqlite3_stmt *stmt, int col) {
  const unsigned char *text = sqlite3_column_text(stmt, col);
  return text ? reinterpret_cast<const char *>(text) : "";
}

sqlite3 *openShopDb() {
  sqlite3 *db = nullptr;
  int rc = sqlite3_open(":memory:", &db);
  // sqlite3_open may hand back a handle even on failure; it carries the
  // error message and still has to be closed.
  if (rc != SQLITE_OK) {
    std::fprintf(stderr, "shop_demo: sqlite3_open failed: %s\n",
                 db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    std::exit(1);
  }
  return db;
}

static void exec(sqlite3 *db, const char *sql) {
  checkSqlite(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK,
              sql);
}

// Binds, runs and resets a prepared INSERT so it can be reused for the next
// row; re-preparing per row would dominate the seeding time.
static void stepInsert(sqlite3 *db, sqlite3_stmt *insert, const char *what) {
  checkSqlite(db, sqlite3_step(insert), SQLITE_DONE, what);
  checkSqlite(db, sqlite3_reset(insert), SQLITE_OK, what);
}

void createAndSeedShop(sqlite3 *db, int numUsers) {
  exec(db, "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT)");
  exec(db, "CREATE TABLE orders(id INTEGER PRIMARY KEY, user_id INTEGER, "
           "total REAL)");
  // Any real schema indexes the foreign key; without it each per-user query
  // would scan the whole table and exaggerate the N+1 cost.
  exec(db, "CREATE INDEX orders_user_id ON orders(user_id)");

  static const char *const FirstNames[] = {"Ada",      "Grace", "Linus",
                                           "Barbara",  "Ken",   "Dennis",
                                           "Margaret", "Edsger"};
  const int NumFirstNames = sizeof(FirstNames) / sizeof(FirstNames[0]);

  sqlite3_stmt *insertUser = nullptr;
  sqlite3_stmt *insertOrder = nullptr;
  checkSqlite(db,
              sqlite3_prepare_v2(db,
                                 "INSERT INTO users(id, name) VALUES (?, ?)",
                                 -1, &insertUser, nullptr),
              SQLITE_OK, "prepare INSERT INTO users");
  checkSqlite(db,
              sqlite3_prepare_v2(
                  db, "INSERT INTO orders(id, user_id, total) VALUES (?, ?, ?)",
                  -1, &insertOrder, nullptr),
              SQLITE_OK, "prepare INSERT INTO orders");

  // One transaction: otherwise every INSERT is its own implicit transaction.
  exec(db, "BEGIN");
  int orderId = 0;
  for (int userId = 1; userId <= numUsers; ++userId) {
    std::string name = std::string(FirstNames[userId % NumFirstNames]) + " #" +
                       std::to_string(userId);
    checkSqlite(db, sqlite3_bind_int(insertUser, 1, userId), SQLITE_OK,
                "bind user id");
    checkSqlite(db,
                sqlite3_bind_text(insertUser, 2, name.c_str(),
                                  static_cast<int>(name.size()),
                                  SQLITE_TRANSIENT),
                SQLITE_OK, "bind user name");
    stepInsert(db, insertUser, "INSERT INTO users");

    // Deterministic 0..5 orders per user (no rand(), so runs are comparable).
    int numOrders = (userId * 7 + userId / 6) % 6;
    for (int i = 0; i < numOrders; ++i) {
      ++orderId;
      // Whole cents, so the values survive the REAL round trip unchanged.
      double total = (orderId * 1237 % 50000) / 100.0 + 5.0;
      checkSqlite(db, sqlite3_bind_int(insertOrder, 1, orderId), SQLITE_OK,
                  "bind order id");
      checkSqlite(db, sqlite3_bind_int(insertOrder, 2, userId), SQLITE_OK,
                  "bind order user_id");
      checkSqlite(db, sqlite3_bind_double(insertOrder, 3, total), SQLITE_OK,
                  "bind order total");
      stepInsert(db, insertOrder, "INSERT INTO orders");
    }
  }
  exec(db, "COMMIT");

  checkSqlite(db, sqlite3_finalize(insertUser), SQLITE_OK,
              "finalize INSERT INTO users");
  checkSqlite(db, sqlite3_finalize(insertOrder), SQLITE_OK,
              "finalize INSERT INTO orders");
}

// Busy-wait rather than sleep: sleep_for overshoots by tens of microseconds
// (timer slack), which would inflate the simulated round trip.
static void busyWaitMicros(long micros) {
  auto until =
      std::chrono::steady_clock::now() + std::chrono::microseconds(micros);
  while (std::chrono::steady_clock::now() < until) {
  }
}

static int onTrace(unsigned type, void *ctx, void * /*stmt*/, void *sqlText) {
  if (type != SQLITE_TRACE_STMT)
    return 0;
  // Statements run by triggers are reported as "-- ..." comments; they are
  // part of the outer statement, not extra round trips.
  const char *sql = static_cast<const char *>(sqlText);
  if (sql && sql[0] == '-' && sql[1] == '-')
    return 0;
  auto *counter = static_cast<QueryCounter *>(ctx);
  ++counter->statements;
  if (counter->latencyUs > 0)
    busyWaitMicros(counter->latencyUs);
  return 0;
}

void installQueryCounter(sqlite3 *db, QueryCounter *counter) {
  checkSqlite(db, sqlite3_trace_v2(db, SQLITE_TRACE_STMT, onTrace, counter),
              SQLITE_OK, "sqlite3_trace_v2");
}
