// The report loops over the users; the per-user query is in another file.
#include "accounts.h"
#include <cstdio>

void printActivity(pqxx::work &tx) {
  for (const auto &user : tx.exec("SELECT id, name FROM users"))
    std::printf("%s %d\n", user[1].c_str(), countOrders(tx, user[0].as<int>()));
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:27: note: 'users' is the result of the query here
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
  // CHECK-MESSAGES: :[[@LINE-4]]:61: note: the row value 'user[0].as<int>()' is passed to 'countOrders' here and reaches its query
  // CHECK-MESSAGES: accounts_repo.cpp:14:17: note: 'countOrders' runs the query here
  // CHECK-MESSAGES: accounts_repo.cpp:14:33: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id

  // After the edit: the summary is stale, said once, and no finding comes of it.
  // STALE: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is stale: '{{.*}}accounts_repo.cpp' changed since it was written; ignored (re-run tools/nplusone-run.py) [clang-tidy-config]
  // PIPE: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is stale: '{{.*}}pipe' is gone or is not a readable file; ignored (re-run tools/nplusone-run.py) [clang-tidy-config]

  // A broken summary file: said once in each file's check, no finding.
  // CORRUPT: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: not valid JSON ({{.*}}); ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
  // TRUNCATED: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: not valid JSON ({{.*}}); ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
  // FOREIGN: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: summary format version 99, this build reads version 3; ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
  // ALIEN: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: not an nplusone summary file; ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
  // MALFORMED: warning: summary file '{{.*}}accounts_repo.cpp.{{[0-9a-f]+}}.nplusone.json' is unusable: malformed: a query: 'depth' is missing or out of range; ignored (re-run tools/nplusone-run.py to rewrite it) [clang-tidy-config]
}
