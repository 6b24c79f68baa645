// Linked lists a C loader builds from a query's rows: a walk of the list
// (`for (t = head; t; t = t->next)`, `while (t != NULL) { ...; t = t->next;
// }`) is a walk of the rows, and a lookup per node is nplusone-query-in-loop.
// The same for a do/while and a list drained node by node. A list that no
// query filled stays nplusone-query-per-element. All checks.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct track {
  int id;
  int album_id;
  int artist_id;
  char title[128];
  struct track *next;
};

void free_tracks(struct track *t) {
  while (t) {
    struct track *next = t->next;
    free(t);
    t = next;
  }
}

// The playlist loader: newest first, so each node goes in front.
static struct track *load_playlist(sqlite3 *db, int playlist) {
  struct track *head = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT id, album_id, artist_id, title FROM tracks "
                         "WHERE playlist_id = ? ORDER BY added DESC",
                         -1, &st, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_int(st, 1, playlist);
  while (sqlite3_step(st) == SQLITE_ROW) {
    struct track *t = calloc(1, sizeof *t);
    if (!t)
      break;
    t->id = sqlite3_column_int(st, 0);
    t->album_id = sqlite3_column_int(st, 1);
    t->artist_id = sqlite3_column_int(st, 2);
    snprintf(t->title, sizeof t->title, "%s", sqlite3_column_text(st, 3));
    t->next = head;
    head = t;
  }
  sqlite3_finalize(st);
  return head;
}

// The play queue loader keeps the order: it appends through a tail pointer.
static struct track *load_queue(sqlite3 *db) {
  struct track *head = NULL, **tail = &head;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT t.id, t.album_id, t.artist_id, t.title "
                         "FROM queue q JOIN tracks t ON t.id = q.track_id "
                         "ORDER BY q.pos",
                         -1, &st, NULL) != SQLITE_OK)
    return NULL;
  while (sqlite3_step(st) == SQLITE_ROW) {
    struct track *t = calloc(1, sizeof *t);
    if (!t)
      break;
    t->id = sqlite3_column_int(st, 0);
    t->album_id = sqlite3_column_int(st, 1);
    t->artist_id = sqlite3_column_int(st, 2);
    snprintf(t->title, sizeof t->title, "%s", sqlite3_column_text(st, 3));
    *tail = t;
    tail = &t->next;
  }
  sqlite3_finalize(st);
  return head;
}

// A playlist read from an .m3u file: no query behind it.
static struct track *parse_m3u(FILE *in) {
  struct track *head = NULL;
  char line[256];
  while (fgets(line, sizeof line, in)) {
    if (line[0] == '#')
      continue;
    struct track *t = calloc(1, sizeof *t);
    if (!t)
      break;
    t->id = atoi(line);
    t->next = head;
    head = t;
  }
  return head;
}

static void print_album(sqlite3 *db, const char *title, int album_id) {
  sqlite3_stmt *album = NULL;
  if (sqlite3_prepare_v2(db, "SELECT name FROM albums WHERE id = ?", -1, &album,
                         NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int(album, 1, album_id);
  if (sqlite3_step(album) == SQLITE_ROW)
    printf("%s (%s)\n", title, sqlite3_column_text(album, 0));
  sqlite3_finalize(album);
}

// Each track of the playlist, then its album: one query per track.
void print_playlist(sqlite3 *db, int playlist) {
  struct track *tracks = load_playlist(db, playlist);
  for (struct track *t = tracks; t; t = t->next)
    print_album(db, t->title, t->album_id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'tracks' (N+1 queries); load the rows for all tracks in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-80]]:7: note: 'tracks' holds the rows of this query, returned by 'load_playlist'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'tracks' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:31: note: the row value 't->album_id' is passed to 'print_album' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-14]]:7: note: 'print_album' runs the query here
    // CHECK-MESSAGES: :[[@LINE-19]]:30: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
  free_tracks(tracks);
}

// The queue as JSON, with each track's artist looked up per track.
void export_queue(sqlite3 *db, FILE *out) {
  struct track *queue = load_queue(db);
  struct track *t = queue;
  fputc('[', out);
  while (t != NULL) {
    sqlite3_stmt *artist = NULL;
    sqlite3_prepare_v2(db, "SELECT name FROM artists WHERE id = ?", -1, &artist,
                       NULL);
    sqlite3_bind_int(artist, 1, t->artist_id);
    if (sqlite3_step(artist) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'queue' (N+1 queries); load the rows for every queue in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-75]]:7: note: 'queue' holds the rows of this query, returned by 'load_queue'
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'queue' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:33: note: the row value 't->artist_id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-8]]:28: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
      fprintf(out, "{\"title\":\"%s\",\"artist\":\"%s\"}%s", t->title,
              sqlite3_column_text(artist, 0), t->next ? "," : "");
    sqlite3_finalize(artist);
    t = t->next;
  }
  fputs("]\n", out);
  free_tracks(queue);
}

// Look-alike: the walk only prints what the one query loaded.
void print_queue(sqlite3 *db) {
  struct track *queue = load_queue(db);
  int pos = 1;
  for (struct track *t = queue; t != NULL; t = t->next)
    printf("%2d. %s\n", pos++, t->title);
  free_tracks(queue);
}

// Look-alike that stays per element: the list came from a file, not a
// query, so the lookup runs once per element of it.
void print_m3u(sqlite3 *db, FILE *in) {
  struct track *list = parse_m3u(in);
  for (struct track *t = list; t; t = t->next)
    print_album(db, "", t->id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'list' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'list' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:25: note: the element value 't->id' is passed to 'print_album' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-62]]:7: note: 'print_album' runs the query here
    // CHECK-MESSAGES: :[[@LINE-67]]:30: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
  free_tracks(list);
}

// The same rows walked with a do/while: each track's album looked up per
// track.
void print_playlist_albums(sqlite3 *db, int playlist) {
  struct track *tracks = load_playlist(db, playlist);
  struct track *t = tracks;
  if (!t)
    return;
  do {
    print_album(db, t->title, t->album_id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'tracks' (N+1 queries); load the rows for all tracks in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-146]]:7: note: 'tracks' holds the rows of this query, returned by 'load_playlist'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'tracks' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:31: note: the row value 't->album_id' is passed to 'print_album' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-80]]:7: note: 'print_album' runs the query here
    // CHECK-MESSAGES: :[[@LINE-85]]:30: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
    t = t->next;
  } while (t);
  free_tracks(tracks);
}

// The play queue drained node by node as it is played: one play count
// written per track.
void play_queue(sqlite3 *db) {
  struct track *queue = load_queue(db);
  char sql[96];
  while (queue) {
    struct track *t = queue;
    queue = t->next;
    snprintf(sql, sizeof sql,
             "UPDATE tracks SET plays = plays + 1 WHERE id = %d", t->id);
    sqlite3_exec(db, sql, NULL, NULL, NULL);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'queue' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-143]]:7: note: 'queue' holds the rows of this query, returned by 'load_queue'
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'queue' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:67: note: the row value 't->id' flows into the UPDATE's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-11]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    free(t);
  }
}

// Look-alike: draining the queue only prints and frees it.
void print_and_clear_queue(sqlite3 *db) {
  struct track *queue = load_queue(db);
  while (queue) {
    struct track *t = queue;
    queue = t->next;
    printf("%s\n", t->title);
    free(t);
  }
}
