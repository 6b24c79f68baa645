// Code that does not compile is analysed as far as clang recovers, and the
// tool never crashes on it.
// RUN: %check_nplusone --checks=nplusone-query-in-loop %s %t -- -- -std=c++17

#include <pqxx/pqxx>

void recovered(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    undeclared_function(u);
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:63: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }
}

void unknownTypes(pqxx::work &tx, UnknownRows &rows) {
  for (const auto &r : rows)
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", r.id);
  for (const auto &r : missing_result())
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", r[0]);
  while (sqlite3_step(not_declared) == SQLITE_ROW)
    tx.exec(nullptr);
}

void brokenStatements(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    auto x = u[0].as<int>() +;
    tx.exec_params("SELECT * FROM carts WHERE user_id = $1", x);
    tx.exec_params(;
  }
  for (;;) {
    tx.exec_params("SELECT 1 WHERE 1 = $1", missing);
  }
  return tx.exec("SELECT 1") +;
}

template <typename T> void brokenTemplate(T &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", u[0].as<int>()
}
