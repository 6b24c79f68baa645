// Element loops of the MySQL/MariaDB C API on the real Debian libmariadb-dev
// headers (<mysql.h>), compiled as C: an iterator function in a loop's
// condition walking a cursor a helper opened on a query's result (its rows
// are traced: a lookup per element is a query per row), and a counter loop
// that runs a query per number until one returns no row.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11 -I/usr/include/mariadb

#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The newsletter job of a shop back end.
struct subscriber {
  long id;
  const char *email;
};

struct subscriber_cursor {
  MYSQL_RES *res;
  struct subscriber current;
};

// Opens the cursor on the subscribers of one list.
static int subscribers_open(MYSQL *conn, struct subscriber_cursor *cur,
                            long list_id) {
  char sql[128];
  snprintf(sql, sizeof sql,
           "SELECT id, email FROM subscribers WHERE list_id = %ld", list_id);
  if (mysql_query(conn, sql))
    return -1;
  cur->res = mysql_store_result(conn);
  return cur->res ? 0 : -1;
}

// Hands out the next subscriber, NULL after the last.
static struct subscriber *subscribers_next(struct subscriber_cursor *cur) {
  MYSQL_ROW row = mysql_fetch_row(cur->res);
  if (!row)
    return NULL;
  cur->current.id = atol(row[0]);
  cur->current.email = row[1];
  return &cur->current;
}

static void subscribers_close(struct subscriber_cursor *cur) {
  mysql_free_result(cur->res);
}

// Look-alike: the iterator loop only prints the subscribers.
void print_subscribers(MYSQL *conn, long list_id) {
  struct subscriber_cursor cur;
  struct subscriber *s;
  if (subscribers_open(conn, &cur, list_id))
    return;
  while ((s = subscribers_next(&cur)))
    printf("%ld %s\n", s->id, s->email);
  subscribers_close(&cur);
}

// The N+1: the unsubscribe token of every subscriber, one query each.
void send_newsletter(MYSQL *conn, long list_id) {
  struct subscriber_cursor cur;
  struct subscriber *s;
  if (subscribers_open(conn, &cur, list_id))
    return;
  while ((s = subscribers_next(&cur))) {
    char sql[128];
    MYSQL_RES *tok;
    MYSQL_ROW t;
    snprintf(sql, sizeof sql,
             "SELECT token FROM unsubscribe_tokens WHERE subscriber_id = %ld",
             s->id);
    if (mysql_query(conn, sql))
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'cur' (N+1 queries); load the rows for all subscribers in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-46]]:7: note: 'cur' holds the rows of this query, run on it by 'subscribers_open'
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'cur' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:14: note: the row value 's->id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:9: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
      continue;
    tok = mysql_store_result(conn);
    if (tok && (t = mysql_fetch_row(tok)))
      printf("mail %s (unsubscribe: %s)\n", s->email, t[0]);
    mysql_free_result(tok);
  }
  subscribers_close(&cur);
}

// The query in the iterator loop takes nothing of the subscriber: no N+1,
// but the same footer is read once per row, which is loop-invariant.
void send_with_footer(MYSQL *conn, long list_id) {
  struct subscriber_cursor cur;
  struct subscriber *s;
  if (subscribers_open(conn, &cur, list_id))
    return;
  while ((s = subscribers_next(&cur))) {
    MYSQL_RES *f;
    MYSQL_ROW r;
    if (mysql_query(conn, "SELECT body FROM footers WHERE active = 1"))
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'cur' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: hoist it: run the query once before the loop and reuse its result
      continue;
    f = mysql_store_result(conn);
    if (f && (r = mysql_fetch_row(f)))
      printf("mail %s\n%s\n", s->email, r[0]);
    mysql_free_result(f);
  }
  subscribers_close(&cur);
}

// Issues are numbered 1, 2, 3, ... per newsletter: each number is looked up
// with a query of its own until one is missing.
int count_issues(MYSQL *conn, long newsletter_id) {
  int n;
  for (n = 1;; n++) {
    char sql[128];
    MYSQL_RES *res;
    MYSQL_ROW row;
    snprintf(sql, sizeof sql,
             "SELECT id FROM issues WHERE newsletter_id = %ld AND seq = %d",
             newsletter_id, n);
    if (mysql_query(conn, sql))
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:29: note: the element value 'n' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:9: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
      return -1;
    res = mysql_store_result(conn);
    row = res ? mysql_fetch_row(res) : NULL;
    if (!row) {
      mysql_free_result(res);
      break;
    }
    mysql_free_result(res);
  }
  return n - 1;
}

// Look-alike: a retry while the server is gone; the loop stops at the
// first success.
int record_open(MYSQL *conn, long subscriber_id) {
  char sql[128];
  snprintf(sql, sizeof sql,
           "UPDATE subscribers SET opened = opened + 1 WHERE id = %ld",
           subscriber_id);
  for (int attempt = 1;; attempt++) {
    if (!mysql_query(conn, sql) || attempt == 3)
      return mysql_errno(conn);
  }
}
