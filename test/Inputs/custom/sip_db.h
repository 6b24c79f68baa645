/* A C database layer that dispatches through a table of function pointers
 * (the shape of a SIP server's module API): a module binds a driver's
 * functions into a `db_func_t` once, then calls `dbf.query(...)`,
 * `dbf.update(...)` and so on. Results come back through an out-parameter;
 * rows are read with macros over the result struct. In-house code,
 * described to nplusone-tidy only through .clang-tidy options and
 * annotations in the tests that include it. */
#ifndef SIP_DB_H
#define SIP_DB_H

typedef struct {
  char *s;
  int len;
} str;

typedef enum { DB1_INT, DB1_STR, DB1_STRING } db_type_t;

typedef struct {
  db_type_t type;
  int nul;
  union {
    int int_val;
    str str_val;
    const char *string_val;
  } val;
} db_val_t;

typedef str *db_key_t;
typedef const char *db_op_t;

typedef struct db_row {
  db_val_t *values;
  int n;
} db_row_t;

typedef struct db1_res {
  db_row_t *rows;
  int n;
} db1_res_t;

typedef struct db1_con db1_con_t;

#define RES_ROWS(re) ((re)->rows)
#define RES_ROW_N(re) ((re)->n)
#define ROW_VALUES(rw) ((rw)->values)
#define VAL_INT(dv) ((dv)->val.int_val)
#define VAL_STR(dv) ((dv)->val.str_val)

typedef int (*db_use_table_f)(db1_con_t *h, const str *table);
typedef int (*db_query_f)(const db1_con_t *h, const db_key_t *keys,
                          const db_op_t *ops, const db_val_t *vals,
                          const db_key_t *cols, int nk, int nc,
                          const db_key_t order, db1_res_t **r);
typedef int (*db_raw_query_f)(const db1_con_t *h, const str *sql,
                              db1_res_t **r);
typedef int (*db_free_result_f)(db1_con_t *h, db1_res_t *r);
typedef int (*db_insert_f)(const db1_con_t *h, const db_key_t *keys,
                           const db_val_t *vals, int n);
typedef int (*db_delete_f)(const db1_con_t *h, const db_key_t *keys,
                           const db_op_t *ops, const db_val_t *vals, int n);
typedef int (*db_update_f)(const db1_con_t *h, const db_key_t *keys,
                           const db_op_t *ops, const db_val_t *vals,
                           const db_key_t *ucols, const db_val_t *uvals,
                           int nk, int nu);

typedef struct db_func {
  unsigned int cap;
  db_use_table_f use_table;
  db_query_f query;
  db_raw_query_f raw_query;
  db_free_result_f free_result;
  db_insert_f insert;
  db_delete_f delete;
  db_update_f update;
} db_func_t;

int db_bind_mod(const str *url, db_func_t *dbf);

#endif
