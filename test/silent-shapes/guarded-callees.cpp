// Callees that cannot run their query from this call: the write sits under a
// test of a parameter the call passes a constant for, or under a memo that
// runs the query the first time only. The same callees called so that the
// query does run per row are still reported.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <cstdint>
#include <pqxx/pqxx>
#include <string>
#include <vector>

// A game server's save queue: at startup the rows are only queued, the
// database already holds them.
class SaveQueue {
public:
  explicit SaveQueue(pqxx::work &tx) : tx_(tx) {}

  void addSave(std::uint32_t guid, bool startup) {
    if (!startup)
      tx_.exec_params("INSERT INTO pending_saves (guid) VALUES ($1)", guid);
    queued_.push_back(guid);
  }

private:
  pqxx::work &tx_;
  std::vector<std::uint32_t> queued_;
};

void loadCharacters(pqxx::work &tx, SaveQueue &saves) {
  for (const auto &row : tx.exec("SELECT guid FROM characters WHERE online"))
    saves.addSave(row[0].as<std::uint32_t>(), /*startup=*/true);
}

// pg_dump's role cache: the roles are read once, then looked up.
struct RoleInfo {
  long oid;
  std::string name;
};
static std::vector<RoleInfo> roleCache;
static int rolesCached = -1;

static void loadRoles(pqxx::work &tx) {
  for (const auto &r : tx.exec("SELECT oid, rolname FROM pg_roles"))
    roleCache.push_back({r[0].as<long>(), r[1].as<std::string>()});
  rolesCached = static_cast<int>(roleCache.size());
}

static std::string roleName(pqxx::work &tx, long oid) {
  if (rolesCached < 0)
    loadRoles(tx);
  for (const RoleInfo &r : roleCache)
    if (r.oid == oid)
      return r.name;
  return "";
}

void dumpOwners(pqxx::work &tx) {
  for (const auto &t : tx.exec("SELECT relname, relowner FROM pg_class"))
    roleName(tx, t[1].as<long>());
}

// A memo in the same function.
class TaxRates {
public:
  double rateFor(pqxx::work &tx, const std::string &region) {
    if (!loaded_) {
      for (const auto &r : tx.exec("SELECT region, rate FROM tax_rates"))
        regions_.push_back(r[0].as<std::string>());
      loaded_ = true;
    }
    return regions_.empty() ? 0.0 : 0.2;
  }

private:
  bool loaded_ = false;
  std::vector<std::string> regions_;
};

double totalTax(pqxx::work &tx, TaxRates &rates) {
  double sum = 0;
  for (const auto &o : tx.exec("SELECT region FROM orders"))
    sum += rates.rateFor(tx, o[0].as<std::string>());
  return sum;
}

//===--- The nearest N+1: the call lets the write run -----------------===//

void flushDirty(pqxx::work &tx, SaveQueue &saves) {
  for (const auto &row : tx.exec("SELECT guid FROM characters WHERE dirty"))
    saves.addSave(row[0].as<std::uint32_t>(), /*startup=*/false);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per row of 'characters' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: 'characters' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the rows of 'characters' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'row[0].as<std::uint32_t>()' is passed to 'addSave' here and reaches its query
    // CHECK-MESSAGES: :[[@LINE-75]]:7: note: 'addSave' runs the query here
    // CHECK-MESSAGES: :[[@LINE-76]]:23: note: batch it: one multi-row INSERT ... VALUES (...), (...), pqxx::stream_to (COPY) for many rows, or one UPDATE/DELETE ... WHERE id = ANY($1)
}
