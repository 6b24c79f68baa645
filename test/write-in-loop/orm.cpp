// nplusone-write-in-loop on ORM write APIs (ODB, Drogon ORM), with stand-in
// headers: Debian packages neither.
// RUN: %check_nplusone --checks=nplusone-write-in-loop %s %t -- -- -std=c++17 \
// RUN:   -isystem %inputs/odb -isystem %inputs/drogon

#include <drogon/orm/Mapper.h>
#include <odb/database.hxx>
#include <vector>

struct Event {
  long id;
};

// ODB: one persist per object.
void saveAll(odb::database &db, std::vector<Event> &events) {
  for (Event &e : events)
    db.persist(e);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'persist' runs once per element of 'events' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'events' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: the element value 'e' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: persist and update all objects in one transaction, or one erase_query() for deletes
}

// Drogon: one insert per model object.
void insertAll(drogon::orm::Mapper<drogon_model::shop::Orders> &mapper,
               std::vector<drogon_model::shop::Orders> &orders) {
  for (auto &o : orders)
    mapper.insert(o);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'insert' runs once per element of 'orders' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'orders' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:19: note: the element value 'o' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one multi-row insert through DbClient::execSqlSync, inside one transaction (newTransaction())
}

//===--- Look-alikes that must stay silent -------------------------------===//

// Reads per object are not writes; a persist after the loop is one write.
void readsThenOneWrite(odb::database &db, std::vector<Event> &events) {
  for (Event &e : events)
    db.find<Event>(e.id);
  if (!events.empty())
    db.persist(events.front());
}
