// nplusone-lazy-load-in-loop on ODB, Wt::Dbo and Drogon ORM, with stand-in
// headers for the three (Debian packages none of them).
// RUN: %check_nplusone --checks=nplusone-lazy-load-in-loop %s %t -- -- -std=c++17 \
// RUN:   -isystem %inputs/odb -isystem %inputs/wt -isystem %inputs/drogon

#include <Wt/Dbo/Dbo.h>
#include <drogon/orm/Mapper.h>
#include <odb/database.hxx>
#include <vector>

namespace odbmodel {
struct Customer {
  std::string name;
};
struct Order {
  long id;
  odb::lazy_shared_ptr<Customer> customer;
};
} // namespace odbmodel

// ODB: each order's customer is loaded on its own.
void odbOrders(odb::database &db) {
  odb::result<odbmodel::Order> orders = db.query<odbmodel::Order>();
  for (odbmodel::Order &o : orders) {
    std::shared_ptr<odbmodel::Customer> c = o.customer.load();
    // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: relation 'customer' is loaded lazily, one query per row of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:41: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:45: note: 'o.customer' is a relation of the current row
    // CHECK-MESSAGES: :[[@LINE-5]]:45: note: load it eagerly: an ODB view that JOINs the related table, or one query<T>::id.in(...) for all ids
    (void)c;
  }
}

namespace dbo = Wt::Dbo;
namespace wtmodel {
struct Customer {
  std::string name;
};
struct Item {
  std::string sku;
};
struct Order {
  long total;
  dbo::ptr<Customer> customer;   // belongsTo
  dbo::collection<dbo::ptr<Item>> items; // hasMany
};
} // namespace wtmodel

// Wt::Dbo: dereferencing a belongsTo pointer and sizing a hasMany collection
// of each order.
std::size_t wtOrders(dbo::Session &session) {
  std::size_t n = 0;
  dbo::collection<dbo::ptr<wtmodel::Order>> orders =
      session.find<wtmodel::Order>().resultList();
  for (const dbo::ptr<wtmodel::Order> &o : orders) {
    n += o->customer->name.size();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: relation 'customer' is loaded lazily, one query per row of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: 'o->customer' is a relation of the current row
    // CHECK-MESSAGES: :[[@LINE-5]]:10: note: load it eagerly: a session.query<std::tuple<ptr<A>, ptr<B>>> join, or one find<B>().where("id in (...)") for all ids
    n += o->items.size();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: relation 'items' is loaded lazily, one query per row of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:7: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: 'o->items' is a relation of the current row
    // CHECK-MESSAGES: :[[@LINE-5]]:10: note: load it eagerly: a session.query<std::tuple<ptr<A>, ptr<B>>> join, or one find<B>().where("id in (...)") for all ids
  }
  return n;
}

// Drogon: the generated relation getter runs a query per order.
void drogonOrders(const drogon::orm::DbClientPtr &db,
                  const std::vector<drogon_model::shop::Orders> &orders) {
  for (const auto &o : orders) {
    auto user = o.getUser(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: relation 'getUser' is loaded lazily, one query per element of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: 'o' is the current element, and 'getUser' queries its relation
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: load it eagerly: one Mapper<T>::findBy(Criteria("id", CompareOperator::In, ids)) for all ids, or a JOIN
    (void)user;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The loop's own objects are already loaded: o->total is no query.
long wtTotals(dbo::Session &session) {
  long sum = 0;
  dbo::collection<dbo::ptr<wtmodel::Order>> orders =
      session.find<wtmodel::Order>().resultList();
  for (const dbo::ptr<wtmodel::Order> &o : orders)
    sum += o->total;
  return sum;
}

// A lazy pointer loaded before the loop, and the same one used in the loop:
// loaded once.
void loadedBeforeLoop(odbmodel::Order &first, const std::vector<long> &ids) {
  std::shared_ptr<odbmodel::Customer> c = first.customer.load();
  for (long id : ids) {
    (void)id;
    first.customer.load();
  }
}

// Plain accessors of generated models are no queries.
int drogonIds(const std::vector<drogon_model::shop::Orders> &orders) {
  int sum = 0;
  for (const auto &o : orders)
    sum += o.getValueOfUserId();
  return sum;
}

// A relation loaded after the loop.
void afterLoop(const std::vector<odbmodel::Order> &orders) {
  const odbmodel::Order *last = nullptr;
  for (const auto &o : orders)
    last = &o;
  if (last)
    last->customer.load();
}
