// nplusone-query-per-element on the real libpqxx headers.
// RUN: %check_nplusone --checks=nplusone-query-per-element %s %t -- -- -std=c++17

#include <map>
#include <pqxx/pqxx>
#include <string>
#include <vector>

// Ids passed in: one query per id.
void ordersOf(pqxx::work &tx, const std::vector<int> &userIds) {
  for (int id : userIds)
    tx.exec_params("SELECT id, total FROM orders WHERE user_id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'userIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'userIds' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:71: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
}
// CHECK-FIXES: tx.exec_params("SELECT user_id, id, total FROM orders WHERE user_id = ANY($1)", id);

// A map's keys, and an index loop over a vector.
void perKey(pqxx::work &tx, const std::map<std::string, int> &byName,
            const std::vector<long> &ids) {
  for (const auto &[name, count] : byName)
    tx.exec("SELECT * FROM people WHERE name = " + tx.quote(name));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'byName' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'byName' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:52: note: the element value 'tx.quote(name)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:13: note: batch it: 'name = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by name
  for (std::size_t i = 0; i < ids.size(); ++i)
    tx.exec_params("SELECT * FROM carts WHERE id = $1", ids[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:57: note: the element value 'ids[i]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Loops over query rows belong to nplusone-query-in-loop.
void overRows(pqxx::work &tx) {
  for (auto const &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", u[0].as<int>());
}

// The query does not use the element.
void notUsingElement(pqxx::work &tx, const std::vector<int> &ids, int tenant) {
  for (int id : ids) {
    (void)id;
    tx.exec_params("SELECT * FROM tenants WHERE id = $1", tenant);
  }
}

// One batched query instead.
void batched(pqxx::work &tx, const std::vector<int> &ids) {
  std::string list;
  for (int id : ids)
    list += (list.empty() ? "" : ",") + std::to_string(id);
  tx.exec_params("SELECT * FROM orders WHERE user_id = ANY(string_to_array($1, ','))",
                 list);
}
