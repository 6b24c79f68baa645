// HTTP handlers: the request names the orders; the service loads each.
#include "shop.h"

std::string handleOrderItems(OrderService &service,
                             const std::vector<int> &requested) {
  std::string body;
  for (int orderId : requested)
    for (const LineItem &item : service.orderDetails(orderId))
      body += item.sku + ":" + std::to_string(item.quantity) + "\n";
  // CHECK-MESSAGES: :[[@LINE-2]]:33: warning: query runs once per element of 'requested' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'requested' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:54: note: the element value 'orderId' is passed to 'orderDetails' here and reaches its query
  // CHECK-MESSAGES: order_service.cpp:41:10: note: 'orderDetails' calls 'lineItems' here
  // CHECK-MESSAGES: order_repository.cpp:35:24: note: 'lineItems' runs the query here
  // CHECK-MESSAGES: order_repository.cpp:36:12: note: batch it: 'order_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by order_id
  return body;
}

std::string handleRecentOrders(OrderService &service) {
  return service.recentOrdersJson();
}
