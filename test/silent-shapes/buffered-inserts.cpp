// A multi-row INSERT builder that sends its buffer only when it is full
// (`if (length > maxPacket && !execute())`, or `if (batch.size() >= 500)
// flush();`) is the batched form: the statement runs once per few hundred
// rows, and the final flush after the loop sends the rest. The nearest
// shapes still run once per element: a flush of a buffer that every call
// fills and empties again, and a write under a threshold that the loop never
// moves. Real libmariadb-dev headers, as a C++ game server's map saver
// uses them.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none %s %t -- -- -std=c++17 -I/usr/include/mariadb

#include <mysql.h>
#include <cstdint>
#include <string>
#include <vector>

MYSQL *gameDb();
unsigned long maxPacketSize();

// The project's batcher: rows are appended to one INSERT ... VALUES list,
// sent when the next row would not fit in one packet.
class DBInsert {
public:
  explicit DBInsert(std::string query) : query_(std::move(query)) {
    length_ = query_.length();
  }

  bool addRow(const std::string &row) {
    length_ += row.length();
    if (length_ > maxPacketSize() && !execute())
      return false;
    values_ += values_.empty() ? "(" : ",(";
    values_ += row;
    values_ += ")";
    return true;
  }

  bool execute() {
    if (values_.empty())
      return true;
    std::string sql = query_ + values_;
    bool ok = mysql_real_query(gameDb(), sql.c_str(), sql.size()) == 0;
    values_.clear();
    length_ = query_.length();
    return ok;
  }

private:
  std::string query_;
  std::string values_;
  std::size_t length_ = 0;
};

struct HouseTile {
  std::uint32_t houseId;
  std::string data;
};

struct House {
  std::uint32_t id;
  std::vector<std::string> guests;
  std::vector<HouseTile> tiles;
};

bool saveHouseTiles(const std::vector<House> &houses) {
  mysql_query(gameDb(), "DELETE FROM tile_store");
  DBInsert stmt("INSERT INTO tile_store (house_id, data) VALUES ");
  for (const House &house : houses)
    for (const HouseTile &tile : house.tiles)
      if (!stmt.addRow(std::to_string(house.id) + ", '" + tile.data + "'"))
        return false;
  return stmt.execute();
}

bool saveGuestLists(const std::vector<House> &houses) {
  DBInsert stmt("INSERT INTO house_lists (house_id, list) VALUES ");
  for (const House &house : houses) {
    std::string list;
    for (const std::string &guest : house.guests)
      list += guest + "\n";
    if (!stmt.addRow(std::to_string(house.id) + ", '" + list + "'"))
      return false;
  }
  return stmt.execute();
}

// A chunked flush written in the loop itself: one DELETE per 500 ids.
void purgeExpiredMail(const std::vector<std::uint32_t> &expired) {
  std::string ids;
  std::size_t pending = 0;
  for (std::uint32_t id : expired) {
    ids += (pending ? "," : "") + std::to_string(id);
    if (++pending >= 500) {
      std::string sql = "DELETE FROM mail WHERE id IN (" + ids + ")";
      mysql_real_query(gameDb(), sql.c_str(), sql.size());
      ids.clear();
      pending = 0;
    }
  }
  if (pending) {
    std::string sql = "DELETE FROM mail WHERE id IN (" + ids + ")";
    mysql_real_query(gameDb(), sql.c_str(), sql.size());
  }
}

//===--- The nearest shapes: still once per element -------------------===//

// Every call adds to the buffer and sends it when it holds anything, which
// it always does: nothing waits for a second row.
class AuditLog {
public:
  void record(std::uint32_t playerId, const std::string &what) {
    line_ += "(" + std::to_string(playerId) + ", '" + what + "')";
    if (!line_.empty())
      flush();
  }

private:
  void flush() {
    std::string sql = "INSERT INTO audit (player_id, what) VALUES " + line_;
    mysql_real_query(gameDb(), sql.c_str(), sql.size());
    line_.clear();
  }
  std::string line_;
};

void logLogins(AuditLog &audit, const std::vector<std::uint32_t> &players) {
  for (std::uint32_t id : players)
    audit.record(id, "login");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'players' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'players' is here
    // CHECK-MESSAGES: :[[@LINE-3]]:18: note: the element value 'id' is passed to 'record' here and reaches its INSERT
    // CHECK-MESSAGES: :[[@LINE-18]]:7: note: 'record' calls 'flush' here
    // CHECK-MESSAGES: :[[@LINE-13]]:5: note: 'flush' runs the INSERT here
    // CHECK-MESSAGES: :[[@LINE-14]]:32: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
}

// A local tested in the loop and handed to the call by reference is no
// counter the call resets: the hit is recorded for every weapon in range.
struct Player {
  std::uint32_t id;
  int x;
};
struct Weapon {
  std::uint32_t id;
  int range;
};
bool inRange(const Player *target, int range);

void recordHit(Player *&target, std::uint32_t weaponId) {
  std::string sql = "INSERT INTO hits (player_id, weapon_id) VALUES (" +
                    std::to_string(target->id) + ", " +
                    std::to_string(weaponId) + ")";
  mysql_real_query(gameDb(), sql.c_str(), sql.size());
}

void attackWithAll(Player *target, const std::vector<Weapon> &weapons) {
  Player *current = target;
  for (const Weapon &w : weapons)
    if (inRange(current, w.range))
      recordHit(current, w.id);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: INSERT runs up to once per element of 'weapons' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-4]]:3: note: the loop over the elements of 'weapons' is here
      // CHECK-MESSAGES: :[[@LINE-3]]:26: note: the element value 'w.id' is passed to 'recordHit' here and reaches its INSERT
      // CHECK-MESSAGES: :[[@LINE-11]]:3: note: 'recordHit' runs the INSERT here
      // CHECK-MESSAGES: :[[@LINE-12]]:30: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
      // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
}

// A threshold the loop never moves: the write runs for every rich player.
void flagRichPlayers(const std::vector<std::uint32_t> &players,
                     const std::vector<std::uint64_t> &balances) {
  const std::uint64_t limit = 1000000;
  for (std::size_t i = 0; i < players.size(); ++i) {
    if (balances[i] >= limit) {
      std::string sql = "UPDATE players SET rich = 1 WHERE id = " +
                        std::to_string(players[i]);
      mysql_real_query(gameDb(), sql.c_str(), sql.size());
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs up to once per element of 'players' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the elements of 'players' is here
      // CHECK-MESSAGES: :[[@LINE-4]]:40: note: the element value 'players[i]' flows into the UPDATE's SQL text here
      // CHECK-MESSAGES: :[[@LINE-4]]:34: note: batch it: one multi-row INSERT ... VALUES (...), (...), or one UPDATE/DELETE ... WHERE id IN (...)
      // CHECK-MESSAGES: :[[@LINE-9]]:3: note: wrap the loop in one transaction (START TRANSACTION ... COMMIT): with autocommit on, every statement commits on its own
    }
  }
}
