// The repository the report calls. The stale-summary test rewrites
// countOrders to read a counter cached in memory after the summaries are
// written: a summary of the old version must not report the new one.
#include "accounts.h"
// CORRUPT: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: not valid JSON ({{.*}}); ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
// TRUNCATED: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: not valid JSON ({{.*}}); ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
// FOREIGN: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: summary format version 99, this build reads version 3; ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
// ALIEN: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: not an nplusone summary file; ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
// MALFORMED: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: malformed: a query: 'depth' is missing or out of range; ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]

static int cachedCount = -1;

int countOrders(pqxx::work &tx, int userId) {
  pqxx::row r = tx.exec_params1("SELECT count(*) FROM orders WHERE user_id = $1", userId);
  return r[0].as<int>();
}
