// pqxx::stream_from in its libpqxx 7 spellings (stream_from::query, the
// from_query constructor, iter<T...>()), with the stand-in header: Debian
// ships only libpqxx 6. The stream holds a query's rows: walked with `>>` or
// iter<T...>() it is the outer loop, and opened per row it is the per-row
// query.
// RUN: %check_nplusone --checks='nplusone-*' %s %t -- -- -std=c++17 -isystem %inputs/pqxx7

#include <pqxx/pqxx>
#include <map>
#include <string>
#include <tuple>
#include <vector>

// Roles per streamed user, read with operator>>.
std::size_t roleCount(pqxx::work &tx) {
  std::size_t n = 0;
  auto users = pqxx::stream_from::query(tx, "SELECT id, name FROM users");
  std::tuple<int, std::string> user;
  while (users >> user) {
    auto roles = tx.exec("SELECT role FROM user_roles WHERE user_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:26: note: the row value 'pqxx::params{std::get<0>(user)}' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:26: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
                         pqxx::params{std::get<0>(user)});
    n += roles.size();
  }
  users.complete();
  return n;
}

// A write per row of a stream walked with iter<T...>().
void refreshRoleCounts(pqxx::work &tx) {
  auto users = pqxx::stream_from::query(tx, "SELECT id FROM users WHERE active");
  for (auto [id] : users.iter<int>())
    tx.exec("UPDATE users SET role_count = (SELECT count(*) FROM user_roles "
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+3]]:13: note: the row value 'pqxx::params{id}' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
            "WHERE user_id = $1) WHERE id = $1",
            pqxx::params{id});
}

// One stream opened per invoice: by the factory, and by the from_query
// constructor.
double invoiceTotals(pqxx::work &tx) {
  double total = 0;
  for (auto [id] : tx.query<int>("SELECT id FROM invoices WHERE open")) {
    std::string sql =
        "SELECT amount FROM invoice_lines WHERE invoice_id = " + tx.quote(id);
    auto lines = pqxx::stream_from::query(tx, sql);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per row of 'invoices' (N+1 queries); load the rows for all invoices in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: 'invoices' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'invoices' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:66: note: the row value 'tx.quote(id)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:47: note: batch it: 'invoice_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by invoice_id
    std::tuple<double> line;
    while (lines >> line)
      total += std::get<0>(line);
    lines.complete();
    std::string refundSql =
        "SELECT amount FROM refunds WHERE invoice_id = " + tx.quote(id);
    pqxx::stream_from refunds{tx, pqxx::from_query, refundSql};
    // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: query runs once per row of 'invoices' (N+1 queries); load the rows for all invoices in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-17]]:20: note: 'invoices' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-18]]:3: note: the loop over the rows of 'invoices' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:60: note: the row value 'tx.quote(id)' flows into the query's SQL text here
    // CHECK-MESSAGES: :[[@LINE-5]]:53: note: batch it: 'invoice_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by invoice_id
    std::tuple<double> refund;
    while (refunds >> refund)
      total -= std::get<0>(refund);
    refunds.complete();
  }
  return total;
}

// The table form: one DELETE per streamed row.
void purgeBannedSessions(pqxx::work &tx) {
  auto banned = pqxx::stream_from::table(tx, {"public", "banned_users"}, {"id"});
  std::tuple<int> user;
  while (banned >> user)
    tx.exec("DELETE FROM sessions WHERE user_id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per row of 'banned' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:17: note: 'banned' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'banned' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:13: note: the row value 'pqxx::params{std::get<0>(user)}' flows into the DELETE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:13: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
            pqxx::params{std::get<0>(user)});
  banned.complete();
}

//===--- Look-alikes that must stay silent -------------------------------===//

// One stream, each row looked up in a map loaded before it.
std::map<std::string, int> ordersPerCountry(pqxx::work &tx) {
  std::map<int, std::string> names;
  for (auto [id, name] : tx.query<int, std::string>("SELECT id, name FROM countries"))
    names[id] = name;
  std::map<std::string, int> perCountry;
  auto orders = pqxx::stream_from::query(tx, "SELECT country_id FROM orders");
  for (auto [country] : orders.iter<int>())
    ++perCountry[names[country]];
  return perCountry;
}

// The rows copied into a vector, then summed: no query per row.
double streamedRevenue(pqxx::work &tx) {
  auto lines = pqxx::stream_from::query(tx, "SELECT quantity, price FROM order_lines");
  std::tuple<int, double> line;
  std::vector<std::tuple<int, double>> all;
  while (lines >> line)
    all.push_back(line);
  lines.complete();
  double revenue = 0;
  for (const auto &l : all)
    revenue += std::get<0>(l) * std::get<1>(l);
  return revenue;
}
