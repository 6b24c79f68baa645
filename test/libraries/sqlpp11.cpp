// sqlpp11 (stand-in headers in Inputs/sqlpp11, tables from shop_tables.h):
// each N+1 shape with the PostgreSQL and SQLite3 connectors, and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I %inputs/sqlpp11
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -I %inputs/sqlpp11
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -I %inputs/sqlpp11

#include "shop_tables.h"
#include <sqlpp11/postgresql/connection.h>
#include <sqlpp11/sqlite3/connection.h>
#include <vector>

namespace pg = sqlpp::postgresql;

const auto users = shop::Users{};
const auto orders = shop::Orders{};

// The canonical N+1: one select of orders per user row.
void ordersPerUser(pg::connection &db) {
  for (const auto &row : db(sqlpp::select(users.id, users.name).from(users).unconditionally())) {
    for (const auto &o : db(sqlpp::select(orders.total).from(orders).where(orders.userId == row.id)))
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per row of the outer query (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:93: note: the row value 'row.id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: batch it: one select(...).where(t.column.in(sqlpp::value_list(keys))) for all keys
      (void)o.total;
  }
}

// The iterator loop and the front()/pop_front() loop over a kept result.
void ordersPerUserIterators(pg::connection &db) {
  auto result = db(sqlpp::select(users.id).from(users).unconditionally());
  for (auto it = result.begin(); it != result.end(); ++it)
    db(sqlpp::select(orders.total).from(orders).where(orders.userId == it->id.value()));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'result' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:72: note: the row value 'it->id.value()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one select(...).where(t.column.in(sqlpp::value_list(keys))) for all keys
  auto pending = db(sqlpp::select(users.id).from(users).unconditionally());
  while (!pending.empty()) {
    const auto &row = pending.front();
    db(sqlpp::select(orders.total).from(orders).where(orders.userId == row.id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'pending' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: 'pending' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'pending' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:72: note: the row value 'row.id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one select(...).where(t.column.in(sqlpp::value_list(keys))) for all keys
    pending.pop_front();
  }
}

// The same N+1 on the SQLite3 connector.
void ordersPerUserSqlite(sqlpp::sqlite3::connection &db) {
  for (const auto &row : db(sqlpp::select(users.id).from(users).unconditionally()))
    db(sqlpp::select(orders.total).from(orders).where(orders.userId == row.id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of the outer query (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:72: note: the row value 'row.id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one select(...).where(t.column.in(sqlpp::value_list(keys))) for all keys
}

// Writes per row: insert, update and delete; the last loop is in a transaction.
void writesPerUser(pg::connection &db) {
  for (const auto &row : db(sqlpp::select(users.id).from(users).unconditionally())) {
    db(sqlpp::insert_into(orders).set(orders.userId = row.id.value(), orders.total = 0.0));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of the outer query (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:55: note: the row value 'row.id.value()' flows into the INSERT's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:8: note: batch it: one insert_into(t).columns(...) with add(...) per row, or one update/remove_from with in()
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (auto tx = start_transaction(db); ... tx.commit())
    db(sqlpp::update(users).set(users.name = "seen").where(users.id == row.id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of the outer query (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:26: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:72: note: the row value 'row.id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:8: note: batch it: one insert_into(t).columns(...) with add(...) per row, or one update/remove_from with in()
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: wrap the loop in one transaction (auto tx = start_transaction(db); ... tx.commit())
  }
  db.start_transaction();
  for (const auto &row : db(sqlpp::select(users.id).from(users).unconditionally()))
    db(sqlpp::remove_from(orders).where(orders.userId == row.id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of the outer query (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:58: note: the row value 'row.id' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:8: note: batch it: one insert_into(t).columns(...) with add(...) per row, or one update/remove_from with in()
  db.commit_transaction();
}

// A query per element of a vector of ids.
void ordersPerId(pg::connection &db, const std::vector<int64_t> &ids) {
  for (int64_t id : ids)
    db(sqlpp::select(orders.total).from(orders).where(orders.userId == id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:72: note: the element value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one select(...).where(t.column.in(sqlpp::value_list(keys))) for all keys
}

// The same query on every row.
void allOrdersPerUser(pg::connection &db) {
  for (const auto &row : db(sqlpp::select(users.id).from(users).unconditionally())) {
    auto all = db(sqlpp::select(orders.id).from(orders).unconditionally());
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: query runs once per row of the outer query but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: hoist it: run the query once before the loop and reuse its result
    (void)all, (void)row;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// One batched query with in(value_list), then only row values in the loop.
double batched(pg::connection &db, const std::vector<int64_t> &ids) {
  double sum = 0;
  for (const auto &o : db(sqlpp::select(orders.total).from(orders).where(orders.userId.in(sqlpp::value_list(ids)))))
    sum += o.total;
  db(sqlpp::update(users).set(users.name = "done").where(users.id == 1));
  return sum;
}

// The first row only: the loop body returns.
int64_t firstUsersOrder(pg::connection &db) {
  for (const auto &row : db(sqlpp::select(users.id).from(users).unconditionally())) {
    for (const auto &o : db(sqlpp::select(orders.id).from(orders).where(orders.userId == row.id)))
      return o.id;
    return 0;
  }
  return -1;
}

// A callable named db that is not a sqlpp11 connection.
struct Memo {
  int operator()(int64_t key);
};
void memoLookups(Memo &db, const std::vector<int64_t> &ids) {
  for (int64_t id : ids)
    db(id);
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: auto all = db(sqlpp::select(orders.id).from(orders).unconditionally());
