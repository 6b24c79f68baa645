// A C database layer that dispatches through a table of function pointers
// (a SIP server's module shape): QueryFunctions and WriteFunctions name the
// table's fields by qualified name, an annotation marks another table's
// field, and calls through `dbf.f(...)`, `dbf->f(...)` and `(*dbf->f)(...)`
// run what the field names.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'db_func::(query|raw_query)'}, {key: WriteFunctions, value: 'db_func::(insert|update|delete)'}, {key: ResultTypes, value: 'db1_res'}]}" \
// RUN:   %s %t -- -- -std=c11 -I %inputs/custom
// Without the options only the annotated field is known.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none --messages-prefix=NOCONFIG %s %t-none -- -- -std=c11 -I %inputs/custom

#include "sip_db.h"
#include <stdio.h>
#include <string.h>

static db_func_t pa_dbf;
static db1_con_t *pa_db;
static db_func_t *ul_dbf;
static db1_con_t *ul_con;

static str watchers_table = {"watchers", 8};
static str presentity_uri_col = {"presentity_uri", 14};
static str watcher_username_col = {"watcher_username", 16};
static str status_col = {"status", 6};

struct event_hooks {
  void (*watcher_changed)(const str *user, int status);
};
static struct event_hooks *hooks;

/* A shared cache the module writes through; its store is a write to a
 * remote store, marked on the field itself. */
struct cache_api {
  int (*store)(const str *key, const str *value)
      __attribute__((annotate("nplusone::write")));
  int (*lookup)(const str *key, str *value);
};
static struct cache_api cache;

static int set_str_key(db_val_t *v, const str *s) {
  v->type = DB1_STR;
  v->nul = 0;
  v->val.str_val = *s;
  return 0;
}

/* The N+1: one UPDATE per watcher of the presentity. */
int update_watchers_status(str *pres_uri, int status) {
  db_key_t query_cols[1] = {&presentity_uri_col};
  db_val_t query_vals[1];
  db_key_t result_cols[1] = {&watcher_username_col};
  db1_res_t *result = NULL;
  int i;

  set_str_key(&query_vals[0], pres_uri);
  if (pa_dbf.use_table(pa_db, &watchers_table) < 0)
    return -1;
  if (pa_dbf.query(pa_db, query_cols, 0, query_vals, result_cols, 1, 1, 0,
                   &result) < 0)
    return -1;

  for (i = 0; i < RES_ROW_N(result); i++) {
    db_val_t *row_vals = ROW_VALUES(&RES_ROWS(result)[i]);
    db_key_t update_keys[1] = {&watcher_username_col};
    db_val_t update_vals[1];
    db_key_t set_cols[1] = {&status_col};
    db_val_t set_vals[1];

    update_vals[0] = row_vals[0];
    set_vals[0].type = DB1_INT;
    set_vals[0].nul = 0;
    set_vals[0].val.int_val = status;
    if (pa_dbf.update(pa_db, update_keys, 0, update_vals, set_cols, set_vals,
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'update' runs once per row of 'result' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-17]]:7: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:46: note: the row value 'update_vals' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:9: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
                      1, 1) < 0)
      fprintf(stderr, "cannot update watcher\n");
  }
  pa_dbf.free_result(pa_db, result);
  return 0;
}

/* The N+1 through a pointer to the table: one contact query per IMPU,
 * built with snprintf from the row's id. */
int load_impus(void) {
  static str impu_query = {"SELECT impu_id, impu FROM impu", 30};
  char buf[128];
  str contact_query;
  db1_res_t *rs = NULL;
  db1_res_t *contact_rs = NULL;
  int i, j;

  if (ul_dbf->raw_query(ul_con, &impu_query, &rs) != 0)
    return -1;
  for (i = 0; i < RES_ROW_N(rs); i++) {
    db_val_t *vals = ROW_VALUES(RES_ROWS(rs) + i);
    int impu_id = VAL_INT(vals);

    contact_query.len = snprintf(
        buf, sizeof(buf),
        "SELECT contact FROM impu_contact WHERE impu_id = %d", impu_id);
    contact_query.s = buf;
    if ((*ul_dbf->raw_query)(ul_con, &contact_query, &contact_rs) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'rs' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-12]]:7: note: 'rs' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: the loop over the rows of 'rs' is here
    // CHECK-MESSAGES: :[[@LINE-6]]:64: note: the row value 'impu_id' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:9: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
      continue;
    for (j = 0; j < RES_ROW_N(contact_rs); j++)
      printf("%s\n", VAL_STR(ROW_VALUES(RES_ROWS(contact_rs) + j)).s);
    ul_dbf->free_result(ul_con, contact_rs);
  }
  ul_dbf->free_result(ul_con, rs);
  return 0;
}

/* One DELETE per expired contact, in a helper of the module. */
static str location_table = {"location", 8};
static str contact_id_col = {"contact_id", 10};

static int delete_contact(const db_val_t *contact_id) {
  db_key_t keys[1] = {&contact_id_col};
  if (ul_dbf->use_table(ul_con, &location_table) < 0)
    return -1;
  return ul_dbf->delete(ul_con, keys, 0, contact_id, 1);
}

int purge_expired_contacts(void) {
  static str expired = {"SELECT contact_id FROM location WHERE expires < NOW()",
                        53};
  db1_res_t *res = NULL;
  int i, purged = 0;

  if (ul_dbf->raw_query(ul_con, &expired, &res) != 0)
    return -1;
  for (i = 0; i < RES_ROW_N(res); i++)
    if (delete_contact(ROW_VALUES(RES_ROWS(res) + i)) == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'delete' runs once per row of 'res' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: the row value 'ROW_VALUES(RES_ROWS(res) + i)' is passed to 'delete_contact' here and reaches its statement
    // CHECK-MESSAGES: {{.*}}sip_db.h:45:24: note: expanded from macro 'ROW_VALUES'
    // CHECK-MESSAGES: :[[@LINE-18]]:10: note: 'delete_contact' runs the statement here
    // CHECK-MESSAGES: :[[@LINE-7]]:9: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
      purged++;
  ul_dbf->free_result(ul_con, res);
  return purged;
}

/* The annotated field: one cache store per row. */
int warm_cache(void) {
  static str all_users = {"SELECT username, domain FROM subscriber", 39};
  db1_res_t *res = NULL;
  int i;

  if (pa_dbf.raw_query(pa_db, &all_users, &res) != 0)
    return -1;
  for (i = 0; i < RES_ROW_N(res); i++) {
    db_val_t *vals = ROW_VALUES(&RES_ROWS(res)[i]);
    cache.store(&VAL_STR(&vals[0]), &VAL_STR(&vals[1]));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'store' runs once per row of 'res' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:17: note: the row value '&VAL_STR(&vals[0])' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
    // NOCONFIG: :[[@LINE-6]]:5: warning: 'store' runs once per element of the loop (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // NOCONFIG: :[[@LINE-9]]:3: note: the loop is here
    // NOCONFIG: :[[@LINE-8]]:17: note: the element value '&VAL_STR(&vals[0])' flows into the statement's parameter here
    // NOCONFIG: :[[@LINE-9]]:5: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
  }
  pa_dbf.free_result(pa_db, res);
  return 0;
}

/* Silent: the loop calls an event hook and a cache lookup, neither of which
 * is a database call. */
int notify_watchers(str *pres_uri) {
  static str by_uri = {"SELECT watcher_username, status FROM watchers", 45};
  db1_res_t *res = NULL;
  int i;

  (void)pres_uri;
  if (pa_dbf.raw_query(pa_db, &by_uri, &res) != 0)
    return -1;
  for (i = 0; i < RES_ROW_N(res); i++) {
    db_val_t *vals = ROW_VALUES(&RES_ROWS(res)[i]);
    str cached;
    if (cache.lookup(&VAL_STR(&vals[0]), &cached) == 0)
      hooks->watcher_changed(&cached, VAL_INT(&vals[1]));
  }
  pa_dbf.free_result(pa_db, res);
  return 0;
}

/* Silent: the module reloads its table into memory, one query. */
int reload_domains(str *domains, int max) {
  static str all_domains = {"SELECT domain FROM domain", 25};
  db1_res_t *res = NULL;
  int i, n = 0;

  if (pa_dbf.raw_query(pa_db, &all_domains, &res) != 0)
    return -1;
  for (i = 0; i < RES_ROW_N(res) && n < max; i++)
    domains[n++] = VAL_STR(ROW_VALUES(&RES_ROWS(res)[i]));
  pa_dbf.free_result(pa_db, res);
  return n;
}
