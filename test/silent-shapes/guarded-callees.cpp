// Callees that cannot run their query from this call: the write sits under a
// test of a parameter the call passes a constant for (the whole condition or
// one operand of its `&&`), or under a memo that
// runs the query the first time only. The same callees called so that the
// query does run per row are still reported, and so are a loop inside a
// memo's branch and a test of the current element's own entry.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <cstdint>
#include <pqxx/pqxx>
#include <set>
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
    // CHECK-MESSAGES: :[[@LINE-4]]:19: note: the row value 'row[0].as<std::uint32_t>()' is passed to 'addSave' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-75]]:7: note: 'addSave' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-76]]:23: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}

// A guild cache: while it loads from the database, marking a guild dirty
// writes nothing, under a member the loader sets before its loop. A global
// switch read the same way; the same callers with the switch left alone
// still write per row.
bool gReplicaMode = false;

class GuildCache {
public:
  explicit GuildCache(pqxx::connection &conn) : conn_(conn) {}
  void markDirty(int guildId) {
    if (!loading_) {
      pqxx::work tx(conn_);
      tx.exec_params("UPDATE guilds SET dirty = true WHERE id = $1", guildId);
      tx.commit();
    }
  }
  void recordVisit(int guildId) {
    if (gReplicaMode)
      return;
    pqxx::work tx(conn_);
    tx.exec_params("UPDATE guilds SET visits = visits + 1 WHERE id = $1",
                   guildId);
    tx.commit();
  }
  void warmUp(const std::vector<int> &guildIds) {
    loading_ = true;
    for (int id : guildIds)
      markDirty(id);
    loading_ = false;
  }
  void touchAll(const std::vector<int> &guildIds) {
    for (int id : guildIds)
      markDirty(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs up to once per element of 'guildIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'guildIds' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value 'id' is passed to 'markDirty' here and reaches its UPDATE
      // CHECK-MESSAGES: :[[@LINE-24]]:7: note: 'markDirty' runs the UPDATE here
      // CHECK-MESSAGES: :[[@LINE-25]]:22: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }
  void replayLog(const std::vector<int> &guildIds) {
    gReplicaMode = true;
    for (int id : guildIds)
      recordVisit(id);
    gReplicaMode = false;
  }
  void countVisits(const std::vector<int> &guildIds) {
    for (int id : guildIds)
      recordVisit(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs up to once per element of 'guildIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'guildIds' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:19: note: the element value 'id' is passed to 'recordVisit' here and reaches its UPDATE
      // CHECK-MESSAGES: :[[@LINE-31]]:5: note: 'recordVisit' runs the UPDATE here
      // CHECK-MESSAGES: :[[@LINE-32]]:20: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }
  // The flag is cleared inside the loop: the writes do run.
  void reload(const std::vector<int> &guildIds) {
    loading_ = true;
    for (int id : guildIds) {
      markDirty(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs up to once per element of 'guildIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop over the elements of 'guildIds' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:17: note: the element value 'id' is passed to 'markDirty' here and reaches its UPDATE
      // CHECK-MESSAGES: :[[@LINE-50]]:7: note: 'markDirty' runs the UPDATE here
      // CHECK-MESSAGES: :[[@LINE-51]]:22: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
      loading_ = false;
    }
  }

private:
  pqxx::connection &conn_;
  bool loading_ = false;
};

// Another cache's flag says nothing about this one.
void warmUpOther(GuildCache &cache, GuildCache &other,
                 const std::vector<int> &ids) {
  for (int id : ids)
    other.markDirty(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs up to once per element of 'ids' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'ids' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: the element value 'id' is passed to 'markDirty' here and reaches its UPDATE
    // CHECK-MESSAGES: :[[@LINE-69]]:7: note: 'markDirty' runs the UPDATE here
    // CHECK-MESSAGES: :[[@LINE-70]]:22: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
}

// A rules dialog saving a new filter: the filter row is inserted once and
// its id kept in a member, whose test of -1 reads like a memo; but the
// branch then inserts one condition per rule in a loop of its own, and
// that loop runs on every save.
class FilterEditor {
public:
  explicit FilterEditor(pqxx::work &tx) : tx_(tx) {}

  void save(const std::vector<std::string> &rules) {
    if (filterId_ == -1) {
      filterId_ = tx_.exec1("INSERT INTO filters(name) VALUES ('new') "
                            "RETURNING id")[0]
                      .as<int>();
      for (const std::string &rule : rules)
        tx_.exec_params("INSERT INTO filter_conditions(filter_id, rule) "
                        "VALUES ($1, $2)",
                        filterId_, rule);
      // CHECK-MESSAGES: :[[@LINE-3]]:9: warning: INSERT runs once per element of 'rules' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-5]]:7: note: the loop over the elements of 'rules' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:36: note: the element value 'rule' flows into the INSERT's parameter here
      // CHECK-MESSAGES: :[[@LINE-6]]:25: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
    }
  }

private:
  pqxx::work &tx_;
  int filterId_ = -1;
};

// Messages opened from a list: each one the member set says is unread is
// marked read. The branch updates the set, as a memo would, but the test
// reads the current message's own entry: one UPDATE per unread message.
class Inbox {
public:
  explicit Inbox(pqxx::work &tx) : tx_(tx) {}

  void markOpened(const std::vector<int> &messageIds) {
    for (int messageId : messageIds) {
      if (unread_.count(messageId)) {
        unread_.erase(messageId);
        tx_.exec_params("UPDATE messages SET read = true WHERE id = $1",
                        messageId);
        // CHECK-MESSAGES: :[[@LINE-2]]:9: warning: UPDATE runs up to once per element of 'messageIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
        // CHECK-MESSAGES: :[[@LINE-6]]:5: note: the loop over the elements of 'messageIds' is here
        // CHECK-MESSAGES: :[[@LINE-3]]:25: note: the element value 'messageId' flows into the UPDATE's parameter here
        // CHECK-MESSAGES: :[[@LINE-5]]:25: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
      }
    }
  }

private:
  pqxx::work &tx_;
  std::set<int> unread_;
};

//===--- A test of a parameter beside another: `if (updateDb && ...)` ---===//

// A house's owner is written through when the game changes it, not while
// the map's houses are read from their file: a constant that fails one
// operand of the `&&` rules the write out; one that passes it leaves the
// other operand to decide.
class House {
public:
  House(pqxx::work &tx, int id) : tx_(tx), id_(id) {}

  void setOwner(int guid, bool updateDatabase = true) {
    if (updateDatabase && owner_ != guid)
      tx_.exec_params("UPDATE houses SET owner = $1 WHERE id = $2", guid, id_);
    owner_ = guid;
  }

private:
  pqxx::work &tx_;
  int id_;
  int owner_ = 0;
};

void loadHousesFromMap(std::vector<House> &houses) {
  for (House &house : houses)
    house.setOwner(0, /*updateDatabase=*/false);
}

void closeAuctions(pqxx::work &tx, std::vector<House> &houses) {
  for (const auto &won : tx.exec("SELECT house, bidder FROM auctions")) {
    House &house = houses.at(won[0].as<std::size_t>());
    house.setOwner(won[1].as<int>());
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: UPDATE runs up to once per row of 'auctions' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:26: note: 'auctions' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the rows of 'auctions' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:20: note: the row value 'won[1].as<int>()' is passed to 'setOwner' here and reaches its UPDATE
    // CHECK-MESSAGES: :254:7: note: 'setOwner' runs the UPDATE here
    // CHECK-MESSAGES: :254:23: note: batch it: one multi-row INSERT, pqxx::stream_to (COPY), or one UPDATE/DELETE ... WHERE id = ANY($1)
  }
}
