// The admin report: rows per table, the table's name quoted into the text,
// is one statement per table, not an N+1; a customer's name quoted as a
// string is a key, and one count per customer is.
#include "database.h"
#include <fmt/format.h>
#include <string>
#include <vector>

std::vector<long> rowsPerTable(Database &db,
                               const std::vector<std::string> &tables) {
  std::vector<long> counts;
  for (const std::string &table : tables)
    counts.push_back(db.run(fmt::format("SELECT count(*) FROM \"{}\"", table)));
  return counts;
}

std::vector<long> ordersPerCustomer(Database &db,
                                    const std::vector<std::string> &names) {
  std::vector<long> counts;
  for (const std::string &name : names)
    counts.push_back(db.run(fmt::format(
        "SELECT count(*) FROM orders WHERE customer = '{}'", name)));
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: query runs once per element of 'names' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'names' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the element value 'fmt::format( "SELECT count(*) FROM orders WHERE customer ...' is passed to 'run' here and reaches its query
  // CHECK-MESSAGES: database.cpp:9:7: note: 'run' runs the query here
  // CHECK-MESSAGES: :[[@LINE-6]]:29: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
  return counts;
}

// A helper of this file builds the text from its own parameters, the
// table's name among them; the loop feeds it only the owner, a key.
static long countOwned(Database &db, const std::string &table, long owner) {
  return db.run(
      fmt::format("SELECT count(*) FROM \"{}\" WHERE owner = {}", table, owner));
}

std::vector<long> itemsPerOwner(Database &db, const std::vector<long> &owners) {
  std::vector<long> counts;
  for (long owner : owners)
    counts.push_back(countOwned(db, "items", owner));
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: query runs once per element of 'owners' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'owners' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:46: note: the element value 'owner' is passed to 'countOwned' here and reaches its query
  // CHECK-MESSAGES: :[[@LINE-11]]:10: note: 'countOwned' calls 'run' here
  // CHECK-MESSAGES: database.cpp:9:7: note: 'run' runs the query here
  // CHECK-MESSAGES: :[[@LINE-12]]:7: note: batch it: 'owner IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by owner
  return counts;
}
