// ODB on the stand-in headers in Inputs/odb (Debian packages none), with a
// model (shop.hxx) and its generated query columns (shop-odb.hxx).
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -I %inputs/odb
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 \
// RUN:   -I %inputs/odb
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 \
// RUN:   -I %inputs/odb

#include <odb/database.hxx>
#include "shop-odb.hxx"
#include <memory>
#include <vector>

using shop::order;
using shop::user;
typedef odb::query<user> user_query;
typedef odb::query<order> order_query;

// The canonical N+1: every user, then a query for that user's orders.
double totalOfAll(odb::database &db) {
  double sum = 0;
  odb::transaction t(db.begin());
  odb::result<user> users(db.query<user>());
  for (user &u : users) {
    odb::result<order> orders(db.query<order>(order_query::user_id == u.id()));
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:47: note: the row value 'order_query::user_id == u.id()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:31: note: batch it: one db.query<T>(query<T>::id.in(...)) or id.in_range(first, last) for all keys
    for (order &o : orders)
      sum += o.total();
  }
  t.commit();
  return sum;
}

// The result's iterator loop, with a load of each order's user.
void bigSpenders(odb::database &db, std::vector<std::shared_ptr<user>> &out) {
  typedef odb::result<order> result;
  result orders(db.query<order>(order_query::total > 100.0));
  for (result::iterator i(orders.begin()); i != orders.end(); ++i)
    out.push_back(db.load<user>(i->user_id()));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:33: note: the row value 'i->user_id()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: batch it: one db.query<T>(query<T>::id.in(...)) or id.in_range(first, last) for all keys
}

// A write per row, a load per element of a vector of ids, and the same
// query for every id.
void touchUsers(odb::database &db, const std::vector<unsigned long> &ids, long now) {
  odb::result<user> users(db.query<user>(user_query::last_login < now - 86400));
  for (user &u : users) {
    u.last_login(now);
    db.update(u);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'update' runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:27: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:15: note: the row value 'u' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: persist and update all objects in one transaction, or one erase_query() for deletes
  }
  for (unsigned long id : ids) {
    std::shared_ptr<user> u(db.load<user>(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:43: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:29: note: batch it: one db.query<T>(query<T>::id.in(...)) or id.in_range(first, last) for all keys
    std::shared_ptr<user> admin(db.query_one<user>(user_query::email == "admin@example.com"));
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: query runs once per element of 'ids' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    (void)u, (void)admin;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched form: the ids collected in the loop, one query over all.
double batched(odb::database &db) {
  odb::result<user> users(db.query<user>());
  std::vector<unsigned long> ids;
  for (user &u : users)
    ids.push_back(u.id());
  double sum = 0;
  for (order &o : db.query<order>(order_query::user_id.in_range(ids.begin(), ids.end())))
    sum += o.total();
  return sum;
}

// Queries before and after the loop; only the loaded objects are read.
std::shared_ptr<user> beforeAndAfter(odb::database &db) {
  std::shared_ptr<user> first(db.query_one<user>(user_query::id == 1UL));
  unsigned long maxId = 0;
  for (user &u : db.query<user>())
    maxId = u.id() > maxId ? u.id() : maxId;
  return first ? first : db.find<user>(maxId);
}

// Only the first row: the loop returns.
std::shared_ptr<order> firstOrder(odb::database &db) {
  for (user &u : db.query<user>())
    return db.query_one<order>(order_query::user_id == u.id());
  return nullptr;
}

// An unrelated cache with load and find methods of the same names.
struct Cache {
  template <typename T, typename ID> std::shared_ptr<T> load(const ID &id);
  template <typename T, typename ID> std::shared_ptr<T> find(const ID &id);
};
void warm(Cache &cache, const std::vector<unsigned long> &ids) {
  for (unsigned long id : ids)
    if (!cache.find<user>(id))
      cache.load<user>(id);
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: std::shared_ptr<user> admin(db.query_one<user>(user_query::email == "admin@example.com"));
