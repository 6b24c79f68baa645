
// A second N+1, appended to orders.c by the baseline test.
void report_items(sqlite3 *db) {
  sqlite3_stmt *orders = NULL;
  if (sqlite3_prepare_v2(db, "SELECT id FROM orders", -1, &orders, NULL) !=
      SQLITE_OK)
    return;
  while (sqlite3_step(orders) == SQLITE_ROW) {
    char sql[96];
    snprintf(sql, sizeof sql, "SELECT sku FROM items WHERE order_id = %lld",
             (long long)sqlite3_column_int64(orders, 0));
    sqlite3_exec(db, sql, print_row, NULL, NULL);
  }
  sqlite3_finalize(orders);
}
