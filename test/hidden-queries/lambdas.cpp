// Queries in lambdas: run by the standard algorithms once per element, a
// named lambda called in a loop, a callback helper, loops inside a lambda;
// and lambdas that do not run per element, which stay silent.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++20

#include <algorithm>
#include <functional>
#include <map>
#include <numeric>
#include <pqxx/pqxx>
#include <string>
#include <vector>

// std::for_each over a result: the lambda's query runs once per row.
void forEachRow(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  std::for_each(users.begin(), users.end(), [&](const pqxx::row &u) {
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'std::for_each' runs the lambda once per row of 'users' here
    // CHECK-MESSAGES: :[[@LINE-4]]:67: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  });
}

// std::transform and a generic lambda over a vector of ids.
std::vector<std::size_t> countsPerId(pqxx::work &tx, const std::vector<int> &ids) {
  std::vector<std::size_t> counts(ids.size());
  std::transform(ids.begin(), ids.end(), counts.begin(), [&](const auto &id) {
    return tx.exec_params("SELECT 1 FROM orders WHERE user_id = $1", id).size();
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'std::transform' runs the lambda once per element of 'ids' here
    // CHECK-MESSAGES: :[[@LINE-3]]:70: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  });
  return counts;
}

// std::ranges::for_each takes the range whole; std::accumulate hands the
// element to the second parameter.
long rangesAndAccumulate(pqxx::work &tx, const std::vector<int> &ids) {
  std::ranges::for_each(ids, [&](int id) {
    tx.exec_params("SELECT name FROM users WHERE id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'std::ranges::for_each' runs the lambda once per element of 'ids' here
    // CHECK-MESSAGES: :[[@LINE-3]]:60: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  });
  return std::accumulate(ids.begin(), ids.end(), 0L, [&](long sum, int id) {
    return sum + tx.exec_params("SELECT 1 FROM orders WHERE user_id = $1", id).size();
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:10: note: 'std::accumulate' runs the lambda once per element of 'ids' here
    // CHECK-MESSAGES: :[[@LINE-3]]:76: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:33: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  });
}

// A named lambda handed to an algorithm.
void namedLambdaInAlgorithm(pqxx::work &tx, const std::vector<int> &ids) {
  auto load = [&tx](int id) {
    tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE+4]]:3: note: 'std::for_each' runs the lambda 'load' once per element of 'ids' here
    // CHECK-MESSAGES: :[[@LINE-3]]:67: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  };
  std::for_each(ids.begin(), ids.end(), load);
}

// A named lambda called in the loop, with the row as its argument, and one
// that captures the row instead.
void namedLambdaCalledInLoop(pqxx::work &tx) {
  auto ordersOf = [&](int id) {
    return tx.exec_params("SELECT total FROM orders WHERE user_id = $1", id);
  };
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    ordersOf(u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: the row value 'u[0].as<int>()' is passed to the lambda 'ordersOf' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-8]]:12: note: the lambda 'ordersOf' runs the query here
    // CHECK-MESSAGES: :[[@LINE-9]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    auto profile = [&] {
      return tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", u[0].as<int>());
    };
    profile();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-14]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-15]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the lambda 'profile' captures the row value and runs the query with it
    // CHECK-MESSAGES: :[[@LINE-7]]:14: note: the lambda 'profile' runs the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:29: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  }
}

// A helper that runs the callback it is given once.
template <class F> void inTransactionScope(F f) { f(); }

void callbackPerRow(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users"))
    inTransactionScope([&] {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: the lambda passed to 'inTransactionScope' here captures the row value and runs the query with it
    // CHECK-MESSAGES: :[[@LINE-9]]:51: note: 'inTransactionScope' calls the lambda here
    // CHECK-MESSAGES: :[[@LINE+2]]:7: note: the lambda runs the query here
    // CHECK-MESSAGES: :[[@LINE+1]]:22: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
      tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].as<int>());
    });
}

// A loop inside a lambda that an algorithm runs per element.
void loopInsideLambda(pqxx::work &tx, const std::vector<int> &teams) {
  std::for_each(teams.begin(), teams.end(), [&](int team) {
    for (const auto &m : tx.exec_params("SELECT id FROM members WHERE team = $1", team))
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per element of 'teams' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'std::for_each' runs the lambda once per element of 'teams' here
    // CHECK-MESSAGES: :[[@LINE-3]]:83: note: the element value 'team' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:41: note: batch it: 'team = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by team
      tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", m[0].as<int>());
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'members' (N+1 queries); load the rows for all members in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-7]]:26: note: 'members' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-8]]:5: note: the loop over the rows of 'members' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the row value 'm[0].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  });
}

// A category tree walked by a recursive generic lambda (`self` is the
// lambda itself): the lookup each visit runs repeats once per child.
struct Category {
  int id;
  std::vector<Category *> children;
};

void countProducts(pqxx::work &tx, Category *root, std::map<int, int> &counts) {
  auto walk = [&](Category *c, const auto &self) -> void {
    counts[c->id] = tx.exec_params1("SELECT count(*) FROM products "
                                    "WHERE category_id = $1",
                                    c->id)[0]
                        .as<int>();
    for (Category *child : c->children)
      self(child, self);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per element of 'c->children' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'c->children' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: the element value 'child' is passed to the lambda 'walk' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-9]]:21: note: the lambda 'walk' runs the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:37: note: batch it: 'category_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by category_id
  };
  walk(root, walk);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// A lambda defined in the loop but stored and run later; one run after the
// loop; a comparator (sort runs it many times, but it queries nothing).
void notRunPerElement(pqxx::work &tx, std::vector<int> ids) {
  std::vector<std::function<void()>> later;
  for (int id : ids)
    later.push_back([&tx, id] { tx.exec_params("SELECT 1 FROM users WHERE id = $1", id); });
  auto once = [&] { tx.exec("SELECT count(*) FROM users"); };
  std::sort(ids.begin(), ids.end(), [](int a, int b) { return a < b; });
  once();
}

// The batched form inside an algorithm: the lambda only collects keys.
void collectThenQuery(pqxx::work &tx, const pqxx::result &users) {
  std::vector<std::string> keys;
  std::for_each(users.begin(), users.end(),
                [&](const pqxx::row &u) { keys.push_back(u[0].c_str()); });
  tx.exec_params("SELECT total FROM orders WHERE user_id = ANY($1)", "{" + keys.front() + "}");
}

// An unrelated function named for_each.
namespace mine {
template <class It, class F> void for_each(It, It, F) {}
} // namespace mine
void notTheStandardOne(pqxx::work &tx, const std::vector<int> &ids) {
  mine::for_each(ids.begin(), ids.end(), [&](int id) {
    tx.exec_params("SELECT 1 FROM users WHERE id = $1", id);
  });
}
