// sqlite3_exec with a callback: SQLite calls the callback once per row of
// the SELECT it runs, the row's text values in its `values` parameter. A
// query or write the callback runs is one per row; a loop in it over the
// tags of one row runs a query per element. All checks, real sqlite3.h.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The order report of a small shop back end.
struct report {
  sqlite3 *db;
  int lines;
};

struct order_row {
  long id;
  char status[16];
};

// Look-alike: the callback only copies the row into a struct.
static int copy_order(void *arg, int ncols, char **values, char **names) {
  struct order_row *out = arg;
  (void)ncols;
  (void)names;
  out->id = atol(values[0]);
  snprintf(out->status, sizeof out->status, "%s", values[1]);
  return 0;
}

int load_order(sqlite3 *db, long id, struct order_row *out) {
  char sql[96];
  snprintf(sql, sizeof sql, "SELECT id, status FROM orders WHERE id = %ld", id);
  return sqlite3_exec(db, sql, copy_order, out, NULL);
}

// The N+1: the customer of every order, read in the callback.
static int print_order(void *arg, int ncols, char **values, char **names) {
  struct report *r = arg;
  sqlite3_stmt *customer = NULL;
  (void)ncols;
  (void)names;
  sqlite3_prepare_v2(r->db, "SELECT name FROM customers WHERE id = ?", -1,
                     &customer, NULL);
  sqlite3_bind_int64(customer, 1, atoll(values[1]));
  if (sqlite3_step(customer) == SQLITE_ROW)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE+12]]:7: note: 'sqlite3_exec' runs 'print_order' once per row of 'orders' here
  // CHECK-MESSAGES: :[[@LINE-4]]:35: note: the row value 'atoll(values[1])' flows into the query's parameter here
  // CHECK-MESSAGES: :[[@LINE-7]]:29: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
    printf("%s %s\n", values[0], (const char *)sqlite3_column_text(customer, 0));
  sqlite3_finalize(customer);
  r->lines++;
  return 0;
}

int print_open_orders(sqlite3 *db) {
  struct report r = {db, 0};
  char *err = NULL;
  if (sqlite3_exec(db, "SELECT id, customer_id FROM orders WHERE status = 'open'",
                   print_order, &r, &err) != SQLITE_OK) {
    fprintf(stderr, "orders: %s\n", err);
    sqlite3_free(err);
    return -1;
  }
  return r.lines;
}

// A write per row: each shipped order is archived by its own UPDATE.
static int archive_order(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  sqlite3_stmt *st = NULL;
  (void)ncols;
  (void)names;
  sqlite3_prepare_v2(db, "UPDATE orders SET archived = 1 WHERE id = ?", -1, &st,
                     NULL);
  sqlite3_bind_int64(st, 1, atoll(values[0]));
  sqlite3_step(st);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: UPDATE runs once per row of 'orders' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE+9]]:3: note: 'sqlite3_exec' runs 'archive_order' once per row of 'orders' here
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the row value 'atoll(values[0])' flows into the UPDATE's parameter here
  // CHECK-MESSAGES: :[[@LINE-7]]:26: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE+6]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  sqlite3_finalize(st);
  return 0;
}

void archive_shipped(sqlite3 *db) {
  sqlite3_exec(db, "SELECT id FROM orders WHERE status = 'shipped'",
               archive_order, db, NULL);
}

// A loop in the callback over the comma-separated tags of one product:
// a query per tag.
static int index_tags(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  char tags[256];
  (void)ncols;
  (void)names;
  snprintf(tags, sizeof tags, "%s", values[1] ? values[1] : "");
  for (char *tag = strtok(tags, ","); tag; tag = strtok(NULL, ",")) {
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT id FROM tags WHERE name = ?", -1, &st, NULL);
    sqlite3_bind_text(st, 1, tag, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the element value 'tag' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:28: note: batch it: 'name IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by name
      printf("%s -> %d\n", values[0], sqlite3_column_int(st, 0));
    sqlite3_finalize(st);
  }
  return 0;
}

void print_product_tags(sqlite3 *db) {
  sqlite3_exec(db, "SELECT id, tags FROM products", index_tags, db, NULL);
}

// The same settings read for every row: run it once before the exec.
static int print_price(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  (void)ncols;
  (void)names;
  sqlite3_exec(db, "SELECT value FROM settings WHERE key = 'currency'", NULL,
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: query runs once per row of 'products' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
  // CHECK-MESSAGES: :[[@LINE+8]]:3: note: 'sqlite3_exec' runs 'print_price' once per row of 'products' here
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: hoist it: run the query once before the loop and reuse its result
               NULL, NULL);
  printf("%s %s\n", values[0], values[1]);
  return 0;
}

void print_prices(sqlite3 *db) {
  sqlite3_exec(db, "SELECT name, price FROM products", print_price, db, NULL);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// A schema script run without a callback, and a DELETE, which returns no
// rows: its callback never runs.
static int log_row(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  (void)ncols;
  (void)names;
  sqlite3_exec(db, "INSERT INTO audit(msg) VALUES ('row')", NULL, NULL, NULL);
  printf("%s\n", values[0]);
  return 0;
}

int create_schema(sqlite3 *db) {
  if (sqlite3_exec(db,
                   "CREATE TABLE IF NOT EXISTS audit(msg TEXT);"
                   "CREATE INDEX IF NOT EXISTS audit_msg ON audit(msg);",
                   NULL, NULL, NULL) != SQLITE_OK)
    return -1;
  return sqlite3_exec(db, "DELETE FROM audit WHERE msg IS NULL", log_row, db,
                      NULL);
}

// The newest order only (LIMIT 1): its callback runs at most once.
void print_latest_order(sqlite3 *db) {
  struct report r = {db, 0};
  sqlite3_exec(db, "SELECT id, customer_id FROM orders ORDER BY id DESC LIMIT 1",
               print_order, &r, NULL);
}

// The callback counts rows; the query after the exec runs once.
static int count_row(void *arg, int ncols, char **values, char **names) {
  (void)ncols;
  (void)values;
  (void)names;
  ++*(int *)arg;
  return 0;
}

int count_customers(sqlite3 *db) {
  int n = 0;
  sqlite3_exec(db, "SELECT id FROM customers", count_row, &n, NULL);
  sqlite3_exec(db, "UPDATE stats SET customers = customers + 1", NULL, NULL,
               NULL);
  return n;
}
