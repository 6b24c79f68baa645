// An order service split the way real backends are: the HTTP handlers, the
// service, the JSON serializer and the repository each in a file of their own.
#pragma once
#include <pqxx/pqxx>
#include <string>
#include <vector>

struct Order {
  int id;
  int customerId;
  double total;
};
struct Customer {
  std::string name;
  std::string email;
};
struct LineItem {
  std::string sku;
  int quantity;
};

class OrderRepository {
public:
  explicit OrderRepository(pqxx::connection &conn) : conn(conn) {}
  std::vector<Order> recentOrders();
  Customer customer(int id);
  std::vector<Customer> customers(const std::vector<int> &ids);
  std::vector<LineItem> lineItems(int orderId);
  void markShipped(int orderId);

private:
  pqxx::connection &conn;
};

std::string formatMoney(double amount);

class OrderSerializer {
public:
  explicit OrderSerializer(OrderRepository &repo) : repo(repo) {}
  std::string toJson(const Order &o);
  std::string summaryJson(const Order &o);

private:
  std::string customerJson(int customerId);
  OrderRepository &repo;
};

class OrderService {
public:
  OrderService(OrderRepository &repo, OrderSerializer &json)
      : repo(repo), json(json) {}
  std::string recentOrdersJson();
  std::string recentSummariesJson();
  std::string batchedOrdersJson();
  std::vector<LineItem> orderDetails(int orderId);
  void shipAll(const std::vector<int> &orderIds);

private:
  OrderRepository &repo;
  OrderSerializer &json;
};
