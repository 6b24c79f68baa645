// How the SQL text of the per-row query is read: literals, variables set
// once, concatenation with +, fmt::format and QString::arg, values
// concatenated into the text, and which of several parameters carries the row.
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=none %s %t -- -- -std=c++17 -fPIC -I %qt5_include
// RUN: %check_nplusone --checks=nplusone-query-in-loop --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -fPIC -I %qt5_include

#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlQuery>
#include <fmt/format.h>
#include <pqxx/pqxx>
#include <sqlite3.h>
#include <string>

// A literal in a variable set once, and a literal split over lines.
void variables(pqxx::work &tx) {
  const char *byUser = "SELECT id, total FROM orders WHERE user_id = $1";
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY name")) {
    tx.exec_params(byUser, u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:24: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    tx.exec_params("SELECT bio "
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:20: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
                   "FROM profiles WHERE user_id = $1",
                   u[0].as<int>());
  }
}
// NOTE-FIXES: const char *byUser = "SELECT user_id, id, total FROM orders WHERE user_id = ANY($1)";

// The row's value concatenated into the text: the note shows the batched
// query with a parameter in its place, without a fix-it.
void concatenated(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY name")) {
    tx.exec("SELECT id, total FROM orders WHERE user_id = " + std::to_string(u[0].as<int>()));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:78: note: the row value 'u[0].as<int>()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    tx.exec(fmt::format("SELECT sku FROM items WHERE order_id = {} ORDER BY sku", u[0].as<int>()));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:83: note: the row value 'u[0].as<int>()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: 'order_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by order_id
  }
}

// Qt: the row's value put into the text with QString::arg, and a named
// placeholder bound by name among others.
void qtText() {
  QSqlQuery users("SELECT id FROM users ORDER BY name");
  while (users.next()) {
    QSqlQuery orders(QString("SELECT total FROM orders WHERE user_id = %1").arg(users.value(0).toInt()));
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:81: note: the row value 'users.value(0).toInt()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: 'user_id IN (?)' with one ? per key, each given with addBindValue(), then group the rows by user_id
    QSqlQuery profile;
    profile.prepare("SELECT bio FROM profiles WHERE lang = :lang AND user_id = :uid");
    profile.bindValue(":lang", "en");
    profile.bindValue(":uid", users.value(0));
    profile.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-14]]:13: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:31: note: the row value 'users.value(0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:21: note: batch it: 'user_id IN (:uid)' with one ? per key, each given with addBindValue(), then group the rows by user_id
  }
}
// NOTE-FIXES: profile.prepare("SELECT user_id, bio FROM profiles WHERE lang = :lang AND user_id IN (:uid)");

// Several parameters: the one the row is passed as is the key.
void severalParameters(pqxx::work &tx, const std::string &status) {
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY name"))
    tx.exec_params("SELECT id FROM orders WHERE status = $1 AND user_id = $2", status,
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:20: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($2)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
                   u[0].as<int>());
}
// NOTE-FIXES: tx.exec_params("SELECT user_id, id FROM orders WHERE status = $1 AND user_id = ANY($2)", status,

// SQLite: the bind call's index says which placeholder the row goes to.
void bindIndex(sqlite3 *db, const char *since) {
  sqlite3_stmt *users, *orders;
  sqlite3_prepare_v2(db, "SELECT id FROM users ORDER BY name", -1, &users, nullptr);
  sqlite3_prepare_v2(db, "SELECT id FROM orders WHERE created > ? AND user_id = ?", -1, &orders, nullptr);
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_reset(orders);
    sqlite3_bind_text(orders, 1, since, -1, SQLITE_STATIC);
    sqlite3_bind_int(orders, 2, sqlite3_column_int(users, 0));
    while (sqlite3_step(orders) == SQLITE_ROW) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:33: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-10]]:26: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
    }
  }
}
// NOTE-FIXES: sqlite3_prepare_v2(db, "SELECT user_id, id FROM orders WHERE created > ? AND user_id IN (SELECT value FROM json_each(?))", -1, &orders, nullptr);

//===--- Text the reader must not rewrite --------------------------------===//

// Appended to after it was set: the text is not one value, so the note is in
// words; and a key that is not compared with '='.
void notRewritten(pqxx::work &tx, bool open) {
  for (const auto &u : tx.exec("SELECT id FROM users ORDER BY name")) {
    std::string sql = "SELECT id FROM orders WHERE user_id = $1";
    if (open)
      sql += " AND status = 'open'";
    tx.exec_params(sql, u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:25: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
    tx.exec_params("SELECT id FROM orders WHERE user_id > $1 LIMIT 1", u[0].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-12]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:72: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
  }
}

//===--- How the outer rows are named --------------------------------------===//

// A schema-qualified table is named by its table; rows a WITH clause picks
// by the table it picks them from.
void billingRun(pqxx::work &tx) {
  for (const auto &c : tx.exec("SELECT id FROM billing.customers WHERE due"))
    tx.exec_params("SELECT sum(amount) FROM billing.invoices WHERE customer_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'customers' (N+1 queries); load the rows for all customers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'customers' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'customers' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:20: note: the row value 'c[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'customer_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by customer_id
                   c[0].as<int>());
  for (const auto &c : tx.exec("WITH late AS (SELECT id FROM customers WHERE "
                               "paid_at IS NULL) SELECT id FROM late"))
    tx.exec_params("SELECT email FROM contacts WHERE customer_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'customers' (N+1 queries); load the rows for all customers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'customers' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'customers' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:20: note: the row value 'c[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'customer_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by customer_id
                   c[0].as<int>());
}

// A table named in the singular reads as one: every creature.
void spawnAuras(pqxx::work &tx) {
  pqxx::result result = tx.exec("SELECT guid FROM creature WHERE map = 530");
  for (const auto &r : result)
    tx.exec_params("SELECT spell FROM creature_aura WHERE guid = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'result' (N+1 queries); load the rows for every creature in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:25: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:20: note: the row value 'r[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'guid = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by guid
                   r[0].as<int>());
}
