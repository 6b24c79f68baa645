// Poco::Data 1.11 on the real Debian libpoco-dev headers
// (<Poco/Data/Session.h>, RecordSet.h): each N+1 shape in Poco's idioms.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Row.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <string>
#include <vector>

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

// The canonical N+1: a RecordSet walked by range-for, one query per row.
void ordersPerUser(Session &session) {
  RecordSet users(session, "SELECT id, name FROM users");
  for (auto &row : users) {
    int id = row["id"].convert<int>();
    int count = 0;
    session << "SELECT count(*) FROM orders WHERE user_id = ?", use(id), into(count), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
  }
}

// The cursor of Poco's manual: moveFirst(), then moveNext() at the end.
void ordersByCursor(Session &session) {
  Statement select(session);
  select << "SELECT id, name FROM users";
  select.execute();
  RecordSet rs(select);
  bool more = rs.moveFirst();
  while (more) {
    int id = rs["id"].convert<int>();
    int count = 0;
    session << "SELECT count(*) FROM orders WHERE user_id = ?", use(id), into(count), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'rs' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'rs' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'rs' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    more = rs.moveNext();
  }
}

// A do-while over moveNext(), reading with value().
void ordersDoWhile(Session &session) {
  RecordSet rs(session, "SELECT id, name FROM users");
  do {
    std::string name = rs.value("name").convert<std::string>();
    RecordSet orders(session, "SELECT total FROM orders WHERE user_name = '" + name + "'");
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs once per row of 'rs' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: 'rs' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'rs' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: the row value 'rs.value("name").convert<std::string>()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:31: note: batch it: one query with 'IN (...)' for all keys, each column read into a std::vector with into()
  } while (rs.moveNext());
}

// The for form of the cursor: moveFirst() in the init, moveNext() in the
// increment, rs["col"] read in the body.
void reviewsPerProduct(Session &session) {
  RecordSet rs(session, "SELECT id, title FROM products WHERE published = 1");
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    int productId = rs["id"].convert<int>();
    double avg = 0;
    session << "SELECT avg(stars) FROM reviews WHERE product_id = ?", use(productId), into(avg), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'rs' (N+1 queries); load the rows for all products in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:13: note: 'rs' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'rs' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:75: note: the row value 'productId' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: 'product_id IN (?)' with one placeholder per key, each key bound, then group the rows by product_id
  }
}

// An index loop over rowCount(), reading value(column, row).
void ordersByIndex(Session &session) {
  RecordSet rs(session, "SELECT id, name FROM users");
  for (std::size_t i = 0; i < rs.rowCount(); ++i) {
    int id = rs.value("id", i).convert<int>();
    int count = 0;
    session << "SELECT count(*) FROM orders WHERE user_id = ?", use(id), into(count), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'rs' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:13: note: 'rs' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'rs' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
  }
}

// One chunk of a RecordSet handed to a helper by row numbers: the loop's
// bound is the chunk's end, and value(column, row) reads row by row.
void auditChunk(Session &session, const RecordSet &users, std::size_t first,
                std::size_t last) {
  for (std::size_t row = first; row < last; ++row) {
    int id = users.value("id", row).convert<int>();
    session << "INSERT INTO audit_log (user_id) VALUES (?)", use(id), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:66: note: the row value 'id' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: batch it: bind whole vectors: one statement with use(std::vector<T>) runs for every element (bulk binding)
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in session.begin() ... session.commit()
  }
}

// The iterator loop; the statement is kept and executed by execute().
void totalsPerUser(Session &session) {
  RecordSet users(session, "SELECT id FROM users");
  for (auto it = users.begin(); it != users.end(); ++it) {
    int id = (*it)["id"].convert<int>();
    std::vector<double> totals;
    Statement st = (session << "SELECT total FROM orders WHERE user_id = ?", use(id), into(totals));
    st.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:82: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:32: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-11]]:28: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }
}

// One row at a time: a statement limited by range(0, 1), run until done().
void namesOneByOne(Session &session) {
  int id = 0;
  Statement select(session);
  select << "SELECT id FROM users", into(id), range(0, 1);
  while (!select.done()) {
    select.execute();
    std::string name;
    session << "SELECT name FROM users WHERE id = ?", use(id), into(name), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'select' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'select' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'select' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:59: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
  }
}

// A write per row.
void deleteOrders(Session &session) {
  RecordSet users(session, "SELECT id, name FROM users WHERE banned = 1");
  for (auto &row : users) {
    std::string name = row.get(1).convert<std::string>();
    session << "DELETE FROM orders WHERE user_name = ?", bind(name), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:63: note: the row value 'name' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: batch it: bind whole vectors: one statement with use(std::vector<T>) runs for every element (bulk binding)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in session.begin() ... session.commit()
  }
}

// One query per element of a vector of ids.
void namesOf(Session &session, const std::vector<int> &ids) {
  for (int id : ids) {
    std::string name;
    session << "SELECT name FROM users WHERE id = ?", use(id), into(name), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:59: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
  }
}

// The same query on every row.
void configPerRow(Session &session) {
  RecordSet users(session, "SELECT id FROM users");
  for (auto &row : users) {
    int limit = 0;
    session << "SELECT value FROM config WHERE name = 'limit'", into(limit), now;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
    (void)row;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads row values.
int beforeAndAfter(Session &session) {
  int n = 0;
  session << "SELECT count(*) FROM users", into(n), now;
  RecordSet users(session, "SELECT id FROM users");
  int last = 0;
  for (auto &row : users)
    last = row["id"].convert<int>();
  std::string name;
  session << "SELECT name FROM users WHERE id = ?", use(last), into(name), now;
  return n + last;
}

// Only the first row: the loop always breaks.
std::string firstName(Session &session) {
  RecordSet rs(session, "SELECT id FROM users ORDER BY id");
  std::string name;
  while (rs.moveNext()) {
    int id = rs["id"].convert<int>();
    session << "SELECT name FROM users WHERE id = ?", use(id), into(name), now;
    break;
  }
  return name;
}

// An unrelated class with the same method names.
struct Job {
  Job &operator<<(const std::string &);
  bool moveNext();
  std::size_t execute();
};
void runJobs(Job &job, const std::vector<std::string> &steps) {
  for (const std::string &s : steps) {
    job << s;
    job.execute();
  }
  while (job.moveNext())
    job.execute();
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: session << "SELECT user_id, count(*) FROM orders WHERE user_id IN (?) GROUP BY user_id", use(id), into(count), now;
// NOTE-FIXES: session << "SELECT user_id, count(*) FROM orders WHERE user_id IN (?) GROUP BY user_id", use(id), into(count), now;
// NOTE-FIXES: session << "SELECT product_id, avg(stars) FROM reviews WHERE product_id IN (?) GROUP BY product_id", use(productId), into(avg), now;
// NOTE-FIXES: session << "SELECT user_id, count(*) FROM orders WHERE user_id IN (?) GROUP BY user_id", use(id), into(count), now;
// NOTE-FIXES: Statement st = (session << "SELECT user_id, total FROM orders WHERE user_id IN (?)", use(id), into(totals));
// NOTE-FIXES: session << "SELECT id, name FROM users WHERE id IN (?)", use(id), into(name), now;
// NOTE-FIXES: session << "SELECT id, name FROM users WHERE id IN (?)", use(id), into(name), now;
