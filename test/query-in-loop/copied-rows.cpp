// Rows stay rows when they are copied into another container before the
// loop: std::copy_if and std::ranges::copy_if into a back_inserter, a
// std::transform into the keys, a plain copy of the vector. A loop over the
// copy that reads per row is nplusone-query-in-loop, with the query the rows
// came from. Real libpqxx headers.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++20

#include <algorithm>
#include <iterator>
#include <pqxx/pqxx>
#include <string>
#include <vector>

struct Account {
  int id;
  std::string email;
  bool active;
};

// The repository: the accounts, copied out of the result.
std::vector<Account> loadAccounts(pqxx::work &tx) {
  std::vector<Account> accounts;
  for (auto const &r : tx.exec("SELECT id, email, active FROM accounts"))
    accounts.push_back(
        {r[0].as<int>(), r[1].as<std::string>(), r[2].as<bool>()});
  return accounts;
}

bool wantsReminder(const Account &a) { return a.active && !a.email.empty(); }

// The reminder job filters the accounts, then reads each one's invoices.
void sendReminders(pqxx::work &tx) {
  std::vector<Account> all = loadAccounts(tx);
  std::vector<Account> due;
  std::copy_if(all.begin(), all.end(), std::back_inserter(due), wantsReminder);
  for (const Account &account : due) {
    pqxx::result invoices = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: query runs once per row of 'due' (N+1 queries); load the rows for all accounts in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-16]]:24: note: 'due' holds the rows of this query, returned by 'loadAccounts'
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'due' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:9: note: the row value 'account.id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: the rows of all keys in one query with '= ANY($1)', or a JOIN in the outer query
        "SELECT id, total FROM invoices WHERE account_id = $1 AND NOT paid",
        account.id);
    (void)invoices;
  }
}

// The moderation queue keeps the flagged posts of the result itself.
void reviewFlagged(pqxx::work &tx) {
  pqxx::result posts = tx.exec("SELECT id, flagged FROM posts");
  std::vector<pqxx::row> flagged;
  std::ranges::copy_if(posts, std::back_inserter(flagged),
                       [](const pqxx::row &r) { return r[1].as<bool>(); });
  for (const pqxx::row &post : flagged) {
    pqxx::result reports = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: query runs once per row of 'flagged' (N+1 queries); load the rows for all posts in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:24: note: 'flagged' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'flagged' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:58: note: the row value 'post[0].as<int>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: 'post_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by post_id
        "SELECT reason FROM reports WHERE post_id = $1", post[0].as<int>());
    (void)reports;
  }
}

// The keys of the rows, made with std::transform, then one read per key.
void refreshAuthors(pqxx::work &tx) {
  pqxx::result books = tx.exec("SELECT id, author_id FROM books");
  std::vector<int> authorIds;
  std::transform(books.begin(), books.end(), std::back_inserter(authorIds),
                 [](const pqxx::row &r) { return r[1].as<int>(); });
  std::vector<int> pending = authorIds;
  for (int authorId : pending) {
    pqxx::result author = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'pending' (N+1 queries); load the rows for all books in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:24: note: 'pending' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'pending' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:51: note: the row value 'authorId' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
        "SELECT name FROM authors WHERE id = $1", authorId);
    (void)author;
  }
}

// Look-alike: the ids come from the caller, not from a query; filtered, they
// are still elements.
void archiveOrders(pqxx::work &tx, const std::vector<int> &orderIds) {
  std::vector<int> valid;
  std::copy_if(orderIds.begin(), orderIds.end(), std::back_inserter(valid),
               [](int id) { return id > 0; });
  for (int id : valid) {
    pqxx::result order = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per element of 'valid' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'valid' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:52: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
        "SELECT status FROM orders WHERE id = $1", id);
    (void)order;
  }
}
