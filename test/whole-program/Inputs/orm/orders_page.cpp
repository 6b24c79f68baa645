// The orders page: the loop is here, the lazy loads in order_view.cpp and
// in a helper of this file.
#include "model.h"

static std::string customerEmail(Order &o) {
  std::shared_ptr<Customer> c = o.customer.load();
  return c ? c->email : "";
}

std::string renderOrders(odb::database &db) {
  std::string page;
  odb::result<Order> orders = db.query<Order>();
  for (Order &o : orders)
    page += orderLabel(o) + " " + customerName(o) + "\n";
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: relation 'customer' is loaded lazily, one query per row of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: 'orders' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:48: note: the row value 'o' is passed to 'customerName' here and reaches its lazy load of 'customer'
  // CHECK-MESSAGES: order_view.cpp:5:33: note: 'customerName' loads 'customer' here
  // CHECK-MESSAGES: :[[@LINE-6]]:35: note: load it eagerly: an ODB view that JOINs the related table, or one query<T>::id.in(...) for all ids
  return page;
}

std::string mailingList(odb::database &db) {
  std::string list;
  odb::result<Order> orders = db.query<Order>();
  for (Order &o : orders)
    list += customerEmail(o) + ";";
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: relation 'customer' is loaded lazily, one query per row of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
  // CHECK-MESSAGES: :[[@LINE-4]]:31: note: 'orders' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:27: note: the row value 'o' is passed to 'customerEmail' here and reaches its lazy load of 'customer'
  // CHECK-MESSAGES: :[[@LINE-27]]:33: note: 'customerEmail' loads 'customer' here
  // CHECK-MESSAGES: :[[@LINE-6]]:13: note: load it eagerly: an ODB view that JOINs the related table, or one query<T>::id.in(...) for all ids
  return list;
}

// Look-alike: the labels load nothing.
std::string orderLabels(odb::database &db) {
  std::string labels;
  odb::result<Order> orders = db.query<Order>();
  for (const Order &o : orders)
    labels += orderLabel(o) + "\n";
  return labels;
}
