/* The nightly report: the loops live here, the statements in dao.c. */
#include "dao.h"
#include <stdio.h>

/* Same name as dao.c's helper, but this one only formats. */
static int load(char *buf, size_t size, double value) {
  return snprintf(buf, size, "%.2f", value);
}

void report_customers(sqlite3 *db) {
  sqlite3_stmt *customers = NULL;
  char line[64];
  sqlite3_prepare_v2(db, "SELECT id, region, total FROM customers", -1,
                     &customers, NULL);
  while (sqlite3_step(customers) == SQLITE_ROW) {
    int id = sqlite3_column_int(customers, 0);
    int region = sqlite3_column_int(customers, 1);
    int orders = dao_count_orders(db, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per row of 'customers' (N+1 queries); load the rows for all customers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: 'customers' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'customers' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:39: note: the row value 'id' is passed to 'dao_count_orders' here and reaches its query
    // CHECK-MESSAGES: dao.c:19:10: note: 'dao_count_orders' calls 'load' here
    // CHECK-MESSAGES: dao.c:12:7: note: 'load' runs the query here
    // CHECK-MESSAGES: dao.c:19:19: note: batch it: 'customer_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by customer_id
    load(line, sizeof line,
         sqlite3_column_double(customers, 2) * (1 + dao_tax_rate(region)));
    printf("%d %d %s\n", id, orders, line);
  }
  sqlite3_finalize(customers);
}

void mark_seen(sqlite3 *db, const int *ids, int count) {
  for (int i = 0; i < count; ++i)
    dao_touch_customer(db, ids[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of the loop (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
  // CHECK-MESSAGES: :[[@LINE-3]]:28: note: the element value 'ids[i]' is passed to 'dao_touch_customer' here and reaches its UPDATE
  // CHECK-MESSAGES: dao.c:39:3: note: 'dao_touch_customer' runs the UPDATE here
  // CHECK-MESSAGES: dao.c:36:26: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
}

int count_known(sqlite3 *db, const char *const *emails, int count) {
  int known = 0;
  for (int i = 0; i < count; ++i)
    known += dao_customer_exists(db, emails[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
  // CHECK-MESSAGES: :[[@LINE-3]]:38: note: the element value 'emails[i]' is passed to 'dao_customer_exists' here and reaches its query
  // CHECK-MESSAGES: dao.c:29:11: note: 'dao_customer_exists' runs the query here
  // CHECK-MESSAGES: dao.c:26:26: note: batch it: 'email IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by email
  return known;
}

void print_regions(sqlite3 *db, int count) {
  for (int i = 0; i < count; ++i)
    printf("%d\n", dao_default_region(db));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: query runs once per element of the loop but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
  // CHECK-MESSAGES: dao.c:44:10: note: 'dao_default_region' calls 'load' here
  // CHECK-MESSAGES: dao.c:12:7: note: 'load' runs the query here
  // CHECK-MESSAGES: :[[@LINE-5]]:20: note: hoist it: run the query once before the loop and reuse its result
}
