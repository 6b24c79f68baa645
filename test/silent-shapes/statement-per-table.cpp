// Loops whose SQL text changes, not a key in it: one statement per table
// (its name concatenated, printed, or quoted in backticks), per
// schema-migration step, per DDL command read from a file, and loops over
// a list written in the source or counted to a constant. `IN (...)` cannot
// batch them, and their count follows the schema, not the data. Session
// commands (SET, LOCK, SAVEPOINT, COMMIT) neither read rows nor write them. A
// row value concatenated into a condition is a key, and stays reported.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql -I/usr/include/mariadb

#include <pqxx/pqxx>
#include <cstdio>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <mysql.h>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <vector>

// A row count for every table of a schema.
void tableSizes(pqxx::work &tx) {
  for (const auto &t : tx.exec("SELECT table_name FROM information_schema.tables "
                               "WHERE table_schema = 'public'")) {
    std::string name = t[0].as<std::string>();
    pqxx::row n = tx.exec1("SELECT count(*) FROM " + tx.quote_name(name));
    (void)n;
  }
}

// A fixed list of tables emptied before a test run.
void resetFixtures(pqxx::work &tx) {
  for (const char *table : {"order_items", "orders", "users"})
    tx.exec(std::string("TRUNCATE TABLE ") + table + " CASCADE");
}

static const char *const kAuditTables[] = {"audit_login", "audit_export",
                                           "audit_admin"};

void pruneAudit(pqxx::work &tx) {
  for (const char *table : kAuditTables)
    tx.exec(std::string("DELETE FROM ") + table +
            " WHERE at < now() - interval '90 days'");
}

// Schema migrations: each step is a statement of its own.
struct Migration {
  int version;
  std::vector<std::string> statements;
};

void migrate(sqlite3 *db, const std::vector<Migration> &steps) {
  for (const Migration &m : steps)
    for (const std::string &stmt : m.statements)
      sqlite3_exec(db, stmt.c_str(), nullptr, nullptr, nullptr);
}

// One database attached per file.
void attachShards(sqlite3 *db, const std::vector<std::string> &files) {
  for (size_t i = 0; i < files.size(); ++i) {
    std::string sql = "ATTACH DATABASE '" + files[i] + "' AS shard" +
                      std::to_string(i);
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  }
}

// Session commands: the search path per tenant schema, a savepoint per
// batch, a commit every thousand rows.
void perTenant(pqxx::work &tx, const std::vector<std::string> &schemas) {
  for (const std::string &schema : schemas) {
    tx.exec("SET search_path TO " + tx.quote_name(schema));
    tx.exec("SAVEPOINT tenant");
    tx.exec("RELEASE SAVEPOINT tenant");
  }
}

//===--- The nearest N+1: the row value is a key in the condition ---------===//

void ordersPerUser(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id FROM users")) {
    std::string id = u[0].as<std::string>();
    tx.exec("SELECT total FROM orders WHERE user_id = " + tx.quote(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:59: note: the row value 'tx.quote(id)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
  }
}

//===--- Table names appended to a buffer or printed into one ----------===//

// An ops report: the row count of every partition, the statement text
// built first, then run.
void partitionSizes(pqxx::work &tx) {
  pqxx::result parts = tx.exec(
      "SELECT inhrelid::regclass::text FROM pg_inherits "
      "WHERE inhparent = 'events'::regclass");
  for (const auto &p : parts) {
    std::string q = "SELECT count(*) FROM ";
    q += p[0].c_str();
    tx.exec(q);
  }
}

// Dead rows per table for the vacuum report, the statement streamed into an
// ostringstream: the table name is quoted into the FROM clause.
void deadRows(pqxx::work &tx) {
  for (const auto &t : tx.exec("SELECT relname FROM pg_stat_user_tables "
                               "WHERE n_dead_tup > 1000")) {
    std::ostringstream sql;
    sql << "SELECT count(*) FROM " << tx.quote_name(t[0].as<std::string>())
        << " WHERE xmax <> 0";
    tx.exec(sql.str());
  }
}

// The same with SQLite's attached shards, printed into a buffer.
void shardSizes(sqlite3 *db) {
  sqlite3_stmt *shards = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM pragma_database_list", -1, &shards,
                     nullptr);
  while (sqlite3_step(shards) == SQLITE_ROW) {
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s.users",
             reinterpret_cast<const char *>(sqlite3_column_text(shards, 0)));
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(shards);
}

// The nearest N+1: the row appended or printed as a key.
void ordersPerCustomer(pqxx::work &tx) {
  for (const auto &c : tx.exec("SELECT id FROM customers")) {
    std::string q = "SELECT total FROM orders WHERE customer_id = ";
    q += c[0].c_str();
    tx.exec(q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'customers' (N+1 queries); load the rows for all customers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:24: note: 'customers' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'customers' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:10: note: the row value 'c[0].c_str()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
  }
}

void unpaidPerCustomer(pqxx::work &tx) {
  for (const auto &c : tx.exec("SELECT id FROM customers")) {
    std::ostringstream sql;
    sql << "SELECT count(*) FROM invoices WHERE paid_at IS NULL AND "
        << "customer_id = " << c[0].as<long>();
    tx.exec(sql.str());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'customers' (N+1 queries); load the rows for all customers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:24: note: 'customers' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'customers' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: the row value 'c[0].as<long>()' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
  }
}

void sessionsPerUser(sqlite3 *db) {
  sqlite3_stmt *users = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM users", -1, &users, nullptr);
  while (sqlite3_step(users) == SQLITE_ROW) {
    char sql[128];
    snprintf(sql, sizeof sql, "DELETE FROM sessions WHERE user_id = %d",
             sqlite3_column_int(users, 0));
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: the row value 'sqlite3_column_int(users, 0)' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
  sqlite3_finalize(users);
}

//===--- Counted loops over a fixed count ---------------------------------===//

// The default labels of a new database, inserted by index into a list
// written in the source: six statements, whatever the data.
static const char *const kDefaultLabels[] = {"Important", "Work", "Personal",
                                             "To Do", "Later", "Amusing"};

void createDefaultLabels(sqlite3 *db) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO labels(name, position) VALUES (?, ?)",
                     -1, &ins, nullptr);
  for (int i = 0; i < 6; i++) {
    sqlite3_bind_text(ins, 1, kDefaultLabels[i], -1, SQLITE_STATIC);
    sqlite3_bind_int(ins, 2, i);
    sqlite3_step(ins);
    sqlite3_reset(ins);
    long long id = sqlite3_last_insert_rowid(db);
    char sql[96];
    snprintf(sql, sizeof sql, "UPDATE labels SET num = %lld WHERE id = %lld",
             id, id);
    sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(ins);
}

// One statistics table per shard, the count taken from the array.
static const char *const kShards[] = {"eu", "us", "apac"};

void shardTotals(pqxx::work &tx) {
  for (size_t s = 0; s < sizeof kShards / sizeof kShards[0]; ++s)
    tx.exec_params("SELECT sum(amount) FROM payments WHERE region = $1",
                   kShards[s]);
}

// The nearest shapes that stay reported: the first ten rows of a result,
// each looked up on its own; and a read that takes nothing from the fixed
// list, run again for every entry.
void topTenCustomers(PGconn *conn) {
  PGresult *top = PQexec(conn, "SELECT id FROM customers ORDER BY spent DESC");
  for (int i = 0; i < 10 && i < PQntuples(top); i++) {
    const char *id = PQgetvalue(top, i, 0);
    PGresult *orders = PQexecParams(
        conn, "SELECT count(*) FROM orders WHERE customer_id = $1", 1, nullptr,
        &id, nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-3]]:24: warning: query runs once per row of 'top' (N+1 queries); load the rows for all customers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:19: note: 'top' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'top' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:10: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:15: note: batch it: 'customer_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by customer_id
    PQclear(orders);
  }
  PQclear(top);
}

void pruneWithRetention(pqxx::work &tx) {
  for (const char *table : {"audit_login", "audit_export"}) {
    pqxx::row keep = tx.exec1("SELECT value FROM settings WHERE name = 'retention'");
    // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: query runs once per element of the loop but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:22: note: hoist it: run the query once before the loop and reuse its result
    tx.exec_params(std::string("DELETE FROM ") + table +
                       " WHERE at < now() - $1::interval",
                   keep[0].as<std::string>());
  }
}

//===--- MySQL table maintenance, the name quoted in backticks ----------===//

bool runQuery(MYSQL *conn, const std::string &sql) {
  return mysql_real_query(conn, sql.data(), sql.size()) == 0;
}

// A game server's startup: every table with free space is optimized, by the
// name information_schema gave, quoted in backticks.
void optimizeTables(MYSQL *conn, const std::vector<std::string> &tables) {
  for (const std::string &table : tables)
    runQuery(conn, fmt::format("OPTIMIZE TABLE `{:s}`", table));
}

// The nearest N+1: a name quoted as a string is a value, a key.
void lockAccounts(MYSQL *conn, const std::vector<std::string> &names) {
  for (const std::string &name : names)
    runQuery(conn, fmt::format(
                       "UPDATE accounts SET locked = 1 WHERE name = '{:s}'",
                       name));
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: UPDATE runs once per element of 'names' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'names' is here
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: the element value 'fmt::format( "UPDATE accounts SET locked = 1 WHERE name =...' is passed to 'runQuery' here and reaches its UPDATE
  // CHECK-MESSAGES: :[[@LINE-19]]:10: note: 'runQuery' runs the UPDATE here
  // CHECK-MESSAGES: :[[@LINE-7]]:20: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
  // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
}
