// nplusone-loop-invariant-query on the real libpqxx headers. The safe hoist
// is a warning fix-it: --fix applies it and the result compiles.
// RUN: %check_nplusone --checks=nplusone-loop-invariant-query --fix=warnings \
// RUN:   --compile-fixed=%clang %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

// The same settings row is read for every user: hoisted by --fix.
int settingsPerUser(pqxx::work &tx, int tenant) {
  int total = 0;
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (auto const &u : users) {
    pqxx::result limits = tx.exec_params("SELECT max_orders FROM settings WHERE tenant = $1", tenant);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:27: note: hoist it: run the query once before the loop and reuse its result
    total += limits[0][0].as<int>() + u[0].as<int>();
  }
  return total;
}
// CHECK-FIXES: pqxx::result users = tx.exec("SELECT id FROM users");
// CHECK-FIXES-NEXT: {{^}}  pqxx::result limits = tx.exec_params("SELECT max_orders FROM settings WHERE tenant = $1", tenant);
// CHECK-FIXES-NEXT: {{^}}  for (auto const &u : users) {
// CHECK-FIXES-NEXT: {{^}}    //
// CHECK-FIXES:      {{^}}    total += limits[0][0].as<int>() + u[0].as<int>();

// Not provably safe: the loop also writes, so the hoist is only offered on
// a note; and a bare statement has no declaration to move.
void withWrites(pqxx::work &tx, const std::vector<int> &ids) {
  for (int id : ids) {
    pqxx::result audit = tx.exec("SELECT count(*) FROM audit");
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per element of 'ids' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    tx.exec_params("INSERT INTO log(id, n) VALUES ($1, $2)", id,
                   audit[0][0].as<int>());
    tx.exec("SELECT pg_sleep(0)");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
  }
}
// CHECK-FIXES: for (int id : ids) {
// CHECK-FIXES-NEXT: pqxx::result audit = tx.exec("SELECT count(*) FROM audit");

// Conditional, and hidden in a helper: reported, no warning fix.
static pqxx::result loadConfig(pqxx::work &tx) {
  return tx.exec("SELECT key, value FROM config");
}
void helperAndConditional(pqxx::work &tx, const std::vector<int> &ids,
                          bool verbose) {
  for (int id : ids) {
    pqxx::result config = loadConfig(tx);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per element of 'ids' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-8]]:10: note: 'loadConfig' runs the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:27: note: hoist it: run the query once before the loop and reuse its result
    if (verbose)
      tx.exec("SELECT now()");
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs up to once per element of 'ids' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
      // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop is here
      // CHECK-MESSAGES: :[[@LINE-3]]:7: note: hoist it: run the query once before the loop and reuse its result
    (void)id, (void)config;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The argument changes every iteration: pagination, not an invariant query.
void pages(pqxx::work &tx) {
  int offset = 0;
  bool more = true;
  while (more) {
    pqxx::result page = tx.exec_params(
        "SELECT id FROM events ORDER BY id LIMIT 100 OFFSET $1", offset);
    offset += 100;
    more = !page.empty();
  }
}

// Depends on the row: that is nplusone-query-in-loop's.
void perRow(pqxx::work &tx) {
  for (auto const &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", u[0].as<int>());
}

// Runs once: the loop always breaks.
void once(pqxx::work &tx, const std::vector<int> &ids) {
  for (int id : ids) {
    tx.exec("SELECT 1");
    (void)id;
    break;
  }
}

// An argument computed by a call that may differ each time.
int nextId();
void impure(pqxx::work &tx, const std::vector<int> &ids) {
  for (int id : ids) {
    tx.exec_params("SELECT * FROM t WHERE id = $1", nextId());
    (void)id;
  }
}
