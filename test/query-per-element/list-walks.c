// Element loops of the shapes C code walks a list with: a do/while, a list
// popped node by node, an iterator function in the condition, and a counter
// that looks up one item per value until the lookup finds none. These lists
// come from callers, not from a query, so a lookup per node is
// nplusone-query-per-element and a write per node is nplusone-write-in-loop,
// per element. Look-alikes: walks that only print or free, a query that
// takes nothing of the element, pages and retries. All checks.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

struct customer {
  int id;
  int region_id;
  char email[128];
  struct customer *next;
};

struct customer_iter {
  struct customer *cur;
};

static struct customer *customer_next(struct customer_iter *it) {
  struct customer *c = it->cur;
  if (c)
    it->cur = c->next;
  return c;
}

static double open_balance(sqlite3 *db, int customer_id) {
  sqlite3_stmt *st = NULL;
  double balance = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT balance FROM accounts WHERE customer_id = ?",
                         -1, &st, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_int(st, 1, customer_id);
  if (sqlite3_step(st) == SQLITE_ROW)
    balance = sqlite3_column_double(st, 0);
  sqlite3_finalize(st);
  return balance;
}

// Look-alike: a do/while that only prints the list.
void print_customers(const struct customer *head) {
  const struct customer *c = head;
  if (!c)
    return;
  do {
    printf("%d <%s>\n", c->id, c->email);
    c = c->next;
  } while (c);
}

// The dunning run: one balance lookup per customer a caller collected.
void send_reminders(sqlite3 *db, struct customer *due, FILE *out) {
  struct customer *c = due;
  if (!c)
    return;
  do {
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT balance FROM accounts WHERE customer_id = ?",
                       -1, &st, NULL);
    sqlite3_bind_int(st, 1, c->id);
    if (sqlite3_step(st) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per element of 'due' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the elements of 'due' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the element value 'c->id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-7]]:28: note: batch it: 'customer_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by customer_id
      fprintf(out, "%s owes %.2f\n", c->email, sqlite3_column_double(st, 0));
    sqlite3_finalize(st);
    c = c->next;
  } while (c);
}

// The same walk with the link followed in the condition.
double total_open(sqlite3 *db, struct customer *head) {
  double total = 0;
  struct customer *c = head;
  if (!c)
    return 0;
  do
    total += open_balance(db, c->id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: query runs once per element of 'head' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'head' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:31: note: the element value 'c->id' is passed to 'open_balance' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-49]]:7: note: 'open_balance' runs the query here
    // CHECK-MESSAGES: :[[@LINE-54]]:26: note: batch it: 'customer_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by customer_id
  while ((c = c->next) != NULL);
  return total;
}

// A work list popped node by node: each account closed with its own DELETE.
void close_accounts(sqlite3 *db, struct customer **pending) {
  char sql[128];
  while (*pending) {
    struct customer *c = *pending;
    *pending = c->next;
    snprintf(sql, sizeof sql, "DELETE FROM accounts WHERE customer_id = %d",
             c->id);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per element of 'pending' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the elements of 'pending' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:14: note: the element value 'c->id' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    free(c);
  }
}

// Look-alike: popping the list only frees it.
void free_customers(struct customer **list) {
  while (*list) {
    struct customer *c = *list;
    *list = c->next;
    free(c);
  }
}

// An iterator function hands out the next customer.
void print_statements(sqlite3 *db, struct customer *head) {
  struct customer_iter it = {head};
  struct customer *c;
  while ((c = customer_next(&it)))
    printf("%s: %.2f\n", c->email, open_balance(db, c->id));
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: query runs once per element of 'it' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'it' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:53: note: the element value 'c->id' is passed to 'open_balance' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-91]]:7: note: 'open_balance' runs the query here
    // CHECK-MESSAGES: :[[@LINE-96]]:26: note: batch it: 'customer_id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by customer_id
}

// Look-alike: the query in the iterator loop takes nothing of the
// customer, so it is no query per element.
void print_in_euro(sqlite3 *db, struct customer *head) {
  struct customer_iter it = {head};
  struct customer *c;
  while ((c = customer_next(&it))) {
    sqlite3_stmt *fx = NULL;
    double rate = 1;
    sqlite3_prepare_v2(db, "SELECT rate FROM fx_rates WHERE currency = 'EUR'",
                       -1, &fx, NULL);
    if (sqlite3_step(fx) == SQLITE_ROW)
      rate = sqlite3_column_double(fx, 0);
    sqlite3_finalize(fx);
    printf("%s: %.2f EUR\n", c->email, rate * 100);
  }
}

// Invoices are numbered 1, 2, 3, ... per customer: each number is looked up
// with a query of its own until one is missing, and each invoice found is
// marked sent with a write of its own.
void mark_invoices_sent(sqlite3 *db, int customer_id) {
  for (int n = 1;; n++) {
    sqlite3_stmt *inv = NULL;
    char sql[96];
    sqlite3_prepare_v2(
        db, "SELECT id FROM invoices WHERE customer_id = ? AND seq = ?", -1,
        &inv, NULL);
    sqlite3_bind_int(inv, 1, customer_id);
    sqlite3_bind_int(inv, 2, n);
    if (sqlite3_step(inv) != SQLITE_ROW) {
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the element value 'n' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:13: note: batch it: 'seq IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by seq
      sqlite3_finalize(inv);
      break;
    }
    snprintf(sql, sizeof sql, "UPDATE invoices SET sent = 1 WHERE id = %d",
             sqlite3_column_int(inv, 0));
    sqlite3_finalize(inv);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of the loop (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-21]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: the element value 'sqlite3_column_int(inv, 0)' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-24]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
}

// Look-alike: a page of 50 invoices per iteration, walked row by row; the
// loop ends on an empty page.
void export_invoices(sqlite3 *db, FILE *out) {
  for (int page = 0;; page++) {
    sqlite3_stmt *st = NULL;
    int rows = 0;
    sqlite3_prepare_v2(
        db, "SELECT id, total FROM invoices ORDER BY id LIMIT 50 OFFSET ?", -1,
        &st, NULL);
    sqlite3_bind_int(st, 1, page * 50);
    while (sqlite3_step(st) == SQLITE_ROW) {
      fprintf(out, "%d,%.2f\n", sqlite3_column_int(st, 0),
              sqlite3_column_double(st, 1));
      rows++;
    }
    sqlite3_finalize(st);
    if (rows == 0)
      break;
  }
}

// Look-alike: a retry while another connection holds the lock.
int record_login(sqlite3 *db, int customer_id) {
  char sql[128];
  snprintf(sql, sizeof sql,
           "UPDATE customers SET last_login = CURRENT_TIMESTAMP WHERE id = %d",
           customer_id);
  for (int attempt = 1;; attempt++) {
    int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_BUSY || attempt == 5)
      return rc;
    sqlite3_sleep(100 * attempt);
  }
}
