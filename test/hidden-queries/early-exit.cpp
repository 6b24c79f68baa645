// Conditional queries run up to once per row and say so; loops that run at
// most once are not N+1: an unconditional break or return at the end of the
// body, an outer query limited to one row, a single-row API.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>

// Under an if, a switch, a ?: or a short-circuit: up to once per row.
void conditional(pqxx::work &tx, bool withBio) {
  for (const auto &u : tx.exec("SELECT id, kind FROM users")) {
    int id = u[0].as<int>();
    if (withBio)
      tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", id);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs up to once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the row value 'id' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
      // CHECK-MESSAGES: :[[@LINE-9]]:32: note: or read both in one query: add 'LEFT JOIN profiles ON profiles.user_id = users.id' and its columns here
    switch (u[1].as<int>()) {
    case 1:
      tx.exec_params("SELECT * FROM admins WHERE user_id = $1", id);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs up to once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-14]]:24: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-15]]:3: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:65: note: the row value 'id' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
      // CHECK-MESSAGES: :[[@LINE-18]]:32: note: or read both in one query: add 'LEFT JOIN admins ON admins.user_id = users.id' and its columns here
      break;
    default:
      break;
    }
    bool vip = id > 100 && !tx.exec_params("SELECT 1 FROM vips WHERE user_id = $1", id).empty();
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: query runs up to once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-25]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-26]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:85: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:44: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-29]]:32: note: or read both in one query: add 'LEFT JOIN vips ON vips.user_id = users.id' and its columns here
    (void)vip;
  }
}

// An early exit that only some iterations take leaves the others querying.
void conditionalBreak(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    if (u[0].is_null())
      break;
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:67: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-9]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The body always ends the loop.
int firstMatch(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY created DESC")) {
    auto orders = tx.exec_params("SELECT id FROM orders WHERE user_id = $1", u[0].as<int>());
    return static_cast<int>(orders.size());
  }
  return 0;
}
void firstThenBreak(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].as<int>());
    break;
  }
}

// The outer query returns at most one row: LIMIT 1, FETCH FIRST 1 ROW ONLY.
void limitedOuter(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY score DESC LIMIT 1"))
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].as<int>());
  for (const auto &u : tx.exec("SELECT id FROM users FETCH FIRST 1 ROW ONLY"))
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].as<int>());
}

// A single-row API: exec1 returns one row; iterating it walks its fields.
void singleRow(pqxx::work &tx) {
  for (const auto &field : tx.exec1("SELECT id, manager_id FROM users WHERE id = 1"))
    tx.exec_params("SELECT name FROM users WHERE id = $1", field.as<int>());
}

// A do-while(0) block and a while(false) loop.
void notLoops(pqxx::work &tx, int id) {
  do {
    tx.exec_params("SELECT 1 FROM users WHERE id = $1", id);
  } while (0);
  while (false)
    tx.exec_params("SELECT 1 FROM users WHERE id = $1", id);
}
