// Options: Libraries, SqlDialect and MaxCallDepth, good and bad values, read
// with clang-tidy's local-or-global lookup.
// RUN: %check_nplusone --checks=nplusone-query-in-loop --messages-prefix=PQXX-ONLY --fix=none \
// RUN:   --config="{CheckOptions: [{key: Libraries, value: 'pqxx'}]}" %s %t-1 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --messages-prefix=DIALECT --fixes-prefix=DIALECT-FIXES \
// RUN:   --config="{CheckOptions: [{key: nplusone-query-in-loop.SqlDialect, value: sqlite}]}" %s %t-2 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --messages-prefix=BAD --fix=none \
// RUN:   --config="{CheckOptions: [{key: MaxCallDepth, value: 'deep'}, {key: SqlDialect, value: oracle}, {key: Libraries, value: 'pqxx;mongo;sqlite3'}]}" %s %t-3 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --messages-prefix=EMPTY --fix=none \
// RUN:   --config="{CheckOptions: [{key: Libraries, value: ' ; '}, {key: MaxCallDepth, value: ''}, {key: SqlDialect, value: ''}]}" %s %t-5 -- -- -std=c++17
// RUN: %check_nplusone --checks=nplusone-query-in-loop --messages-prefix=ZERO --fix=none \
// RUN:   --config="{CheckOptions: [{key: MaxCallDepth, value: 0}]}" %s %t-4 -- -- -std=c++17

// Each bad value is reported once, by name, and the default is used.
// BAD: warning: invalid value 'deep' for option 'MaxCallDepth': expected a non-negative integer; using 8 [clang-tidy-config]
// BAD: warning: invalid value 'mongo' for option 'Libraries': unknown library; known libraries: pqxx, libpq, userver, sqlite3, sqlitecpp, sqlite_orm, mysql, mysql-connector, mysqlx, qt, soci, poco, cppdb, odbc, nanodbc, sqlpp11, odb, wt-dbo, drogon, hiredis, redis-plus-plus, mongocxx [clang-tidy-config]
// BAD: warning: invalid value 'oracle' for option 'SqlDialect': expected auto, postgresql, sqlite, mysql or generic; using auto [clang-tidy-config]
// EMPTY: warning: invalid value ' ; ' for option 'Libraries': expected library names separated by ';'; using all [clang-tidy-config]
// EMPTY: warning: invalid value '' for option 'MaxCallDepth': expected a non-negative integer; using 8 [clang-tidy-config]
// EMPTY: warning: invalid value '' for option 'SqlDialect': expected auto, postgresql, sqlite, mysql or generic; using auto [clang-tidy-config]

#include <pqxx/pqxx>
#include <sqlite3.h>

static void ordersOf(pqxx::work &tx, int id) {
  tx.exec_params("SELECT * FROM orders WHERE user_id = $1", id);
}

void pqxxLoop(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    tx.exec_params("SELECT * FROM carts WHERE user_id = $1", u[0].as<int>());
    // PQXX-ONLY: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // PQXX-ONLY: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // PQXX-ONLY: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // PQXX-ONLY: :[[@LINE-4]]:62: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // PQXX-ONLY: :[[@LINE-5]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // PQXX-ONLY: :[[@LINE-7]]:32: note: or read both in one query: add 'LEFT JOIN carts ON carts.user_id = users.id' and its columns here
    // DIALECT: :[[@LINE-7]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DIALECT: :[[@LINE-9]]:24: note: 'users' is the result of the query here
    // DIALECT: :[[@LINE-10]]:3: note: the loop over the rows of 'users' is here
    // DIALECT: :[[@LINE-10]]:62: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // DIALECT: :[[@LINE-11]]:20: note: batch it: 'user_id IN (SELECT value FROM json_each($1))' with the keys as one JSON array, then group the rows by user_id
    // DIALECT: :[[@LINE-13]]:32: note: or read both in one query: add 'LEFT JOIN carts ON carts.user_id = users.id' and its columns here
    // BAD: :[[@LINE-13]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // BAD: :[[@LINE-15]]:24: note: 'users' is the result of the query here
    // BAD: :[[@LINE-16]]:3: note: the loop over the rows of 'users' is here
    // BAD: :[[@LINE-16]]:62: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // BAD: :[[@LINE-17]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // BAD: :[[@LINE-19]]:32: note: or read both in one query: add 'LEFT JOIN carts ON carts.user_id = users.id' and its columns here
    // ZERO: :[[@LINE-19]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // ZERO: :[[@LINE-21]]:24: note: 'users' is the result of the query here
    // ZERO: :[[@LINE-22]]:3: note: the loop over the rows of 'users' is here
    // ZERO: :[[@LINE-22]]:62: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // ZERO: :[[@LINE-23]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // ZERO: :[[@LINE-25]]:32: note: or read both in one query: add 'LEFT JOIN carts ON carts.user_id = users.id' and its columns here
    // EMPTY: :[[@LINE-25]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // EMPTY: :[[@LINE-27]]:24: note: 'users' is the result of the query here
    // EMPTY: :[[@LINE-28]]:3: note: the loop over the rows of 'users' is here
    // EMPTY: :[[@LINE-28]]:62: note: the row value 'u[0].as<int>()' flows into the query's parameter here
    // EMPTY: :[[@LINE-29]]:20: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // EMPTY: :[[@LINE-31]]:32: note: or read both in one query: add 'LEFT JOIN carts ON carts.user_id = users.id' and its columns here
    // DIALECT-FIXES: tx.exec_params("SELECT * FROM carts WHERE user_id IN (SELECT value FROM json_each($1))", u[0].as<int>());
    ordersOf(tx, u[0].as<int>());
    // PQXX-ONLY: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // PQXX-ONLY: :[[@LINE-35]]:24: note: 'users' is the result of the query here
    // PQXX-ONLY: :[[@LINE-36]]:3: note: the loop over the rows of 'users' is here
    // PQXX-ONLY: :[[@LINE-4]]:18: note: the row value 'u[0].as<int>()' is passed to 'ordersOf' here and reaches its query
    // PQXX-ONLY: :[[@LINE-42]]:3: note: 'ordersOf' runs the query here
    // PQXX-ONLY: :[[@LINE-43]]:18: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // PQXX-ONLY: :[[@LINE-40]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    // DIALECT: :[[@LINE-8]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // DIALECT: :[[@LINE-42]]:24: note: 'users' is the result of the query here
    // DIALECT: :[[@LINE-43]]:3: note: the loop over the rows of 'users' is here
    // DIALECT: :[[@LINE-11]]:18: note: the row value 'u[0].as<int>()' is passed to 'ordersOf' here and reaches its query
    // DIALECT: :[[@LINE-49]]:3: note: 'ordersOf' runs the query here
    // DIALECT: :[[@LINE-50]]:18: note: batch it: 'user_id IN (SELECT value FROM json_each($1))' with the keys as one JSON array, then group the rows by user_id
    // DIALECT: :[[@LINE-47]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    // BAD: :[[@LINE-15]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // BAD: :[[@LINE-49]]:24: note: 'users' is the result of the query here
    // BAD: :[[@LINE-50]]:3: note: the loop over the rows of 'users' is here
    // BAD: :[[@LINE-18]]:18: note: the row value 'u[0].as<int>()' is passed to 'ordersOf' here and reaches its query
    // BAD: :[[@LINE-56]]:3: note: 'ordersOf' runs the query here
    // BAD: :[[@LINE-57]]:18: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // BAD: :[[@LINE-54]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    // EMPTY: :[[@LINE-22]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // EMPTY: :[[@LINE-56]]:24: note: 'users' is the result of the query here
    // EMPTY: :[[@LINE-57]]:3: note: the loop over the rows of 'users' is here
    // EMPTY: :[[@LINE-25]]:18: note: the row value 'u[0].as<int>()' is passed to 'ordersOf' here and reaches its query
    // EMPTY: :[[@LINE-63]]:3: note: 'ordersOf' runs the query here
    // EMPTY: :[[@LINE-64]]:18: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
    // EMPTY: :[[@LINE-61]]:32: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
  }
}

void sqliteLoop(sqlite3 *db, sqlite3_stmt *users, sqlite3_stmt *orders) {
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_bind_int(orders, 1, sqlite3_column_int(users, 0));
    sqlite3_step(orders);
    // DIALECT: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // DIALECT: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // DIALECT: :[[@LINE-4]]:33: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's parameter here
    // DIALECT: :[[@LINE-4]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    // BAD: :[[@LINE-5]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // BAD: :[[@LINE-8]]:3: note: the loop over the rows of 'users' is here
    // BAD: :[[@LINE-8]]:33: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's parameter here
    // BAD: :[[@LINE-8]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    // ZERO: :[[@LINE-9]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // ZERO: :[[@LINE-12]]:3: note: the loop over the rows of 'users' is here
    // ZERO: :[[@LINE-12]]:33: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's parameter here
    // ZERO: :[[@LINE-12]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    // EMPTY: :[[@LINE-13]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // EMPTY: :[[@LINE-16]]:3: note: the loop over the rows of 'users' is here
    // EMPTY: :[[@LINE-16]]:33: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's parameter here
    // EMPTY: :[[@LINE-16]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    sqlite3_reset(orders);
  }
}
