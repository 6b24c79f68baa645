/* The nightly job: a loop over the closed orders, three files away from
   the statement it runs per order. */
#include "store.h"

void archive_closed(sqlite3 *db, const int *closed, int count) {
  for (int i = 0; i < count; ++i) {
    log_order(db, closed[i]);
    archive_order(db, closed[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of the loop (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: the element value 'closed[i]' is passed to 'archive_order' here and reaches its UPDATE
    // CHECK-MESSAGES: orders.c:9:3: note: 'archive_order' calls 'store_exec' here
    // CHECK-MESSAGES: store.c:6:10: note: 'store_exec' runs the UPDATE here
    // CHECK-MESSAGES: store.c:6:10: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
}
