// nplusone-write-in-loop on the real SQLite3 C API header.
// RUN: %check_nplusone --checks=nplusone-write-in-loop %s %t -- -- -std=c++17

#include <sqlite3.h>
#include <cstdio>

// One INSERT per element, outside any transaction: every statement commits
// on its own.
void insertScores(sqlite3 *db, const int *scores, int n) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO scores(value) VALUES (?)", -1, &ins,
                     nullptr);
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(ins);
    sqlite3_bind_int(ins, 1, scores[i]);
    sqlite3_step(ins);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of the loop (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the element value 'scores[i]' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
  sqlite3_finalize(ins);
}

// The same inside BEGIN ... COMMIT: SQLite's bulk load (one transaction, one
// prepared statement reused per row, in process) is the batched form.
void insertScoresInTransaction(sqlite3 *db, const int *scores, int n) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO scores(value) VALUES (?)", -1, &ins,
                     nullptr);
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(ins);
    sqlite3_bind_int(ins, 1, scores[i]);
    sqlite3_step(ins);
  }
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// A DELETE per row of a cursor, formatted with snprintf.
void deleteExpired(sqlite3 *db, sqlite3_stmt *expired) {
  while (sqlite3_step(expired) == SQLITE_ROW) {
    char sql[96];
    std::snprintf(sql, sizeof sql, "DELETE FROM sessions WHERE id = %d",
                  sqlite3_column_int(expired, 0));
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'expired' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'expired' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'sqlite3_column_int(expired, 0)' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
}

// Helpers that take the statement and the SQL as parameters, as seeding
// code often has: the INSERT and the BEGIN are found through the arguments,
// so this is the bulk load again and stays silent.
static void run(sqlite3 *db, const char *sql) {
  sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
}
static void stepAndReset(sqlite3_stmt *stmt) {
  sqlite3_step(stmt);
  sqlite3_reset(stmt);
}
void seed(sqlite3 *db, int users) {
  sqlite3_stmt *insertUser = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO users(id) VALUES (?)", -1, &insertUser,
                     nullptr);
  run(db, "BEGIN");
  for (int id = 1; id <= users; ++id) {
    sqlite3_bind_int(insertUser, 1, id);
    stepAndReset(insertUser);
  }
  run(db, "COMMIT");
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Reads per row, and a write before the loop.
void readsOnly(sqlite3 *db, sqlite3_stmt *users, sqlite3_stmt *orders) {
  sqlite3_exec(db, "DELETE FROM cache", nullptr, nullptr, nullptr);
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_reset(orders);
    sqlite3_bind_int(orders, 1, sqlite3_column_int(users, 0));
    sqlite3_step(orders);
  }
}
