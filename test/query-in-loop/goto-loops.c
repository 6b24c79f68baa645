// Loops C code builds with a backward goto over a query's rows (`next: if
// (sqlite3_step(s) != SQLITE_ROW) goto done; ...; goto next;`), and loops
// without a condition that a cursor step's exit ends (`for (;;) { if
// (sqlite3_step(s) != SQLITE_ROW) break; ... }`): each walks the rows, and
// a query per row is nplusone-query-in-loop, a write per row
// nplusone-write-in-loop. Look-alikes: forward gotos to a cleanup path, a
// goto back that retries one statement while the database is busy, a walk
// that only prints. All checks.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c11 -I/usr/include/mariadb

#include <mysql.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

// Look-alike first: forward gotos to one cleanup path, no loop.
int load_settings(sqlite3 *db, int *page_size, int *timeout) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(
      db, "SELECT page_size, timeout FROM settings WHERE id = 1", -1, &st,
      NULL);
  if (rc != SQLITE_OK)
    goto fail;
  rc = sqlite3_step(st);
  if (rc != SQLITE_ROW)
    goto fail;
  *page_size = sqlite3_column_int(st, 0);
  *timeout = sqlite3_column_int(st, 1);
  sqlite3_finalize(st);
  return 0;
fail:
  fprintf(stderr, "settings: %s\n", sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return -1;
}

// The nightly report: each user's orders read with a query of their own.
void print_order_totals(sqlite3 *db) {
  sqlite3_stmt *users = NULL, *orders = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id, name FROM users WHERE active = 1", -1,
                         &users, NULL) != SQLITE_OK)
    return;
next_user:
  if (sqlite3_step(users) != SQLITE_ROW)
    goto done;
  sqlite3_prepare_v2(db, "SELECT total FROM orders WHERE user_id = ?", -1,
                     &orders, NULL);
  sqlite3_bind_int(orders, 1, sqlite3_column_int(users, 0));
  double sum = 0;
  while (sqlite3_step(orders) == SQLITE_ROW)
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE-12]]:7: note: 'users' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-10]]:1: note: the loop over the rows of 'users' is here
  // CHECK-MESSAGES: :[[@LINE-6]]:31: note: the row value 'sqlite3_column_int(users, 0)' flows into the query's parameter here
  // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: 'user_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by user_id
    sum += sqlite3_column_double(orders, 0);
  sqlite3_finalize(orders);
  printf("%s: %.2f\n", sqlite3_column_text(users, 1), sum);
  goto next_user;
done:
  sqlite3_finalize(users);
}

// Look-alike: the same walk that only prints the rows.
void print_users(sqlite3 *db) {
  sqlite3_stmt *users = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id, name FROM users", -1, &users, NULL) !=
      SQLITE_OK)
    return;
again:
  if (sqlite3_step(users) == SQLITE_ROW) {
    printf("%d %s\n", sqlite3_column_int(users, 0),
           sqlite3_column_text(users, 1));
    goto again;
  }
  sqlite3_finalize(users);
}

// Closing resolved tickets one UPDATE at a time, with MariaDB.
void close_resolved(MYSQL *conn) {
  MYSQL_RES *res;
  MYSQL_ROW row;
  char sql[128];
  if (mysql_query(conn, "SELECT id FROM tickets WHERE status = 'resolved'"))
    return;
  res = mysql_store_result(conn);
  if (!res)
    return;
again:
  row = mysql_fetch_row(res);
  if (!row)
    goto out;
  snprintf(sql, sizeof sql,
           "UPDATE tickets SET status = 'closed' WHERE id = %s", row[0]);
  if (mysql_query(conn, sql))
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per row of 'res' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-13]]:7: note: 'res' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-9]]:1: note: the loop over the rows of 'res' is here
  // CHECK-MESSAGES: :[[@LINE-5]]:66: note: the row value 'row[0]' flows into the UPDATE's SQL text here
  // CHECK-MESSAGES: :[[@LINE-5]]:25: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
  // CHECK-MESSAGES: :[[@LINE-12]]:1: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
    goto out;
  goto again;
out:
  mysql_free_result(res);
}

static int stock_of(sqlite3 *db, int product_id) {
  sqlite3_stmt *st = NULL;
  int stock = 0;
  sqlite3_prepare_v2(db, "SELECT quantity FROM stock WHERE product_id = ?", -1,
                     &st, NULL);
  sqlite3_bind_int(st, 1, product_id);
  if (sqlite3_step(st) == SQLITE_ROW)
    stock = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return stock;
}

// A loop without a condition, ended by its cursor's exit.
int count_out_of_stock(sqlite3 *db) {
  sqlite3_stmt *products = NULL;
  int missing = 0;
  sqlite3_prepare_v2(db, "SELECT id FROM products WHERE listed = 1", -1,
                     &products, NULL);
  for (;;) {
    if (sqlite3_step(products) != SQLITE_ROW)
      break;
    if (stock_of(db, sqlite3_column_int(products, 0)) == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'products' (N+1 queries); load the rows for all products in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'products' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'products' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: the row value 'sqlite3_column_int(products, 0)' is passed to 'stock_of' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-20]]:7: note: 'stock_of' runs the query here
    // CHECK-MESSAGES: :[[@LINE-24]]:26: note: batch it: 'product_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by product_id
      missing++;
  }
  sqlite3_finalize(products);
  return missing;
}

// Look-alike: a goto back that steps one INSERT again while another
// connection holds the lock.
int insert_audit(sqlite3 *db, sqlite3_stmt *ins, int user_id) {
  int rc, tries = 0;
  sqlite3_bind_int(ins, 1, user_id);
retry:
  rc = sqlite3_step(ins);
  if (rc == SQLITE_BUSY && ++tries < 5) {
    sqlite3_sleep(50);
    sqlite3_reset(ins);
    goto retry;
  }
  sqlite3_reset(ins);
  if (rc != SQLITE_DONE)
    fprintf(stderr, "audit: %s\n", sqlite3_errmsg(db));
  return rc;
}
