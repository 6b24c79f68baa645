// A product catalog: lookups that share names across overloads, namespaces
// and template instantiations, and a category tree rendered recursively.
#pragma once
#include <map>
#include <pqxx/pqxx>
#include <string>
#include <vector>

struct Product {
  std::string sku;
  double price;
};

namespace shop {
class Catalog {
public:
  explicit Catalog(pqxx::connection &conn) : conn(conn) {}
  Product find(int id);                 // a query
  Product find(const std::string &sku); // the in-memory price list
private:
  pqxx::connection &conn;
  std::map<std::string, Product> priceList;
};
} // namespace shop

namespace legacy {
Product find(int id); // the old static catalog, no database
} // namespace legacy

template <typename T> T loadById(pqxx::connection &conn, int id);

void renderNode(pqxx::connection &conn, int id, int depth);
void renderSubtree(pqxx::connection &conn, int id, int depth);
