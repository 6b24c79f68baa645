// nplusone-loop-invariant-query on the real SQLite3 C API header.
// RUN: %check_nplusone --checks=nplusone-loop-invariant-query --fix=warnings \
// RUN:   --compile-fixed=%clang %s %t -- -- -std=c++17

#include <sqlite3.h>

// The same count is read for every user row.
int countPerRow(sqlite3 *db, sqlite3_stmt *users, sqlite3_stmt *count) {
  int n = 0;
  while (sqlite3_step(users) == SQLITE_ROW) {
    sqlite3_reset(count);
    if (sqlite3_step(count) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:9: note: hoist it: run the query once before the loop and reuse its result
      n += sqlite3_column_int(count, 0);
    sqlite3_exec(db, "SELECT 1 FROM config", nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it: run the query once before the loop and reuse its result
  }
  return n;
}

// Moving feeds into a folder: the folder's settings are read again for
// every feed, though nothing the loop does changes them.
void moveFeeds(sqlite3 *db, const int *feedIds, int n, int folderId) {
  sqlite3_stmt *settings, *move;
  sqlite3_prepare_v2(db, "SELECT updateInterval FROM folders WHERE id = ?", -1,
                     &settings, nullptr);
  sqlite3_prepare_v2(db, "UPDATE feeds SET parentId = ?, updateInterval = ? "
                         "WHERE id = ?", -1, &move, nullptr);
  sqlite3_bind_int(settings, 1, folderId);
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(settings);
    int interval = sqlite3_step(settings) == SQLITE_ROW
                       ? sqlite3_column_int(settings, 0)
                       : 0;
    // CHECK-MESSAGES: :[[@LINE-3]]:20: warning: query runs once per element of the loop but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: hoist it: run the query once before the loop and reuse its result
    sqlite3_reset(move);
    sqlite3_bind_int(move, 1, folderId);
    sqlite3_bind_int(move, 2, interval);
    sqlite3_bind_int(move, 3, feedIds[i]);
    sqlite3_step(move);
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Bound per iteration from the loop: changes every time.
void boundPerIteration(sqlite3_stmt *byId, const int *ids, int n) {
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(byId);
    sqlite3_bind_int(byId, 1, ids[i]);
    sqlite3_step(byId);
  }
}

// The loop's own cursor stepping is no query.
int countRows(sqlite3_stmt *users) {
  int n = 0;
  while (sqlite3_step(users) == SQLITE_ROW)
    ++n;
  return n;
}

// The count of a folder's feeds, read before each UPDATE that moves one more
// feed into it: each iteration reads what the one before wrote.
void appendFeeds(sqlite3 *db, const int *feedIds, int n, int folderId) {
  sqlite3_stmt *count, *move;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM feeds WHERE parentId = ?", -1,
                     &count, nullptr);
  sqlite3_prepare_v2(db, "UPDATE feeds SET parentId = ?, position = ? "
                         "WHERE id = ?", -1, &move, nullptr);
  sqlite3_bind_int(count, 1, folderId);
  for (int i = 0; i < n; ++i) {
    sqlite3_reset(count);
    int position = sqlite3_step(count) == SQLITE_ROW
                       ? sqlite3_column_int(count, 0)
                       : 0;
    sqlite3_reset(move);
    sqlite3_bind_int(move, 1, folderId);
    sqlite3_bind_int(move, 2, position);
    sqlite3_bind_int(move, 3, feedIds[i]);
    sqlite3_step(move);
  }
}
