// Calls through a std::function data member whose target is known in this
// unit: every store into the member (a constructor's initialiser, one
// assignment) gives it the same lambda or function. A query in the target
// runs once per row or element of the loop that calls the member. A member
// given two targets is not followed.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <functional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

// Look-alike: the member's target only collects the ids.
class IdCollector {
public:
  explicit IdCollector(pqxx::work &tx)
      : tx_(tx), keep_([this](int id) { ids_.push_back(id); }) {}

  const std::vector<int> &collect() {
    for (const auto &row : tx_.exec("SELECT id FROM users WHERE active"))
      keep_(row[0].as<int>());
    return ids_;
  }

private:
  pqxx::work &tx_;
  std::vector<int> ids_;
  std::function<void(int)> keep_;
};

// The order import: the constructor sets the per-row handler, which runs
// an UPDATE, and run() calls it once per staged order.
class OrderImporter {
public:
  explicit OrderImporter(pqxx::work &tx)
      : tx_(tx), onOrder_([this](int id) {
          tx_.exec_params("UPDATE orders SET imported = true WHERE id = $1",
                          id);
        }) {}

  void run() {
    for (const auto &row : tx_.exec("SELECT order_id FROM staged_orders"))
      onOrder_(row[0].as<int>());
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per row of 'staged_orders' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:28: note: 'staged_orders' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'staged_orders' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the row value 'row[0].as<int>()' is passed to the lambda held by 'onOrder_' here and reaches its UPDATE
      // CHECK-MESSAGES: :[[@LINE-11]]:11: note: the lambda runs the UPDATE here
      // CHECK-MESSAGES: :[[@LINE-12]]:27: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }

private:
  pqxx::work &tx_;
  std::function<void(int)> onOrder_;
};

// A cache whose loader is assigned once, in useDatabase(); warm() runs it
// per element of the ids it is given.
static std::size_t loadProfile(pqxx::work &tx, int userId) {
  return tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", userId)
      .size();
}

class ProfileCache {
public:
  explicit ProfileCache(pqxx::work &tx) : tx_(tx) {}

  void useDatabase() { load_ = loadProfile; }

  std::size_t warm(const std::vector<int> &userIds) {
    std::size_t loaded = 0;
    for (int id : userIds)
      loaded += load_(tx_, id);
      // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: query runs once per element of 'userIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'userIds' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:28: note: the element value 'id' is passed to 'loadProfile' held by 'load_' here and reaches its query
      // CHECK-MESSAGES: :[[@LINE-17]]:10: note: 'loadProfile' runs the query here
      // CHECK-MESSAGES: :[[@LINE-18]]:25: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    return loaded;
  }

private:
  pqxx::work &tx_;
  std::function<std::size_t(pqxx::work &, int)> load_;
};

//===--- Look-alikes that must stay silent -------------------------------===//

// Two targets: the constructor's no-op and a setter's query; which one
// runs is decided at run time.
class TeamAuditor {
public:
  explicit TeamAuditor(pqxx::work &tx) : tx_(tx), touch_([](int) {}) {}

  void enableWrites() {
    touch_ = [this](int id) {
      tx_.exec_params("UPDATE teams SET audited_at = now() WHERE id = $1", id);
    };
  }

  void audit() {
    for (const auto &row : tx_.exec("SELECT id FROM teams"))
      touch_(row[0].as<int>());
  }

private:
  pqxx::work &tx_;
  std::function<void(int)> touch_;
};
