// A .clang-tidy file beside the code under test does not change what the test
// runner sees: without a configuration of the test's own it passes an empty
// one. Here the stray file turns off following calls (MaxCallDepth 0), which
// would hide the N+1 in the helper.
// RUN: rm -rf %t && mkdir -p %t
// RUN: printf 'CheckOptions:\n  - key: MaxCallDepth\n    value: 0\n' > %t/.clang-tidy
// RUN: %check_nplusone --checks='nplusone-query-in-loop' --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>

static int countOrders(pqxx::work &tx, int userId) {
  return tx.exec_params1("SELECT count(*) FROM orders WHERE user_id = $1",
                         userId)[0].as<int>();
}

int totalOrders(pqxx::work &tx) {
  int total = 0;
  for (const auto &user : tx.exec("SELECT id FROM users"))
    total += countOrders(tx, user["id"].as<int>());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'users' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the row value 'user["id"].as<int>()' is passed to 'countOrders' here and reaches its query
  // CHECK-MESSAGES: :[[@LINE-12]]:10: note: 'countOrders' runs the query here
  // CHECK-MESSAGES: :[[@LINE-13]]:26: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  return total;
}
