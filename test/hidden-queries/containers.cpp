// Rows copied into containers: a loop over a std::vector, std::map or QList
// that the same function, or a helper it calls, filled from a query's rows
// walks those rows, and a query per element of it is the N+1.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include -I %qt5_include/QtCore -I %qt5_include/QtSql

#include <QList>
#include <QSqlQuery>
#include <QVariant>
#include <map>
#include <pqxx/pqxx>
#include <string>
#include <vector>

struct User {
  int id;
  std::string name;
};

// Filled in the same function, then walked: the N+1 of the issue.
void sameFunction(pqxx::work &tx) {
  std::vector<User> users;
  for (const auto &r : tx.exec("SELECT id, name FROM users"))
    users.push_back({r["id"].as<int>(), r["name"].c_str()});
  for (const User &u : users)
    tx.exec_params("SELECT total FROM orders WHERE user_id = $1", u.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'users' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:67: note: the row value 'u.id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
}

// A map from id to name, walked with structured bindings.
void mapOfRows(pqxx::work &tx) {
  std::map<int, std::string> names;
  for (const auto &r : tx.exec("SELECT id, name FROM users"))
    names[r[0].as<int>()] = r[1].c_str();
  for (const auto &[id, name] : names)
    tx.exec_params("SELECT count(*) FROM orders WHERE user_id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'names' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'names' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'names' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:70: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
}

// A helper that loads the rows into a vector and returns it.
class UserRepository {
public:
  explicit UserRepository(pqxx::work &tx) : tx(tx) {}
  std::vector<User> loadUsers() {
    std::vector<User> users;
    for (const auto &r : tx.exec("SELECT id, name FROM users"))
      users.push_back({r["id"].as<int>(), r["name"].c_str()});
    return users;
  }
  pqxx::result loadOrders(int userId) {
    return tx.exec_params("SELECT id, total FROM orders WHERE user_id = $1", userId);
  }

private:
  pqxx::work &tx;
};
void helperReturnsRows(pqxx::work &tx) {
  UserRepository repo(tx);
  auto users = repo.loadUsers();
  for (auto &u : users)
    repo.loadOrders(u.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-17]]:26: note: 'users' holds the rows of this query, returned by 'loadUsers'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: the row value 'u.id' is passed to 'loadOrders' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-15]]:12: note: 'loadOrders' runs the query here
    // CHECK-MESSAGES: :[[@LINE-16]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  for (const User &u : repo.loadUsers())
    repo.loadOrders(u.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-25]]:26: note: 'users' holds the rows of this query, returned by 'loadUsers'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: the row value 'u.id' is passed to 'loadOrders' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-23]]:12: note: 'loadOrders' runs the query here
    // CHECK-MESSAGES: :[[@LINE-24]]:27: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
}

// Qt: ids read from one QSqlQuery into a QList, then one query per id.
void qtList() {
  QList<int> ids;
  QSqlQuery users("SELECT id FROM users");
  while (users.next())
    ids.append(users.value(0).toInt());
  for (int id : ids) {
    QSqlQuery orders;
    orders.prepare("SELECT total FROM orders WHERE user_id = ?");
    orders.addBindValue(id);
    orders.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'ids' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:13: note: 'ids' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:25: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:20: note: batch it: 'user_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by user_id
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// A container filled from somewhere else, and one filled from the rows
// only after the loop that walks it.
void notFromRows(pqxx::work &tx, const std::vector<int> &given) {
  std::vector<int> ids = given;
  for (int id : ids)
    (void)id;
  for (const auto &r : tx.exec("SELECT id FROM users"))
    ids.push_back(r[0].as<int>());
}

// The batched form: the ids are collected, then one query reads them all.
void batched(pqxx::work &tx) {
  std::vector<std::string> ids;
  for (const auto &r : tx.exec("SELECT id FROM users"))
    ids.push_back(r[0].c_str());
  std::string list;
  for (const std::string &id : ids)
    list += (list.empty() ? "" : ",") + id;
  tx.exec_params("SELECT user_id, total FROM orders WHERE user_id = ANY($1)", "{" + list + "}");
}
