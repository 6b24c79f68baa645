// nplusone-write-in-loop on the real libpqxx headers.
// RUN: %check_nplusone --checks=nplusone-write-in-loop %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

// One UPDATE per user row.
void touchUsers(pqxx::work &tx) {
  for (auto const &u : tx.exec("SELECT id FROM users"))
    tx.exec_params("UPDATE users SET seen = now() WHERE id = $1",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:20: note: the row value 'u["id"].as<int>()' flows into the UPDATE's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
                   u["id"].as<int>());
}

// One INSERT per element, SQL built as text, behind comments.
void insertAll(pqxx::work &tx, const std::vector<std::string> &names) {
  for (const std::string &name : names)
    tx.exec("/* audit */ -- bulk import\n INSERT INTO people(name) VALUES (" +
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'names' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'names' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:13: note: the element value 'tx.quote(name)' flows into the INSERT's SQL text here
    // CHECK-MESSAGES: :[[@LINE-4]]:13: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
            tx.quote(name) + ")");
}

// A DELETE per element through a helper, and a constant write per iteration.
static void removeOne(pqxx::work &tx, long id) {
  tx.exec_params("DELETE FROM sessions WHERE id = $1", id);
}
void cleanup(pqxx::work &tx, const std::vector<long> &ids) {
  for (long id : ids) {
    removeOne(tx, id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: DELETE runs once per element of 'ids' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: the element value 'id' is passed to 'removeOne' here and reaches its DELETE
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: 'removeOne' runs the DELETE here
    // CHECK-MESSAGES: :[[@LINE-9]]:18: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
    tx.exec("UPDATE stats SET deletes = deletes + 1");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'ids' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-9]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:13: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// A write after the loop; reads in the loop.
void writeAfterLoop(pqxx::work &tx, const std::vector<long> &ids) {
  long total = 0;
  for (long id : ids)
    total += id;
  tx.exec_params("INSERT INTO totals(value) VALUES ($1)", total);
}

// A loop that runs once.
void onlyFirst(pqxx::work &tx, const std::vector<long> &ids) {
  for (long id : ids) {
    tx.exec_params("DELETE FROM sessions WHERE id = $1", id);
    break;
  }
}

// Selecting per row is a read, not a write.
void selects(pqxx::work &tx, const std::vector<long> &ids) {
  for (long id : ids)
    tx.exec_params("SELECT * FROM orders WHERE id = $1", id);
}
