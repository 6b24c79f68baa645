// The repository: every query of the service runs here.
#include "shop.h"

std::vector<Order> OrderRepository::recentOrders() {
  pqxx::work tx(conn);
  std::vector<Order> orders;
  for (const auto &r : tx.exec("SELECT id, customer_id, total FROM orders "
                               "ORDER BY created DESC LIMIT 100"))
    orders.push_back({r[0].as<int>(), r[1].as<int>(), r[2].as<double>()});
  return orders;
}

Customer OrderRepository::customer(int id) {
  pqxx::work tx(conn);
  pqxx::row r =
      tx.exec_params1("SELECT name, email FROM customers WHERE id = $1", id);
  return {r[0].c_str(), r[1].c_str()};
}

std::vector<Customer> OrderRepository::customers(const std::vector<int> &ids) {
  pqxx::work tx(conn);
  std::string keys;
  for (int id : ids)
    keys += (keys.empty() ? "" : ",") + std::to_string(id);
  std::vector<Customer> result;
  for (const auto &r : tx.exec_params(
           "SELECT name, email FROM customers WHERE id = ANY($1)", "{" + keys + "}"))
    result.push_back({r[0].c_str(), r[1].c_str()});
  return result;
}

std::vector<LineItem> OrderRepository::lineItems(int orderId) {
  pqxx::work tx(conn);
  std::vector<LineItem> items;
  for (const auto &r : tx.exec_params(
           "SELECT sku, quantity FROM line_items WHERE order_id = $1", orderId))
    items.push_back({r[0].c_str(), r[1].as<int>()});
  return items;
}

void OrderRepository::markShipped(int orderId) {
  pqxx::work tx(conn);
  tx.exec_params("UPDATE orders SET shipped = true WHERE id = $1", orderId);
  tx.commit();
}
