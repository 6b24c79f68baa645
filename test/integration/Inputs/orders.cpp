// libpqxx: an N+1 whose batching note carries a fix-it (= ANY($1)), and a
// loop-invariant query whose warning carries the hoist fix-it.
#include <pqxx/pqxx>

void orders_per_user(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id, name FROM users");
  for (auto const &u : users) {
    pqxx::result orders = tx.exec_params(
        "SELECT id, total FROM orders WHERE user_id = $1", u["id"].as<int>());
    (void)orders;
  }
}

int settings_per_user(pqxx::work &tx, int tenant) {
  int total = 0;
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (auto const &u : users) {
    pqxx::result limits = tx.exec_params("SELECT max_orders FROM settings WHERE tenant = $1", tenant);
    total += limits[0][0].as<int>() + u[0].as<int>();
  }
  return total;
}
