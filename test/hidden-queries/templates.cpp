// Templates: instantiations are analysed and each site reported once, not
// once per instantiation; uninstantiated dependent code is never reported.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

// A function template instantiated for two key types: one diagnostic.
template <class Key>
void loadEach(pqxx::work &tx, const std::vector<Key> &keys) {
  for (const Key &k : keys)
    tx.exec_params("SELECT * FROM items WHERE key = $1", k);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'keys' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'keys' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:58: note: the element value 'k' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: 'key = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by key
}
void useLoadEach(pqxx::work &tx) {
  loadEach<int>(tx, {1, 2, 3});
  loadEach<std::string>(tx, {"a", "b"});
}

// A class template's method, reached through two instantiations.
template <class Tx> class Loader {
public:
  explicit Loader(Tx &tx) : tx(tx) {}
  void ordersPerUser() {
    for (const auto &u : tx.exec("SELECT id FROM users"))
      tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0].template as<int>());
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:26: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:69: note: the row value 'u[0].template as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
      // CHECK-MESSAGES: :[[@LINE-7]]:34: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }

private:
  Tx &tx;
};
void useLoader(pqxx::work &w, pqxx::nontransaction &n) {
  Loader<pqxx::work>(w).ordersPerUser();
  Loader<pqxx::nontransaction>(n).ordersPerUser();
}

// A helper template called from a loop: found through its instantiation.
template <class T> pqxx::result byId(pqxx::work &tx, const T &id) {
  return tx.exec_params("SELECT * FROM profiles WHERE user_id = $1", id);
}
void useHelperTemplate(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users"))
    byId(tx, u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: the row value 'u[0].as<int>()' is passed to 'byId' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-9]]:10: note: 'byId' runs the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:25: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN profiles ON profiles.user_id = users.id' and its columns here
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Never instantiated: dependent code is not analysed.
template <class Tx> void neverUsed(Tx &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u[0]);
}

// Instantiated with a type that runs no query.
struct FakeTx {
  std::vector<int> exec(const char *) { return {1, 2}; }
  int exec_params(const char *, int v) { return v; }
};
template <class Tx> void generic(Tx &tx) {
  for (int id : tx.exec("SELECT id FROM users"))
    tx.exec_params("SELECT 1 FROM t WHERE id = $1", id);
}
void useGeneric() {
  FakeTx fake;
  generic(fake);
}
