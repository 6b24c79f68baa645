// Statements a class prepares once, in its constructor or an open() method,
// and keeps in members; a row loop elsewhere runs them through the class's
// methods. SQLite3 C API and SQLiteCpp on their real headers, libpqxx
// statements prepared by name in a setup function and run two calls deep.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17

#include <SQLiteCpp/SQLiteCpp.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace search {

// The index prepares its statements when it opens the database.
class TermIndex {
public:
  bool open(sqlite3 *db) {
    db_ = db;
    return sqlite3_prepare_v2(db_,
                              "INSERT INTO postings(term, doc_id) VALUES (?, ?)",
                              -1, &addPosting_, nullptr) == SQLITE_OK &&
           sqlite3_prepare_v2(db_, "DELETE FROM postings WHERE doc_id = ?", -1,
                              &dropDoc_, nullptr) == SQLITE_OK;
  }
  ~TermIndex() {
    sqlite3_finalize(addPosting_);
    sqlite3_finalize(dropDoc_);
  }

  void addPosting(const std::string &term, int docId) {
    sqlite3_bind_text(addPosting_, 1, term.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(addPosting_, 2, docId);
    sqlite3_step(addPosting_);
    sqlite3_reset(addPosting_);
  }

  // The DELETE stepped in the loop over the expired documents.
  void dropExpired(sqlite3_stmt *expired) {
    while (sqlite3_step(expired) == SQLITE_ROW) {
      sqlite3_bind_int(dropDoc_, 1, sqlite3_column_int(expired, 0));
      sqlite3_step(dropDoc_);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: DELETE runs once per row of 'expired' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'expired' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:37: note: the row value 'sqlite3_column_int(expired, 0)' flows into the DELETE's parameter here
      // CHECK-MESSAGES: :[[@LINE-23]]:36: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
      // CHECK-MESSAGES: :[[@LINE-7]]:5: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
      sqlite3_reset(dropDoc_);
    }
  }

  // One document's postings, after the loop that collects its terms.
  void addDocument(int docId, const std::vector<std::string> &terms) {
    std::string all;
    for (const std::string &t : terms)
      all += t + " ";
    addPosting(all, docId);
  }

private:
  sqlite3 *db_ = nullptr;
  sqlite3_stmt *addPosting_ = nullptr;
  sqlite3_stmt *dropDoc_ = nullptr;
};

void indexTitles(TermIndex &index, sqlite3_stmt *docs) {
  while (sqlite3_step(docs) == SQLITE_ROW) {
    const char *title =
        reinterpret_cast<const char *>(sqlite3_column_text(docs, 1));
    index.addPosting(title, sqlite3_column_int(docs, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'docs' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'docs' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: the row value 'title' is passed to 'addPosting' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-40]]:5: note: 'addPosting' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-54]]:31: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
}

// SQLiteCpp: the statement is a member the constructor initialises.
class ClickLog {
public:
  explicit ClickLog(SQLite::Database &db)
      : insert_(db, "INSERT INTO clicks(doc_id, position) VALUES (?, ?)") {}
  void record(int docId, int position) {
    insert_.bind(1, docId);
    insert_.bind(2, position);
    insert_.exec();
    insert_.reset();
  }

private:
  SQLite::Statement insert_;
};

void replayClicks(SQLite::Database &db, ClickLog &log) {
  SQLite::Statement clicks(db, "SELECT doc_id, position FROM raw_clicks");
  while (clicks.executeStep())
    log.record(clicks.getColumn(0).getInt(), clicks.getColumn(1).getInt());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'clicks' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: 'clicks' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'clicks' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the row value 'clicks.getColumn(0).getInt()' is passed to 'record' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-16]]:5: note: 'record' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-21]]:21: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one SQLite::Transaction and commit() once: outside one, every statement is a transaction of its own
}

// libpqxx: names prepared when the connection is set up, run by name two
// calls below the loop.
void prepareStatements(pqxx::connection &conn) {
  conn.prepare("mark_indexed", "UPDATE documents SET indexed = true WHERE id = $1");
}

static void markIndexed(pqxx::work &tx, long id) {
  tx.exec_prepared("mark_indexed", id);
}
static void finishDocument(pqxx::work &tx, long id) { markIndexed(tx, id); }

void finishPending(pqxx::work &tx) {
  pqxx::result pending = tx.exec("SELECT id FROM documents WHERE NOT indexed");
  for (const auto &doc : pending)
    finishDocument(tx, doc[0].as<long>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'pending' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:26: note: 'pending' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'pending' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: the row value 'doc[0].as<long>()' is passed to 'finishDocument' here and reaches its UPDATE
    // CHECK-MESSAGES: :[[@LINE-10]]:55: note: 'finishDocument' calls 'markIndexed' here
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'markIndexed' runs the UPDATE here
    // CHECK-MESSAGES: :[[@LINE-18]]:32: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The same writes inside one transaction: SQLite's bulk load.
void indexTitlesInTransaction(sqlite3 *db, TermIndex &index,
                              sqlite3_stmt *docs) {
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  while (sqlite3_step(docs) == SQLITE_ROW)
    index.addPosting(reinterpret_cast<const char *>(sqlite3_column_text(docs, 1)),
                     sqlite3_column_int(docs, 0));
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// The newest click only, recorded once after the loop.
void recordNewest(SQLite::Database &db, ClickLog &log) {
  SQLite::Statement clicks(db, "SELECT doc_id, position FROM raw_clicks");
  int doc = 0, position = 0;
  while (clicks.executeStep()) {
    doc = clicks.getColumn(0).getInt();
    position = clicks.getColumn(1).getInt();
  }
  log.record(doc, position);
}

} // namespace search
