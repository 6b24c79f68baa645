// Row values stored in struct fields still carry the row: into a struct
// later walked in another loop, a struct passed to a helper, and a member
// of the object a method then queries with.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

struct User {
  int id = 0;
  std::string email;
};

// Fields set one by one, the struct pushed, then walked.
void fieldsThenLoop(pqxx::work &tx) {
  std::vector<User> users;
  for (const auto &r : tx.exec("SELECT id, email FROM users")) {
    User u;
    u.id = r["id"].as<int>();
    u.email = r["email"].c_str();
    users.push_back(u);
  }
  for (const User &u : users)
    tx.exec_params("SELECT count(*) FROM logins WHERE user_id = $1", u.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:24: note: 'users' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:70: note: the row value 'u.id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
}

// A struct filled from the row and handed to a helper that reads a field.
struct Order {
  int id = 0;
  int customerId = 0;
};
static std::string customerName(pqxx::work &tx, const Order &o) {
  return tx.exec_params1("SELECT name FROM customers WHERE id = $1", o.customerId)[0].c_str();
}
void structToHelper(pqxx::work &tx) {
  for (const auto &r : tx.exec("SELECT id, customer_id FROM orders")) {
    Order o;
    o.id = r[0].as<int>();
    o.customerId = r[1].as<int>();
    customerName(tx, o);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:24: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: the row value 'o' is passed to 'customerName' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-12]]:10: note: 'customerName' runs the query here
    // CHECK-MESSAGES: :[[@LINE-13]]:26: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  }
}

// A member set from the row; the method called next queries with it.
class Importer {
public:
  explicit Importer(pqxx::work &tx) : tx(tx) {}
  void run() {
    for (const auto &r : tx.exec("SELECT id FROM users")) {
      current = r[0].as<int>();
      loadDetails();
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:26: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:7: note: the row value is stored in a member of this object, which 'loadDetails' reads for its query
      // CHECK-MESSAGES: :[[@LINE+7]]:5: note: 'loadDetails' runs the query here
      // CHECK-MESSAGES: :[[@LINE+6]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    }
  }

private:
  void loadDetails() {
    tx.exec_params("SELECT bio FROM profiles WHERE user_id = $1", current);
  }
  pqxx::work &tx;
  int current = 0;
};

//===--- Look-alikes that must stay silent -------------------------------===//

// Fields copied from the rows and only printed; a struct walked in a loop
// that stops at its first element.
void fieldsWithoutQuery(pqxx::work &tx, std::string &out) {
  std::vector<User> users;
  for (const auto &r : tx.exec("SELECT id, email FROM users")) {
    User u;
    u.email = r["email"].c_str();
    out += u.email;
    users.push_back(u);
  }
  for (const User &u : users) {
    tx.exec_params("SELECT count(*) FROM logins WHERE user_id = $1", u.id);
    break;
  }
}
