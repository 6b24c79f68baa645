// SOCI 4.0.3 on the real Debian libsoci-dev headers (<soci/soci.h>, which
// includes Boost): each N+1 shape in SOCI's own idioms, and look-alikes.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17

#include <soci/soci.h>
#include <string>
#include <vector>

using namespace soci;

// The canonical N+1: a rowset over the users, one `sql << ..., use(id)` per row.
void ordersPerUser(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id, name FROM users");
  for (const row &r : users) {
    int id = r.get<int>(0);
    int count = 0;
    sql << "SELECT count(*) FROM orders WHERE user_id = :id", use(id), into(count);
  }
}

// The iterator loop over a rowset.
void ordersByName(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id, name FROM users");
  for (rowset<row>::const_iterator it = users.begin(); it != users.end(); ++it) {
    std::string name = it->get<std::string>("name");
    int count = 0;
    sql << "SELECT count(*) FROM orders WHERE user_name = :n", use(name), into(count);
  }
}

// A statement prepared per row, executed and fetched.
void totalsPerUser(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id, name FROM users");
  for (const row &r : users) {
    std::string name = r.get<std::string>("name");
    double total = 0;
    statement st = (sql.prepare << "SELECT total FROM orders WHERE user_name = :n",
                    use(name, "n"), into(total));
    st.execute();
    while (st.fetch()) {
    }
  }
}

// A statement cursor: into(id) receives each row that fetch() steps to.
void namesByCursor(session &sql) {
  int id = 0;
  std::string name;
  statement st = (sql.prepare << "SELECT id FROM users", into(id));
  st.execute();
  while (st.fetch()) {
    sql << "SELECT name FROM users WHERE id = :id", use(id), into(name);
  }
}

// A write per row, the key appended to the SQL text.
void markSeen(session &sql) {
  rowset<int> ids = (sql.prepare << "SELECT id FROM users WHERE active = 1");
  for (int id : ids)
    sql << "UPDATE users SET seen = 1 WHERE id = " << id;
}

// One query per element of a vector of ids.
void namesOf(session &sql, const std::vector<int> &ids) {
  for (int id : ids) {
    std::string name;
    sql << "SELECT name FROM users WHERE id = :id", use(id), into(name);
  }
}

// The same query on every row.
void configPerRow(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id FROM users");
  for (const row &r : users) {
    int limit = 0;
    sql << "SELECT value FROM config WHERE name = 'limit'", into(limit);
    (void)r;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Queries before and after the loop; the loop only reads row values.
int beforeAndAfter(session &sql) {
  int n = 0;
  sql << "SELECT count(*) FROM users", into(n);
  rowset<row> users = (sql.prepare << "SELECT id FROM users");
  int last = 0;
  std::vector<int> ids;
  for (const row &r : users) {
    last = r.get<int>(0);
    ids.push_back(last);
  }
  std::string name;
  sql << "SELECT name FROM users WHERE id = :id", use(last), into(name);
  return n + static_cast<int>(ids.size());
}

// Only the first row is used: the loop body always returns.
std::string firstName(session &sql) {
  rowset<row> users = (sql.prepare << "SELECT id FROM users ORDER BY id");
  for (const row &r : users) {
    int id = r.get<int>(0);
    std::string name;
    sql << "SELECT name FROM users WHERE id = :id", use(id), into(name);
    return name;
  }
  return {};
}

// An unrelated class with the same operator and method names.
struct Log {
  Log &operator<<(const char *);
  bool fetch();
  void execute();
};
void logLines(Log &log, const std::vector<std::string> &lines) {
  for (const std::string &l : lines) {
    log << l.c_str();
    log.execute();
  }
  while (log.fetch())
    log << "more";
}

// Pagination: the offset changes on every page, and the loop is not over
// the rows of a query.
void allIds(session &sql, std::vector<int> &all) {
  std::vector<int> page(100);
  int offset = 0;
  while (true) {
    sql << "SELECT id FROM users ORDER BY id LIMIT 100 OFFSET :o", use(offset),
        into(page);
    if (page.empty())
      break;
    all.insert(all.end(), page.begin(), page.end());
    offset += 100;
  }
}
