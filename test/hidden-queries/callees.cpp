// Queries reached through calls of every kind: methods, static methods,
// virtual calls whose final overrider is known, constructors, and a chain
// of them, each with notes from the loop down to the query.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

class OrderRepository {
public:
  explicit OrderRepository(pqxx::work &tx) : tx(tx) {}
  pqxx::result forUser(int userId) {
    return tx.exec_params("SELECT id, total FROM orders WHERE user_id = $1", userId);
  }
  static pqxx::result forUserIn(pqxx::work &tx, int userId) {
    return tx.exec_params("SELECT id FROM orders WHERE user_id = $1", userId);
  }

private:
  pqxx::work &tx;
};

// A method and a static method of a repository.
void methods(pqxx::work &tx) {
  OrderRepository orders(tx);
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    orders.forUser(u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the row value 'u[0].as<int>()' is passed to 'forUser' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-19]]:12: note: 'forUser' runs the query here
    // CHECK-MESSAGES: :[[@LINE-20]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    OrderRepository::forUserIn(tx, u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-11]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-12]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:36: note: the row value 'u[0].as<int>()' is passed to 'forUserIn' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-24]]:12: note: 'forUserIn' runs the query here
    // CHECK-MESSAGES: :[[@LINE-25]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-16]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }
}

// Virtual calls: the final overrider runs when the object's class is known.
struct ProfileSource {
  virtual ~ProfileSource() = default;
  virtual std::string bio(pqxx::work &tx, int id) = 0;
};
struct DbProfiles final : ProfileSource {
  std::string bio(pqxx::work &tx, int id) override {
    return tx.exec_params1("SELECT bio FROM profiles WHERE user_id = $1", id)[0].c_str();
  }
};
struct CachedProfiles : ProfileSource {
  std::string bio(pqxx::work &, int) override { return ""; }
};
void virtualCalls(pqxx::work &tx, DbProfiles &db, ProfileSource &unknown) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    db.bio(tx, u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the row value 'u[0].as<int>()' is passed to 'bio' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-13]]:12: note: 'bio' runs the query here
    // CHECK-MESSAGES: :[[@LINE-14]]:28: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN profiles ON profiles.user_id = users.id' and its columns here
    // Which override runs is not known here, and the base has no body.
    unknown.bio(tx, u[0].as<int>());
  }
}

// A constructor that loads its object: one query per constructed object.
class Customer {
public:
  Customer(pqxx::work &tx, int id)
      : row(tx.exec_params1("SELECT name, email FROM customers WHERE id = $1", id)) {}

private:
  pqxx::row row;
};
void constructors(pqxx::work &tx) {
  std::vector<Customer> customers;
  for (const auto &o : tx.exec("SELECT customer_id FROM orders"))
    customers.push_back(Customer(tx, o[0].as<int>()));
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:38: note: the row value 'o[0].as<int>()' is passed to 'Customer' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-13]]:13: note: 'Customer' runs the query here
    // CHECK-MESSAGES: :[[@LINE-14]]:29: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN customers ON customers.id = orders.customer_id' and its columns here
  for (const auto &o : tx.exec("SELECT customer_id FROM invoices")) {
    Customer c(tx, o[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per row of 'invoices' (N+1 queries); load the rows for all invoices in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'invoices' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'invoices' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the row value 'o[0].as<int>()' is passed to 'Customer' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-22]]:13: note: 'Customer' runs the query here
    // CHECK-MESSAGES: :[[@LINE-23]]:29: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN customers ON customers.id = invoices.customer_id' and its columns here
    (void)c;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// An override known to run that queries nothing, and a constructor that
// only stores its arguments.
struct Point {
  Point(int x, int y) : x(x), y(y) {}
  int x, y;
};
void silentCallees(pqxx::work &tx) {
  CachedProfiles cache;
  for (const auto &u : tx.exec("SELECT id, x, y FROM users")) {
    cache.bio(tx, u[0].as<int>());
    Point p(u[1].as<int>(), u[2].as<int>());
    (void)p;
  }
}
