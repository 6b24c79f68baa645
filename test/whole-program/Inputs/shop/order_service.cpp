// The service: loops over orders and hands each to the serializer or the
// repository, both defined in other files.
#include "shop.h"

std::string OrderService::recentOrdersJson() {
  std::string out = "[";
  for (const Order &o : repo.recentOrders())
    out += json.toJson(o) + ",";
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: order_repository.cpp:7:24: note: 'orders' holds the rows of this query, returned by 'recentOrders'
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:24: note: the row value 'o' is passed to 'toJson' here and reaches its query
  // CHECK-MESSAGES: order_serializer.cpp:14:29: note: 'toJson' calls 'customerJson' here
  // CHECK-MESSAGES: order_serializer.cpp:24:16: note: 'customerJson' calls 'customer' here
  // CHECK-MESSAGES: order_repository.cpp:16:7: note: 'customer' runs the query here
  // CHECK-MESSAGES: order_repository.cpp:16:23: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  return out + "]";
}

// Look-alike: the summary serializer runs no query.
std::string OrderService::recentSummariesJson() {
  std::string out = "[";
  for (const Order &o : repo.recentOrders())
    out += json.summaryJson(o) + ",";
  return out + "]";
}

// Look-alike: the batched version loads every customer in one query.
std::string OrderService::batchedOrdersJson() {
  std::vector<Order> orders = repo.recentOrders();
  std::vector<int> ids;
  for (const Order &o : orders)
    ids.push_back(o.customerId);
  std::string out;
  for (const Customer &c : repo.customers(ids))
    out += c.name + formatMoney(0) + ",";
  return out;
}

std::vector<LineItem> OrderService::orderDetails(int orderId) {
  return repo.lineItems(orderId);
}

void OrderService::shipAll(const std::vector<int> &orderIds) {
  for (int id : orderIds)
    repo.markShipped(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'orderIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'orderIds' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:22: note: the element value 'id' is passed to 'markShipped' here and reaches its UPDATE
  // CHECK-MESSAGES: order_repository.cpp:43:3: note: 'markShipped' runs the UPDATE here
  // CHECK-MESSAGES: order_repository.cpp:43:18: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}
