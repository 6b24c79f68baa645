// libpq (PostgreSQL 15) on the real Debian libpq-dev headers (<libpq-fe.h>):
// each N+1 shape in libpq's own idioms (index loops up to PQntuples), and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I/usr/include/postgresql
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 -I/usr/include/postgresql
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 -I/usr/include/postgresql

#include <libpq-fe.h>
#include <cstdlib>
#include <string>
#include <vector>

// The canonical N+1: an index loop over the users, one PQexecParams per row.
void ordersPerUser(PGconn *conn) {
  PGresult *users = PQexec(conn, "SELECT id, name FROM users");
  for (int i = 0; i < PQntuples(users); ++i) {
    const char *paramValues[1] = {PQgetvalue(users, i, 0)};
    PGresult *orders = PQexecParams(conn, "SELECT total FROM orders WHERE user_id = $1", 1, nullptr, paramValues, nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:102: note: the row value 'paramValues' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:43: note: batch it: 'user_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-9]]:34: note: or read both in one query: add 'LEFT JOIN orders ON orders.user_id = users.id' and its columns here
    PQclear(orders);
  }
  PQclear(users);
}

// The key pasted into the SQL text.
void profilesByText(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT id FROM users WHERE active");
  for (int i = 0; i < PQntuples(res); i++) {
    std::string sql = "SELECT bio FROM profiles WHERE user_id = ";
    sql += PQgetvalue(res, i, 0);
    PQclear(PQexec(conn, sql.c_str()));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: the row value 'PQgetvalue(res, i, 0)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
  }
  PQclear(res);
}

// The row count read once before the loop, as most libpq code does.
void profilesCachedCount(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT id FROM users WHERE active");
  int nrows = PQntuples(res);
  for (int i = 0; i < nrows; i++) {
    const char *v[1] = {PQgetvalue(res, i, 0)};
    PQclear(PQexecParams(conn, "SELECT bio FROM profiles WHERE user_id = $1", 1, nullptr, v, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:91: note: the row value 'v' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: batch it: 'user_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by user_id
  }
  PQclear(res);
}

// A while loop over the row index.
void profilesWhile(PGconn *conn) {
  PGresult *res = PQexec(conn, "SELECT id FROM users WHERE active");
  int i = 0;
  while (i < PQntuples(res)) {
    const char *v[1] = {PQgetvalue(res, i, 0)};
    PQclear(PQexecParams(conn, "SELECT bio FROM profiles WHERE user_id = $1", 1, nullptr, v, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: query runs once per row of 'res' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'res' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'res' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:91: note: the row value 'v' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: batch it: 'user_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by user_id
    ++i;
  }
  PQclear(res);
}

// Single-row mode: each PQgetResult is one row of the query (libpq's cursor).
void profilesSingleRow(PGconn *conn, PGconn *other) {
  PQsendQuery(conn, "SELECT id FROM users");
  PQsetSingleRowMode(conn);
  PGresult *row;
  while ((row = PQgetResult(conn)) != nullptr) {
    if (PQresultStatus(row) == PGRES_SINGLE_TUPLE) {
      const char *v[1] = {PQgetvalue(row, 0, 0)};
      PQclear(PQexecParams(other, "SELECT bio FROM profiles WHERE user_id = $1", 1, nullptr, v, nullptr, nullptr, 0));
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: query runs up to once per row of 'row' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
      // CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'row' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'row' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:94: note: the row value 'v' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:35: note: batch it: 'user_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by user_id
    }
    PQclear(row);
  }
}

// A named prepared statement run per row.
void addressPerRow(PGconn *conn) {
  PQclear(PQprepare(conn, "addr", "SELECT city FROM addresses WHERE user_id = $1", 1, nullptr));
  PGresult *users = PQexec(conn, "SELECT id FROM users");
  for (int i = 0; i < PQntuples(users); i++) {
    const char *values[] = {PQgetvalue(users, i, 0)};
    PQclear(PQexecPrepared(conn, "addr", 1, values, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:45: note: the row value 'values' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:35: note: batch it: 'user_id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by user_id
    // CHECK-MESSAGES: :[[@LINE-9]]:34: note: or read both in one query: add 'LEFT JOIN addresses ON addresses.user_id = users.id' and its columns here
  }
  PQclear(users);
}

// A write per row.
void markSeen(PGconn *conn) {
  PGresult *users = PQexec(conn, "SELECT id FROM users WHERE active");
  for (int i = 0; i < PQntuples(users); ++i) {
    const char *params[1] = {PQgetvalue(users, i, 0)};
    PQclear(PQexecParams(conn, "UPDATE users SET seen = now() WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0));
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:91: note: the row value 'params' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:32: note: batch it: one multi-row INSERT, COPY with PQputCopyData, or one UPDATE/DELETE ... WHERE id = ANY($1)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (PQexec(conn, "BEGIN") ... "COMMIT"): outside one, every statement commits on its own
  }
  PQclear(users);
}

// One query per element of a vector of ids.
void namesOf(PGconn *conn, const std::vector<int> &ids) {
  for (int id : ids) {
    std::string key = std::to_string(id);
    const char *params[1] = {key.c_str()};
    PGresult *r = PQexecParams(conn, "SELECT name FROM users WHERE id = $1", 1, nullptr, params, nullptr, nullptr, 0);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:90: note: the element value 'params' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:38: note: batch it: 'id = ANY($1)' with the keys in one array text '{1,2,3}', then group the rows by id
    PQclear(r);
  }
}

// The same query on every row.
void configPerRow(PGconn *conn) {
  PGresult *users = PQexec(conn, "SELECT id FROM users");
  for (int i = 0; i < PQntuples(users); ++i) {
    PGresult *cfg = PQexec(conn, "SELECT value FROM config WHERE name = 'limit'");
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: hoist it: run the query once before the loop and reuse its result
    PQclear(cfg);
  }
  PQclear(users);
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads row values.
long beforeAndAfter(PGconn *conn) {
  PGresult *count = PQexec(conn, "SELECT count(*) FROM users");
  long n = std::atol(PQgetvalue(count, 0, 0));
  PQclear(count);
  PGresult *users = PQexec(conn, "SELECT id, name FROM users");
  std::vector<std::string> names;
  for (int i = 0; i < PQntuples(users); ++i) {
    if (PQgetisnull(users, i, 1))
      continue;
    names.push_back(PQgetvalue(users, i, 1));
    n += std::atol(PQgetvalue(users, i, 0));
  }
  PQclear(users);
  PQclear(PQexec(conn, "UPDATE stats SET last_scan = now()"));
  return n + static_cast<long>(names.size());
}

// Only the first row is used: the loop body always returns.
std::string firstName(PGconn *conn) {
  PGresult *users = PQexec(conn, "SELECT id FROM users ORDER BY id");
  for (int i = 0; i < PQntuples(users); ++i) {
    const char *v[1] = {PQgetvalue(users, i, 0)};
    PGresult *r = PQexecParams(conn, "SELECT name FROM users WHERE id = $1", 1, nullptr, v, nullptr, nullptr, 0);
    std::string name = PQgetvalue(r, 0, 0);
    PQclear(r);
    PQclear(users);
    return name;
  }
  PQclear(users);
  return {};
}

// An unrelated class with libpq-like method names.
struct Cache {
  int exec(const char *key);
  int ntuples() const;
  const char *getvalue(int row, int col) const;
};
int warm(Cache &cache, const std::vector<std::string> &keys) {
  int hits = 0;
  for (const std::string &k : keys)
    hits += cache.exec(k.c_str());
  for (int i = 0; i < cache.ntuples(); ++i)
    hits += cache.exec(cache.getvalue(i, 0));
  return hits;
}

// Pagination: the offset changes each page; the loop is not over rows.
void allIds(PGconn *conn, std::vector<std::string> &all) {
  int offset = 0;
  while (true) {
    std::string o = std::to_string(offset);
    const char *v[1] = {o.c_str()};
    PGresult *page = PQexecParams(conn, "SELECT id FROM users ORDER BY id LIMIT 100 OFFSET $1", 1, nullptr, v, nullptr, nullptr, 0);
    int n = PQntuples(page);
    for (int i = 0; i < n; ++i)
      all.push_back(PQgetvalue(page, i, 0));
    PQclear(page);
    if (n == 0)
      break;
    offset += 100;
  }
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: PGresult *orders = PQexecParams(conn, "SELECT user_id, total FROM orders WHERE user_id = ANY($1)", 1, nullptr, paramValues, nullptr, nullptr, 0);
// NOTE-FIXES: PQclear(PQexecParams(conn, "SELECT user_id, bio FROM profiles WHERE user_id = ANY($1)", 1, nullptr, v, nullptr, nullptr, 0));
// NOTE-FIXES: PQclear(PQexecParams(conn, "SELECT user_id, bio FROM profiles WHERE user_id = ANY($1)", 1, nullptr, v, nullptr, nullptr, 0));
// NOTE-FIXES: PQclear(PQexecParams(other, "SELECT user_id, bio FROM profiles WHERE user_id = ANY($1)", 1, nullptr, v, nullptr, nullptr, 0));
// NOTE-FIXES: PQclear(PQprepare(conn, "addr", "SELECT user_id, city FROM addresses WHERE user_id = ANY($1)", 1, nullptr));
// NOTE-FIXES: PGresult *r = PQexecParams(conn, "SELECT id, name FROM users WHERE id = ANY($1)", 1, nullptr, params, nullptr, nullptr, 0);
// NOTE-FIXES: PGresult *cfg = PQexec(conn, "SELECT value FROM config WHERE name = 'limit'");
