// pqxx::stream_from as a source of query rows, on the real libpqxx 6 headers
// (Debian libpqxx-dev): `while (stream >> row)` walks the rows of the table
// it streams, and a stream opened per row is a read per row.
// RUN: %check_nplusone --checks='nplusone-*' %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

// The nightly mailing export: the users streamed out with COPY, then one
// query per user for the addresses.
std::size_t exportMailingList(pqxx::work &tx) {
  std::size_t exported = 0;
  pqxx::stream_from users(tx, "users", std::vector<std::string>{"id", "name"});
  std::tuple<int, std::string> user;
  while (users >> user) {
    pqxx::result emails = tx.exec_params(
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:21: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:9: note: the row value 'std::get<0>(user)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
        "SELECT address FROM emails WHERE user_id = $1 AND verified",
        std::get<0>(user));
    exported += emails.size();
  }
  users.complete();
  return exported;
}

// A write per streamed row, and the rows copied out of the stream first
// then walked again with a lookup per copy.
void recomputeBalances(pqxx::work &tx) {
  pqxx::stream_from accounts(tx, "accounts",
                             std::vector<std::string>{"id", "owner_id"});
  std::tuple<int, int> account;
  std::vector<std::tuple<int, int>> owned;
  while (accounts >> account) {
    tx.exec_params("UPDATE accounts SET balance = (SELECT sum(amount) FROM "
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'accounts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-7]]:21: note: 'accounts' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'accounts' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:20: note: the row value 'std::get<0>(account)' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
                   "ledger WHERE account_id = $1) WHERE id = $1",
                   std::get<0>(account));
    owned.push_back(account);
  }
  accounts.complete();
  for (const auto &a : owned)
    tx.exec_params("SELECT name FROM owners WHERE id = $1", std::get<1>(a));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per row of 'owned' (N+1 queries); load the rows for all accounts in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-19]]:21: note: 'owned' is filled from the rows of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'owned' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:61: note: the row value 'std::get<1>(a)' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
}

// The whole price list streamed again for every store.
double cheapestPerStore(pqxx::work &tx) {
  double total = 0;
  pqxx::result stores = tx.exec("SELECT id FROM stores WHERE open");
  for (const auto &store : stores) {
    pqxx::stream_from prices(tx, "price_list",
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query runs once per row of 'stores' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
                             std::vector<std::string>{"store_id", "price"});
    std::tuple<int, double> price;
    double best = 0;
    while (prices >> price)
      if (std::get<0>(price) == store[0].as<int>() &&
          (best == 0 || std::get<1>(price) < best))
        best = std::get<1>(price);
    prices.complete();
    total += best;
  }
  return total;
}

//===--- Look-alikes that must stay silent -------------------------------===//

// One stream, each row looked up in a map loaded before it; one query after.
std::size_t countryTotals(pqxx::work &tx,
                          const std::unordered_map<int, std::string> &countries,
                          std::unordered_map<std::string, int> &totals) {
  pqxx::stream_from orders(tx, "orders",
                           std::vector<std::string>{"id", "country_id"});
  std::tuple<int, int> order;
  while (orders >> order) {
    auto it = countries.find(std::get<1>(order));
    if (it != countries.end())
      ++totals[it->second];
  }
  orders.complete();
  return tx.exec("SELECT id FROM countries WHERE active").size();
}

// The rows copied into a vector, then summed: no query per row.
long long sumOfQuantities(pqxx::work &tx) {
  pqxx::stream_from lines(tx, "order_lines",
                          std::vector<std::string>{"order_id", "quantity"});
  std::tuple<int, int> line;
  std::vector<std::tuple<int, int>> all;
  while (lines >> line)
    all.push_back(line);
  lines.complete();
  long long sum = 0;
  for (const auto &l : all)
    sum += std::get<1>(l);
  return sum;
}
