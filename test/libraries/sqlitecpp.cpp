// SQLiteCpp 3.2.1 on the real Debian libsqlitecpp-dev headers (<SQLiteCpp/SQLiteCpp.h>):
// each N+1 shape in SQLiteCpp's own idioms (Statement + executeStep), and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17

#include <SQLiteCpp/SQLiteCpp.h>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

// The canonical N+1: step the users, one Statement per row bound to its id.
void ordersPerUser(SQLite::Database &db) {
  SQLite::Statement users(db, "SELECT id, name FROM users");
  while (users.executeStep()) {
    int id = users.getColumn(0);
    SQLite::Statement orders(db, "SELECT total FROM orders WHERE user_id = ?");
    orders.bind(1, id);
    while (orders.executeStep()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:34: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-11]]:31: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
      double total = orders.getColumn(0).getDouble();
      (void)total;
    }
  }
}

// A statement prepared once, reset and rebound per row; column read by name.
void profilesReused(SQLite::Database &db) {
  SQLite::Statement users(db, "SELECT id, name FROM users WHERE active = 1");
  SQLite::Statement profile(db, "SELECT bio FROM profiles WHERE user_id = :uid");
  while (users.executeStep()) {
    profile.bind(":uid", users.getColumn("id").getInt64());
    if (profile.executeStep()) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: the row value 'users.getColumn("id").getInt64()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:33: note: batch it: 'user_id IN (SELECT value FROM json_each(:uid))' with the keys as one JSON array, then group the rows by user_id
      std::string bio = profile.getColumn(0).getString();
    }
    profile.reset();
  }
}

// execAndGet per row, the key pasted into the SQL text.
void countsByText(SQLite::Database &db) {
  SQLite::Statement users(db, "SELECT id FROM users");
  while (users.executeStep()) {
    const std::string id = users.getColumn(0).getString();
    int n = db.execAndGet("SELECT count(*) FROM orders WHERE user_id = " + id).getInt();
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: the row value 'users.getColumn(0).getString()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:27: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
    (void)n;
  }
}

// A write per row.
void markSeen(SQLite::Database &db) {
  SQLite::Statement users(db, "SELECT id FROM users WHERE active = 1");
  while (users.executeStep()) {
    SQLite::Statement upd(db, "UPDATE users SET seen = 1 WHERE id = ?");
    upd.bind(1, users.getColumn(0).getInt());
    upd.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: the row value 'users.getColumn(0).getInt()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:31: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one SQLite::Transaction and commit() once: outside one, every statement is a transaction of its own
  }
}

// Database::exec per row, inside a transaction: SQLite runs in process, so
// the writes of one transaction cost no round trip and no journal sync each.
// That is the batched form; nothing is reported.
void archiveAll(SQLite::Database &db) {
  SQLite::Transaction tx(db);
  SQLite::Statement users(db, "SELECT id FROM users WHERE closed = 1");
  while (users.executeStep())
    db.exec("DELETE FROM sessions WHERE user_id = " + std::to_string(users.getColumn(0).getInt()));
  tx.commit();
}

// One query per element of a vector of ids.
std::vector<std::string> namesOf(SQLite::Database &db, const std::vector<int> &ids) {
  std::vector<std::string> names;
  for (int id : ids) {
    SQLite::Statement q(db, "SELECT name FROM users WHERE id = ?");
    q.bind(1, id);
    if (q.executeStep())
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:29: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
      names.push_back(q.getColumn(0));
  }
  return names;
}

// The same query on every row.
void configPerRow(SQLite::Database &db) {
  SQLite::Statement users(db, "SELECT id FROM users");
  while (users.executeStep()) {
    int limit = db.execAndGet("SELECT value FROM config WHERE name = 'limit'");
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: hoist it: run the query once before the loop and reuse its result
    (void)limit;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads columns.
int beforeAndAfter(SQLite::Database &db) {
  int n = db.execAndGet("SELECT count(*) FROM users").getInt();
  SQLite::Statement users(db, "SELECT id, name FROM users");
  std::vector<int> ids;
  while (users.executeStep()) {
    if (users.isColumnNull(1))
      continue;
    ids.push_back(users.getColumn(0));
    std::string name = users.getColumn("name");
  }
  db.exec("UPDATE stats SET last_scan = CURRENT_TIMESTAMP");
  return n + static_cast<int>(ids.size());
}

// Only the first row is used: the loop body always breaks.
std::string firstName(SQLite::Database &db) {
  SQLite::Statement users(db, "SELECT id FROM users ORDER BY id");
  std::string name;
  while (users.executeStep()) {
    SQLite::Statement q(db, "SELECT name FROM profiles WHERE user_id = ?");
    q.bind(1, users.getColumn(0).getInt());
    if (q.executeStep())
      name = q.getColumn(0).getString();
    break;
  }
  return name;
}

// An unrelated class with SQLiteCpp-like method names.
struct Cache {
  int exec(const char *key);
  bool executeStep();
  int getColumn(int i) const;
};
int warm(Cache &cache, const std::vector<std::string> &keys) {
  int hits = 0;
  for (const std::string &k : keys)
    hits += cache.exec(k.c_str());
  while (cache.executeStep())
    hits += cache.exec(std::to_string(cache.getColumn(0)).c_str());
  return hits;
}

// Retrying while the database is busy, and polling until other writers are
// done: running the statement again is the point, so nothing can be hoisted.
bool vacuumWithRetry(SQLite::Database &db) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      db.exec("VACUUM");
      return true;
    } catch (const SQLite::Exception &) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  return false;
}
void waitForJobs(SQLite::Database &db) {
  while (db.execAndGet("SELECT count(*) FROM jobs WHERE done = 0").getInt() > 0)
    std::this_thread::sleep_for(std::chrono::seconds(1));
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: SQLite::Statement orders(db, "SELECT user_id, total FROM orders WHERE user_id IN (SELECT value FROM json_each(?))");
// NOTE-FIXES: SQLite::Statement profile(db, "SELECT user_id, bio FROM profiles WHERE user_id IN (SELECT value FROM json_each(:uid))");
// NOTE-FIXES: SQLite::Statement q(db, "SELECT id, name FROM users WHERE id IN (SELECT value FROM json_each(?))");
