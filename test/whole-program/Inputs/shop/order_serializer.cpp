// JSON for the API: the customer's name is looked up per order, two calls
// away from the loop that serializes the orders.
#include "shop.h"
#include <cstdio>

std::string formatMoney(double amount) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", amount);
  return buf;
}

std::string OrderSerializer::toJson(const Order &o) {
  return "{\"id\":" + std::to_string(o.id) +
         ",\"customer\":" + customerJson(o.customerId) +
         ",\"total\":" + formatMoney(o.total) + "}";
}

std::string OrderSerializer::summaryJson(const Order &o) {
  return "{\"id\":" + std::to_string(o.id) +
         ",\"total\":" + formatMoney(o.total) + "}";
}

std::string OrderSerializer::customerJson(int customerId) {
  Customer c = repo.customer(customerId);
  return "{\"name\":\"" + c.name + "\"}";
}
