// sqlite3_exec's per-row callback handed over through a function pointer
// held elsewhere: a local assigned once, a runner's parameter every call in
// the file passes the same function for, or a field of a handler struct set
// once in this file. The pointer has one known target, so its queries run
// once per row of the exec's SELECT, as with a function named at the call.
// A pointer that can hold two functions is not followed. Real sqlite3.h.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*row_fn)(void *, int, char **, char **);

// The product import of a small shop back end.
struct importer {
  sqlite3 *db;
  row_fn on_row;
  int imported;
};

// Look-alike: a pointer to a callback that only counts the rows.
static int count_row(void *arg, int ncols, char **values, char **names) {
  (void)ncols;
  (void)values;
  (void)names;
  ++*(int *)arg;
  return 0;
}

int count_pending(sqlite3 *db) {
  int n = 0;
  row_fn on_row = count_row;
  sqlite3_exec(db, "SELECT id FROM products WHERE imported = 0", on_row, &n,
               NULL);
  return n;
}

// The N+1: the supplier of every product, read in the callback.
static int print_supplier(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  sqlite3_stmt *st = NULL;
  (void)ncols;
  (void)names;
  sqlite3_prepare_v2(db, "SELECT name FROM suppliers WHERE id = ?", -1, &st,
                     NULL);
  sqlite3_bind_int64(st, 1, atoll(values[1]));
  if (sqlite3_step(st) == SQLITE_ROW)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'products' (N+1 queries); load the rows for all products in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE+12]]:12: note: 'sqlite3_exec' runs 'print_supplier' once per row of 'products' here
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the row value 'atoll(values[1])' flows into the query's parameter here
  // CHECK-MESSAGES: :[[@LINE-7]]:26: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
  // CHECK-MESSAGES: :[[@LINE+9]]:29: note: or read both in one query: add 'LEFT JOIN suppliers ON suppliers.id = products.supplier_id' and its columns here
    printf("%s %s\n", values[0], (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return 0;
}

int print_catalogue(sqlite3 *db) {
  char *err = NULL;
  int (*on_row)(void *, int, char **, char **) = print_supplier;
  int rc = sqlite3_exec(db, "SELECT name, supplier_id FROM products", on_row,
                        db, &err);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "catalogue: %s\n", err);
    sqlite3_free(err);
  }
  return rc;
}

// A write per row through the importer's handler, set once in
// importer_init and run by importer_run.
static int mark_imported(void *arg, int ncols, char **values, char **names) {
  struct importer *imp = arg;
  sqlite3_stmt *st = NULL;
  (void)ncols;
  (void)names;
  sqlite3_prepare_v2(imp->db, "UPDATE products SET imported = 1 WHERE id = ?",
                     -1, &st, NULL);
  sqlite3_bind_int64(st, 1, atoll(values[0]));
  if (sqlite3_step(st) == SQLITE_DONE)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per row of 'staged_products' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE+16]]:10: note: 'sqlite3_exec' runs 'mark_imported' once per row of 'staged_products' here
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the row value 'atoll(values[0])' flows into the UPDATE's parameter here
  // CHECK-MESSAGES: :[[@LINE-7]]:31: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE+13]]:10: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    imp->imported++;
  sqlite3_finalize(st);
  return 0;
}

void importer_init(struct importer *imp, sqlite3 *db) {
  memset(imp, 0, sizeof *imp);
  imp->db = db;
  imp->on_row = mark_imported;
}

int importer_run(struct importer *imp) {
  return sqlite3_exec(imp->db, "SELECT id FROM staged_products", imp->on_row,
                      imp, NULL);
}

// The price of every listed product, through a runner the export passes
// its callback to: every call in the file passes print_price, so the
// runner's exec runs it per product.
static int print_price(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  sqlite3_stmt *st = NULL;
  (void)ncols;
  (void)names;
  sqlite3_prepare_v2(db, "SELECT amount FROM prices WHERE product_id = ?", -1,
                     &st, NULL);
  sqlite3_bind_int64(st, 1, atoll(values[1]));
  if (sqlite3_step(st) == SQLITE_ROW)
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per row of 'products' (N+1 queries); load the rows for all products in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE+9]]:10: note: 'sqlite3_exec' runs 'print_price' once per row of 'products' here
  // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the row value 'atoll(values[1])' flows into the query's parameter here
  // CHECK-MESSAGES: :[[@LINE-7]]:26: note: batch it: 'product_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by product_id
    printf("%s %.2f\n", values[0], sqlite3_column_double(st, 0));
  sqlite3_finalize(st);
  return 0;
}

static int run_export(sqlite3 *db, row_fn cb) {
  return sqlite3_exec(db, "SELECT name, id FROM products WHERE listed", cb, db,
                      NULL);
}

int export_catalogue(sqlite3 *db) { return run_export(db, print_price); }

//===--- Look-alikes that must stay silent -------------------------------===//

// Two targets: the pointer holds one or the other by a flag, and only one
// of them queries.
static int print_name(void *arg, int ncols, char **values, char **names) {
  (void)arg;
  (void)ncols;
  (void)names;
  printf("%s\n", values[0]);
  return 0;
}

int list_products(sqlite3 *db, int with_supplier) {
  row_fn on_row = print_name;
  if (with_supplier)
    on_row = print_supplier;
  return sqlite3_exec(db, "SELECT name, supplier_id FROM products", on_row, db,
                      NULL);
}

// A runner two callers pass different callbacks to: the stock lookup is
// not known to run per row here.
static int print_stock(void *arg, int ncols, char **values, char **names) {
  sqlite3 *db = arg;
  sqlite3_stmt *st = NULL;
  (void)ncols;
  (void)names;
  sqlite3_prepare_v2(db, "SELECT qty FROM stock WHERE product_id = ?", -1, &st,
                     NULL);
  sqlite3_bind_int64(st, 1, atoll(values[1]));
  if (sqlite3_step(st) == SQLITE_ROW)
    printf("%s %d\n", values[0], sqlite3_column_int(st, 0));
  sqlite3_finalize(st);
  return 0;
}

static int run_listing(sqlite3 *db, row_fn cb) {
  return sqlite3_exec(db, "SELECT name, id FROM products", cb, db, NULL);
}

int list_names(sqlite3 *db) { return run_listing(db, print_name); }
int list_stock(sqlite3 *db) { return run_listing(db, print_stock); }

// A report struct whose handler two setups set to different callbacks.
struct report {
  sqlite3 *db;
  row_fn print;
};

void report_plain(struct report *r, sqlite3 *db) {
  r->db = db;
  r->print = print_name;
}

void report_detailed(struct report *r, sqlite3 *db) {
  r->db = db;
  r->print = print_supplier;
}

int report_run(struct report *r) {
  return sqlite3_exec(r->db, "SELECT name, supplier_id FROM products",
                      r->print, r->db, NULL);
}
