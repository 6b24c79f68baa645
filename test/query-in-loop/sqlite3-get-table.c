// sqlite3_get_table on C code: the rows land in a table of strings whose
// row count an out-argument receives; a loop counting those rows walks the
// query's rows, and a lookup per row is nplusone-query-in-loop. All checks.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

// The playlist printer of a music player: the tracks, then each album.
int print_playlist(sqlite3 *db, int playlist) {
  char sql[128];
  char **cells = NULL;
  char *err = NULL;
  int nrow = 0, ncol = 0;
  snprintf(sql, sizeof sql,
           "SELECT id, title, album_id FROM tracks WHERE playlist_id = %d",
           playlist);
  if (sqlite3_get_table(db, sql, &cells, &nrow, &ncol, &err) != SQLITE_OK) {
    fprintf(stderr, "playlist: %s\n", err);
    sqlite3_free(err);
    return -1;
  }
  for (int i = 1; i <= nrow; i++) {
    const char *title = cells[i * ncol + 1];
    sqlite3_stmt *album = NULL;
    sqlite3_prepare_v2(db, "SELECT name FROM albums WHERE id = ?", -1, &album,
                       NULL);
    sqlite3_bind_int(album, 1, atoi(cells[i * ncol + 2]));
    if (sqlite3_step(album) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'cells' (N+1 queries); load the rows for all tracks in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-13]]:7: note: 'cells' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop over the rows of 'cells' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: the row value 'atoi(cells[i * ncol + 2])' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:28: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
      printf("%s (%s)\n", title, sqlite3_column_text(album, 0));
    sqlite3_finalize(album);
  }
  sqlite3_free_table(cells);
  return 0;
}

// Look-alike: the loop over the table only prints what the one query
// returned; nothing runs per row.
void print_genres(sqlite3 *db) {
  char **cells = NULL;
  int nrow = 0, ncol = 0;
  if (sqlite3_get_table(db, "SELECT id, name FROM genres ORDER BY name", &cells,
                        &nrow, &ncol, NULL) != SQLITE_OK)
    return;
  for (int i = 1; i <= nrow; i++)
    printf("%s %s\n", cells[i * ncol], cells[i * ncol + 1]);
  sqlite3_free_table(cells);
}

// Look-alike: the parent query returns at most one row (LIMIT 1), so the
// lookup under the loop runs at most once.
void print_now_playing(sqlite3 *db) {
  char **cells = NULL;
  int nrow = 0, ncol = 0;
  if (sqlite3_get_table(db,
                        "SELECT title, album_id FROM tracks "
                        "ORDER BY played_at DESC LIMIT 1",
                        &cells, &nrow, &ncol, NULL) != SQLITE_OK)
    return;
  for (int i = 1; i <= nrow; i++) {
    sqlite3_stmt *album = NULL;
    sqlite3_prepare_v2(db, "SELECT name FROM albums WHERE id = ?", -1, &album,
                       NULL);
    sqlite3_bind_int(album, 1, atoi(cells[i * ncol + 1]));
    if (sqlite3_step(album) == SQLITE_ROW)
      printf("%s (%s)\n", cells[i * ncol], sqlite3_column_text(album, 0));
    sqlite3_finalize(album);
  }
  sqlite3_free_table(cells);
}

