/* The only file that talks to SQLite: it runs whatever text it is given. */
#include "store.h"
#include <stddef.h>

int store_exec(sqlite3 *db, const char *sql) {
  return sqlite3_exec(db, sql, NULL, NULL, NULL);
}
