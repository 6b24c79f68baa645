// A game server's own result class around the MySQL C API, declared in its
// header and defined in another file, stepped with `next()` (`do { ... }
// while (result->next())`): each iteration reads the next row through it,
// so a lookup or write keyed by what it reads runs once per element.
// Look-alikes: a read that takes nothing from the row, and an object
// stepped in the condition but never read in the body.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/mariadb
// Named as a row step, the same `next()` walks a query's rows:
// RUN: %check_nplusone --fix=none --messages-prefix=ROWS --config="{CheckOptions: [{key: RowAdvanceFunctions, value: 'DBResult::next'}]}" %s %t-rows -- -- -std=c++17 -I/usr/include/mariadb

#include <cstdint>
#include <memory>
#include <mysql.h>
#include <string>

// database.h: the wrapper's methods are defined in database.cpp.
class DBResult {
public:
  explicit DBResult(MYSQL_RES *res);
  ~DBResult();
  int64_t getNumber(const std::string &column) const;
  std::string getString(const std::string &column) const;
  bool next();

private:
  MYSQL_RES *handle_;
  MYSQL_ROW row_;
};
using DBResult_ptr = std::shared_ptr<DBResult>;

class Database {
public:
  explicit Database(MYSQL *conn) : conn_(conn) {}

  DBResult_ptr storeQuery(const std::string &sql) {
    if (mysql_real_query(conn_, sql.data(), sql.size()) != 0)
      return nullptr;
    MYSQL_RES *res = mysql_store_result(conn_);
    return res ? std::make_shared<DBResult>(res) : nullptr;
  }
  bool executeQuery(const std::string &sql) {
    return mysql_real_query(conn_, sql.data(), sql.size()) == 0;
  }

private:
  MYSQL *conn_;
};

// iomarket.cpp: expired offers move to the history one by one.
class Market {
public:
  explicit Market(Database &db) : db_(db) {}

  bool moveOfferToHistory(int64_t offerId) {
    DBResult_ptr offer = db_.storeQuery(
        "SELECT player_id, amount, price FROM market_offers WHERE id = " +
        std::to_string(offerId));
    if (!offer)
      return false;
    return db_.executeQuery("DELETE FROM market_offers WHERE id = " +
                            std::to_string(offerId));
  }

  void processExpiredOffers(const DBResult_ptr &result) {
    if (!result)
      return;
    do {
      bool moved = moveOfferToHistory(result->getNumber("id"));
      // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: query runs once per element of 'result' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'result' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:39: note: the element value 'result->getNumber("id")' is passed to 'moveOfferToHistory' here and reaches its query
      // CHECK-MESSAGES: :[[@LINE-17]]:26: note: 'moveOfferToHistory' calls 'storeQuery' here
      // CHECK-MESSAGES: :[[@LINE-37]]:9: note: 'storeQuery' runs the query here
      // CHECK-MESSAGES: :[[@LINE-18]]:9: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
      if (!moved)
        continue;
      int64_t refund = result->getNumber("price") * result->getNumber("amount");
      db_.executeQuery("UPDATE players SET balance = balance + " +
                       std::to_string(refund) + " WHERE id = " +
                       std::to_string(result->getNumber("player_id")));
      // CHECK-MESSAGES: :[[@LINE-3]]:7: warning: UPDATE runs once per element of 'result' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-15]]:5: note: the loop over the elements of 'result' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:24: note: the element value '"UPDATE players SET balance = balance + " + std::to_strin...' is passed to 'executeQuery' here and reaches its UPDATE
      // CHECK-MESSAGES: :[[@LINE-42]]:12: note: 'executeQuery' runs the UPDATE here
      // CHECK-MESSAGES: :[[@LINE-7]]:24: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
      // CHECK-MESSAGES: :[[@LINE-19]]:5: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
      DBResult_ptr fee = db_.storeQuery(
          "SELECT value FROM server_config WHERE config = 'market_fee'");
      // CHECK-MESSAGES: :[[@LINE-2]]:26: warning: query runs once per element of 'result' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
      // CHECK-MESSAGES: :[[@LINE-23]]:5: note: the loop is here
      // CHECK-MESSAGES: :[[@LINE-55]]:9: note: 'storeQuery' runs the query here
      // CHECK-MESSAGES: :[[@LINE-5]]:26: note: hoist it: run the query once before the loop and reuse its result
    } while (result->next());
  }

  void checkExpiredOffers() {
    processExpiredOffers(db_.storeQuery(
        "SELECT id, player_id, amount, price FROM market_offers WHERE "
        "expires < UNIX_TIMESTAMP()"));
  }

private:
  Database &db_;
};

//===--- Look-alikes ------------------------------------------------------===//

// A countdown stepped in the condition and never read in the body: the
// loop repeats, it walks no rows. The banner it reads is the same each time.
class Countdown {
public:
  bool next();
};
void showBanner(const DBResult_ptr &banner);

void announceRestart(Database &db, Countdown &minutesLeft) {
  while (minutesLeft.next())
    showBanner(db.storeQuery("SELECT value FROM server_config WHERE config "
                             "= 'restart_banner'"));
    // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: query runs once per iteration of the loop but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-86]]:9: note: 'storeQuery' runs the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: hoist it: run the query once before the loop and reuse its result
}

// With DBResult::next named in RowAdvanceFunctions (the second RUN line):
// ROWS: :68:20: warning: query runs once per row of 'result' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
// ROWS: :67:5: note: the loop over the rows of 'result' is here
// ROWS: :68:39: note: the row value 'result->getNumber("id")' is passed to 'moveOfferToHistory' here and reaches its query
// ROWS: :55:26: note: 'moveOfferToHistory' calls 'storeQuery' here
// ROWS: :36:9: note: 'storeQuery' runs the query here
// ROWS: :56:9: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
// ROWS: :78:7: warning: UPDATE runs once per row of 'result' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
// ROWS: :67:5: note: the loop over the rows of 'result' is here
// ROWS: :78:24: note: the row value '"UPDATE players SET balance = balance + " + std::to_strin...' is passed to 'executeQuery' here and reaches its UPDATE
// ROWS: :42:12: note: 'executeQuery' runs the UPDATE here
// ROWS: :78:24: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
// ROWS: :67:5: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
// ROWS: :87:26: warning: query runs once per row of 'result' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
// ROWS: :67:5: note: the loop is here
// ROWS: :36:9: note: 'storeQuery' runs the query here
// ROWS: :87:26: note: hoist it: run the query once before the loop and reuse its result
// ROWS: :118:16: warning: query runs once per iteration of the loop but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
// ROWS: :117:3: note: the loop is here
// ROWS: :36:9: note: 'storeQuery' runs the query here
// ROWS: :118:16: note: hoist it: run the query once before the loop and reuse its result
