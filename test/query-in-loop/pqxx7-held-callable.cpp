// libpqxx 7's for_query runs its callable once per row; here the callable
// is handed over in a function pointer or a std::function local that holds
// one known function, so a query or write in that function is one per row.
// One that can hold two functions is not followed. Stand-in header: Debian
// ships libpqxx 6.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17 -isystem %inputs/pqxx7

#include <pqxx/pqxx>
#include <functional>
#include <string>
#include <vector>

// The archive job writes through its own connection.
static pqxx::connection *archiveDb = nullptr;

static void archiveProject(int id, int owner) {
  pqxx::work tx(*archiveDb);
  tx.exec_params("INSERT INTO project_archive (id, owner_id) VALUES ($1, $2)",
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: INSERT runs once per row of 'projects' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE+21]]:3: note: 'for_query' runs 'archiveProject' once per row of 'projects' here
  // CHECK-MESSAGES: :[[@LINE+2]]:18: note: the row value 'id' flows into the INSERT's parameter here
  // CHECK-MESSAGES: :[[@LINE-4]]:18: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
                 id, owner);
  tx.commit();
}

static void printProject(int id, int owner) {
  (void)id;
  (void)owner;
}

// Look-alike: the pointer holds a function that only prints.
void listProjects(pqxx::work &tx) {
  void (*show)(int, int) = printProject;
  tx.for_query("SELECT id, owner_id FROM projects", show);
}

// The N+1 write: one INSERT per stale project, through the pointer.
void archiveStale(pqxx::work &tx) {
  void (*archive)(int, int) = archiveProject;
  tx.for_query("SELECT id, owner_id FROM projects WHERE stale", archive);
}

// A std::function local initialised once with a lambda: the owner of every
// project is read by a query of its own.
std::vector<std::string> projectOwners(pqxx::work &tx) {
  std::vector<std::string> owners;
  std::function<void(int, int)> addOwner = [&](int id, int owner) {
    (void)id;
    owners.push_back(
        tx.query_value<std::string>("SELECT name FROM users WHERE id = $1",
        // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: query runs once per row of 'projects' (N+1 queries); load the rows for all projects in one query [nplusone-query-in-loop]
        // CHECK-MESSAGES: :[[@LINE+5]]:3: note: 'for_query' runs the lambda once per row of 'projects' here
        // CHECK-MESSAGES: :[[@LINE+2]]:37: note: the row value 'pqxx::params{owner}' flows into the query's parameter here
        // CHECK-MESSAGES: :[[@LINE-4]]:37: note: batch it: 'id = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by id
                                    pqxx::params{owner}));
  };
  tx.for_query("SELECT id, owner_id FROM projects", addOwner);
  return owners;
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Two targets: archived or only printed, decided at run time.
void reviewStale(pqxx::work &tx, bool archive) {
  void (*handle)(int, int) = printProject;
  if (archive)
    handle = archiveProject;
  tx.for_query("SELECT id, owner_id FROM projects WHERE stale", handle);
}

// A std::function local given a second target on one path: the owner's
// name is looked up unless the caller wants ids only.
std::vector<std::string> projectLabels(pqxx::work &tx, bool idsOnly) {
  std::vector<std::string> labels;
  std::function<void(int, int)> addLabel = [&](int id, int owner) {
    labels.push_back(std::to_string(id) + " " +
                     tx.query_value<std::string>(
                         "SELECT name FROM users WHERE id = $1",
                         pqxx::params{owner}));
  };
  if (idsOnly)
    addLabel = [&](int id, int owner) {
      labels.push_back(std::to_string(id) + "/" + std::to_string(owner));
    };
  tx.for_query("SELECT id, owner_id FROM projects", addLabel);
  return labels;
}
