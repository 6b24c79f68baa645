/* The data access layer of a small C service over SQLite. */
#ifndef DAO_H
#define DAO_H
#include <sqlite3.h>

struct order_row {
  int id;
  double total;
};

int dao_count_orders(sqlite3 *db, int customer_id);
int dao_customer_exists(sqlite3 *db, const char *email);
void dao_touch_customer(sqlite3 *db, int customer_id);
int dao_default_region(sqlite3 *db);
double dao_tax_rate(int region);
#endif
