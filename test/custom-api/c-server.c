// A C server style wrapper (Zabbix shape), found through .clang-tidy options
// alone: DBselect runs a printf-style query, DBfetch steps its rows until it
// returns NULL.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'DBselect;zbx_db_select'}, {key: WriteFunctions, value: 'DBexecute'}, {key: RowAdvanceFunctions, value: 'DBfetch;zbx_db_fetch'}]}" \
// RUN:   %s %t -- -- -std=c11 -I %inputs/custom
// Without the options nothing here is a query.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none --messages-prefix=NOCONFIG %s %t-none -- -- -std=c11 -I %inputs/custom

#include "c_server_db.h"

// The N+1: one item query per host of the first query.
void update_host_items(zbx_uint64_t groupid) {
  DB_RESULT result;
  DB_ROW row;

  result = DBselect("select hostid,host from hosts where groupid=" ZBX_FS_UI64,
                    groupid);
  while (NULL != (row = DBfetch(result))) {
    DB_RESULT items = DBselect("select itemid,key_ from items where hostid=%s",
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query runs once per row of 'result' (N+1 queries); load the rows for all hosts in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:32: note: the row value 'row[0]' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
                               row[0]);
    DB_ROW item;
    while (NULL != (item = DBfetch(items)))
      ;
    DBfree_result(items);
  }
  DBfree_result(result);
}

// The newer spelling, and a write per row.
void disable_triggers(void) {
  DB_RESULT result = zbx_db_select("select triggerid from triggers");
  DB_ROW row;
  while (NULL != (row = zbx_db_fetch(result)))
    DBexecute("update triggers set status=1 where triggerid=%s", row[0]);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'result' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:66: note: the row value 'row[0]' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:15: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
  zbx_db_free_result(result);
}

// Silent: stepping the rows and reading them runs no query.
int count_hosts(void) {
  DB_RESULT result = DBselect("select hostid from hosts");
  DB_ROW row;
  int n = 0;
  while (NULL != (row = DBfetch(result)))
    n += row[0][0] != '\0';
  DBfree_result(result);
  return n;
}

// Silent: the second query runs once, after the loop.
void after_loop(void) {
  DB_RESULT result = DBselect("select hostid from hosts");
  DB_ROW row;
  while (NULL != (row = DBfetch(result)))
    ;
  DBfree_result(result);
  DBfree_result(DBselect("select count(*) from items"));
}
