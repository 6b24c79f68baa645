/* A C server style database layer (the shape of Zabbix's): DBselect runs a
 * printf-style query and DBfetch steps its rows until it returns NULL.
 * In-house code, described to nplusone-tidy only through .clang-tidy options
 * in the tests that include it. */
#ifndef C_SERVER_DB_H
#define C_SERVER_DB_H

#include <stddef.h>

typedef unsigned long long zbx_uint64_t;
#define ZBX_FS_UI64 "%llu"

typedef char **DB_ROW;
typedef struct zbx_db_result *DB_RESULT;

DB_RESULT DBselect(const char *fmt, ...);
DB_ROW DBfetch(DB_RESULT result);
void DBfree_result(DB_RESULT result);
int DBexecute(const char *fmt, ...);

DB_RESULT zbx_db_select(const char *fmt, ...);
DB_ROW zbx_db_fetch(DB_RESULT result);
void zbx_db_free_result(DB_RESULT result);

#endif
