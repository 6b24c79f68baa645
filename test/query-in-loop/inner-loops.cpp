// A read that depends only on an outer loop's row but sits in an inner loop
// runs once per row and again on every inner iteration: the warning names
// the outer loop and a note names the inner one. Real libpqxx headers.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

struct Warehouse {
  int id;
  std::string region;
};

struct PickList {
  int orderId;
  std::string customer;
  std::vector<int> warehouses;
};

// The customer of each order is read once per warehouse, with the same key.
std::vector<PickList> buildPickLists(pqxx::connection &conn,
                                     const std::vector<Warehouse> &warehouses) {
  std::vector<PickList> lists;
  pqxx::work tx(conn);
  pqxx::result orders = tx.exec("SELECT id, customer_id FROM orders");
  for (auto const &order : orders) {
    PickList list{order[0].as<int>(), {}, {}};
    for (const Warehouse &w : warehouses) {
      pqxx::result customer = tx.exec_params(
      // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-6]]:25: note: 'orders' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'orders' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the inner loop here runs it again on every iteration with the same values; move it out of this loop
      // CHECK-MESSAGES: :[[@LINE+3]]:55: note: the row value 'order[1].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE+2]]:11: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
      // CHECK-MESSAGES: :[[@LINE-11]]:33: note: or read both in one query: add 'LEFT JOIN customers ON customers.id = orders.customer_id' and its columns here
          "SELECT name FROM customers WHERE id = $1", order[1].as<int>());
      list.customer = customer[0][0].as<std::string>();
      if (w.region == "eu")
        list.warehouses.push_back(w.id);
    }
    lists.push_back(list);
  }
  return lists;
}

// A fixed list of address kinds repeats the read too, twice per user.
void printLabels(pqxx::work &tx) {
  for (auto const &user : tx.exec("SELECT id FROM users WHERE active")) {
    for (const char *kind : {"billing", "shipping"}) {
      pqxx::result street = tx.exec_params(
      // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the inner loop here runs it again on every iteration with the same values; move it out of this loop
      // CHECK-MESSAGES: :[[@LINE+2]]:62: note: the row value 'user[0].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE+1]]:11: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
          "SELECT street FROM addresses WHERE user_id = $1", user[0].as<int>());
      (void)street;
      (void)kind;
    }
  }
}

// Look-alike: the inner element feeds the read as well, so it changes on
// every inner iteration; the innermost loop is the one reported.
void stockByWarehouse(pqxx::work &tx, const std::vector<Warehouse> &warehouses) {
  for (auto const &line : tx.exec("SELECT id, sku FROM order_lines")) {
    for (const Warehouse &w : warehouses) {
      pqxx::result stock = tx.exec_params(
      // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: query runs once per element of 'warehouses' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'warehouses' is here
      // CHECK-MESSAGES: :[[@LINE+3]]:38: note: the element value 'w.id' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE+1]]:11: note: batch it: 'warehouse_id = ANY($2)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by warehouse_id
          "SELECT qty FROM stock WHERE sku = $1 AND warehouse_id = $2",
          line[1].as<std::string>(), w.id);
      (void)stock;
    }
  }
}

// Look-alike: a retry loop around the per-row read leaves on success; it
// repeats the read only on failure, so it is not named.
void loadCustomersWithRetry(pqxx::connection &conn) {
  pqxx::work tx(conn);
  for (auto const &order : tx.exec("SELECT id, customer_id FROM orders")) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      try {
        pqxx::result customer = tx.exec_params(
        // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
        // CHECK-MESSAGES: :[[@LINE-5]]:28: note: 'orders' is the result of the query here
        // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'orders' is here
        // CHECK-MESSAGES: :[[@LINE+3]]:57: note: the row value 'order[1].as<int>()' flows into the query's parameter here
        // CHECK-MESSAGES: :[[@LINE+2]]:13: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
        // CHECK-MESSAGES: :[[@LINE-9]]:36: note: or read both in one query: add 'LEFT JOIN customers ON customers.id = orders.customer_id' and its columns here
            "SELECT name FROM customers WHERE id = $1", order[1].as<int>());
        (void)customer;
        break;
      } catch (const pqxx::broken_connection &) {
      }
    }
  }
}

// Look-alike: paging each user's events changes the offset on every inner
// iteration, so the inner loop does not repeat the same read.
void exportEvents(pqxx::work &tx) {
  for (auto const &user : tx.exec("SELECT id FROM users")) {
    for (int offset = 0;; offset += 100) {
      pqxx::result page = tx.exec_params(
      // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:27: note: 'users' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE+3]]:11: note: the row value 'user[0].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE+1]]:11: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
          "SELECT id FROM events WHERE user_id = $1 ORDER BY id LIMIT 100 OFFSET $2",
          user[0].as<int>(), offset);
      if (page.empty())
        break;
    }
  }
}
