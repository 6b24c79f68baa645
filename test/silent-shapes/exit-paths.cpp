// A query or write on a path that always leaves the loop (error handling
// that logs and returns, a search that records its hit and breaks, a failure
// that throws or jumps to cleanup) runs at most once per call, whatever the
// loop walks. The same statement on a path that stays in the loop runs up to
// once per row and is reported.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql

#include <pqxx/pqxx>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

struct Order {
  int id;
  int customerId;
  long totalCents;
};

// Validation: the first bad order is logged and the import stops.
bool importOrders(pqxx::work &tx, const std::vector<Order> &orders) {
  for (const Order &o : orders) {
    if (o.totalCents < 0) {
      tx.exec_params("INSERT INTO import_errors (order_id, reason) "
                     "VALUES ($1, 'negative total')",
                     o.id);
      return false;
    }
  }
  return true;
}

// A search: the hit is recorded, then the loop ends.
void flagFirstOverdue(pqxx::work &tx) {
  for (const auto &inv : tx.exec("SELECT id, due FROM invoices ORDER BY due")) {
    if (inv["due"].as<std::string>() < "2026-01-01") {
      tx.exec_params("UPDATE invoices SET flagged = true WHERE id = $1",
                     inv["id"].as<int>());
      break;
    }
  }
}

// A failure throws after writing an audit record.
void chargeAll(pqxx::work &tx, const std::vector<Order> &orders) {
  for (const Order &o : orders) {
    if (o.customerId == 0) {
      tx.exec_params("INSERT INTO audit (event, order_id) VALUES ('orphan', $1)",
                     o.id);
      throw std::runtime_error("order without customer");
    }
  }
}

// C style: jump to the cleanup after logging the error.
int copyRows(sqlite3 *db, const int *ids, int n) {
  int rc = SQLITE_OK;
  for (int i = 0; i < n; ++i) {
    if (ids[i] <= 0) {
      sqlite3_exec(db, "INSERT INTO copy_log (msg) VALUES ('bad id')", nullptr,
                   nullptr, nullptr);
      rc = SQLITE_ERROR;
      goto done;
    }
  }
done:
  return rc;
}

//===--- The nearest N+1: the write stays in the loop ---------------------===//

void importAll(pqxx::work &tx, const std::vector<Order> &orders) {
  for (const Order &o : orders) {
    if (o.totalCents < 0) {
      tx.exec_params("INSERT INTO import_errors (order_id, reason) "
                     "VALUES ($1, 'negative total')",
                     o.id);
      // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: INSERT runs up to once per element of 'orders' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the elements of 'orders' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:22: note: the element value 'o.id' flows into the INSERT's parameter here
      // CHECK-MESSAGES: :[[@LINE-6]]:22: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
      continue;
    }
  }
}
