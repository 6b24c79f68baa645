// The MySQL/MariaDB C API on the real Debian libmariadb-dev headers
// (<mysql.h>, -I/usr/include/mariadb), compiled as C: N+1 shapes and
// look-alikes that must stay silent.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11 -I/usr/include/mariadb
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c11 -I/usr/include/mariadb
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c11 -I/usr/include/mariadb

#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The canonical N+1: rows fetched with mysql_fetch_row, the inner query
// formatted from row[0] with snprintf.
void ordersPerUser(MYSQL *conn) {
  if (mysql_query(conn, "SELECT id, name FROM users"))
    return;
  MYSQL_RES *users = mysql_store_result(conn);
  MYSQL_ROW row;
  while ((row = mysql_fetch_row(users))) {
    char q[256];
    snprintf(q, sizeof q, "SELECT total FROM orders WHERE user_id = %s", row[0]);
    if (mysql_query(conn, q))
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:7: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:74: note: the row value 'row[0]' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:9: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
      continue;
    mysql_free_result(mysql_store_result(conn));
  }
  mysql_free_result(users);
}

// A prepared statement bound and executed per row.
void totalsPerUser(MYSQL *conn) {
  mysql_query(conn, "SELECT id FROM users");
  MYSQL_RES *users = mysql_store_result(conn);
  MYSQL_STMT *st = mysql_stmt_init(conn);
  const char *sql = "SELECT total FROM orders WHERE user_id = ?";
  mysql_stmt_prepare(st, sql, strlen(sql));
  MYSQL_ROW row;
  while ((row = mysql_fetch_row(users)) != NULL) {
    int id = atoi(row[0]);
    MYSQL_BIND bind[1];
    memset(bind, 0, sizeof bind);
    bind[0].buffer_type = MYSQL_TYPE_LONG;
    bind[0].buffer = &id;
    mysql_stmt_bind_param(st, bind);
    mysql_stmt_execute(st);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-15]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-6]]:23: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-15]]:21: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    while (mysql_stmt_fetch(st) == 0) {
    }
  }
  mysql_stmt_close(st);
  mysql_free_result(users);
}

// A prepared statement's own cursor: mysql_stmt_bind_result fills `id` on
// every mysql_stmt_fetch.
void namesByStmtCursor(MYSQL *conn) {
  MYSQL_STMT *users = mysql_stmt_init(conn);
  const char *sql = "SELECT id FROM users";
  mysql_stmt_prepare(users, sql, strlen(sql));
  mysql_stmt_execute(users);
  int id = 0;
  MYSQL_BIND out[1];
  memset(out, 0, sizeof out);
  out[0].buffer_type = MYSQL_TYPE_LONG;
  out[0].buffer = &id;
  mysql_stmt_bind_result(users, out);
  while (mysql_stmt_fetch(users) == 0) {
    char q[128];
    snprintf(q, sizeof q, "SELECT name FROM users WHERE id = %d", id);
    mysql_query(conn, q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:67: note: the row value 'id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    mysql_free_result(mysql_store_result(conn));
  }
  mysql_stmt_close(users);
}

// An index loop over mysql_num_rows, with a DELETE per row.
void deleteSessions(MYSQL *conn) {
  mysql_query(conn, "SELECT id FROM users WHERE banned = 1");
  MYSQL_RES *users = mysql_store_result(conn);
  my_ulonglong n = mysql_num_rows(users);
  for (my_ulonglong i = 0; i < n; ++i) {
    MYSQL_ROW row = mysql_fetch_row(users);
    char q[128];
    snprintf(q, sizeof q, "DELETE FROM sessions WHERE user_id = %s", row[0]);
    mysql_query(conn, q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:70: note: the row value 'row[0]' flows into the DELETE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:23: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
  }
  mysql_free_result(users);
}

// One query per element of an array of ids.
void namesOf(MYSQL *conn, const int *ids, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    char q[128];
    snprintf(q, sizeof q, "SELECT name FROM users WHERE id = %d", ids[i]);
    mysql_query(conn, q);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:67: note: the element value 'ids[i]' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    mysql_free_result(mysql_store_result(conn));
  }
}

// The same query on every row, in a do-while over the rows.
void configPerRow(MYSQL *conn) {
  mysql_query(conn, "SELECT id FROM users");
  MYSQL_RES *users = mysql_use_result(conn);
  MYSQL_ROW row = mysql_fetch_row(users);
  if (!row)
    return;
  do {
    mysql_query(conn, "SELECT value FROM config WHERE name = 'limit'");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
    mysql_free_result(mysql_store_result(conn));
  } while ((row = mysql_fetch_row(users)));
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only prints row values.
void beforeAndAfter(MYSQL *conn) {
  mysql_query(conn, "SET NAMES utf8mb4");
  mysql_query(conn, "SELECT id, name FROM users");
  MYSQL_RES *users = mysql_store_result(conn);
  MYSQL_ROW row;
  char last[64] = "";
  while ((row = mysql_fetch_row(users)))
    snprintf(last, sizeof last, "%s", row[1]);
  mysql_free_result(users);
  char q[128];
  snprintf(q, sizeof q, "UPDATE stats SET last_name = '%s'", last);
  mysql_query(conn, q);
}

// Only the first row: the loop always breaks.
void firstOrder(MYSQL *conn, MYSQL_RES *users) {
  MYSQL_ROW row;
  while ((row = mysql_fetch_row(users))) {
    char q[128];
    snprintf(q, sizeof q, "SELECT total FROM orders WHERE user_id = %s", row[0]);
    mysql_query(conn, q);
    break;
  }
}

// A local function named like the library's, on a struct of its own.
struct queue {
  int items[8];
  int n;
};
static int *queue_fetch_row(struct queue *q) { return q->n ? &q->items[--q->n] : NULL; }
static int queue_query(struct queue *q, const char *text) { return q->n + (int)strlen(text); }
void drain(struct queue *q) {
  int *item;
  while ((item = queue_fetch_row(q)))
    queue_query(q, "SELECT 1");
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: const char *sql = "SELECT user_id, total FROM orders WHERE user_id IN (?)";
