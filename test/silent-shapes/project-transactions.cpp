// Transactions a project opens its own way: an RAII guard class whose
// constructor runs BEGIN and whose destructor commits, BEGIN and COMMIT
// through the project's own connection wrapper, and a guard defined in
// another file, named by the TransactionFunctions option. Writes to SQLite
// inside such a transaction are its bulk load, not N+1. Still reported: a
// guard whose block closed before the loop, a loop with no transaction, and
// reads (a transaction does not batch them).
// RUN: %check_nplusone --fix=none \
// RUN:   --config="{CheckOptions: [{key: TransactionFunctions, value: 'store::UnitOfWork'}]}" %s %t-named -- -- -std=c++17
// Without the option the guard from another file is not known.
// RUN: %check_nplusone --fix=none --messages-prefix=CHECK-MESSAGES,UNNAMED %s %t -- -- -std=c++17
#include <sqlite3.h>
#include <string>
#include <vector>

namespace store {

struct Track {
  int id;
  std::string title;
  int plays;
};

// The project's wrapper over the connection.
class Database {
public:
  explicit Database(sqlite3 *handle) : handle_(handle) {}
  void execute(const char *sql) {
    sqlite3_exec(handle_, sql, nullptr, nullptr, nullptr);
  }
  void begin() { execute("BEGIN IMMEDIATE"); }
  void commit() { execute("COMMIT"); }
  sqlite3 *handle() const { return handle_; }

private:
  sqlite3 *handle_;
};

// An RAII guard: BEGIN in the constructor, COMMIT or ROLLBACK at the end.
class ScopedTransaction {
public:
  explicit ScopedTransaction(Database &db) : db_(db) { db_.execute("BEGIN"); }
  ~ScopedTransaction() { db_.execute(done_ ? "COMMIT" : "ROLLBACK"); }
  void commit() { done_ = true; }

private:
  Database &db_;
  bool done_ = false;
};

// Declared here, defined in another file: named by TransactionFunctions.
class UnitOfWork {
public:
  explicit UnitOfWork(Database &db);
  ~UnitOfWork();
};

void savePlayCounts(Database &db, const std::vector<Track> &tracks) {
  ScopedTransaction tx(db);
  sqlite3_stmt *update = nullptr;
  sqlite3_prepare_v2(db.handle(), "UPDATE tracks SET plays = ? WHERE id = ?",
                     -1, &update, nullptr);
  for (const Track &t : tracks) {
    sqlite3_bind_int(update, 1, t.plays);
    sqlite3_bind_int(update, 2, t.id);
    sqlite3_step(update);
    sqlite3_reset(update);
  }
  sqlite3_finalize(update);
  tx.commit();
}

void importTitles(Database &db, const std::vector<Track> &tracks) {
  db.begin();
  sqlite3_stmt *insert = nullptr;
  sqlite3_prepare_v2(db.handle(), "INSERT INTO tracks (id, title) VALUES (?, ?)",
                     -1, &insert, nullptr);
  for (const Track &t : tracks) {
    sqlite3_bind_int(insert, 1, t.id);
    sqlite3_bind_text(insert, 2, t.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(insert);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  db.commit();
}

void clearPlays(Database &db, const std::vector<Track> &tracks) {
  UnitOfWork work(db);
  sqlite3_stmt *reset = nullptr;
  sqlite3_prepare_v2(db.handle(), "UPDATE tracks SET plays = 0 WHERE id = ?",
                     -1, &reset, nullptr);
  for (const Track &t : tracks) {
    sqlite3_bind_int(reset, 1, t.id);
    sqlite3_step(reset);
    // UNNAMED: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'tracks' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // UNNAMED: :[[@LINE-4]]:3: note: the loop over the elements of 'tracks' is here
    // UNNAMED: :[[@LINE-4]]:32: note: the element value 't.id' flows into the UPDATE's parameter here
    // UNNAMED: :[[@LINE-8]]:35: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // UNNAMED: :[[@LINE-7]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    sqlite3_reset(reset);
  }
  sqlite3_finalize(reset);
}

// The guard closes before the loop: every UPDATE commits on its own.
void savePlayCountsLate(Database &db, const std::vector<Track> &tracks) {
  {
    ScopedTransaction tx(db);
    db.execute("DELETE FROM play_log");
    tx.commit();
  }
  sqlite3_stmt *update = nullptr;
  sqlite3_prepare_v2(db.handle(), "UPDATE tracks SET plays = ? WHERE id = ?",
                     -1, &update, nullptr);
  for (const Track &t : tracks) {
    sqlite3_bind_int(update, 1, t.plays);
    sqlite3_bind_int(update, 2, t.id);
    sqlite3_step(update);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'tracks' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'tracks' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:33: note: the element value 't.plays' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:35: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    sqlite3_reset(update);
  }
  sqlite3_finalize(update);
}

// No transaction at all.
void renameAll(Database &db, const std::vector<Track> &tracks) {
  sqlite3_stmt *rename = nullptr;
  sqlite3_prepare_v2(db.handle(), "UPDATE tracks SET title = ? WHERE id = ?",
                     -1, &rename, nullptr);
  for (const Track &t : tracks) {
    sqlite3_bind_text(rename, 1, t.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(rename, 2, t.id);
    sqlite3_step(rename);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'tracks' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'tracks' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:34: note: the element value 't.title.c_str()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:35: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    sqlite3_reset(rename);
  }
  sqlite3_finalize(rename);
}

// Reads in a transaction are still one query per element.
int totalPlays(Database &db, const std::vector<int> &ids) {
  ScopedTransaction tx(db);
  int total = 0;
  for (int id : ids) {
    sqlite3_stmt *q = nullptr;
    sqlite3_prepare_v2(db.handle(), "SELECT plays FROM tracks WHERE id = ?",
                       -1, &q, nullptr);
    sqlite3_bind_int(q, 1, id);
    if (sqlite3_step(q) == SQLITE_ROW)
      total += sqlite3_column_int(q, 0);
    // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:37: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
    sqlite3_finalize(q);
  }
  return total;
}

} // namespace store
