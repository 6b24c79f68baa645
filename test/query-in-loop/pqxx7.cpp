// nplusone-query-in-loop on the libpqxx 7 spellings (query<T...>, params,
// query_value, stream), with a stand-in header: Debian ships only libpqxx 6.
// RUN: %check_nplusone --checks=nplusone-query-in-loop %s %t -- -- -std=c++17 -isystem %inputs/pqxx7

#include <pqxx/pqxx>
#include <string>

// Structured bindings over query<T...>: the row's fields are the row.
void queryTuples(pqxx::work &tx) {
  for (auto [id, name] : tx.query<int, std::string>("SELECT id, name FROM users")) {
    auto total = tx.query_value<double>(
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:61: note: the row value 'pqxx::params{id}' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
        "SELECT sum(total) FROM orders WHERE user_id = $1", pqxx::params{id});
    // CHECK-FIXES: "SELECT user_id, sum(total) FROM orders WHERE user_id = ANY($1) GROUP BY user_id", pqxx::params{id});
    (void)name, (void)total;
  }
}

// exec with pqxx::params, over a result.
void execParams(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (auto const &u : users)
    tx.exec("SELECT * FROM orders WHERE user_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+4]]:13: note: the row value 'pqxx::params{u["id"].as<int>()}' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    // CHECK-FIXES: tx.exec("SELECT * FROM orders WHERE user_id = ANY($1)",
            pqxx::params{u["id"].as<int>()});
}

// A streamed query's rows, and query1 per row.
void streamRows(pqxx::work &tx) {
  for (auto [id] : tx.stream<int>("SELECT id FROM users"))
    tx.query1<int>("SELECT count(*) FROM orders WHERE user_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:20: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:20: note: the row value 'pqxx::params{id}' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-FIXES: tx.query1<int>("SELECT user_id, count(*) FROM orders WHERE user_id = ANY($1) GROUP BY user_id",
                   pqxx::params{id});
}

// Silent: the same query API used outside loops, and per element of a list.
void silent(pqxx::work &tx, std::vector<int> const &ids) {
  auto n = tx.query_value<int>("SELECT count(*) FROM users");
  for (int id : ids)
    tx.query_value<double>("SELECT sum(total) FROM orders WHERE user_id = $1",
                           pqxx::params{id});
  // CHECK-FIXES: tx.query_value<double>("SELECT sum(total) FROM orders WHERE user_id = $1",
  (void)n;
}
