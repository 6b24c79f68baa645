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
    // CHECK-MESSAGES: :[[@LINE-39]]:25: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-11]]:32: note: or read both in one query: add 'LEFT JOIN a ON a.id = users.id' and its columns here
    oneDeep(tx, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-14]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-15]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: the row value 'id' is passed to 'oneDeep' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-38]]:62: note: 'oneDeep' calls 'twoDeep' here
    // CHECK-MESSAGES: :[[@LINE-41]]:10: note: 'twoDeep' runs the query here
    // CHECK-MESSAGES: :[[@LINE-42]]:25: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-20]]:32: note: or read both in one query: add 'LEFT JOIN b ON b.id = users.id' and its columns here
    // DEPTH2: :[[@LINE-9]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DEPTH2: :[[@LINE-22]]:24: note: 'users' is the result of the query here
    // DEPTH2: :[[@LINE-23]]:3: note: the loop over the rows of 'users' is here
    // DEPTH2: :[[@LINE-12]]:17: note: the row value 'id' is passed to 'oneDeep' here and reaches its query
    // DEPTH2: :[[@LINE-46]]:62: note: 'oneDeep' calls 'twoDeep' here
    // DEPTH2: :[[@LINE-49]]:10: note: 'twoDeep' runs the query here
    // DEPTH2: :[[@LINE-50]]:25: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // DEPTH2: :[[@LINE-28]]:32: note: or read both in one query: add 'LEFT JOIN b ON b.id = users.id' and its columns here
    recursive(tx, id, 3);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-31]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-32]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'id' is passed to 'recursive' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-49]]:3: note: 'recursive' runs the query here
    // CHECK-MESSAGES: :[[@LINE-50]]:18: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-36]]:32: note: or read both in one query: add 'LEFT JOIN c ON c.id = users.id' and its columns here
    // DEPTH2: :[[@LINE-8]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DEPTH2: :[[@LINE-38]]:24: note: 'users' is the result of the query here
    // DEPTH2: :[[@LINE-39]]:3: note: the loop over the rows of 'users' is here
    // DEPTH2: :[[@LINE-11]]:19: note: the row value 'id' is passed to 'recursive' here and reaches its query
    // DEPTH2: :[[@LINE-56]]:3: note: 'recursive' runs the query here
    // DEPTH2: :[[@LINE-57]]:18: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // DEPTH2: :[[@LINE-43]]:32: note: or read both in one query: add 'LEFT JOIN c ON c.id = users.id' and its columns here
    ping(tx, id, 2);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-46]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-47]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: the row value 'id' is passed to 'ping' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-59]]:14: note: 'ping' calls 'pong' here
    // CHECK-MESSAGES: :[[@LINE-57]]:3: note: 'pong' runs the query here
    // CHECK-MESSAGES: :[[@LINE-58]]:18: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-52]]:32: note: or read both in one query: add 'LEFT JOIN d ON d.id = users.id' and its columns here
    // DEPTH2: :[[@LINE-9]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DEPTH2: :[[@LINE-54]]:24: note: 'users' is the result of the query here
    // DEPTH2: :[[@LINE-55]]:3: note: the loop over the rows of 'users' is here
    // DEPTH2: :[[@LINE-12]]:14: note: the row value 'id' is passed to 'ping' here and reaches its query
    // DEPTH2: :[[@LINE-67]]:14: note: 'ping' calls 'pong' here
    // DEPTH2: :[[@LINE-65]]:3: note: 'pong' runs the query here
    // DEPTH2: :[[@LINE-66]]:18: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // DEPTH2: :[[@LINE-60]]:32: note: or read both in one query: add 'LEFT JOIN d ON d.id = users.id' and its columns here
    fib(id);
  }
}
