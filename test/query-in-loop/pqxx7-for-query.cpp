// libpqxx 7's per-row callables: for_query, for_stream and result::for_each
// call the callable once per row, each field in one of its parameters. A
// query or write in it is one per row; a loop in it over the values of one
// row runs a query per element. Stand-in header: Debian ships libpqxx 6.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -isystem %inputs/pqxx7

#include <pqxx/pqxx>
#include <map>
#include <string>
#include <vector>

struct TeamSummary {
  int id;
  std::string name;
  int members;
};

// Look-alike: the callable only collects the rows.
std::vector<TeamSummary> listTeams(pqxx::work &tx) {
  std::vector<TeamSummary> teams;
  tx.for_query("SELECT id, name FROM teams ORDER BY name",
               [&](int id, std::string name) {
                 teams.push_back({id, std::move(name), 0});
               });
  return teams;
}

// The N+1: the member count of every team, one query per row.
std::vector<TeamSummary> teamsWithCounts(pqxx::work &tx) {
  std::vector<TeamSummary> teams;
  tx.for_query("SELECT id, name FROM teams WHERE archived = false",
               [&](int id, std::string name) {
                 auto members = tx.query_value<int>(
                 // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: query runs once per row of 'teams' (N+1 queries); load the rows for all teams in one query [nplusone-query-in-loop]
                 // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'for_query' runs the lambda once per row of 'teams' here
                 // CHECK-MESSAGES: :[[@LINE+3]]:22: note: the row value 'pqxx::params{id}' flows into the query's parameter here
                 // CHECK-MESSAGES: :[[@LINE+1]]:22: note: batch it: 'team_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by team_id
                     "SELECT count(*) FROM members WHERE team_id = $1",
                     pqxx::params{id});
                 teams.push_back({id, std::move(name), members});
               });
  return teams;
}

// A write per streamed row.
void touchProjects(pqxx::work &tx) {
  tx.for_stream("SELECT id, owner_id FROM projects WHERE stale",
                [&](int id, int owner) {
                  tx.exec("UPDATE projects SET checked_at = now() WHERE id = $1",
                  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: UPDATE runs once per row of 'projects' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
                  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'for_stream' runs the lambda once per row of 'projects' here
                  // CHECK-MESSAGES: :[[@LINE+2]]:27: note: the row value 'pqxx::params{id}' flows into the UPDATE's parameter here
                  // CHECK-MESSAGES: :[[@LINE-4]]:27: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
                          pqxx::params{id});
                  (void)owner;
                });
}

// result::for_each over a result read earlier.
std::map<int, double> totalsByUser(pqxx::work &tx) {
  std::map<int, double> totals;
  pqxx::result users = tx.exec("SELECT id, email FROM users WHERE active");
  users.for_each([&](int id, std::string email) {
    totals[id] = tx.query_value<double>(
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per row of 'users' (N+1 queries); load the rows for all users in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: 'for_each' runs the lambda once per row of 'users' here
    // CHECK-MESSAGES: :[[@LINE+2]]:61: note: the row value 'pqxx::params{id}' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: 'user_id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by user_id
        "SELECT sum(total) FROM orders WHERE user_id = $1", pqxx::params{id});
    (void)email;
  });
  return totals;
}

// A loop in the callable over the comma-separated labels of one issue.
void resolveLabels(pqxx::work &tx) {
  tx.for_query("SELECT id, labels FROM issues", [&](int id, std::string labels) {
    std::vector<std::string> names;
    std::size_t start = 0;
    for (std::size_t comma = labels.find(','); comma != std::string::npos;
         start = comma + 1, comma = labels.find(',', start))
      names.push_back(labels.substr(start, comma - start));
    names.push_back(labels.substr(start));
    for (const auto &name : names)
      tx.exec("SELECT id FROM labels WHERE name = $1", pqxx::params{name});
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: query runs once per element of 'names' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'names' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:56: note: the element value 'pqxx::params{name}' flows into the query's parameter here
      // CHECK-MESSAGES: :[[@LINE-4]]:15: note: batch it: 'name = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by name
    (void)id;
  });
}

// The same setting read for every row.
void printPrices(pqxx::work &tx) {
  tx.for_query("SELECT name, price FROM products", [&](std::string name, double price) {
    auto currency = tx.query_value<std::string>(
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: query runs once per row of 'products' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: 'for_query' runs the lambda once per row of 'products' here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: hoist it: run the query once before the loop and reuse its result
        "SELECT value FROM settings WHERE key = 'currency'");
    (void)name, (void)price, (void)currency;
  });
}

//===--- Look-alikes that must stay silent -------------------------------===//

// One row at most (LIMIT 1): the callable runs once.
void printNewestTeam(pqxx::work &tx) {
  tx.for_query("SELECT id, name FROM teams ORDER BY created_at DESC LIMIT 1",
               [&](int id, std::string name) {
                 tx.query_value<int>("SELECT count(*) FROM members WHERE team_id = $1",
                                     pqxx::params{id});
                 (void)name;
               });
}

// The batched form: keys collected per row, one query after.
std::vector<int> membersOfActiveTeams(pqxx::work &tx) {
  std::vector<int> ids;
  tx.for_query("SELECT id FROM teams WHERE archived = false",
               [&](int id) { ids.push_back(id); });
  std::vector<int> members;
  for (auto [m] : tx.query<int>("SELECT id FROM members WHERE team_id = ANY($1)",
                                pqxx::params{ids}))
    members.push_back(m);
  return members;
}
