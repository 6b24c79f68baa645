/* The statements of the order module, built here and run by store.c. */
#include "store.h"
#include <stdio.h>

void archive_order(sqlite3 *db, int order_id) {
  char sql[128];
  snprintf(sql, sizeof sql, "UPDATE orders SET archived = 1 WHERE id = %d",
           order_id);
  store_exec(db, sql);
}

/* Look-alike: prints, runs nothing. */
void log_order(sqlite3 *db, int order_id) {
  (void)db;
  printf("order %d\n", order_id);
}
