// Benchmark input: a library-loans service on the SQLite3 C API. Cursor
// loops with per-row statements (N+1, in the loop and behind helpers), a
// batched json_each() load, a write per row and database-free helpers.

#include <sqlite3.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace loans {

struct Book {
  long long id = 0;
  std::string title;
  int copiesOut = 0;
};

struct Member {
  long long id = 0;
  std::string name;
  std::vector<std::string> borrowed;
};

void check(sqlite3 *db, int rc, int expected, const char *what) {
  if (rc != expected)
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

std::string text(sqlite3_stmt *stmt, int col) {
  const unsigned char *p = sqlite3_column_text(stmt, col);
  return p ? reinterpret_cast<const char *>(p) : "";
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt = nullptr;
  check(db, sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK, sql);
  return stmt;
}

// Helper run once per member below: the hidden N+1.
static std::vector<std::string> titlesBorrowedBy(sqlite3 *db, long long id) {
  std::vector<std::string> titles;
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT b.title FROM loans l JOIN books b ON b.id = "
                     "l.book_id WHERE l.member_id = ?",
                     -1, &stmt, nullptr);
  sqlite3_bind_int64(stmt, 1, id);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    titles.push_back(text(stmt, 0));
  sqlite3_finalize(stmt);
  return titles;
}

std::vector<Member> membersWithLoans(sqlite3 *db) {
  std::vector<Member> result;
  sqlite3_stmt *members = prepare(db, "SELECT id, name FROM members");
  while (sqlite3_step(members) == SQLITE_ROW) {
    Member m;
    m.id = sqlite3_column_int64(members, 0);
    m.name = text(members, 1);
    m.borrowed = titlesBorrowedBy(db, m.id);
    result.push_back(std::move(m));
  }
  sqlite3_finalize(members);
  return result;
}

// The batched version: one statement for all members' loans.
std::vector<Member> membersWithLoansBatched(sqlite3 *db) {
  std::vector<Member> members;
  std::unordered_map<long long, size_t> byId;
  std::string ids = "[";
  sqlite3_stmt *stmt = prepare(db, "SELECT id, name FROM members");
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    long long id = sqlite3_column_int64(stmt, 0);
    byId[id] = members.size();
    members.push_back({id, text(stmt, 1), {}});
    ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
  }
  sqlite3_finalize(stmt);
  ids += "]";
  sqlite3_stmt *loans = prepare(
      db, "SELECT l.member_id, b.title FROM loans l JOIN books b ON b.id = "
          "l.book_id WHERE l.member_id IN (SELECT value FROM json_each(?))");
  sqlite3_bind_text(loans, 1, ids.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(loans) == SQLITE_ROW)
    members[byId[sqlite3_column_int64(loans, 0)]].borrowed.push_back(
        text(loans, 1));
  sqlite3_finalize(loans);
  return members;
}

// N+1 written in the loop: a count per book.
std::vector<Book> booksWithCopiesOut(sqlite3 *db) {
  std::vector<Book> result;
  sqlite3_stmt *books = prepare(db, "SELECT id, title FROM books");
  sqlite3_stmt *count = prepare(
      db, "SELECT count(*) FROM loans WHERE book_id = ? AND returned = 0");
  int rc;
  while ((rc = sqlite3_step(books)) == SQLITE_ROW) {
    Book b{sqlite3_column_int64(books, 0), text(books, 1), 0};
    sqlite3_reset(count);
    sqlite3_bind_int64(count, 1, b.id);
    if (sqlite3_step(count) == SQLITE_ROW)
      b.copiesOut = sqlite3_column_int(count, 0);
    result.push_back(b);
  }
  check(db, rc, SQLITE_DONE, "books");
  sqlite3_finalize(count);
  sqlite3_finalize(books);
  return result;
}

// A write per overdue loan: not an N+1 read.
void sendReminders(sqlite3 *db, const std::vector<long long> &loanIds) {
  sqlite3_stmt *mark =
      prepare(db, "UPDATE loans SET reminded = 1 WHERE id = ?");
  for (long long id : loanIds) {
    sqlite3_bind_int64(mark, 1, id);
    check(db, sqlite3_step(mark), SQLITE_DONE, "mark reminded");
    sqlite3_reset(mark);
  }
  sqlite3_finalize(mark);
}

// Database-free: formats what was loaded.
std::string summary(const std::vector<Member> &members) {
  std::string out;
  char line[256];
  for (const Member &m : members) {
    std::snprintf(line, sizeof line, "%-20s %zu books\n", m.name.c_str(),
                  m.borrowed.size());
    out += line;
    for (const std::string &t : m.borrowed)
      out += "  - " + t + "\n";
  }
  return out;
}

} // namespace loans

int main() {
  sqlite3 *db = nullptr;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK)
    return 1;
  try {
    auto members = loans::membersWithLoans(db);
    auto batched = loans::membersWithLoansBatched(db);
    auto books = loans::booksWithCopiesOut(db);
    loans::sendReminders(db, {1, 2});
    std::puts(loans::summary(members).c_str());
    std::printf("%zu %zu\n", batched.size(), books.size());
  } catch (const std::exception &e) {
    std::fprintf(stderr, "%s\n", e.what());
  }
  sqlite3_close(db);
  return 0;
}
