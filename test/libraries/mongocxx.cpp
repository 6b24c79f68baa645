// mongocxx (the MongoDB C++ driver) on the stand-in headers in Inputs/mongocxx
// (Debian packages none): each N+1 shape in the driver's own idioms.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 \
// RUN:   -I %inputs/mongocxx
// With --fix-notes the batched SQL below is written into the queries'
// literals; --fix alone changes nothing that would not compile.
// RUN: %check_nplusone --checks='nplusone-*' --fix=notes --fixes-prefix=NOTE-FIXES %s %t-notes -- -- -std=c++17 \
// RUN:   -I %inputs/mongocxx
// RUN: %check_nplusone --fixes-prefix=WARN-FIXES --compile-fixed=%clang --checks='nplusone-*' --fix=warnings %s %t-warn -- -- -std=c++17 \
// RUN:   -I %inputs/mongocxx

#include <bsoncxx/builder/basic/array.hpp>
#include <bsoncxx/builder/basic/document.hpp>
#include <bsoncxx/builder/basic/kvp.hpp>
#include <mongocxx/client.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

using bsoncxx::builder::basic::kvp;
using bsoncxx::builder::basic::make_document;

// The canonical N+1: every user, then a find of that user's orders.
void ordersPerUser(mongocxx::database &db) {
  auto users = db["users"].find({});
  auto orders = db["orders"];
  for (auto &&doc : users) {
    auto cursor = orders.find(make_document(kvp("user_id", doc["_id"].get_oid())));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:16: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:31: note: the row value 'make_document(kvp("user_id", doc["_id"].get_oid()))' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:19: note: batch it: one find with a filter {field: {$in: [keys]}} for all keys, or a $lookup in an aggregate
    for (auto &&order : cursor)
      (void)order;
  }
}

// The iterator loop over a cursor, with a find_one per document.
std::int64_t profilesByIterator(mongocxx::database &db) {
  mongocxx::collection people = db["users"];
  mongocxx::cursor users = people.find(make_document(kvp("active", true)));
  std::int64_t found = 0;
  for (auto it = users.begin(); it != users.end(); ++it) {
    auto profile = db["profiles"].find_one(make_document(kvp("user_id", (*it)["_id"].get_oid())));
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: query runs once per row of 'users' (N+1 queries); load the rows for all of them in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:28: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:44: note: the row value 'make_document(kvp("user_id", (*it)["_id"].get_oid()))' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:20: note: batch it: one find with a filter {field: {$in: [keys]}} for all keys, or a $lookup in an aggregate
    found += profile ? 1 : 0;
  }
  return found;
}

// A write per document, and a count per element of a vector of ids.
void auditAndCount(mongocxx::database &db, const std::vector<bsoncxx::oid> &ids) {
  for (auto &&doc : db["users"].find({}))
    db["audit"].insert_one(make_document(kvp("user", doc["_id"].get_oid())));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'insert_one' runs once per row of the outer query (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the rows come from the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of the outer query is here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the row value 'make_document(kvp("user", doc["_id"].get_oid()))' flows into the statement's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:5: note: batch it: one insert_many or bulk_write for all documents
  for (const bsoncxx::oid &id : ids)
    db["orders"].count_documents(make_document(kvp("user_id", id)));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'ids' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:34: note: the element value 'make_document(kvp("user_id", id))' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:5: note: batch it: one find with a filter {field: {$in: [keys]}} for all keys, or a $lookup in an aggregate
}

// The same settings document read for every user.
void limitPerUser(mongocxx::database &db) {
  auto users = db["users"].find({});
  for (auto &&doc : users) {
    auto limit = db["settings"].find_one(make_document(kvp("name", "limit")));
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: query runs once per row of 'users' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: hoist it before the loop (check that nothing in the loop changes what it reads)
    (void)doc, (void)limit;
  }
}

//===--- Look-alikes that must stay silent -------------------------------===//

// The batched forms: one $in filter built in the loop, and one bulk_write.
void batched(mongocxx::collection &orders, const std::vector<bsoncxx::oid> &ids) {
  bsoncxx::builder::basic::array in;
  auto bulk = orders.create_bulk_write();
  for (const bsoncxx::oid &id : ids) {
    in.append(id);
    bulk.append(mongocxx::model::insert_one(make_document(kvp("user_id", id))));
  }
  auto cursor = orders.find(make_document(kvp("user_id", make_document(kvp("$in", in)))));
  orders.bulk_write(bulk);
}

// A find before the loop and one after; the loop only reads fields.
void beforeAndAfter(mongocxx::database &db) {
  auto users = db["users"].find({});
  std::map<std::string, int> ages;
  bsoncxx::oid last;
  for (auto &&doc : users) {
    ages[std::string(doc["name"].get_string().value)] = doc["age"].get_int32();
    last = doc["_id"].get_oid().value;
  }
  db["orders"].find_one(make_document(kvp("user_id", last)));
}

// Only the first document: the loop breaks.
void firstOnly(mongocxx::database &db) {
  for (auto &&doc : db["users"].find({})) {
    db["orders"].find_one(make_document(kvp("user_id", doc["_id"].get_oid())));
    break;
  }
}

// Pagination: the skip changes on every page.
void pages(mongocxx::collection &events) {
  std::int64_t skip = 0;
  for (bool more = true; more; skip += 100) {
    mongocxx::options::find opts;
    opts.skip(skip).limit(100);
    auto page = events.find({}, opts);
    more = page.begin() != page.end();
  }
}

// An unrelated class with a find method, and the fields of one document.
struct Index {
  bool find(const std::string &key) const;
};
int indexed(const Index &index, const bsoncxx::document::view &doc) {
  int n = 0;
  for (auto &&field : doc)
    n += index.find(std::string(field.key()));
  return n;
}

// The batched SQL the notes' fix-its write, in order (--fix-notes):
// NOTE-FIXES: auto limit = db["settings"].find_one(make_document(kvp("name", "limit")));
