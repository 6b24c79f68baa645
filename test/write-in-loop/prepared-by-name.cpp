// Statements prepared under a name and run by it: the check follows the SQL
// the unit prepared under that name, wherever it did (a store's constructor,
// a connection setup function). `exec_prepared("mark_done", ...)` with
// "mark_done" prepared as an UPDATE is a write per row; a name prepared as a
// SELECT is a read; a name prepared twice, or never here, is not known and
// is taken as a read, like any statement whose text cannot be read.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql

#include <libpq-fe.h>
#include <pqxx/pqxx>
#include <string>
#include <vector>

namespace jobs {

class JobStore {
public:
  explicit JobStore(pqxx::connection &conn) : conn_(conn) {
    conn_.prepare("mark_done", "UPDATE jobs SET done = true WHERE id = $1");
    conn_.prepare("owner_of", "SELECT owner FROM job_owners WHERE job_id = $1");
  }

  void finishAll(pqxx::work &tx) {
    pqxx::result finished = tx.exec("SELECT id FROM jobs WHERE state = 'finished'");
    for (const auto &job : finished)
      tx.exec_prepared("mark_done", job[0].as<long>());
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per row of 'finished' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:29: note: 'finished' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'finished' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:37: note: the row value 'job[0].as<long>()' flows into the UPDATE's parameter here
      // CHECK-MESSAGES: :[[@LINE-12]]:32: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }

  std::vector<std::string> owners(pqxx::work &tx) {
    std::vector<std::string> names;
    pqxx::result open = tx.exec("SELECT id FROM jobs WHERE done = false");
    for (const auto &job : open)
      names.push_back(tx.exec_prepared1("owner_of", job[0].as<long>())[0].c_str());
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query runs once per row of 'open' (N+1 queries); load the rows for all jobs in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:25: note: 'open' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'open' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:53: note: the row value 'job[0].as<long>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-23]]:31: note: batch it: 'job_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by job_id
    return names;
  }

  // Run once, after the loop that collects the ids: not per row.
  void finishBatch(pqxx::work &tx, const std::vector<long> &ids) {
    std::string list;
    for (long id : ids)
      list += (list.empty() ? "" : ",") + std::to_string(id);
    tx.exec_prepared("mark_done", list);
  }

private:
  pqxx::connection &conn_;
};

// libpq: the names are prepared when the connection is set up.
void prepareStatements(PGconn *conn) {
  PQclear(PQprepare(conn, "touch_session",
                    "UPDATE sessions SET seen_at = now() WHERE id = $1", 1,
                    nullptr));
}

void touchSessions(PGconn *conn) {
  PGresult *live = PQexec(conn, "SELECT id FROM sessions WHERE live");
  for (int i = 0; i < PQntuples(live); ++i) {
    const char *id = PQgetvalue(live, i, 0);
    PQclear(PQexecPrepared(conn, "touch_session", 1, &id, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: UPDATE runs once per row of 'live' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'live' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'live' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:55: note: the row value 'id' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-13]]:21: note: batch it: one multi-row INSERT, COPY with PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (PQexec(conn, "BEGIN") ... "COMMIT"): outside one, every statement commits on its own
  }
  PQclear(live);
}

// "audit" is prepared nowhere in this file: its statement is unknown.
void auditSessions(PGconn *conn) {
  PGresult *live = PQexec(conn, "SELECT id FROM sessions WHERE live");
  for (int i = 0; i < PQntuples(live); ++i) {
    const char *id = PQgetvalue(live, i, 0);
    PQclear(PQexecPrepared(conn, "audit", 1, &id, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: query runs once per row of 'live' (N+1 queries); load the rows for all sessions in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'live' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'live' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:47: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
  }
  PQclear(live);
}

} // namespace jobs
