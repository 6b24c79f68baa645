// Benchmark input: a small order service on libpqxx 6 (Debian libpqxx-dev).
// A realistic mix for nplusone-query-in-loop: per-row queries written in the
// loop and hidden in helpers (N+1), batched loads, writes in loops and plain
// C++ that never touches the database.

#include <pqxx/pqxx>

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace shop {

struct Customer {
  int id = 0;
  std::string name;
  std::vector<double> orderTotals;
};

struct Invoice {
  int orderId = 0;
  double net = 0;
  double tax = 0;
};

// Formats an amount in cents as "12.34"; no database access.
std::string formatCents(long cents) {
  std::ostringstream out;
  out << cents / 100 << '.' << (cents % 100 < 10 ? "0" : "") << cents % 100;
  return out.str();
}

// Builds the text form of a PostgreSQL int array: '{1,2,3}'.
std::string intArray(const std::vector<int> &ids) {
  std::string text = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i)
      text += ',';
    text += std::to_string(ids[i]);
  }
  return text + "}";
}

// N+1: one query for the customers, then one per customer.
std::vector<Customer> customersWithOrders(pqxx::work &tx) {
  std::vector<Customer> customers;
  pqxx::result rows = tx.exec("SELECT id, name FROM customers ORDER BY id");
  for (const auto &row : rows) {
    Customer c;
    c.id = row["id"].as<int>();
    c.name = row["name"].as<std::string>();
    pqxx::result orders = tx.exec_params(
        "SELECT total FROM orders WHERE customer_id = $1", c.id);
    for (const auto &o : orders)
      c.orderTotals.push_back(o[0].as<double>());
    customers.push_back(std::move(c));
  }
  return customers;
}

// The fix of customersWithOrders: two queries whatever the row count.
std::vector<Customer> customersWithOrdersBatched(pqxx::work &tx) {
  std::vector<Customer> customers;
  std::map<int, size_t> indexById;
  std::vector<int> ids;
  for (const auto &row : tx.exec("SELECT id, name FROM customers")) {
    indexById[row[0].as<int>()] = customers.size();
    ids.push_back(row[0].as<int>());
    customers.push_back({row[0].as<int>(), row[1].as<std::string>(), {}});
  }
  pqxx::result orders = tx.exec_params(
      "SELECT customer_id, total FROM orders WHERE customer_id = ANY($1)",
      intArray(ids));
  for (const auto &o : orders) {
    auto it = indexById.find(o[0].as<int>());
    if (it != indexById.end())
      customers[it->second].orderTotals.push_back(o[1].as<double>());
  }
  return customers;
}

// Hidden N+1: the helper runs a query, and it is called once per row.
static double taxRateFor(pqxx::work &tx, const std::string &country) {
  pqxx::result r = tx.exec_params(
      "SELECT rate FROM tax_rates WHERE country = $1", country);
  return r.empty() ? 0.0 : r[0][0].as<double>();
}

std::vector<Invoice> invoicesForDay(pqxx::work &tx, const std::string &day) {
  std::vector<Invoice> invoices;
  pqxx::result orders = tx.exec_params(
      "SELECT id, net_cents, country FROM orders WHERE day = $1", day);
  for (pqxx::result::size_type i = 0; i < orders.size(); ++i) {
    Invoice inv;
    inv.orderId = orders[i]["id"].as<int>();
    inv.net = orders[i]["net_cents"].as<long>() / 100.0;
    inv.tax = inv.net * taxRateFor(tx, orders[i]["country"].as<std::string>());
    invoices.push_back(inv);
  }
  return invoices;
}

// Not N+1: the query inside the loop does not depend on the row.
long countWithThreshold(pqxx::work &tx, const std::vector<long> &thresholds) {
  long total = 0;
  for (long t : thresholds) {
    pqxx::result r = tx.exec("SELECT count(*) FROM orders");
    total += r[0][0].as<long>() > t ? 1 : 0;
  }
  return total;
}

// SQL text built from the row (N+1), under a condition.
void refreshStaleAddresses(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id, updated FROM users");
  for (auto it = users.begin(); it != users.end(); ++it) {
    if (it["updated"].as<std::string>() < "2020-01-01") {
      std::string sql = "SELECT street, city FROM addresses WHERE user_id = " +
                        std::to_string(it["id"].as<int>());
      pqxx::result address = tx.exec(sql);
      (void)address;
    }
  }
}

// A write per row: not reported by nplusone-query-in-loop.
void markShipped(pqxx::work &tx, const std::vector<int> &orderIds) {
  for (int id : orderIds)
    tx.exec_params0("UPDATE orders SET shipped = true WHERE id = $1", id);
}

// Plain C++: a report over rows already in memory.
std::string renderReport(const std::vector<Customer> &customers) {
  std::ostringstream out;
  for (const Customer &c : customers) {
    long sum = 0;
    for (double t : c.orderTotals)
      sum += static_cast<long>(t * 100);
    out << c.name << ": " << c.orderTotals.size() << " orders, "
        << formatCents(sum) << '\n';
  }
  return out.str();
}

// Prepared statement per row of the outer query: N+1 with a named statement.
std::map<int, long> stockPerProduct(pqxx::connection &conn) {
  conn.prepare("stock", "SELECT sum(qty) FROM stock WHERE product_id = $1");
  pqxx::work tx(conn);
  std::map<int, long> stock;
  for (const auto &p : tx.exec("SELECT id FROM products WHERE active")) {
    int productId = p[0].as<int>();
    pqxx::result r = tx.exec_prepared("stock", productId);
    stock[productId] = r[0][0].is_null() ? 0 : r[0][0].as<long>();
  }
  tx.commit();
  return stock;
}

} // namespace shop

int main() {
  pqxx::connection conn("dbname=shop");
  pqxx::work tx(conn);
  auto customers = shop::customersWithOrders(tx);
  auto batched = shop::customersWithOrdersBatched(tx);
  auto invoices = shop::invoicesForDay(tx, "2024-05-01");
  shop::refreshStaleAddresses(tx);
  shop::markShipped(tx, {1, 2, 3});
  long n = shop::countWithThreshold(tx, {10, 100});
  std::string report = shop::renderReport(customers);
  tx.commit();
  return static_cast<int>(n + invoices.size() + batched.size() +
                          report.size()) & 1;
}
