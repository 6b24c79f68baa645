// How an order is shown: its customer's name needs the relation loaded.
#include "model.h"

std::string customerName(Order &o) {
  std::shared_ptr<Customer> c = o.customer.load();
  return c ? c->name : "";
}

std::string orderLabel(const Order &o) {
  return "#" + std::to_string(o.id) + " " + std::to_string(o.total);
}
