// A callee that runs its statement in a loop of its own, over rows or
// elements, is reported at that loop. The caller's loop around the call,
// feeding it nothing (a server's main loop, a periodic tick), does not run
// the statement once per iteration of anything it has: it is no second
// finding and no "run it once before the loop". A caller's loop whose
// element does reach the callee's statement is still reported, and so is a
// callee without a loop of its own.
// RUN: %check_nplusone --fix=none %s %t -- -- -std=c++17

#include <sqlite3.h>
#include <string>
#include <vector>

struct Session {
  int accountId;
  int minutesPlayed;
  bool closing;
};

class GameServer {
public:
  explicit GameServer(sqlite3 *db) : db_(db) {}

  // Saves every closing session's play time: one UPDATE per session.
  void flushClosedSessions() {
    sqlite3_stmt *upd = nullptr;
    sqlite3_prepare_v2(
        db_, "UPDATE accounts SET minutes = minutes + ? WHERE id = ?", -1,
        &upd, nullptr);
    for (const Session &s : sessions_) {
      if (!s.closing)
        continue;
      sqlite3_bind_int(upd, 1, s.minutesPlayed);
      sqlite3_bind_int(upd, 2, s.accountId);
      sqlite3_step(upd);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per element of 'sessions_' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-7]]:5: note: the loop over the elements of 'sessions_' is here
      // CHECK-MESSAGES: :[[@LINE-5]]:32: note: the element value 's.minutesPlayed' flows into the UPDATE's parameter here
      // CHECK-MESSAGES: :[[@LINE-11]]:14: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
      // CHECK-MESSAGES: :[[@LINE-10]]:5: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
      sqlite3_reset(upd);
    }
    sqlite3_finalize(upd);
  }

  // The banner of the day: one constant read.
  std::string loadMotd() {
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db_, "SELECT text FROM motd ORDER BY posted DESC LIMIT 1",
                       -1, &st, nullptr);
    std::string motd;
    if (sqlite3_step(st) == SQLITE_ROW)
      motd = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return motd;
  }

  // The main loop: each tick saves the sessions that closed since the last.
  void run() {
    while (!shutdown_) {
      flushClosedSessions();
      pollNetwork();
    }
  }

  // Each shard greets its players: the banner is the same for all.
  void greetShards(const std::vector<int> &shardIds) {
    for (int shard : shardIds) {
      std::string motd = loadMotd();
      // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per element of 'shardIds' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
      // CHECK-MESSAGES: :[[@LINE-3]]:5: note: the loop is here
      // CHECK-MESSAGES: :52:9: note: 'loadMotd' runs the query here
      // CHECK-MESSAGES: :[[@LINE-4]]:26: note: hoist it: run the query once before the loop and reuse its result
      broadcast(shard, motd);
    }
  }

  void pollNetwork();
  void broadcast(int shard, const std::string &text);

private:
  sqlite3 *db_;
  bool shutdown_ = false;
  std::vector<Session> sessions_;
};

//===--- The caller's element reaches the callee's loop ---------------===//

void grantItems(sqlite3 *db, int accountId, const std::vector<int> &itemIds) {
  sqlite3_stmt *ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO inventory (account, item) VALUES (?, ?)",
                     -1, &ins, nullptr);
  for (int item : itemIds) {
    sqlite3_bind_int(ins, 1, accountId);
    sqlite3_bind_int(ins, 2, item);
    sqlite3_step(ins);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'itemIds' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: the loop over the elements of 'itemIds' is here
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: the element value 'item' flows into the INSERT's parameter here
    // CHECK-MESSAGES: :[[@LINE-9]]:26: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
    sqlite3_reset(ins);
  }
  sqlite3_finalize(ins);
}

void grantStarterKits(sqlite3 *db, const std::vector<int> &newAccounts,
                      const std::vector<int> &starterKit) {
  for (int account : newAccounts)
    grantItems(db, account, starterKit);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: INSERT runs once per element of 'newAccounts' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'newAccounts' is here
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: the element value 'account' is passed to 'grantItems' here and reaches its INSERT
  // CHECK-MESSAGES: :96:5: note: 'grantItems' runs the INSERT here
  // CHECK-MESSAGES: :91:26: note: batch it: one multi-row INSERT, or one UPDATE/DELETE ... WHERE id IN (SELECT value FROM json_each(?))
  // CHECK-MESSAGES: :[[@LINE-7]]:3: note: wrap the loop in one transaction (BEGIN ... COMMIT): outside one, every statement is a transaction of its own
}
