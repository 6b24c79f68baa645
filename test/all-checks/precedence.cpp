// All five checks together: every query site in a loop gets exactly one
// diagnostic, from the most specific check (write, lazy load, loop-invariant,
// query-in-loop, query-per-element), and none is reported twice.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -isystem %inputs/odb

#include <odb/database.hxx>
#include <pqxx/pqxx>
#include <vector>

struct Customer {
  std::string name;
};
struct Order {
  long id;
  odb::lazy_shared_ptr<Customer> customer;
};

void everything(pqxx::work &tx, odb::database &db,
                const std::vector<int> &ids, int tenant) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (auto const &u : users) {
    int id = u["id"].as<int>();
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:63: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-9]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    tx.exec_params("UPDATE users SET seen = now() WHERE id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-12]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-12]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:67: note: the row value 'id' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
    tx.exec_params("SELECT * FROM tenants WHERE id = $1", tenant);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-17]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
    for (int other : ids)
      tx.exec_params("SELECT * FROM pairs WHERE a = $1 AND b = $2", id, other);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'ids' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:73: note: the element value 'other' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: 'b = ANY($2)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by b
  }
  for (int id : ids)
    tx.exec_params("SELECT * FROM carts WHERE id = $1", id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:57: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
  odb::result<Order> orders = db.query<Order>();
  for (Order &o : orders)
    o.customer.load();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: relation 'customer' is loaded lazily, one query per row of 'orders' (N+1 queries); load it eagerly with the parent rows [nplusone-lazy-load-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:31: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: 'o.customer' is a relation of the current row
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: load it eagerly: an ODB view that JOINs the related table, or one query<T>::id.in(...) for all ids
}
