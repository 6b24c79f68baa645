// cppdb 0.3.1 on the real Debian libcppdb-dev header (<cppdb/frontend.h>):
// each N+1 shape in cppdb's idioms, and look-alikes that must stay silent.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17

#include <cppdb/frontend.h>
#include <string>
#include <vector>

// The canonical N+1: `while (r.next())`, one `sql << ... << id << cppdb::row`
// per row.
void totalsPerUser(cppdb::session &sql) {
  cppdb::result users = sql << "SELECT id, name FROM users";
  while (users.next()) {
    int id = 0;
    users >> id;
    double total = 0;
    cppdb::result r = sql << "SELECT sum(total) FROM orders WHERE user_id = ?" << id << cppdb::row;
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:25: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:83: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:30: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    if (!r.empty())
      r >> total;
  }
}

// A statement kept in a variable, bound and queried per row.
void ordersByName(cppdb::session &sql) {
  cppdb::result users = sql << "SELECT id, name FROM users";
  while (users.next()) {
    std::string name = users.get<std::string>("name");
    cppdb::statement st = sql << "SELECT total FROM orders WHERE user_name = ?";
    st.bind(name);
    cppdb::result orders = st.query();
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:25: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: the row value 'name' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:34: note: batch it: 'user_name IN (?)' with one placeholder per key, each key bound, then group the rows by user_name
    // CHECK-MESSAGES: :[[@LINE-11]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_name = users.name' and its columns here
    while (orders.next()) {
      double t = 0;
      orders.fetch(0, t);
    }
  }
}

// A cursor for-loop, reading with fetch().
void namesById(cppdb::session &sql) {
  cppdb::result users = sql << "SELECT id FROM users";
  for (int id = 0; users.next();) {
    users.fetch(0, id);
    cppdb::result r = sql << "SELECT name FROM users WHERE id = ?" << id;
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:25: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:71: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:30: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
    while (r.next()) {
    }
  }
}

// A write per row, prepared once before the loop.
void markSeen(cppdb::session &sql) {
  cppdb::result users = sql << "SELECT id FROM users";
  cppdb::statement upd = sql << "UPDATE users SET seen = 1 WHERE id = ?";
  while (users.next()) {
    upd.reset();
    upd << users.get<int>(0);
    upd.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:25: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: the row value 'users.get<int>(0)' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:33: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one cppdb::transaction guard(sql); ... guard.commit()
  }
}

// One query per element of a vector of ids.
void namesOf(cppdb::session &sql, const std::vector<int> &ids) {
  for (int id : ids) {
    std::string name;
    sql << "SELECT name FROM users WHERE id = ?" << id << cppdb::row >> name;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:53: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
  }
}

// The same query on every row.
void configPerRow(cppdb::session &sql) {
  cppdb::result users = sql << "SELECT id FROM users";
  while (users.next()) {
    int limit = 0;
    sql << "SELECT value FROM config WHERE name = 'limit'" << cppdb::row >> limit;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads row values.
int beforeAndAfter(cppdb::session &sql) {
  int n = 0;
  sql << "SELECT count(*) FROM users" << cppdb::row >> n;
  cppdb::result users = sql << "SELECT id FROM users";
  int last = 0;
  while (users.next())
    last = users.get<int>(0);
  sql << "UPDATE stats SET last_id = ?" << last << cppdb::exec;
  return n;
}

// Only the first row: the loop body always returns.
std::string firstName(cppdb::session &sql) {
  cppdb::result users = sql << "SELECT id FROM users ORDER BY id";
  while (users.next()) {
    int id = users.get<int>(0);
    std::string name;
    sql << "SELECT name FROM users WHERE id = ?" << id << cppdb::row >> name;
    return name;
  }
  return {};
}

// An unrelated cursor with next() and a writer with exec().
struct Tokens {
  bool next();
  int get();
};
struct Shell {
  Shell &operator<<(const std::string &);
  void exec();
};
void runAll(Tokens &tokens, Shell &sh) {
  while (tokens.next()) {
    sh << std::to_string(tokens.get());
    sh.exec();
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: cppdb::result r = sql << "SELECT user_id, sum(total) FROM orders WHERE user_id IN (?) GROUP BY user_id" << id << cppdb::row;
// NOTE-FIXES: cppdb::statement st = sql << "SELECT user_name, total FROM orders WHERE user_name IN (?)";
// NOTE-FIXES: cppdb::result r = sql << "SELECT id, name FROM users WHERE id IN (?)" << id;
// NOTE-FIXES: sql << "SELECT id, name FROM users WHERE id IN (?)" << id << cppdb::row >> name;
