// The MySQL/MariaDB C API on the real Debian libmariadb-dev headers, compiled
// as C: a prepared UPDATE an importer keeps in its struct, its parameter
// bound to a member, run once per row of a result in another function.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11 -I/usr/include/mariadb

#include <mysql.h>
#include <stdlib.h>
#include <string.h>

struct signup_importer {
  MYSQL *conn;
  MYSQL_STMT *activate;
  MYSQL_BIND param[1];
  long user_id;
};

int importer_init(struct signup_importer *im) {
  im->activate = mysql_stmt_init(im->conn);
  const char *sql = "UPDATE users SET active = 1 WHERE id = ?";
  if (mysql_stmt_prepare(im->activate, sql, strlen(sql)))
    return -1;
  memset(im->param, 0, sizeof im->param);
  im->param[0].buffer_type = MYSQL_TYPE_LONG;
  im->param[0].buffer = &im->user_id;
  return mysql_stmt_bind_param(im->activate, im->param) ? -1 : 0;
}

static int activate_user(struct signup_importer *im, long id) {
  im->user_id = id;
  return mysql_stmt_execute(im->activate);
}

int activate_confirmed(struct signup_importer *im) {
  if (mysql_query(im->conn, "SELECT user_id FROM signups WHERE confirmed"))
    return -1;
  MYSQL_RES *confirmed = mysql_store_result(im->conn);
  MYSQL_ROW row;
  int failed = 0;
  while ((row = mysql_fetch_row(confirmed)))
    failed += activate_user(im, atol(row[0])) != 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: UPDATE runs once per row of 'confirmed' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:7: note: 'confirmed' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'confirmed' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:33: note: the row value 'atol(row[0])' is passed to 'activate_user' here and reaches its UPDATE
    // CHECK-MESSAGES: :[[@LINE-15]]:10: note: 'activate_user' runs the UPDATE here
    // CHECK-MESSAGES: :[[@LINE-27]]:21: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
  mysql_free_result(confirmed);
  return failed;
}

// The statement run in the loop itself: the text of the other statement run
// on the connection in this function is not the prepared one's.
void activate_all(struct signup_importer *im) {
  if (mysql_query(im->conn, "SELECT user_id FROM signups"))
    return;
  MYSQL_RES *signups = mysql_store_result(im->conn);
  MYSQL_ROW row;
  while ((row = mysql_fetch_row(signups))) {
    im->user_id = atol(row[0]);
    mysql_stmt_execute(im->activate);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'signups' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:7: note: 'signups' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'signups' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: the row value 'atol(row[0])' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-47]]:21: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
  }
  mysql_free_result(signups);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Only the newest signup is activated, once, after the loop.
void activate_newest(struct signup_importer *im) {
  if (mysql_query(im->conn, "SELECT user_id FROM signups ORDER BY id"))
    return;
  MYSQL_RES *signups = mysql_store_result(im->conn);
  MYSQL_ROW row;
  long newest = 0;
  while ((row = mysql_fetch_row(signups)))
    newest = atol(row[0]);
  mysql_free_result(signups);
  activate_user(im, newest);
}
