/* A C service whose SQL is built in one file and run by another. */
#ifndef STORE_H
#define STORE_H
#include <sqlite3.h>

int store_exec(sqlite3 *db, const char *sql);
void archive_order(sqlite3 *db, int order_id);
void log_order(sqlite3 *db, int order_id);
#endif
