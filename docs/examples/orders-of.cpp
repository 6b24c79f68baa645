// One query per id passed in: the query-per-element page's example.
#include <pqxx/pqxx>
#include <vector>

double totalOf(pqxx::work &tx, const std::vector<int> &userIds) {
  double total = 0;
  for (int id : userIds) {
    pqxx::result r = tx.exec_params(
        "SELECT id, total FROM orders WHERE user_id = $1", id);
    for (auto const &o : r)
      total += o[1].as<double>();
  }
  return total;
}
