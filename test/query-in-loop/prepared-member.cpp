// Reads prepared once into members, by a constructor or a setup function,
// and run once per row by a loop elsewhere: through a method, through a
// helper two calls deep, and stepped in the loop itself next to a write kept
// in the same struct. SQLite3 C API on its real header.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17

#include <sqlite3.h>
#include <string>
#include <vector>

namespace catalog {

class PriceBook {
public:
  explicit PriceBook(sqlite3 *db) : db_(db) {
    sqlite3_prepare_v2(db_, "SELECT price FROM prices WHERE sku = ?", -1,
                       &priceOf_, nullptr);
  }
  ~PriceBook() { sqlite3_finalize(priceOf_); }

  double price(const std::string &sku) {
    sqlite3_reset(priceOf_);
    sqlite3_bind_text(priceOf_, 1, sku.c_str(), -1, SQLITE_TRANSIENT);
    double p = 0;
    if (sqlite3_step(priceOf_) == SQLITE_ROW)
      p = sqlite3_column_double(priceOf_, 0);
    return p;
  }

private:
  sqlite3 *db_;
  sqlite3_stmt *priceOf_ = nullptr;
};

static double lineTotal(PriceBook &book, const std::string &sku, int qty) {
  return book.price(sku) * qty;
}

double cartTotal(PriceBook &book, sqlite3_stmt *cartLines) {
  double total = 0;
  while (sqlite3_step(cartLines) == SQLITE_ROW) {
    std::string sku =
        reinterpret_cast<const char *>(sqlite3_column_text(cartLines, 0));
    total += lineTotal(book, sku, sqlite3_column_int(cartLines, 1));
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per row of 'cartLines' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'cartLines' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:30: note: the row value 'sku' is passed to 'lineTotal' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-12]]:10: note: 'lineTotal' calls 'price' here
    // CHECK-MESSAGES: :[[@LINE-24]]:9: note: 'price' runs the query here
    // CHECK-MESSAGES: :[[@LINE-34]]:29: note: batch it: 'sku IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by sku
  }
  return total;
}

// A setup function fills a struct with a read and a write.
struct StockDb {
  sqlite3_stmt *level = nullptr;
  sqlite3_stmt *restock = nullptr;
};

void openStock(sqlite3 *db, StockDb *s) {
  sqlite3_prepare_v2(db, "SELECT on_hand FROM stock WHERE sku = ?", -1,
                     &s->level, nullptr);
  sqlite3_prepare_v2(db, "UPDATE stock SET on_hand = on_hand + 10 WHERE sku = ?",
                     -1, &s->restock, nullptr);
}

// The read, stepped here: the write prepared into the other member of the
// same struct is not its statement.
std::vector<int> levels(StockDb *s, sqlite3_stmt *skus) {
  std::vector<int> out;
  while (sqlite3_step(skus) == SQLITE_ROW) {
    sqlite3_reset(s->level);
    sqlite3_bind_text(s->level, 1,
                      reinterpret_cast<const char *>(sqlite3_column_text(skus, 0)),
                      -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s->level) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'skus' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'skus' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:23: note: the row value 'reinterpret_cast<const char *>(sqlite3_column_text(skus, 0))' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-19]]:26: note: batch it: 'sku IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by sku
      out.push_back(sqlite3_column_int(s->level, 0));
  }
  return out;
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The price of one SKU, asked once after the loop found the cheapest line.
double cheapestLinePrice(PriceBook &book, sqlite3_stmt *cartLines) {
  std::string cheapest;
  int fewest = 1 << 30;
  while (sqlite3_step(cartLines) == SQLITE_ROW) {
    int qty = sqlite3_column_int(cartLines, 1);
    if (qty < fewest) {
      fewest = qty;
      cheapest = reinterpret_cast<const char *>(sqlite3_column_text(cartLines, 0));
    }
  }
  return book.price(cheapest);
}

// The member statement's own rows: stepping it walks them.
int totalOnHand(StockDb *s) {
  int n = 0;
  sqlite3_reset(s->level);
  while (sqlite3_step(s->level) == SQLITE_ROW)
    n += sqlite3_column_int(s->level, 0);
  return n;
}

} // namespace catalog
