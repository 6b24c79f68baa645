// userver postgres (<userver/storages/postgres/cluster.hpp>, stand-in headers
// in Inputs/userver): each N+1 shape with Cluster and Transaction, and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I %inputs/userver
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -I %inputs/userver
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -I %inputs/userver

#include <userver/storages/postgres/cluster.hpp>
#include <chrono>
#include <vector>

namespace pg = userver::storages::postgres;
using pg::ClusterHostType;

// The canonical N+1: one orders query per user row.
void ordersPerUser(pg::ClusterPtr cluster) {
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id, name FROM users");
  for (const auto &row : res) {
    auto id = row["id"].As<int>();
    auto orders = cluster->Execute(ClusterHostType::kSlave, "SELECT total FROM orders WHERE user_id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:108: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:61: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-9]]:56: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    (void)orders;
  }
}

// The iterator loop and the index loop over a ResultSet.
void ordersPerUserIterators(pg::ClusterPtr cluster) {
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users");
  for (auto it = res.begin(); it != res.end(); ++it)
    cluster->Execute(ClusterHostType::kSlave, "SELECT total FROM orders WHERE user_id = $1", (*it)["id"].As<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:94: note: the row value '(*it)["id"].As<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:47: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:56: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  for (std::size_t i = 0; i < res.Size(); ++i)
    cluster->Execute(ClusterHostType::kSlave, "SELECT total FROM orders WHERE user_id = $1", res[i][0].As<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-12]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:94: note: the row value 'res[i][0].As<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:47: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-16]]:56: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
}

// Rows read as a typed set, a named Query constant, and a CommandControl.
void ordersPerUserTyped(pg::ClusterPtr cluster, pg::CommandControl cc) {
  const pg::Query kOrders{"SELECT total FROM orders WHERE user_id = $1"};
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users");
  for (auto id : res.AsSetOf<int>())
    cluster->Execute(ClusterHostType::kSlave, kOrders, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:56: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector, then group the rows by user_id
  for (const auto &row : res)
    cluster->Execute(ClusterHostType::kSlave, cc, "SELECT total FROM orders WHERE user_id = $1", row["id"].As<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-11]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:98: note: the row value 'row["id"].As<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:51: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector, then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-15]]:56: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
}

// Writes per row: on the cluster (autocommit), then inside a transaction.
void writesPerUser(pg::ClusterPtr cluster) {
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users");
  for (const auto &row : res)
    cluster->Execute(ClusterHostType::kMaster, "INSERT INTO audit(user_id) VALUES ($1)", row["id"].As<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'res' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:90: note: the row value 'row["id"].As<int>()' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:48: note: batch it: one multi-row INSERT ... VALUES (...), (...), COPY for many rows, or one UPDATE/DELETE ... WHERE id = ANY($1)
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: run the loop's statements in one transaction (cluster->Begin(...)) and Commit() once
  auto trx = cluster->Begin(ClusterHostType::kMaster, pg::TransactionOptions{});
  auto idle = trx.Execute("SELECT id FROM users WHERE NOT active");
  for (const auto &row : idle)
    trx.Execute("UPDATE users SET seen = true WHERE id = $1", row["id"].As<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'idle' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'idle' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'idle' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:63: note: the row value 'row["id"].As<int>()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: batch it: one multi-row INSERT ... VALUES (...), (...), COPY for many rows, or one UPDATE/DELETE ... WHERE id = ANY($1)
  trx.Commit();
}

// A write through the CommandControl overload.
void touchPerUser(pg::ClusterPtr cluster, pg::CommandControl cc) {
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users");
  for (const auto &row : res)
    cluster->Execute(ClusterHostType::kMaster, cc, "DELETE FROM sessions WHERE user_id = $1", row["id"].As<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'res' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:95: note: the row value 'row["id"].As<int>()' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:52: note: batch it: one multi-row INSERT ... VALUES (...), (...), COPY for many rows, or one UPDATE/DELETE ... WHERE id = ANY($1)
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: run the loop's statements in one transaction (cluster->Begin(...)) and Commit() once
}

// A query per element of a vector of ids.
void namesPerId(pg::ClusterPtr cluster, const std::vector<int> &ids) {
  for (int id : ids)
    cluster->Execute(ClusterHostType::kSlave, "SELECT name FROM users WHERE id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:87: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:47: note: batch it: 'id = ANY($1)' with the keys in one std::vector, then group the rows by id
}

// The same query on every row.
void taxPerRow(pg::ClusterPtr cluster) {
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users");
  for (const auto &row : res)
    cluster->Execute(ClusterHostType::kSlave, "SELECT value FROM config WHERE name = 'tax'"), (void)row;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'res' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
}

//===--- Look-alikes that must stay silent -------------------------------===//

// One batched query before the loop, only row values inside it, and a write after.
int batched(pg::ClusterPtr cluster, const std::vector<int> &ids) {
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT total FROM orders WHERE user_id = ANY($1)", ids);
  int sum = 0;
  for (const auto &row : res)
    sum += row["total"].As<int>();
  cluster->Execute(ClusterHostType::kMaster, "UPDATE stats SET seen = now()");
  return sum;
}

// At most one row: LIMIT 1, and a loop that returns.
int firstOnly(pg::ClusterPtr cluster) {
  auto one = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users LIMIT 1");
  for (const auto &row : one)
    cluster->Execute(ClusterHostType::kSlave, "SELECT total FROM orders WHERE user_id = $1", row["id"].As<int>());
  auto res = cluster->Execute(ClusterHostType::kSlave, "SELECT id FROM users");
  for (const auto &row : res)
    return cluster->Execute(ClusterHostType::kSlave, "SELECT count(*) FROM orders WHERE user_id = $1", row["id"].As<int>()).Size();
  return 0;
}

// An Execute() on a type that is not userver's.
struct Record {
  int operator[](const char *) const;
};
struct Cache {
  std::vector<Record> Execute(int shard, const char *key);
};
void cacheLookups(Cache &cache) {
  for (const auto &rec : cache.Execute(1, "users"))
    cache.Execute(rec["shard"], "orders");
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: auto orders = cluster->Execute(ClusterHostType::kSlave, "SELECT user_id, total FROM orders WHERE user_id = ANY($1)", id);
// NOTE-FIXES: cluster->Execute(ClusterHostType::kSlave, "SELECT user_id, total FROM orders WHERE user_id = ANY($1)", (*it)["id"].As<int>());
// NOTE-FIXES: cluster->Execute(ClusterHostType::kSlave, "SELECT user_id, total FROM orders WHERE user_id = ANY($1)", res[i][0].As<int>());
// NOTE-FIXES: const pg::Query kOrders{"SELECT user_id, total FROM orders WHERE user_id = ANY($1)"};
// NOTE-FIXES: cluster->Execute(ClusterHostType::kSlave, cc, "SELECT user_id, total FROM orders WHERE user_id = ANY($1)", row["id"].As<int>());
// NOTE-FIXES: cluster->Execute(ClusterHostType::kSlave, "SELECT id, name FROM users WHERE id = ANY($1)", id);
