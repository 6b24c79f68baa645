// Loading the map's houses and their owners, and closing auctions: each
// calls House::setOwner (house.cpp) per house, with the constants that say
// which of its statements run.
#include "house.h"
#include <sqlite3.h>
#include <vector>

// From the map file: no owner yet, nothing written, no name to look up.
void loadHousesFromMap(std::vector<House> &houses) {
  for (House &house : houses)
    house.setOwner(0, /*updateDatabase=*/false);
}

// From the database: the owner is not written back, but each owner's name
// is looked up, one query per house.
void loadHouseOwners(sqlite3 *db, std::vector<House> &houses) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, owner FROM houses", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    House &house = houses.at(sqlite3_column_int(st, 0));
    house.setOwner(sqlite3_column_int(st, 1), /*updateDatabase=*/false);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs up to once per row of 'st' (N+1 queries); load the rows for all houses in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: 'st' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'st' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the row value 'sqlite3_column_int(st, 1)' is passed to 'setOwner' here and reaches its query
    // CHECK-MESSAGES: house.cpp:13:18: note: 'setOwner' calls 'fetchName' here
    // CHECK-MESSAGES: database.cpp:14:7: note: 'fetchName' runs the query here
    // CHECK-MESSAGES: database.cpp:14:7: note: batch it: 'id IN (SELECT value FROM json_each(?))' with the keys as one JSON array, then group the rows by id
    // CHECK-MESSAGES: :[[@LINE-11]]:26: note: or read both in one query: add 'LEFT JOIN players ON players.id = houses.owner' and its columns here
  }
  sqlite3_finalize(st);
}

// Won auctions: each new owner is written.
void closeAuctions(sqlite3 *db, std::vector<House> &houses) {
  sqlite3_stmt *st = nullptr;
  sqlite3_prepare_v2(db, "SELECT house, bidder FROM auctions", -1, &st,
                     nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    House &house = houses.at(sqlite3_column_int(st, 0));
    house.setOwner(sqlite3_column_int(st, 1));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs up to once per row of 'st' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: 'st' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'st' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the row value 'sqlite3_column_int(st, 1)' is passed to 'setOwner' here and reaches its UPDATE
    // CHECK-MESSAGES: house.cpp:9:5: note: 'setOwner' calls 'executeQuery' here
    // CHECK-MESSAGES: database.cpp:5:10: note: 'executeQuery' runs the UPDATE here
    // CHECK-MESSAGES: database.cpp:5:10: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
  }
  sqlite3_finalize(st);
}
