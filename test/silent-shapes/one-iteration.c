// A statement under a test that pins the loop's own counter to a constant
// (`if (rank == 30)` in the loop over ranks) runs on one iteration: once per
// call, not per element. The nearest shapes still run once per element: a
// test that holds on many iterations (`rank % 4 == 0`), and a pinned counter
// of an inner loop, which the outer loop runs again for every sector. A
// C search indexer on the real libpq-fe.h.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c99 -I/usr/include/postgresql

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>

static void index_rank(PGconn *conn, int rank) {
  char rank_text[16];
  const char *params[1] = {rank_text};
  snprintf(rank_text, sizeof rank_text, "%d", rank);
  PQclear(PQexecParams(conn,
                       "UPDATE placex SET indexed_status = 0 "
                       "WHERE rank_search = $1",
                       1, NULL, params, NULL, NULL, 0));
}

static void index_interpolations(PGconn *conn) {
  PQclear(PQexec(conn, "UPDATE location_property_osmline "
                       "SET indexed_status = 0 WHERE indexed_status > 0"));
}

static int count_sector(PGconn *conn, int rank, const char *sector) {
  char rank_text[16];
  const char *params[2] = {rank_text, sector};
  snprintf(rank_text, sizeof rank_text, "%d", rank);
  PGresult *res = PQexecParams(conn,
                               "SELECT count(*) FROM placex "
                               "WHERE rank_search = $1 AND geometry_sector = $2",
                               2, NULL, params, NULL, NULL, 0);
  int n = PQntuples(res) ? atoi(PQgetvalue(res, 0, 0)) : 0;
  PQclear(res);
  return n;
}

void index_interpolation_rank(PGconn *conn, int rank_min, int rank_max) {
  int rank;
  for (rank = rank_min; rank <= rank_max; rank++) {
    if (rank == 30)
      index_interpolations(conn);
  }
}

//===--- The nearest shapes: once per element -------------------------===//

void index_every_fourth_rank(PGconn *conn, int rank_min, int rank_max) {
  int rank;
  for (rank = rank_min; rank <= rank_max; rank++) {
    if (rank % 4 == 0)
      index_rank(conn, rank);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs up to once per element of the loop (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
      // CHECK-MESSAGES: :[[@LINE-3]]:24: note: the element value 'rank' is passed to 'index_rank' here and reaches its UPDATE
      // CHECK-MESSAGES: :[[@LINE-42]]:11: note: 'index_rank' runs the UPDATE here
      // CHECK-MESSAGES: :[[@LINE-42]]:24: note: batch it: one multi-row INSERT, COPY with PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)
      // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (PQexec(conn, "BEGIN") ... "COMMIT"): outside one, every statement commits on its own
  }
}

void count_first_rank_per_sector(PGconn *conn, const char *const *sectors,
                                 int nsectors) {
  int s, rank;
  for (s = 0; s < nsectors; s++) {
    for (rank = 4; rank <= 30; rank++) {
      if (rank == 4)
        count_sector(conn, rank, sectors[s]);
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs up to once per element of the loop (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
        // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop is here
        // CHECK-MESSAGES: :[[@LINE-3]]:34: note: the element value 'sectors[s]' is passed to 'count_sector' here and reaches its query
        // CHECK-MESSAGES: :[[@LINE-43]]:19: note: 'count_sector' runs the query here
        // CHECK-MESSAGES: :[[@LINE-43]]:32: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
    }
  }
}
