// Calls through a std::function whose target is known in this unit: a
// local initialised once with a lambda or function, or a parameter every
// call in the unit passes the same lambda. A query in the target runs once
// per row or element of the loop that calls it.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

// Look-alike: the target only collects the ids.
std::vector<int> activeUserIds(pqxx::work &tx) {
  std::vector<int> ids;
  std::function<void(int)> keep = [&](int id) { ids.push_back(id); };
  for (const auto &u : tx.exec("SELECT id FROM users WHERE active"))
    keep(u[0].as<int>());
  return ids;
}

static std::size_t countOrders(pqxx::work &tx, int userId) {
  return tx.exec_params("SELECT id FROM orders WHERE user_id = $1", userId)
      .size();
}

// A local std::function initialised once with a lambda.
void printProfiles(pqxx::work &tx) {
  std::function<void(int)> loadProfile = [&](int id) {
    tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", id);
  };
  for (const auto &u : tx.exec("SELECT id FROM users"))
    loadProfile(u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: the row value 'u[0].as<int>()' is passed to the lambda held by 'loadProfile' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-8]]:5: note: the lambda runs the query here
    // CHECK-MESSAGES: :[[@LINE-9]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN profiles ON profiles.user_id = users.id' and its columns here
}

// A local std::function holding a function, called per element.
std::size_t ordersOf(pqxx::work &tx, const std::vector<int> &userIds) {
  std::function<std::size_t(pqxx::work &, int)> count = countOrders;
  std::size_t total = 0;
  for (int id : userIds)
    total += count(tx, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per element of 'userIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'userIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: the element value 'id' is passed to 'countOrders' held by 'count' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-29]]:10: note: 'countOrders' runs the query here
    // CHECK-MESSAGES: :[[@LINE-30]]:25: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  return total;
}

// A parameter: every call in this unit passes the same lambda.
void forEachUser(pqxx::work &tx, const std::function<void(int)> &visit) {
  for (const auto &u : tx.exec("SELECT id FROM users WHERE active"))
    visit(u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:11: note: the row value 'u[0].as<int>()' is passed to the lambda held by 'visit' here and reaches its UPDATE
    // CHECK-MESSAGES: :[[@LINE+6]]:5: note: the lambda runs the UPDATE here
    // CHECK-MESSAGES: :[[@LINE+5]]:20: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}

void auditUsers(pqxx::work &tx) {
  forEachUser(tx, [&](int id) {
    tx.exec_params("UPDATE users SET audited_at = now() WHERE id = $1", id);
  });
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Two targets on different paths: which one runs is decided at run time,
// so no call is followed (one of them queries nothing).
void showUsers(pqxx::work &tx, bool verbose) {
  std::function<void(int)> show = [](int) {};
  if (verbose)
    show = [&](int id) {
      tx.exec_params("SELECT name FROM users WHERE id = $1", id);
    };
  for (const auto &u : tx.exec("SELECT id FROM users"))
    show(u[0].as<int>());
}

// A parameter the callers pass different lambdas for.
void forEachTeam(pqxx::work &tx, const std::function<void(int)> &visit) {
  for (const auto &t : tx.exec("SELECT id FROM teams"))
    visit(t[0].as<int>());
}

std::vector<int> teamIds(pqxx::work &tx) {
  std::vector<int> ids;
  forEachTeam(tx, [&](int id) { ids.push_back(id); });
  return ids;
}

void touchTeams(pqxx::work &tx) {
  forEachTeam(tx, [&](int id) {
    tx.exec_params("UPDATE teams SET touched = now() WHERE id = $1", id);
  });
}
