// Helpers that run their statement on some paths only. A test of what the
// caller decides (a parameter, the object's state, a program switch), in
// the helper or further down, makes the warning at the call "up to once";
// an error check or a null test does not, and neither does a test that the
// call's constant argument passes. A constant that picks one of the
// helper's branches (`if (archived) ... else ...`) picks the query the
// warning names. Overloads along a chain are named with
// their parameter types, so a call to another overload does not read as
// recursion.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <vector>

struct LootItem {
  int entry;
  int quality;
  bool isRare() const { return quality >= 4; }
};

class LootLog {
public:
  explicit LootLog(pqxx::work &tx) : tx_(tx) {}

  // Only rare drops are written to the audit table.
  void record(const LootItem &item, int playerGuid) {
    if (item.isRare())
      tx_.exec_params("INSERT INTO loot_audit (entry, player) VALUES ($1, $2)",
                      item.entry, playerGuid);
  }

  // An error check before the write: it still runs on every call.
  void recordAll(const LootItem &item, int playerGuid) {
    if (!tx_.conn().is_open())
      return;
    tx_.exec_params("INSERT INTO loot_history (entry, player) VALUES ($1, $2)",
                    item.entry, playerGuid);
  }

private:
  pqxx::work &tx_;
};

void distributeLoot(pqxx::work &tx, LootLog &log, int playerGuid) {
  for (const auto &row : tx.exec("SELECT entry, quality FROM pending_loot")) {
    LootItem item{row[0].as<int>(), row[1].as<int>()};
    log.record(item, playerGuid);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs up to once per row of 'pending_loot' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:26: note: 'pending_loot' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'pending_loot' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the row value 'item' is passed to 'record' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-24]]:7: note: 'record' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-25]]:23: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
    log.recordAll(item, playerGuid);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'pending_loot' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-11]]:26: note: 'pending_loot' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-12]]:3: note: the loop over the rows of 'pending_loot' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'item' is passed to 'recordAll' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-23]]:5: note: 'recordAll' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-24]]:21: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }
}

// The condition two calls down: an early return on a parameter.
static void notifyIfSubscribed(pqxx::work &tx, int userId, bool subscribed) {
  if (!subscribed)
    return;
  tx.exec_params("INSERT INTO notifications (user_id) VALUES ($1)", userId);
}
static void notify(pqxx::work &tx, int userId, bool subscribed) {
  notifyIfSubscribed(tx, userId, subscribed);
}

void announceMaintenance(pqxx::work &tx) {
  for (const auto &u : tx.exec("SELECT id, subscribed FROM users"))
    notify(tx, u[0].as<int>(), u[1].as<bool>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs up to once per row of 'users' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'users' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'users' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:16: note: the row value 'u[0].as<int>()' is passed to 'notify' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: 'notify' calls 'notifyIfSubscribed' here
    // CHECK-MESSAGES: :[[@LINE-14]]:3: note: 'notifyIfSubscribed' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-15]]:18: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  // The constant passes the test: every row is written.
  for (const auto &u : tx.exec("SELECT id FROM admins"))
    notifyIfSubscribed(tx, u[0].as<int>(), true);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'admins' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:24: note: 'admins' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'admins' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:28: note: the row value 'u[0].as<int>()' is passed to 'notifyIfSubscribed' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-23]]:3: note: 'notifyIfSubscribed' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-24]]:18: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}

// Overloads: the item's save calls the prototype's.
struct ItemProto {
  int entry;
};
struct Item {
  int guid;
  ItemProto *proto;
  int count;
};

class ItemStore {
public:
  explicit ItemStore(pqxx::work &tx) : tx_(tx) {}
  void save(const Item &item) { save(*item.proto, item.count); }
  void save(const ItemProto &proto, int count) {
    tx_.exec_params("UPDATE item_stock SET count = $1 WHERE entry = $2", count,
                    proto.entry);
  }

private:
  pqxx::work &tx_;
};

void saveBag(ItemStore &store, const std::vector<Item> &bag) {
  for (const Item &item : bag)
    store.save(item);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs once per element of 'bag' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'bag' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:16: note: the element value 'item' is passed to 'save(const Item &)' here and reaches its UPDATE
    // CHECK-MESSAGES: :[[@LINE-16]]:33: note: 'save(const Item &)' calls 'save(const ItemProto &, int)' here
    // CHECK-MESSAGES: :[[@LINE-15]]:5: note: 'save(const ItemProto &, int)' runs the UPDATE here
    // CHECK-MESSAGES: :[[@LINE-16]]:21: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}

// A flag the caller passes picks the helper's branch: the warning names the
// query of the branch the constant takes, fed by what feeds that branch.
static pqxx::result loadShipments(pqxx::work &tx, int warehouseId,
                                  bool archived) {
  pqxx::result shipments;
  if (archived)
    shipments = tx.exec("SELECT id, weight FROM shipments_archive");
  else
    shipments = tx.exec_params(
        "SELECT id, weight FROM shipments WHERE warehouse = $1", warehouseId);
  return shipments;
}

double totalWeight(const pqxx::result &shipments);

void weighWarehouses(pqxx::work &tx, const std::vector<int> &warehouses,
                     std::vector<double> &current,
                     std::vector<double> &archive) {
  for (int warehouse : warehouses)
    current.push_back(
        totalWeight(loadShipments(tx, warehouse, /*archived=*/false)));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: query runs once per element of 'warehouses' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'warehouses' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:39: note: the element value 'warehouse' is passed to 'loadShipments' here and reaches its query
  // CHECK-MESSAGES: :138:17: note: 'loadShipments' runs the query here
  // CHECK-MESSAGES: :139:9: note: batch it: 'warehouse = ANY($1)' with the keys in one std::vector ('{1,2,3}' in libpqxx 6), then group the rows by warehouse
  // The archive is the same for every warehouse.
  for (int warehouse : warehouses)
    archive.push_back(
        totalWeight(loadShipments(tx, warehouse, /*archived=*/true)));
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: query runs once per element of 'warehouses' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop is here
  // CHECK-MESSAGES: :136:17: note: 'loadShipments' runs the query here
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: hoist it: run the query once before the loop and reuse its result
}
