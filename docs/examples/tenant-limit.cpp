// The same read on every row: the loop-invariant-query page's example.
#include <pqxx/pqxx>

int quotaUsed(pqxx::work &tx, int tenant) {
  int total = 0;
  pqxx::result users = tx.exec("SELECT open_orders FROM users");
  for (auto const &u : users) {
    pqxx::result limits = tx.exec_params(
        "SELECT max_orders FROM settings WHERE tenant = $1", tenant);
    total += limits[0][0].as<int>() - u[0].as<int>();
  }
  return total;
}
