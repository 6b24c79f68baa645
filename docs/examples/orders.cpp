// The N+1 the README and the query-in-loop page show: every user, then
// one more query per user for that user's orders.
#include <pqxx/pqxx>
#include <vector>

struct OrderRow { int user; int id; double total; };

std::vector<OrderRow> ordersPage(pqxx::work &tx) {
  std::vector<OrderRow> page;
  pqxx::result users = tx.exec("SELECT id, name FROM users");
  for (auto const &u : users) {
    pqxx::result orders = tx.exec_params(
        "SELECT id, total FROM orders WHERE user_id = $1", u["id"].as<int>());
    for (auto const &o : orders)
      page.push_back({u["id"].as<int>(), o[0].as<int>(), o[1].as<double>()});
  }
  return page;
}
