// SQL text built inside a loop from values fixed before it is the same
// statement on every iteration: concatenated from a constant key, quoted
// from a parameter, printed into a buffer, streamed. Text that takes the
// row, or that changes between iterations, is not.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <sqlite3.h>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace dashboard {

constexpr const char *kThemeKey = "ui.theme";

struct User {
  long id;
  std::string name;
  bool admin;
};

std::vector<std::string> themes(pqxx::work &tx, const std::vector<User> &users) {
  std::vector<std::string> out;
  for (const User &u : users) {
    std::string q = "SELECT value FROM settings WHERE key = '" +
                    std::string(kThemeKey) + "'";
    pqxx::result r = tx.exec(q);
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: query runs once per element of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: hoist it: run the query once before the loop and reuse its result
    out.push_back(u.name + ": " + r[0][0].c_str());
  }
  return out;
}

void greetTenant(pqxx::work &tx, const std::vector<User> &users,
                 const std::string &tenant) {
  for (const User &u : users) {
    std::string q =
        "SELECT greeting FROM tenants WHERE name = " + tx.quote(tenant);
    pqxx::row greeting = tx.exec1(q);
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per element of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: hoist it: run the query once before the loop and reuse its result
    std::cout << greeting[0].c_str() << ", " << u.name << "\n";
  }
}

void printQuota(pqxx::work &tx, const std::vector<User> &users, long plan) {
  for (const User &u : users) {
    std::ostringstream q;
    q << "SELECT quota FROM plans WHERE id = " << plan;
    pqxx::result quota = tx.exec(q.str());
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per element of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: hoist it: run the query once before the loop and reuse its result
    std::cout << u.name << ": " << quota[0][0].as<long>() << "\n";
  }
}

int auditedEvents(sqlite3 *db, sqlite3_stmt *users, int tenant) {
  int total = 0;
  while (sqlite3_step(users) == SQLITE_ROW) {
    char sql[128];
    std::snprintf(sql, sizeof sql,
                  "SELECT count(*) FROM audit WHERE tenant = %d", tenant);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
    total += sqlite3_column_int(users, 1);
  }
  return total;
}

// The user's own settings: the text takes the element, so it is a read per
// element, not the same statement each time.
void userThemes(pqxx::work &tx, const std::vector<User> &users) {
  for (const User &u : users) {
    std::string q = "SELECT value FROM settings WHERE user_id = " +
                    std::to_string(u.id);
    tx.exec(q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'users' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:36: note: the element value 'u.id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:13: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Paging: the offset changes every iteration.
void allUsers(pqxx::work &tx) {
  int page = 0;
  for (;;) {
    std::string q = "SELECT id FROM users ORDER BY id LIMIT 100 OFFSET " +
                    std::to_string(page * 100);
    pqxx::result r = tx.exec(q);
    if (r.empty())
      break;
    ++page;
  }
}

// The key read from input each time.
void lookUpKeys(pqxx::work &tx, std::istream &in, int n) {
  for (int i = 0; i < n; ++i) {
    std::string key;
    std::getline(in, key);
    tx.exec("SELECT value FROM settings WHERE key = " + tx.quote(key));
  }
}

// Text built differently depending on the element.
void auditCounts(pqxx::work &tx, const std::vector<User> &users) {
  for (const User &u : users) {
    std::string q = "SELECT count(*) FROM audit";
    if (u.admin)
      q += " WHERE admin";
    tx.exec(q);
  }
}

// Text that grows from one iteration to the next.
void widerWindows(pqxx::work &tx, const std::vector<User> &users) {
  std::string since = "now()";
  for (const User &u : users) {
    since += " - interval '1 day'";
    pqxx::row logins =
        tx.exec1("SELECT count(*) FROM logins WHERE at > " + since);
    std::cout << u.name << ": " << logins[0].as<long>() << "\n";
  }
}

} // namespace dashboard
