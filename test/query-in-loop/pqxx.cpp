// nplusone-query-in-loop on the real libpqxx headers (Debian libpqxx-dev).
// RUN: %check_nplusone --checks=nplusone-query-in-loop %s %t -- -- -std=c++17
// --fix alone applies no fix of this check, and the result compiles.
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=warnings --fixes-prefix=WARN-FIXES --compile-fixed=%clang \
// RUN:   %s %t-warn -- -- -std=c++17

#include <pqxx/pqxx>
#include <sstream>
#include <string>
#include <vector>

// The seed story: one query for the users, then one query per user.
void seedStory(pqxx::connection &conn) {
  pqxx::work tx(conn);
  pqxx::result users = tx.exec("SELECT id, name FROM users");
  for (auto const &u : users) {
    pqxx::result orders = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:60: note: the row value 'u["id"].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+2]]:9: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
        "SELECT id, total FROM orders WHERE user_id = $1", u["id"].as<int>());
    // CHECK-FIXES: "SELECT user_id, id, total FROM orders WHERE user_id = ANY($1)", u["id"].as<int>());
    // WARN-FIXES: "SELECT id, total FROM orders WHERE user_id = $1", u["id"].as<int>());
    (void)orders;
  }
}

// Nested loops: orders per user, then items per order.
void nestedLoops(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (const auto &u : users) {
    pqxx::result orders = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:53: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+2]]:9: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
        "SELECT id FROM orders WHERE user_id = $1", u[0].as<int>());
        // CHECK-FIXES: "SELECT user_id, id FROM orders WHERE user_id = ANY($1)", u[0].as<int>());
    for (const auto &o : orders) {
      tx.exec_params("SELECT sku FROM items WHERE order_id = $1",
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-12]]:27: note: 'orders' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:5: note: the loop over the rows of 'orders' is here
      // CHECK-MESSAGES: :[[@LINE+3]]:22: note: the row value 'o[0].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: 'order_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by order_id
      // CHECK-FIXES: tx.exec_params("SELECT order_id, sku FROM items WHERE order_id = ANY($1)",
                     o[0].as<int>());
    }
  }
}

// Iterator and index loops over a result.
void iteratorAndIndexLoops(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (auto it = users.begin(); it != users.end(); ++it)
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", it[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:63: note: the row value 'it[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-8]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    // CHECK-FIXES: tx.exec_params("SELECT * FROM orders WHERE user_id = ANY($1)", it[0].as<int>());
  for (pqxx::result::size_type i = 0; i < users.size(); ++i)
    tx.exec_params("SELECT * FROM carts WHERE user_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+4]]:20: note: the row value 'users[i]["id"].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-17]]:32: note: or read both in one query: add 'LEFT JOIN carts ON carts.user_id = users.id' and its columns here
    // CHECK-FIXES: tx.exec_params("SELECT * FROM carts WHERE user_id = ANY($1)",
                   users[i]["id"].as<int>());
}

// SQL text built from the row: no literal to rewrite, so the note says what
// to do in words.
void builtSql(pqxx::work &tx) {
  for (auto row : tx.exec("SELECT id FROM users")) {
    std::string sql = "SELECT * FROM orders WHERE user_id = " +
                      std::to_string(row[0].as<int>());
    tx.exec(sql);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:38: note: the row value 'row[0].as<int>()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    std::ostringstream ss;
    ss << "SELECT * FROM carts WHERE user_id = " << row[0].as<long>();
    tx.exec(ss.str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:19: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:53: note: the row value 'row[0].as<long>()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
  }
}

// Only some rows query: still one query per such row.
void conditional(pqxx::work &tx, const pqxx::result &users) {
  for (const auto &u : users) {
    if (u["active"].as<bool>())
      tx.exec_params("SELECT * FROM sessions WHERE user_id = $1",
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs up to once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
      // CHECK-MESSAGES: :[[@LINE+3]]:22: note: the row value 'u["id"].as<int>()' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
      // CHECK-FIXES: tx.exec_params("SELECT * FROM sessions WHERE user_id = ANY($1)",
                     u["id"].as<int>());
  }
}

// The per-row query hidden two calls deep.
static pqxx::result fetchOrders(pqxx::work &tx, int userId) {
  return tx.exec_params("SELECT id, total FROM orders WHERE user_id = $1",
  // CHECK-FIXES: return tx.exec_params("SELECT user_id, id, total FROM orders WHERE user_id = ANY($1)",
                        userId);
}
static int countOrders(pqxx::work &tx, int userId) {
  return static_cast<int>(fetchOrders(tx, userId).size());
}
void helperTwoDeep(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  for (const auto &u : users) {
    int id = u["id"].as<int>();
    countOrders(tx, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:21: note: the row value 'id' is passed to 'countOrders' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-11]]:27: note: 'countOrders' calls 'fetchOrders' here
    // CHECK-MESSAGES: :[[@LINE-17]]:10: note: 'fetchOrders' runs the query here
    // CHECK-MESSAGES: :[[@LINE-18]]:25: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-11]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }
}

// A template is reported once, for all of its instantiations.
template <typename Key> void perRowTemplate(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("SELECT * FROM profiles WHERE user_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+4]]:20: note: the row value 'u[0].as<Key>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-7]]:32: note: or read both in one query: add 'LEFT JOIN profiles ON profiles.user_id = users.id' and its columns here
    // CHECK-FIXES: tx.exec_params("SELECT * FROM profiles WHERE user_id = ANY($1)",
                   u[0].as<Key>());
}
void instantiate(pqxx::work &tx) {
  perRowTemplate<int>(tx);
  perRowTemplate<long>(tx);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop.
void beforeAndAfter(pqxx::work &tx) {
  pqxx::result users = tx.exec("SELECT id FROM users");
  int last = 0;
  for (const auto &u : users)
    last = u[0].as<int>();
  tx.exec_params("SELECT * FROM orders WHERE user_id = $1", last);
  // CHECK-FIXES: tx.exec_params("SELECT * FROM orders WHERE user_id = $1", last);
}

// A loop over ids from a vector is not a loop over query rows.
void loopOverVector(pqxx::work &tx, const std::vector<int> &ids) {
  for (int id : ids)
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", id);
    // CHECK-FIXES: tx.exec_params("SELECT * FROM orders WHERE user_id = $1", id);
}

// The query in the loop does not depend on the row.
void invariantQuery(pqxx::work &tx, int userId) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    (void)u;
    tx.exec_params("SELECT * FROM settings WHERE user_id = $1", userId);
    tx.exec("SELECT count(*) FROM audit");
  }
}

// Writes per row belong to nplusone-write-in-loop.
void writePerRow(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("UPDATE users SET seen = now() WHERE id = $1",
                   u[0].as<int>());
}

// The loop stops after its first row.
void firstRowOnly(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY id LIMIT 10")) {
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", u[0].as<int>());
    break;
  }
}

// A lambda made in the loop but run after it: no query per row.
void lambdaNotCalledInLoop(pqxx::work &tx) {
  std::vector<int> ids;
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    auto later = [&tx](int id) {
      tx.exec_params("SELECT 1 FROM orders WHERE id = $1", id);
    };
    (void)later;
    ids.push_back(u[0].as<int>());
  }
}

// Code in a macro that expands to nothing, and a do-while(0) macro outside
// any loop.
#define TRACE_QUERY(x)
#define RUN_ONCE(stmt)                                                         \
  do {                                                                         \
    stmt;                                                                      \
  } while (0)
void macros(pqxx::work &tx, const pqxx::result &users) {
  for (const auto &u : users)
    TRACE_QUERY(tx.exec_params("SELECT 1 FROM t WHERE id = $1", u[0].as<int>()));
  RUN_ONCE(tx.exec("SELECT 1"));
}

// A dependent template that is never instantiated.
template <typename Tx, typename Rows> void neverInstantiated(Tx &tx, Rows &rows) {
  for (const auto &u : rows)
    tx.exec_params("SELECT * FROM orders WHERE user_id = $1", u[0]);
}
