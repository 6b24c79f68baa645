// Drogon ORM on the stand-in header in Inputs/drogon (Debian packages none):
// each N+1 shape with Mapper<T>, DbClient::execSqlSync and generated models.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -I %inputs/drogon
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 \
// RUN:   -I %inputs/drogon
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 \
// RUN:   -I %inputs/drogon

#include <drogon/orm/Mapper.h>
#include <string>
#include <vector>

using namespace drogon::orm;
using drogon_model::shop::Orders;
using drogon_model::shop::Users;

// The canonical N+1: every user, then that user's orders.
double totalOfAll(const DbClientPtr &db) {
  Mapper<Users> userMapper(db);
  Mapper<Orders> orderMapper(db);
  double sum = 0;
  auto users = userMapper.findAll();
  for (const auto &u : users) {
    auto orders = orderMapper.findBy(Criteria(Orders::Cols::_user_id, CompareOperator::EQ, u.getValueOfId()));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:38: note: the row value 'Criteria(Orders::Cols::_user_id, CompareOperator::EQ, u.g...' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: batch it: one Mapper<T>::findBy(Criteria("id", CompareOperator::In, ids)) for all keys, or a JOIN
    for (const auto &o : orders)
      sum += o.getValueOfTotal();
  }
  return sum;
}

// Raw SQL: a Result walked by range-for and by index, one query per row.
void countsPerUser(const DbClientPtr &db, std::vector<size_t> &counts) {
  auto users = db->execSqlSync("SELECT id, name FROM users");
  for (const auto &row : users) {
    auto n = db->execSqlSync("SELECT count(*) FROM orders WHERE user_id = $1", row["id"].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:80: note: the row value 'row["id"].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:30: note: batch it: 'user_id IN ($1)' through one Mapper<T>::findBy with CompareOperator::In, then group the rows by user_id
    counts.push_back(n[0][0].as<size_t>());
  }
  for (Result::size_type i = 0; i < users.size(); ++i)
    db->execSqlSync("SELECT max(total) FROM orders WHERE user_id = $1", users[i][0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:73: note: the row value 'users[i][0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: batch it: 'user_id IN ($1)' through one Mapper<T>::findBy with CompareOperator::In, then group the rows by user_id
}

// Writes per row (an insert, a deleteOne), a find per element of a vector
// of ids, and the same count for every user.
void welcomeOrders(const DbClientPtr &db, const std::vector<int> &ids) {
  Mapper<Users> userMapper(db);
  Mapper<Orders> orderMapper(db);
  auto users = userMapper.findAll();
  for (const auto &u : users) {
    Orders o;
    o.setUserId(u.getValueOfId());
    orderMapper.insert(o);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'insert' runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: the row value 'u.getValueOfId()' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one multi-row insert through DbClient::execSqlSync, inside one transaction (newTransaction())
  }
  for (const auto &u : users)
    userMapper.deleteOne(u);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'deleteOne' runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-14]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the row value 'u' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one multi-row insert through DbClient::execSqlSync, inside one transaction (newTransaction())
  for (int id : ids) {
    Users u = userMapper.findByPrimaryKey(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:43: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: batch it: one Mapper<T>::findBy(Criteria("id", CompareOperator::In, ids)) for all keys, or a JOIN
    (void)u;
  }
  for (const auto &u : users) {
    size_t total = userMapper.count();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    (void)u, (void)total;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched form: one findBy over all ids with CompareOperator::In.
std::vector<Orders> ordersOf(const DbClientPtr &db, const std::vector<int> &ids) {
  return Mapper<Orders>(db).findBy(Criteria(Orders::Cols::_user_id, CompareOperator::In, ids));
}

// Queries before and after the loop; the loop reads only the loaded rows.
size_t beforeAndAfter(const DbClientPtr &db) {
  Mapper<Users> users(db);
  size_t n = users.count();
  auto all = users.limit(10).findAll();
  int maxId = 0;
  for (const auto &u : all)
    maxId = u.getValueOfId() > maxId ? u.getValueOfId() : maxId;
  auto last = users.findByPrimaryKey(maxId);
  return n + static_cast<size_t>(last.getValueOfId());
}

// Only the first row: the loop returns.
std::string firstName(const DbClientPtr &db) {
  auto users = db->execSqlSync("SELECT id FROM users ORDER BY id");
  for (const auto &row : users)
    return Mapper<Users>(db).findByPrimaryKey(row["id"].as<int>()).getValueOfName();
  return "";
}

// An unrelated class with a findBy method.
struct Index {
  std::vector<int> findBy(const std::string &key) const;
};
size_t hits(const Index &index, const std::vector<std::string> &keys) {
  size_t n = 0;
  for (const auto &k : keys)
    n += index.findBy(k).size();
  return n;
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: auto n = db->execSqlSync("SELECT user_id, count(*) FROM orders WHERE user_id IN ($1) GROUP BY user_id", row["id"].as<int>());
// NOTE-FIXES: db->execSqlSync("SELECT user_id, max(total) FROM orders WHERE user_id IN ($1) GROUP BY user_id", users[i][0].as<int>());
// NOTE-FIXES: size_t total = userMapper.count();
