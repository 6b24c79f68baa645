// Queries hidden in helpers: followed up to MaxCallDepth calls, through
// recursion, and each function summarised once.
// RUN: %check_nplusone --checks=nplusone-query-in-loop %s %t -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --messages-prefix=DEPTH2 --fix=none \
// RUN:   --config="{CheckOptions: [{key: MaxCallDepth, value: 2}]}" %s %t-2 -- -- -std=c++17

#include <pqxx/pqxx>

static pqxx::result level3(pqxx::work &tx, int id) {
  return tx.exec_params("SELECT * FROM a WHERE id = $1", id);
}
static pqxx::result level2(pqxx::work &tx, int id) { return level3(tx, id); }
static pqxx::result level1(pqxx::work &tx, int id) { return level2(tx, id); }

static pqxx::result twoDeep(pqxx::work &tx, int id) {
  return tx.exec_params("SELECT * FROM b WHERE id = $1", id);
}
static pqxx::result oneDeep(pqxx::work &tx, int id) { return twoDeep(tx, id); }

// Recursion and mutual recursion end; the query inside them is found.
static int recursive(pqxx::work &tx, int id, int n) {
  if (n == 0)
    return 0;
  tx.exec_params("SELECT * FROM c WHERE id = $1", id);
  return recursive(tx, id, n - 1);
}
static int pong(pqxx::work &tx, int id, int n);
static int ping(pqxx::work &tx, int id, int n) {
  return n ? pong(tx, id, n - 1) : 0;
}
static int pong(pqxx::work &tx, int id, int n) {
  tx.exec_params("SELECT * FROM d WHERE id = $1", id);
  return ping(tx, id, n);
}
// Recursion without any query stays silent.
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void callers(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    int id = u[0].as<int>();
    level1(tx, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the row value 'id' is passed to 'level1' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-33]]:61: note: 'level1' calls 'level2' here
    // CHECK-MESSAGES: :[[@LINE-35]]:61: note: 'level2' calls 'level3' here
    // CHECK-MESSAGES: :[[@LINE-38]]:10: note: 'level3' runs the query here
    // CHECK-MESSAGES: :[[@LINE-39]]:25: note: batch it: SELECT * FROM a WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    oneDeep(tx, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: the row value 'id' is passed to 'oneDeep' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-37]]:62: note: 'oneDeep' calls 'twoDeep' here
    // CHECK-MESSAGES: :[[@LINE-40]]:10: note: 'twoDeep' runs the query here
    // CHECK-MESSAGES: :[[@LINE-41]]:25: note: batch it: SELECT * FROM b WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    // DEPTH2: :[[@LINE-8]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DEPTH2: :[[@LINE-20]]:24: note: 'users' is the result of the query here
    // DEPTH2: :[[@LINE-21]]:3: note: the loop over the rows of 'users' is here
    // DEPTH2: :[[@LINE-11]]:17: note: the row value 'id' is passed to 'oneDeep' here and reaches its query
    // DEPTH2: :[[@LINE-44]]:62: note: 'oneDeep' calls 'twoDeep' here
    // DEPTH2: :[[@LINE-47]]:10: note: 'twoDeep' runs the query here
    // DEPTH2: :[[@LINE-48]]:25: note: batch it: SELECT * FROM b WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    recursive(tx, id, 3);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-28]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-29]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'id' is passed to 'recursive' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-46]]:3: note: 'recursive' runs the query here
    // CHECK-MESSAGES: :[[@LINE-47]]:18: note: batch it: SELECT * FROM c WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    // DEPTH2: :[[@LINE-7]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DEPTH2: :[[@LINE-34]]:24: note: 'users' is the result of the query here
    // DEPTH2: :[[@LINE-35]]:3: note: the loop over the rows of 'users' is here
    // DEPTH2: :[[@LINE-10]]:19: note: the row value 'id' is passed to 'recursive' here and reaches its query
    // DEPTH2: :[[@LINE-52]]:3: note: 'recursive' runs the query here
    // DEPTH2: :[[@LINE-53]]:18: note: batch it: SELECT * FROM c WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    ping(tx, id, 2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-41]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-42]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: the row value 'id' is passed to 'ping' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-54]]:14: note: 'ping' calls 'pong' here
    // CHECK-MESSAGES: :[[@LINE-52]]:3: note: 'pong' runs the query here
    // CHECK-MESSAGES: :[[@LINE-53]]:18: note: batch it: SELECT * FROM d WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    // DEPTH2: :[[@LINE-8]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DEPTH2: :[[@LINE-48]]:24: note: 'users' is the result of the query here
    // DEPTH2: :[[@LINE-49]]:3: note: the loop over the rows of 'users' is here
    // DEPTH2: :[[@LINE-11]]:14: note: the row value 'id' is passed to 'ping' here and reaches its query
    // DEPTH2: :[[@LINE-61]]:14: note: 'ping' calls 'pong' here
    // DEPTH2: :[[@LINE-59]]:3: note: 'pong' runs the query here
    // DEPTH2: :[[@LINE-60]]:18: note: batch it: SELECT * FROM d WHERE id = ANY($1); bind all keys as one array (a std::vector in libpqxx 7, '{1,2,3}' text in libpqxx 6), then group the rows by id
    fib(id);
  }
}
