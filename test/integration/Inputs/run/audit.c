#include "report.h"

void audit_page(sqlite3 *db) { print_totals(db); }
