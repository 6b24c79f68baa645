// A backend shaped like real code: a repository class, a service that calls
// it, and a serializer that turns each order into JSON. The N+1 sits three
// calls away from the loop, in the repository; the notes walk down to it.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

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

class ShopRepository {
public:
  explicit ShopRepository(pqxx::connection &conn) : conn(conn) {}

  std::vector<Order> recentOrders() {
    pqxx::work tx(conn);
    std::vector<Order> orders;
    for (const auto &r : tx.exec("SELECT id, customer_id, total FROM orders "
                                 "ORDER BY created DESC LIMIT 100"))
      orders.push_back({r[0].as<int>(), r[1].as<int>(), r[2].as<double>()});
    return orders;
  }

  Customer customer(int id) {
    pqxx::work tx(conn);
    pqxx::row r = tx.exec_params1("SELECT name, email FROM customers WHERE id = $1", id);
    return {r[0].c_str(), r[1].c_str()};
  }

private:
  pqxx::connection &conn;
};

class OrderSerializer {
public:
  explicit OrderSerializer(ShopRepository &repo) : repo(repo) {}
  std::string toJson(const Order &o) {
    return "{\"id\":" + std::to_string(o.id) + ",\"customer\":" + customerJson(o.customerId) + "}";
  }

private:
  std::string customerJson(int customerId) {
    Customer c = repo.customer(customerId);
    return "{\"name\":\"" + c.name + "\"}";
  }
  ShopRepository &repo;
};

class OrderService {
public:
  OrderService(ShopRepository &repo, OrderSerializer &json) : repo(repo), json(json) {}
  std::string recentOrdersJson() {
    std::string out = "[";
    for (const Order &o : repo.recentOrders())
      out += json.toJson(o) + ",";
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-39]]:26: note: 'orders' holds the rows of this query, returned by 'recentOrders'
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'orders' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:26: note: the row value 'o' is passed to 'toJson' here and reaches its query
      // CHECK-MESSAGES: :[[@LINE-22]]:67: note: 'toJson' calls 'customerJson' here
      // CHECK-MESSAGES: :[[@LINE-18]]:18: note: 'customerJson' calls 'customer' here
      // CHECK-MESSAGES: :[[@LINE-36]]:19: note: 'customer' runs the query here
      // CHECK-MESSAGES: :[[@LINE-37]]:35: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
    return out + "]";
  }

private:
  ShopRepository &repo;
  OrderSerializer &json;
};

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched service: one query for the customers of all orders.
std::string batchedJson(pqxx::work &tx) {
  std::string ids;
  for (const auto &r : tx.exec("SELECT customer_id FROM orders LIMIT 100"))
    ids += std::string(ids.empty() ? "" : ",") + r[0].c_str();
  std::string out;
  for (const auto &c : tx.exec_params("SELECT id, name FROM customers WHERE id = ANY($1)",
                                      "{" + ids + "}"))
    out += c[1].c_str();
  return out;
}
