// An in-house wrapper annotated in code: [[clang::annotate("nplusone::...")]]
// marks its query, rows, write and next-row functions; no options needed.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17

#include <string>
#include <vector>

struct Row {
  long id;
  std::string name;
};

class Cursor {
public:
  [[clang::annotate("nplusone::next_row")]] bool next();
  long column(int index) const;
};

class Db {
public:
  [[clang::annotate("nplusone::rows")]] std::vector<Row>
  select(const std::string &sql);
  [[clang::annotate("nplusone::query")]] Row selectOne(const std::string &sql,
                                                      long key);
  [[clang::annotate("nplusone::write")]] void run(const std::string &sql,
                                                 long key);
  [[clang::annotate("nplusone::rows")]] Cursor open(const char *sql);
  // Not annotated: a plain helper that runs nothing.
  std::string quote(const std::string &text);
};

// A range-for over the rows of an annotated query.
void ordersPerUser(Db &db) {
  for (const Row &user : db.select("SELECT id, name FROM users"))
    db.selectOne("SELECT * FROM orders WHERE user_id = ?", user.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:60: note: the row value 'user.id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:18: note: batch it: 'user_id IN (?)' with one placeholder per key, each key bound, then group the rows by user_id
}

// A cursor stepped by an annotated next_row function.
void cursorLoop(Db &db) {
  Cursor users = db.open("SELECT id FROM users");
  while (users.next())
    db.run("DELETE FROM sessions WHERE user_id = ?", users.column(0));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:18: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:54: note: the row value 'users.column(0)' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:12: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
}

// Silent: non-annotated calls in the loop run no query.
void quoting(Db &db) {
  for (const Row &user : db.select("SELECT id, name FROM users"))
    db.quote(user.name);
}

// An annotation on the definition counts as well as on the declaration.
[[clang::annotate("nplusone::query")]] Row findUser(Db &db, long id);
Row findUser(Db &db, long id) { return db.selectOne("SELECT * FROM users WHERE id = ?", id); }

void usersById(Db &db, const std::vector<long> &ids) {
  for (long id : ids)
    findUser(db, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
}
