// The checkout prices a cart three ways; only the lookups by id query.
#include "catalog.h"

double priceBySku(shop::Catalog &catalog, const std::vector<std::string> &skus) {
  double sum = 0;
  for (const std::string &sku : skus)
    sum += catalog.find(sku).price;
  return sum;
}

double priceById(shop::Catalog &catalog, const std::vector<int> &ids) {
  double sum = 0;
  for (int id : ids)
    sum += catalog.find(id).price;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:25: note: the element value 'id' is passed to 'find' here and reaches its query
  // CHECK-MESSAGES: catalog.cpp:6:17: note: 'find' runs the query here
  // CHECK-MESSAGES: catalog.cpp:6:33: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  return sum;
}

double priceFromLegacy(const std::vector<int> &ids) {
  double sum = 0;
  for (int id : ids)
    sum += legacy::find(id).price;
  return sum;
}

double priceLoaded(pqxx::connection &conn, const std::vector<int> &ids) {
  double sum = 0;
  for (int id : ids)
    sum += loadById<Product>(conn, id).price;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:36: note: the element value 'id' is passed to 'loadById' here and reaches its query
  // CHECK-MESSAGES: catalog.cpp:22:17: note: 'loadById' runs the query here
  // CHECK-MESSAGES: catalog.cpp:22:33: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  return sum;
}
