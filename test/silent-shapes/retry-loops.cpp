// Retry and poll loops re-run one statement until it succeeds or a state
// changes, and leave on success: nothing runs once per row, and hoisting the
// statement would change what the loop does. The nearest shapes that are N+1
// (a retry around a per-row query) are still reported.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql

#include <chrono>
#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <unistd.h>

// Serialization failures under SERIALIZABLE are retried; the transaction
// commits and the loop ends on the first attempt that goes through.
void transferCredits(pqxx::connection &conn, int from, int to, int amount) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      pqxx::work tx(conn);
      tx.exec_params("UPDATE accounts SET credits = credits - $1 WHERE id = $2",
                     amount, from);
      tx.exec_params("UPDATE accounts SET credits = credits + $1 WHERE id = $2",
                     amount, to);
      tx.commit();
      break;
    } catch (const pqxx::serialization_failure &) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10 << attempt));
    }
  }
}

// The same with a success flag, reconnecting when the server went away.
void recordHeartbeat(pqxx::connection &conn, const std::string &node) {
  bool recorded = false;
  while (!recorded) {
    try {
      pqxx::work tx(conn);
      tx.exec_params("UPDATE nodes SET last_seen = now() WHERE name = $1", node);
      tx.commit();
      recorded = true;
    } catch (const pqxx::broken_connection &) {
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  }
}

// libpq: the result's status decides whether to try again.
bool claimJob(PGconn *conn) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    PGresult *res = PQexec(conn, "UPDATE jobs SET owner = pg_backend_pid() "
                                 "WHERE id = (SELECT min(id) FROM jobs WHERE owner IS NULL)");
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (ok)
      return true;
    sleep(1);
  }
  return false;
}

// Waiting for a replica to replay up to a position.
void waitForReplica(pqxx::work &replica, const std::string &lsn) {
  for (;;) {
    pqxx::row caughtUp = replica.exec_params1(
        "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn", lsn);
    if (caughtUp[0].as<bool>())
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

// SQLite: step again while another connection holds the lock.
int insertWithBusyRetry(sqlite3 *db, sqlite3_stmt *insert) {
  int rc;
  do {
    rc = sqlite3_step(insert);
  } while (rc == SQLITE_BUSY);
  return rc;
}

//===--- The nearest N+1: a retry around a per-row query -----------------===//

void recomputeTotals(pqxx::connection &conn) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      pqxx::work tx(conn);
      for (const auto &user : tx.exec("SELECT id FROM users WHERE active")) {
        tx.exec_params("UPDATE users SET total = (SELECT sum(amount) FROM "
                       "payments WHERE user_id = $1) WHERE id = $1",
                       user["id"].as<int>());
        // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
        // CHECK-MESSAGES: :[[@LINE-5]]:31: note: 'users' is the result of the query here
        // CHECK-MESSAGES: :[[@LINE-6]]:7: note: the loop over the rows of 'users' is here
        // CHECK-MESSAGES: :[[@LINE-4]]:24: note: the row value 'user["id"].as<int>()' flows into the UPDATE's parameter here
        // CHECK-MESSAGES: :[[@LINE-7]]:24: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
      }
      tx.commit();
      break;
    } catch (const pqxx::serialization_failure &) {
    }
  }
}

// A loop that retries but also reads the same thing whatever happened: the
// read is not what ends the loop.
void pollWithStaleConfig(pqxx::work &tx, int jobId) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    pqxx::result limits = tx.exec("SELECT max_workers FROM config");
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per element of the loop but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: hoist it: run the query once before the loop and reuse its result
    pqxx::row job =
        tx.exec_params1("SELECT state FROM jobs WHERE id = $1", jobId);
    if (job[0].as<std::string>() == "done")
      break;
    (void)limits;
  }
}
