// The batched forms of per-row writes: SQLite's bulk load (one explicit
// transaction, one prepared statement bound and stepped per row, in process,
// no round trip) and libpq's pipeline mode (statements sent in a loop, one
// sync after it). The shapes next to them are still one round trip or one
// journal sync per row: a SQLite loop outside a transaction, a client-server
// database inside one, a pipeline that waits for every result.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql

#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <string>
#include <vector>

struct Reading {
  int sensor;
  double value;
};

// The SQLite FAQ's bulk insert.
void loadReadings(sqlite3 *db, const std::vector<Reading> &readings) {
  sqlite3_exec(db, "BEGIN TRANSACTION", nullptr, nullptr, nullptr);
  sqlite3_stmt *insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO readings (sensor, value) VALUES (?, ?)",
                     -1, &insert, nullptr);
  for (const Reading &r : readings) {
    sqlite3_bind_int(insert, 1, r.sensor);
    sqlite3_bind_double(insert, 2, r.value);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// libpq pipeline mode: every INSERT goes out, then one sync.
void sendReadings(PGconn *conn, const std::vector<Reading> &readings) {
  PQenterPipelineMode(conn);
  for (const Reading &r : readings) {
    std::string sensor = std::to_string(r.sensor);
    std::string value = std::to_string(r.value);
    const char *params[2] = {sensor.c_str(), value.c_str()};
    PQsendQueryParams(conn, "INSERT INTO readings (sensor, value) VALUES ($1, $2)",
                      2, nullptr, params, nullptr, nullptr, 0);
  }
  PQpipelineSync(conn);
}

//===--- Still one round trip or one commit per row -----------------------===//

// SQLite outside a transaction: every insert is a transaction of its own.
void loadReadingsSlowly(sqlite3 *db, const std::vector<Reading> &readings) {
  sqlite3_stmt *insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO readings (sensor, value) VALUES (?, ?)",
                     -1, &insert, nullptr);
  for (const Reading &r : readings) {
    sqlite3_bind_int(insert, 1, r.sensor);
    sqlite3_bind_double(insert, 2, r.value);
    sqlite3_step(insert);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'readings' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'readings' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:33: note: the element value 'r.sensor' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
}

// PostgreSQL inside a transaction: still one round trip per row.
void storeReadings(pqxx::work &tx, const std::vector<Reading> &readings) {
  for (const Reading &r : readings)
    tx.exec_params("INSERT INTO readings (sensor, value) VALUES ($1, $2)",
                   r.sensor, r.value);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: INSERT runs once per element of 'readings' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'readings' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:20: note: the element value 'r.sensor' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  tx.commit();
}

// A pipeline that syncs after every statement waits for every one.
void sendReadingsOneByOne(PGconn *conn, const std::vector<Reading> &readings) {
  PQenterPipelineMode(conn);
  for (const Reading &r : readings) {
    std::string sensor = std::to_string(r.sensor);
    const char *params[1] = {sensor.c_str()};
    PQsendQueryParams(conn, "DELETE FROM readings WHERE sensor = $1", 1, nullptr,
                      params, nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: DELETE runs once per element of 'readings' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the elements of 'readings' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: the element value 'params' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:29: note: batch it: one multi-row INSERT, COPY with PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (PQexec(conn, "BEGIN") ... "COMMIT"): outside one, every statement commits on its own
    PQpipelineSync(conn);
    PQclear(PQgetResult(conn));
  }
}
