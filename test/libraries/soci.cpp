// SOCI 4.0.3 on the real Debian libsoci-dev headers (<soci/soci.h>, which
// includes Boost): each N+1 shape in SOCI's own idioms, and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17

#include <soci/soci.h>
#include <string>
#include <vector>

using namespace soci;

// The canonical N+1: a rowset over the users, one `sql << ..., use(id)` per row.
void ordersPerUser(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id, name FROM users");
  for (const row &r : users) {
    int id = r.get<int>(0);
    int count = 0;
    sql << "SELECT count(*) FROM orders WHERE user_id = :id", use(id), into(count);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:23: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:67: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: 'user_id IN (:id)' with one placeholder per key, each key bound, then group the rows by user_id
  }
}

// The iterator loop over a rowset.
void ordersByName(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id, name FROM users");
  for (rowset<row>::const_iterator it = users.begin(); it != users.end(); ++it) {
    std::string name = it->get<std::string>("name");
    int count = 0;
    sql << "SELECT count(*) FROM orders WHERE user_name = :n", use(name), into(count);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:23: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:68: note: the row value 'name' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: 'user_name IN (:n)' with one placeholder per key, each key bound, then group the rows by user_name
  }
}

// A statement prepared per row, executed and fetched.
void totalsPerUser(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id, name FROM users");
  for (const row &r : users) {
    std::string name = r.get<std::string>("name");
    double total = 0;
    statement st = (sql.prepare << "SELECT total FROM orders WHERE user_name = :n",
                    use(name, "n"), into(total));
    st.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:23: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:25: note: the row value 'name' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:36: note: batch it: 'user_name IN (:n)' with one placeholder per key, each key bound, then group the rows by user_name
    // CHECK-MESSAGES: :[[@LINE-12]]:39: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_name = users.name' and its columns here
    while (st.fetch()) {
    }
  }
}

// A statement cursor: into(id) receives each row that fetch() steps to.
void namesByCursor(session &sql) {
  int id = 0;
  std::string name;
  statement st = (sql.prepare << "SELECT id FROM users", into(id));
  st.execute();
  while (st.fetch()) {
    sql << "SELECT name FROM users WHERE id = :id", use(id), into(name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'st' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: 'st' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'st' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:57: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: 'id IN (:id)' with one placeholder per key, each key bound, then group the rows by id
  }
}

// A write per row, the key appended to the SQL text.
void markSeen(session &sql) {
  rowset<int> ids = (sql.prepare << "SELECT id FROM users WHERE active = 1");
  for (int id : ids)
    sql << "UPDATE users SET seen = 1 WHERE id = " << id;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'ids' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: 'ids' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:55: note: the row value 'id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: bind whole vectors: one statement with use(std::vector<T>) runs for every element in one round trip
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one soci::transaction tr(sql); ... tr.commit()
}

// One query per element of a vector of ids.
void namesOf(session &sql, const std::vector<int> &ids) {
  for (int id : ids) {
    std::string name;
    sql << "SELECT name FROM users WHERE id = :id", use(id), into(name);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:57: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:12: note: batch it: 'id IN (:id)' with one placeholder per key, each key bound, then group the rows by id
  }
}

// The same query on every row.
void configPerRow(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id FROM users");
  for (const row &r : users) {
    int limit = 0;
    sql << "SELECT value FROM config WHERE name = 'limit'", into(limit);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
    (void)r;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads row values.
int beforeAndAfter(session &sql) {
  int n = 0;
  sql << "SELECT count(*) FROM users", into(n);
  rowset<row> users = (sql.prepare << "SELECT id FROM users");
  int last = 0;
  std::vector<int> ids;
  for (const row &r : users) {
    last = r.get<int>(0);
    ids.push_back(last);
  }
  std::string name;
  sql << "SELECT name FROM users WHERE id = :id", use(last), into(name);
  return n + static_cast<int>(ids.size());
}

// Only the first row is used: the loop body always returns.
std::string firstName(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id FROM users ORDER BY id");
  for (const row &r : users) {
    int id = r.get<int>(0);
    std::string name;
    sql << "SELECT name FROM users WHERE id = :id", use(id), into(name);
    return name;
  }
  return {};
}

// An unrelated class with the same operator and method names.
struct Log {
  Log &operator<<(const char *);
  bool fetch();
  void execute();
};
void logLines(Log &log, const std::vector<std::string> &lines) {
  for (const std::string &l : lines) {
    log << l.c_str();
    log.execute();
  }
  while (log.fetch())
    log << "more";
}

// Pagination: the offset changes on every page, and the loop is not over
// the rows of a query.
void allIds(session &sql, std::vector<int> &all) {
  std::vector<int> page(100);
  int offset = 0;
  while (true) {
    sql << "SELECT id FROM users ORDER BY id LIMIT 100 OFFSET :o", use(offset),
        into(page);
    if (page.empty())
      break;
    all.insert(all.end(), page.begin(), page.end());
    offset += 100;
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: sql << "SELECT user_id, count(*) FROM orders WHERE user_id IN (:id) GROUP BY user_id", use(id), into(count);
// NOTE-FIXES: sql << "SELECT user_name, count(*) FROM orders WHERE user_name IN (:n) GROUP BY user_name", use(name), into(count);
// NOTE-FIXES: statement st = (sql.prepare << "SELECT user_name, total FROM orders WHERE user_name IN (:n)",
// NOTE-FIXES: sql << "SELECT id, name FROM users WHERE id IN (:id)", use(id), into(name);
// NOTE-FIXES: sql << "SELECT id, name FROM users WHERE id IN (:id)", use(id), into(name);
