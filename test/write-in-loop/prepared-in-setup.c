// Statements a setup function prepares into a struct and a row loop elsewhere
// binds, steps and resets, on the real SQLite3 C API header, compiled as C:
// the INSERT is a write per row whether the loop steps it itself or through
// a helper; the SELECT kept beside it in the same struct stays a read.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c11

#include <sqlite3.h>
#include <stdio.h>

struct tag_index {
  sqlite3 *db;
  sqlite3_stmt *insert_tag;
  sqlite3_stmt *find_tag;
  sqlite3_stmt *count_tags;
};

int tag_index_open(struct tag_index *ix, const char *path) {
  if (sqlite3_open(path, &ix->db) != SQLITE_OK)
    return -1;
  sqlite3_prepare_v2(ix->db,
                     "INSERT INTO post_tags(post_id, tag) VALUES (?, ?)", -1,
                     &ix->insert_tag, NULL);
  sqlite3_prepare_v2(ix->db, "SELECT name FROM tags WHERE id = ?", -1,
                     &ix->find_tag, NULL);
  sqlite3_prepare_v2(ix->db, "SELECT count(*) FROM post_tags", -1,
                     &ix->count_tags, NULL);
  return 0;
}

void tag_index_close(struct tag_index *ix) {
  sqlite3_finalize(ix->insert_tag);
  sqlite3_finalize(ix->find_tag);
  sqlite3_finalize(ix->count_tags);
  sqlite3_close(ix->db);
}

static int save_tag(struct tag_index *ix, int post_id, const char *tag) {
  sqlite3_bind_int(ix->insert_tag, 1, post_id);
  sqlite3_bind_text(ix->insert_tag, 2, tag, -1, SQLITE_TRANSIENT);
  int rc = sqlite3_step(ix->insert_tag);
  sqlite3_reset(ix->insert_tag);
  return rc == SQLITE_DONE ? 0 : -1;
}

// The import walks the posts' tags and saves each through the helper.
int import_tags(struct tag_index *ix, sqlite3_stmt *post_tags) {
  int failed = 0;
  while (sqlite3_step(post_tags) == SQLITE_ROW) {
    int post_id = sqlite3_column_int(post_tags, 0);
    const char *tag = (const char *)sqlite3_column_text(post_tags, 1);
    failed += save_tag(ix, post_id, tag) != 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: INSERT runs once per row of 'post_tags' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'post_tags' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:28: note: the row value 'post_id' is passed to 'save_tag' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-15]]:12: note: 'save_tag' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-35]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
  return failed;
}

// The same statement stepped in the loop itself.
void retag_posts(struct tag_index *ix, sqlite3_stmt *posts, const char *tag) {
  while (sqlite3_step(posts) == SQLITE_ROW) {
    sqlite3_bind_int(ix->insert_tag, 1, sqlite3_column_int(posts, 0));
    sqlite3_bind_text(ix->insert_tag, 2, tag, -1, SQLITE_STATIC);
    sqlite3_step(ix->insert_tag);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'posts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'posts' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:41: note: the row value 'sqlite3_column_int(posts, 0)' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-50]]:22: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    sqlite3_reset(ix->insert_tag);
  }
}

// The SELECT in the same struct, one per row: a read, not a write.
void print_tag_names(struct tag_index *ix, sqlite3_stmt *post_tags) {
  while (sqlite3_step(post_tags) == SQLITE_ROW) {
    sqlite3_reset(ix->find_tag);
    sqlite3_bind_int(ix->find_tag, 1, sqlite3_column_int(post_tags, 1));
    if (sqlite3_step(ix->find_tag) == SQLITE_ROW)
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'post_tags' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'post_tags' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:39: note: the row value 'sqlite3_column_int(post_tags, 1)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-63]]:30: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
      printf("%s\n", (const char *)sqlite3_column_text(ix->find_tag, 0));
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The INSERT run once, after the loop that finds the newest post.
void tag_newest(struct tag_index *ix, sqlite3_stmt *posts) {
  int newest = 0;
  while (sqlite3_step(posts) == SQLITE_ROW)
    newest = sqlite3_column_int(posts, 0);
  save_tag(ix, newest, "new");
}

// SQLite's bulk load: the per-row INSERT inside one transaction.
int import_tags_in_transaction(struct tag_index *ix, sqlite3_stmt *post_tags) {
  sqlite3_exec(ix->db, "BEGIN", NULL, NULL, NULL);
  int failed = 0;
  while (sqlite3_step(post_tags) == SQLITE_ROW)
    failed += save_tag(ix, sqlite3_column_int(post_tags, 0),
                       (const char *)sqlite3_column_text(post_tags, 1)) != 0;
  sqlite3_exec(ix->db, "COMMIT", NULL, NULL, NULL);
  return failed;
}

// The statement's own rows walked: stepping the cursor is no query.
int count_tags(struct tag_index *ix) {
  int n = 0;
  sqlite3_reset(ix->count_tags);
  while (sqlite3_step(ix->count_tags) == SQLITE_ROW)
    n += sqlite3_column_int(ix->count_tags, 0);
  return n;
}
