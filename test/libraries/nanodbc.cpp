// nanodbc (<nanodbc/nanodbc.h>, stand-in headers in Inputs/nanodbc): each N+1
// shape in nanodbc's idioms (free execute/prepare, statement methods), and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I %inputs/nanodbc
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -I %inputs/nanodbc
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -I %inputs/nanodbc

#include <nanodbc/nanodbc.h>
#include <string>
#include <vector>

// The canonical N+1: a statement prepared, bound and executed per user row.
void ordersPerUser(nanodbc::connection &conn) {
  nanodbc::result users = nanodbc::execute(conn, "SELECT id, name FROM users");
  while (users.next()) {
    int id = users.get<int>(0);
    nanodbc::statement stmt(conn);
    prepare(stmt, "SELECT total FROM orders WHERE user_id = ?");
    stmt.bind(0, &id);
    nanodbc::result orders = stmt.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:19: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    while (orders.next())
      (void)orders.get<double>(0);
  }
}

// Prepared once before a for(;next();) loop, bound and executed per row.
void ordersPerUserPrepared(nanodbc::connection &conn) {
  nanodbc::statement byUser(conn);
  byUser.prepare("SELECT total FROM orders WHERE user_id = ?");
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  for (; users.next();) {
    int id = users.get<int>("id");
    byUser.bind(0, &id);
    nanodbc::result r = byUser.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-10]]:18: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
  }
}

// The same, run through the free function execute(statement&).
void ordersPerUserFree(nanodbc::connection &conn) {
  nanodbc::statement byUser(conn);
  prepare(byUser, "SELECT total FROM orders WHERE user_id = ?");
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  while (users.next()) {
    int id = users.get<int>(0);
    byUser.bind(0, &id);
    nanodbc::result r = nanodbc::execute(byUser);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-10]]:19: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
  }
}

// A do-while cursor over SQL text built from the row.
void ordersPerUserText(nanodbc::connection &conn) {
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  if (!users.next())
    return;
  do {
    std::string sql = "SELECT * FROM orders WHERE user_id = " + std::to_string(users.get<int>(0));
    nanodbc::execute(conn, sql);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:80: note: the row value 'users.get<int>(0)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
  } while (users.next());
}

// Writes per row: a statement built with its SQL, and just_execute of text;
// the second loop runs inside a nanodbc::transaction.
void auditPerUser(nanodbc::connection &conn) {
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  while (users.next()) {
    int id = users.get<int>(0);
    nanodbc::statement ins(conn, "INSERT INTO audit(user_id) VALUES (?)");
    ins.bind(0, &id);
    ins.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: the row value 'id' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:34: note: batch it: bind arrays of values (statement::bind with a batch of elements) and run execute(batch_size) once
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in one nanodbc::transaction and commit() once
  }
  nanodbc::result idle = nanodbc::execute(conn, "SELECT id FROM users WHERE active = 0");
  nanodbc::transaction tx(conn);
  while (idle.next())
    nanodbc::just_execute(conn, "UPDATE users SET seen = 1 WHERE id = " + std::to_string(idle.get<int>(0)));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'idle' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: 'idle' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'idle' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:90: note: the row value 'idle.get<int>(0)' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:33: note: batch it: bind arrays of values (statement::bind with a batch of elements) and run execute(batch_size) once
  tx.commit();
}

// A query per element of a vector of ids.
void namesPerId(nanodbc::connection &conn, const std::vector<int> &ids) {
  nanodbc::statement stmt(conn);
  prepare(stmt, "SELECT name FROM users WHERE id = ?");
  for (int id : ids) {
    stmt.bind(0, &id);
    nanodbc::result r = stmt.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:17: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
    r.next();
  }
}

// The same query on every row.
void taxPerRow(nanodbc::connection &conn) {
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  while (users.next()) {
    nanodbc::result cfg = nanodbc::execute(conn, "SELECT value FROM config WHERE name = 'tax'");
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: hoist it: run the query once before the loop and reuse its result
    (void)cfg;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; only row values read inside it.
long queriesAroundLoop(nanodbc::connection &conn) {
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  long sum = 0;
  while (users.next())
    sum += users.get<int>(0);
  nanodbc::just_execute(conn, "UPDATE stats SET done = 1");
  return sum;
}

// The first row only: the loop body breaks.
void firstUser(nanodbc::connection &conn) {
  nanodbc::result users = nanodbc::execute(conn, "SELECT id FROM users");
  while (users.next()) {
    nanodbc::execute(conn, "SELECT * FROM orders WHERE user_id = " + std::to_string(users.get<int>(0)));
    break;
  }
}

// next() and execute() on types that are not nanodbc's.
struct LineReader {
  bool next();
  int get(int);
};
struct Cache {
  int execute(const char *);
};
void lookAlikes(LineReader &lines, Cache &cache) {
  while (lines.next())
    cache.execute("SELECT 1"), (void)lines.get(0);
}

// Paging: the offset changes every iteration; the loop is not over rows.
void pages(nanodbc::connection &conn) {
  for (int offset = 0;; offset += 100) {
    nanodbc::result page = nanodbc::execute(conn, "SELECT id FROM events ORDER BY id OFFSET " + std::to_string(offset) + " ROWS");
    if (!page.next())
      break;
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: prepare(stmt, "SELECT user_id, total FROM orders WHERE user_id IN (?)");
// NOTE-FIXES: byUser.prepare("SELECT user_id, total FROM orders WHERE user_id IN (?)");
// NOTE-FIXES: prepare(byUser, "SELECT user_id, total FROM orders WHERE user_id IN (?)");
// NOTE-FIXES: prepare(stmt, "SELECT id, name FROM users WHERE id IN (?)");
// NOTE-FIXES: nanodbc::result cfg = nanodbc::execute(conn, "SELECT value FROM config WHERE name = 'tax'");
