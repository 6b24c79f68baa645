#include "report.h"

void users_page(sqlite3 *db) { print_totals(db); }
