// MySQL Connector/C++ 8 X DevAPI (<mysqlx/xdevapi.h>, stand-in headers in
// Inputs/mysqlx): each N+1 shape in the X DevAPI's fluent idioms, and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I %inputs/mysqlx
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -I %inputs/mysqlx
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -I %inputs/mysqlx

#include <mysqlx/xdevapi.h>
#include <string>
#include <vector>

using namespace mysqlx;

// The canonical N+1: range-for over a table select, one select per row.
void ordersPerUser(Schema &db) {
  Table users = db.getTable("users");
  Table orders = db.getTable("orders");
  RowResult res = users.select("id", "name").execute();
  for (Row row : res) {
    RowResult totals = orders.select("total").where("user_id = :uid").bind("uid", row[0]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: query runs once per row of 'res' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:83: note: the row value 'row[0]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
    for (Row t : totals)
      (void)(double)t[0];
  }
}

// The cursor loop: fetchOne() until it returns an empty row; SQL with '?'.
void ordersPerUserCursor(Session &sess, Table &users) {
  RowResult res = users.select("id").execute();
  Row row;
  while ((row = res.fetchOne())) {
    int id = row[0];
    SqlResult r = sess.sql("SELECT total FROM orders WHERE user_id = ?").bind(id).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'res' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:79: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    (void)r;
  }
}

// The same cursor stepped at the end of the body.
void ordersPerUserFetchLast(Table &users, Table &orders) {
  RowResult res = users.select("id").execute();
  Row row = res.fetchOne();
  while (row) {
    orders.select("total").where("user_id = :u").bind("u", row[0]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:60: note: the row value 'row[0]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
    row = res.fetchOne();
  }
}

// The iterator loop, and a range-for straight over execute().
void ordersPerUserIterator(Session &sess, Table &users, Table &orders) {
  RowResult res = users.select("id").execute();
  for (auto it = res.begin(); it != res.end(); ++it)
    orders.select("total").where("user_id = :u").bind("u", (*it)[0]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:60: note: the row value '(*it)[0]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
  for (Row o : sess.sql("SELECT user_id FROM orders").execute())
    sess.sql("SELECT name FROM users WHERE id = ?").bind(o[0]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:58: note: the row value 'o[0]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-7]]:25: note: or read both in one query: add 'LEFT JOIN users ON users.id = orders.user_id' and its columns here
}

// A statement kept in a variable, bound and executed per row.
void ordersPerUserStatement(Table &users, Table &orders) {
  RowResult res = users.select("id").execute();
  for (Row row : res) {
    TableSelect stmt = orders.select("total");
    stmt.where("user_id = :u");
    stmt.bind("u", row[0]);
    RowResult r = stmt.execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'res' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: the row value 'row[0]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
  }
}

// Document store: one find per document of another find.
void ordersPerPerson(Collection &people, Collection &orders) {
  DocResult docs = people.find("age > 18").execute();
  for (DbDoc doc : docs)
    orders.find("owner = :o").bind("o", doc["_id"]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'docs' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: 'docs' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'docs' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:41: note: the row value 'doc["_id"]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
}

// Writes per row: CRUD insert, SQL insert, and an update inside a transaction.
void auditPerUser(Session &sess, Table &users, Table &audit) {
  RowResult res = users.select("id").execute();
  for (Row row : res)
    audit.insert("user_id", "event").values(row[0], "seen").execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'insert' runs once per row of 'res' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:45: note: the row value 'row[0]' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one insert(...) with a values(...) call per row, or one update/remove whose where() covers all keys
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (session.startTransaction() ... session.commit())
  RowResult again = users.select("id").execute();
  for (Row row : again)
    sess.sql("INSERT INTO audit(user_id) VALUES (?)").bind(row[0]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'again' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: 'again' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'again' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:60: note: the row value 'row[0]' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: batch it: one insert(...) with a values(...) call per row, or one update/remove whose where() covers all keys
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (session.startTransaction() ... session.commit())
  RowResult idle = users.select("id").where("active = 0").execute();
  sess.startTransaction();
  for (Row row : idle)
    users.update().set("seen", 1).where("id = :id").bind("id", row[0]).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'update' runs once per row of 'idle' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'idle' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'idle' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:64: note: the row value 'row[0]' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one insert(...) with a values(...) call per row, or one update/remove whose where() covers all keys
  sess.commit();
}

// A query per element of a vector of ids.
void ordersPerId(Table &orders, Collection &people, const std::vector<int> &ids,
                 const std::vector<std::string> &keys) {
  for (int id : ids) {
    RowResult r = orders.select("total").where("user_id = :uid").bind("uid", id).execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:78: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
    (void)r;
  }
  for (const std::string &key : keys) {
    DbDoc person = people.getOne(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: query runs once per element of 'keys' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'keys' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: the element value 'key' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: one select(...).where("id IN (...)") or find("id IN ...") for all keys
    (void)person;
  }
}

// The same query on every row.
void ratePerRow(Session &sess, Table &orders) {
  RowResult res = orders.select("id", "total").execute();
  for (Row row : res) {
    SqlResult rate = sess.sql("SELECT rate FROM currency WHERE code = 'EUR'").execute();
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: query runs once per row of 'res' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: hoist it: run the query once before the loop and reuse its result
    (void)rate;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop, and only row values read inside it.
void queriesAroundLoop(Session &sess, Table &users) {
  RowResult res = users.select("id", "name").execute();
  long sum = 0;
  for (Row row : res)
    sum += (int)row[0];
  sess.sql("SELECT 1").execute();
  (void)sum;
}

// The first row only: the loop body returns.
int firstUsersOrders(Table &users, Table &orders) {
  RowResult res = users.select("id").execute();
  for (Row row : res) {
    RowResult r = orders.select("count(*)").where("user_id = :u").bind("u", row[0]).execute();
    return (int)r.fetchOne()[0];
  }
  return 0;
}

// A local type with select()/execute()/fetchOne() that is not the X DevAPI.
struct Cache {
  struct Query {
    int execute();
  };
  Query select(const char *);
  int fetchOne();
};
void cacheLookups(Cache &cache, const std::vector<int> &ids) {
  for (int id : ids)
    cache.select("k").execute(), (void)id;
  while (cache.fetchOne())
    cache.select("x").execute();
}

// Paging: the offset changes every iteration, and the loop is not over rows.
void pages(Table &users) {
  unsigned off = 0;
  for (;;) {
    RowResult page = users.select("id").orderBy("id").limit(100).offset(off).execute();
    if (page.count() == 0)
      break;
    off += 100;
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: SqlResult r = sess.sql("SELECT user_id, total FROM orders WHERE user_id IN (?)").bind(id).execute();
// NOTE-FIXES: sess.sql("SELECT id, name FROM users WHERE id IN (?)").bind(o[0]).execute();
