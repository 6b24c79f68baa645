/* The custom-APIs page's SIP server example: a module that reaches its
 * database through a table of function pointers, on the test suite's
 * stand-in header, test/Inputs/custom/sip_db.h. */
#include "sip_db.h"
#include <stdio.h>

static db_func_t ul_dbf;
static db1_con_t *ul_con;

int load_contacts(void) {
  static str impu_query = {"SELECT impu_id, impu FROM impu", 30};
  char buf[128];
  str contact_query;
  db1_res_t *rs = NULL, *contact_rs = NULL;
  int i;

  if (ul_dbf.raw_query(ul_con, &impu_query, &rs) != 0)
    return -1;
  for (i = 0; i < RES_ROW_N(rs); i++) {
    int impu_id = VAL_INT(ROW_VALUES(RES_ROWS(rs) + i));
    contact_query.len = snprintf(
        buf, sizeof(buf),
        "SELECT contact FROM impu_contact WHERE impu_id = %d", impu_id);
    contact_query.s = buf;
    ul_dbf.raw_query(ul_con, &contact_query, &contact_rs); /* N+1 */
  }
  return 0;
}
