// ODBC on the real Debian unixodbc-dev headers, compiled as C: statements an
// exporter prepares once into its struct, with their parameters bound to
// members of it, and executed by a row loop in another function. The INSERT
// is a write per row; the SELECT beside it a read.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11

#include <sql.h>
#include <sqlext.h>

struct invoice_exporter {
  SQLHDBC dbc;
  SQLHSTMT insert_line;
  SQLHSTMT find_price;
  SQLINTEGER order_id;
  SQLINTEGER product_id;
  SQLLEN order_ind;
};

int exporter_init(struct invoice_exporter *ex) {
  SQLAllocHandle(SQL_HANDLE_STMT, ex->dbc, &ex->insert_line);
  SQLAllocHandle(SQL_HANDLE_STMT, ex->dbc, &ex->find_price);
  SQLPrepare(ex->insert_line,
             (SQLCHAR *)"INSERT INTO invoice_lines(order_id) VALUES (?)",
             SQL_NTS);
  SQLPrepare(ex->find_price,
             (SQLCHAR *)"SELECT price FROM products WHERE id = ?", SQL_NTS);
  SQLBindParameter(ex->insert_line, 1, SQL_PARAM_INPUT, SQL_C_SLONG,
                   SQL_INTEGER, 0, 0, &ex->order_id, 0, &ex->order_ind);
  SQLBindParameter(ex->find_price, 1, SQL_PARAM_INPUT, SQL_C_SLONG,
                   SQL_INTEGER, 0, 0, &ex->product_id, 0, 0);
  return 0;
}

static void add_line(struct invoice_exporter *ex, SQLINTEGER order_id) {
  ex->order_id = order_id;
  SQLExecute(ex->insert_line);
}

// One invoice line per shipped order, through the helper.
void export_shipped(struct invoice_exporter *ex, SQLHSTMT orders) {
  SQLINTEGER id = 0;
  SQLLEN ind = 0;
  SQLExecDirect(orders, (SQLCHAR *)"SELECT id FROM orders WHERE shipped = 1",
                SQL_NTS);
  while (SQL_SUCCEEDED(SQLFetch(orders))) {
    SQLGetData(orders, 1, SQL_C_SLONG, &id, 0, &ind);
    add_line(ex, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'orders' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: the row value 'id' is passed to 'add_line' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-16]]:3: note: 'add_line' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-30]]:14: note: batch it: a multi-row INSERT, or parameter arrays (SQL_ATTR_PARAMSET_SIZE) run by one SQLExecute
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: turn autocommit off (SQL_ATTR_AUTOCOMMIT) and SQLEndTran once after the loop
  }
}

// The row fetched straight into the bound member, the INSERT run in the loop.
void export_all(struct invoice_exporter *ex, SQLHSTMT orders) {
  SQLExecDirect(orders, (SQLCHAR *)"SELECT id FROM orders", SQL_NTS);
  while (SQL_SUCCEEDED(SQLFetch(orders))) {
    SQLGetData(orders, 1, SQL_C_SLONG, &ex->order_id, 0, &ex->order_ind);
    SQLExecute(ex->insert_line);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'orders' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:40: note: the row value '&ex->order_id' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-45]]:14: note: batch it: a multi-row INSERT, or parameter arrays (SQL_ATTR_PARAMSET_SIZE) run by one SQLExecute
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: turn autocommit off (SQL_ATTR_AUTOCOMMIT) and SQLEndTran once after the loop
  }
}

// The SELECT prepared beside it: a read per row.
void price_orders(struct invoice_exporter *ex, SQLHSTMT orders) {
  SQLLEN ind = 0;
  SQLExecDirect(orders, (SQLCHAR *)"SELECT product_id FROM orders", SQL_NTS);
  while (SQL_SUCCEEDED(SQLFetch(orders))) {
    SQLGetData(orders, 1, SQL_C_SLONG, &ex->product_id, 0, &ind);
    SQLExecute(ex->find_price);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'orders' (N+1 queries); load the rows for all orders in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'orders' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:40: note: the row value '&ex->product_id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-58]]:25: note: batch it: 'id IN (?)' with one placeholder per key, each key bound, then group the rows by id
    SQLFreeStmt(ex->find_price, SQL_CLOSE);
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// One line for the last order, after the loop.
void export_last(struct invoice_exporter *ex, SQLHSTMT orders) {
  SQLINTEGER id = 0, last = 0;
  SQLLEN ind = 0;
  SQLExecDirect(orders, (SQLCHAR *)"SELECT id FROM orders", SQL_NTS);
  while (SQL_SUCCEEDED(SQLFetch(orders))) {
    SQLGetData(orders, 1, SQL_C_SLONG, &id, 0, &ind);
    last = id;
  }
  add_line(ex, last);
}
