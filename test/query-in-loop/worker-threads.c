// Worker threads share one result: each takes the next row by a counter
// kept in the thread's argument struct, under a mutex, and runs its
// statements for that row. The thread's `while (1)` loop walks the rows of
// the result even though nothing in its condition names them; a write
// retried on deadlock inside it still runs once per row. The look-alikes
// stay silent: the monitor that polls a count, and a retry of one write
// with no rows around it. A C search indexer on the real libpq-fe.h.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=gnu99 -I/usr/include/postgresql

#include <libpq-fe.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct index_job {
  PGconn *conn;
  PGresult *places;
  int tuples;
  int *next_row;
  pthread_mutex_t *next_row_mutex;
  FILE *out;
};

static void export_place(PGconn *conn, const char *place_id, FILE *out) {
  const char *params[1] = {place_id};
  PGresult *res = PQexecParams(conn,
                               "SELECT osm_type, osm_id, name FROM placex "
                               "WHERE place_id = $1",
                               1, NULL, params, NULL, NULL, 0);
  if (PQntuples(res) > 0)
    fprintf(out, "%s %s %s\n", PQgetvalue(res, 0, 0), PQgetvalue(res, 0, 1),
            PQgetvalue(res, 0, 2));
  PQclear(res);
}

static int deadlocked(PGconn *conn) {
  return strncmp(PQerrorMessage(conn), "ERROR:  deadlock detected", 25) == 0;
}

void *export_worker(void *arg) {
  struct index_job *job = (struct index_job *)arg;
  char place_id[32];
  while (1) {
    pthread_mutex_lock(job->next_row_mutex);
    if (*(job->next_row) >= job->tuples) {
      pthread_mutex_unlock(job->next_row_mutex);
      break;
    }
    snprintf(place_id, sizeof place_id, "%s",
             PQgetvalue(job->places, *job->next_row, 0));
    (*job->next_row)++;
    pthread_mutex_unlock(job->next_row_mutex);
    export_place(job->conn, place_id, job->out);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'job->places' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-12]]:3: note: the loop over the rows of 'job->places' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:29: note: the row value 'place_id' is passed to 'export_place' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-31]]:19: note: 'export_place' runs the query here
    // CHECK-MESSAGES: :[[@LINE-31]]:32: note: batch it: 'place_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by place_id
  }
  return NULL;
}

void *index_worker(void *arg) {
  struct index_job *job = (struct index_job *)arg;
  const char *params[1];
  while (1) {
    pthread_mutex_lock(job->next_row_mutex);
    if (*(job->next_row) >= job->tuples) {
      pthread_mutex_unlock(job->next_row_mutex);
      break;
    }
    params[0] = PQgetvalue(job->places, *job->next_row, 0);
    (*job->next_row)++;
    pthread_mutex_unlock(job->next_row_mutex);
    int done = 0;
    PGresult *res = NULL;
    while (!done) {
      res = PQexecParams(job->conn,
                         "UPDATE placex SET indexed_status = 0 "
                         "WHERE place_id = $1",
                         1, NULL, params, NULL, NULL, 0);
      // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: UPDATE runs once per row of 'job->places' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-17]]:3: note: the loop over the rows of 'job->places' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:35: note: the row value 'params' flows into the UPDATE's parameter here
      // CHECK-MESSAGES: :[[@LINE-6]]:26: note: batch it: one multi-row INSERT, COPY with PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)
      // CHECK-MESSAGES: :[[@LINE-20]]:3: note: wrap the loop in one transaction (PQexec(conn, "BEGIN") ... "COMMIT"): outside one, every statement commits on its own
      if (PQresultStatus(res) == PGRES_COMMAND_OK)
        done = 1;
      else if (deadlocked(job->conn)) {
        PQclear(res);
        sleep(1);
      } else
        exit(EXIT_FAILURE);
    }
    PQclear(res);
  }
  return NULL;
}

// The rows handed over whole: a counter loop whose bound is the count the
// job carries, not PQntuples itself, still walks the result's rows.
void mark_job_done(struct index_job *job) {
  for (int i = 0; i < job->tuples; i++) {
    const char *params[1] = {PQgetvalue(job->places, i, 0)};
    PQclear(PQexecParams(job->conn,
                         "SELECT pg_notify('indexed', osm_id::text) "
                         "FROM placex WHERE place_id = $1",
                         1, NULL, params, NULL, NULL, 0));
    // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: query runs once per row of 'job->places' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:3: note: the loop over the rows of 'job->places' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:35: note: the row value 'params' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-6]]:26: note: batch it: 'place_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by place_id
  }
}

//===--- Look-alikes that stay silent ------------------------------------===//

// The indexer's monitor polls how many places are left: it reads the first
// row of each new result, and no row is taken by a moving index.
void wait_for_indexing(PGconn *conn) {
  while (1) {
    PGresult *res = PQexec(conn, "SELECT count(*) FROM placex "
                                 "WHERE indexed_status > 0");
    int left = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    if (left == 0)
      break;
    sleep(1);
  }
}

// One write retried on deadlock, with no loop over rows around it.
int reset_rank(PGconn *conn, const char *rank) {
  const char *params[1] = {rank};
  PGresult *res;
  for (;;) {
    res = PQexecParams(conn,
                       "UPDATE placex SET indexed_status = 2 "
                       "WHERE rank_search = $1",
                       1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) == PGRES_COMMAND_OK || !deadlocked(conn))
      break;
    PQclear(res);
    sleep(1);
  }
  int ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  PQclear(res);
  return ok;
}
