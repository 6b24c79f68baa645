#include "catalog.h"

namespace shop {
Product Catalog::find(int id) {
  pqxx::work tx(conn);
  pqxx::row r = tx.exec_params1("SELECT sku, price FROM products WHERE id = $1", id);
  return {r[0].c_str(), r[1].as<double>()};
}

Product Catalog::find(const std::string &sku) {
  auto it = priceList.find(sku);
  return it == priceList.end() ? Product{sku, 0.0} : it->second;
}
} // namespace shop

namespace legacy {
Product find(int id) { return {"SKU-" + std::to_string(id), 9.99}; }
} // namespace legacy

template <typename T> T loadById(pqxx::connection &conn, int id) {
  pqxx::work tx(conn);
  pqxx::row r = tx.exec_params1("SELECT sku, price FROM products WHERE id = $1", id);
  return T{r[0].c_str(), r[1].as<double>()};
}
template Product loadById<Product>(pqxx::connection &, int);
