// ODBC on the real Debian unixodbc-dev headers (<sql.h>, <sqlext.h>),
// compiled as C: N+1 shapes in ODBC's idioms, and silent look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c11
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c11

#include <sql.h>
#include <sqlext.h>
#include <stdio.h>

// The canonical N+1: SQLFetch walks the users, SQLGetData reads the key, and
// the inner statement, prepared and bound once, is executed per row.
void ordersPerUser(SQLHDBC dbc) {
  SQLHSTMT users, orders;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &users);
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &orders);
  SQLExecDirect(users, (SQLCHAR *)"SELECT id FROM users", SQL_NTS);
  SQLPrepare(orders, (SQLCHAR *)"SELECT total FROM orders WHERE user_id = ?", SQL_NTS);
  SQLINTEGER id = 0;
  SQLLEN ind = 0;
  SQLBindParameter(orders, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, NULL);
  while (SQL_SUCCEEDED(SQLFetch(users))) {
    SQLGetData(users, 1, SQL_C_SLONG, &id, 0, &ind);
    SQLExecute(orders);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-7]]:81: note: the row value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-11]]:33: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
    while (SQLFetch(orders) == SQL_SUCCESS) {
    }
    SQLCloseCursor(orders);
  }
}

// A column bound with SQLBindCol; the inner SQL formatted per row.
void namesById(SQLHDBC dbc, SQLHSTMT users) {
  SQLExecDirect(users, (SQLCHAR *)"SELECT id FROM users", SQL_NTS);
  SQLINTEGER id = 0;
  SQLLEN ind = 0;
  SQLBindCol(users, 1, SQL_C_SLONG, &id, 0, &ind);
  SQLRETURN rc;
  while ((rc = SQLFetch(users)) != SQL_NO_DATA) {
    char q[128];
    SQLHSTMT tmp;
    SQLAllocHandle(SQL_HANDLE_STMT, dbc, &tmp);
    snprintf(q, sizeof q, "SELECT name FROM users WHERE id = %d", (int)id);
    SQLExecDirect(tmp, (SQLCHAR *)q, SQL_NTS);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-12]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:67: note: the row value '(int)id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    SQLFreeHandle(SQL_HANDLE_STMT, tmp);
  }
}

// A write per row, in a do-while over the rows.
void deleteSessions(SQLHSTMT users, SQLHSTMT del) {
  SQLExecDirect(users, (SQLCHAR *)"SELECT id FROM users WHERE banned = 1", SQL_NTS);
  SQLPrepare(del, (SQLCHAR *)"DELETE FROM sessions WHERE user_id = ?", SQL_NTS);
  if (!SQL_SUCCEEDED(SQLFetch(users)))
    return;
  do {
    SQLINTEGER id = 0;
    SQLGetData(users, 1, SQL_C_SLONG, &id, 0, NULL);
    SQLBindParameter(del, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, NULL);
    SQLExecute(del);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:80: note: the row value 'id' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-12]]:19: note: batch it: a multi-row INSERT, or parameter arrays (SQL_ATTR_PARAMSET_SIZE) run by one SQLExecute
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: turn autocommit off (SQL_ATTR_AUTOCOMMIT) and SQLEndTran once after the loop
  } while (SQL_SUCCEEDED(SQLFetch(users)));
}

// One query per element of an array of ids.
void namesOf(SQLHSTMT st, const int *ids, int n) {
  SQLPrepare(st, (SQLCHAR *)"SELECT name FROM users WHERE id = ?", SQL_NTS);
  for (int i = 0; i < n; ++i) {
    SQLINTEGER id = ids[i];
    SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, NULL);
    SQLExecute(st);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-4]]:79: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:29: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
    SQLCloseCursor(st);
  }
}

// The same query on every row.
void configPerRow(SQLHSTMT users, SQLHSTMT cfg) {
  SQLExecDirect(users, (SQLCHAR *)"SELECT id FROM users", SQL_NTS);
  while (SQLFetch(users) == SQL_SUCCESS) {
    SQLExecDirect(cfg, (SQLCHAR *)"SELECT value FROM config WHERE name = 'limit'", SQL_NTS);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
    SQLCloseCursor(cfg);
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads the columns.
long beforeAndAfter(SQLHSTMT users, SQLHSTMT other) {
  SQLExecDirect(other, (SQLCHAR *)"SET NOCOUNT ON", SQL_NTS);
  SQLExecDirect(users, (SQLCHAR *)"SELECT id FROM users", SQL_NTS);
  SQLINTEGER id = 0, last = 0;
  while (SQL_SUCCEEDED(SQLFetch(users))) {
    SQLGetData(users, 1, SQL_C_SLONG, &id, 0, NULL);
    last = id;
  }
  SQLBindParameter(other, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &last, 0, NULL);
  SQLExecDirect(other, (SQLCHAR *)"UPDATE stats SET last_id = ?", SQL_NTS);
  return last;
}

// Only the first row: the loop always returns.
SQLRETURN firstOrders(SQLHSTMT users, SQLHSTMT orders) {
  SQLINTEGER id = 0;
  while (SQLFetch(users) == SQL_SUCCESS) {
    SQLGetData(users, 1, SQL_C_SLONG, &id, 0, NULL);
    SQLBindParameter(orders, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &id, 0, NULL);
    return SQLExecDirect(orders, (SQLCHAR *)"SELECT total FROM orders WHERE user_id = ?", SQL_NTS);
  }
  return SQL_NO_DATA;
}

// A driver's dispatch table: members named like the API are not the API.
struct driver_funcs {
  SQLRETURN (*SQLFetch)(SQLHSTMT);
  SQLRETURN (*SQLExecDirect)(SQLHSTMT, SQLCHAR *, SQLINTEGER);
};
void replay(const struct driver_funcs *drv, SQLHSTMT h) {
  while (drv->SQLFetch(h) == SQL_SUCCESS)
    drv->SQLExecDirect(h, (SQLCHAR *)"SELECT 1", SQL_NTS);
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: SQLPrepare(orders, (SQLCHAR *)"SELECT user_id, total FROM orders WHERE user_id IN (?)", SQL_NTS);
// NOTE-FIXES: SQLPrepare(st, (SQLCHAR *)"SELECT id, name FROM users WHERE id IN (?)", SQL_NTS);
