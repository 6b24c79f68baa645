// A game-server style wrapper (TrinityCore/AzerothCore shape), found through
// .clang-tidy options alone: QueryResult results stepped with NextRow().
// RUN: %check_nplusone --checks='nplusone-*' --fix=none \
// RUN:   --config="{CheckOptions: [{key: QueryFunctions, value: 'DatabaseWorkerPool::P?Query'}, {key: WriteFunctions, value: 'DatabaseWorkerPool::P?Execute'}, {key: RowAdvanceFunctions, value: 'ResultSet::NextRow'}]}" \
// RUN:   %s %t -- -- -std=c++17 -I %inputs/custom
// Without the options nothing here is a query.
// RUN: %check_nplusone --checks='nplusone-*' --fix=none --messages-prefix=NOCONFIG %s %t-none -- -- -std=c++17 -I %inputs/custom

#include "game_database.h"

#include <vector>

// The N+1: one aura query per creature of the first query.
void LoadCreatureAuras() {
  QueryResult result = WorldDatabase.Query("SELECT guid, entry FROM creature");
  if (!result)
    return;
  do {
    Field *fields = result->Fetch();
    uint32 guid = fields[0].Get<uint32>();
    QueryResult auras = WorldDatabase.PQuery(
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per row of 'result' (N+1 queries); load the rows for every creature in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-8]]:24: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:66: note: the row value 'guid' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE+1]]:9: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
        "SELECT spell FROM creature_addon_aura WHERE guid = %u", guid);
    if (!auras)
      continue;
  } while (result->NextRow());
}

// Each row's update is a round trip of its own.
void SaveCharacterStats() {
  QueryResult result =
      CharacterDatabase.Query("SELECT guid, level FROM characters");
  if (result) {
    do {
      Field *fields = result->Fetch();
      CharacterDatabase.PExecute("UPDATE character_stats SET level = %u "
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: UPDATE runs once per row of 'result' (one round trip each); batch the writes into one statement [nplusone-write-in-loop]
      // CHECK-MESSAGES: :[[@LINE-6]]:7: note: 'result' is the result of the query here
      // CHECK-MESSAGES: :[[@LINE-5]]:5: note: the loop over the rows of 'result' is here
      // CHECK-MESSAGES: :[[@LINE+3]]:34: note: the row value 'fields[1].GetUInt32()' flows into the UPDATE's parameter here
      // CHECK-MESSAGES: :[[@LINE-5]]:34: note: batch it: one statement for all rows (a multi-row INSERT, or an UPDATE/DELETE over a list of keys)
                                 "WHERE guid = %u",
                                 fields[1].GetUInt32(), fields[0].GetUInt32());
    } while (result->NextRow());
  }
}

// The same query on every row.
void LoadConfigEachRow() {
  QueryResult result = WorldDatabase.Query("SELECT entry FROM item_template");
  if (!result)
    return;
  do {
    QueryResult config = WorldDatabase.Query("SELECT value FROM world_config");
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: query runs once per row of 'result' but does not depend on the loop; run it once before the loop [nplusone-loop-invariant-query]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop is here
    // CHECK-MESSAGES: :[[@LINE-3]]:26: note: hoist it: run the query once before the loop and reuse its result
    if (!config)
      break;
  } while (result->NextRow());
}

// Keys from a container, one query each.
void LoadGuildMembers(const std::vector<uint32> &guildIds) {
  for (uint32 id : guildIds)
    CharacterDatabase.PQuery("SELECT guid FROM guild_member WHERE guildid = %u",
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: query runs once per element of 'guildIds' (N+1 queries); load the rows for all elements in one query [nplusone-query-per-element]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: the loop over the elements of 'guildIds' is here
    // CHECK-MESSAGES: :[[@LINE+2]]:30: note: the element value 'id' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-4]]:30: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
                             id);
}

// Silent: the inner query does not depend on the row and runs once.
void LoadOnce() {
  QueryResult result = WorldDatabase.Query("SELECT entry FROM item_template");
  if (!result)
    return;
  QueryResult extra = WorldDatabase.Query("SELECT entry FROM item_extra");
  do {
    Field *fields = result->Fetch();
    (void)fields;
  } while (result->NextRow());
}

// Silent: reading the rows of the result does not run queries.
uint32 SumEntries() {
  uint32 sum = 0;
  QueryResult result = WorldDatabase.Query("SELECT entry FROM item_template");
  if (!result)
    return 0;
  do {
    sum += result->Fetch()[0].GetUInt32();
  } while (result->NextRow());
  return sum;
}

// A prepared statement given each row's guid: the note names the value
// bound with SetData, not the statement object.
enum CharacterStatements : unsigned { CHAR_SEL_CHARACTER_AURAS };

void LoadPlayerAuras() {
  QueryResult result =
      CharacterDatabase.Query("SELECT guid, account FROM characters");
  if (!result)
    return;
  do {
    Field *fields = result->Fetch();
    PreparedStatement *stmt =
        CharacterDatabase.GetPreparedStatement(CHAR_SEL_CHARACTER_AURAS);
    stmt->SetData(0, fields[0].Get<uint32>());
    QueryResult auras = CharacterDatabase.Query(stmt);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: query runs once per row of 'result' (N+1 queries); load the rows for all characters in one query [nplusone-query-in-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:7: note: 'result' is the result of the query here
    // CHECK-MESSAGES: :[[@LINE-8]]:3: note: the loop over the rows of 'result' is here
    // CHECK-MESSAGES: :[[@LINE-5]]:22: note: the row value 'fields[0].Get<uint32>()' flows into the query's parameter here
    // CHECK-MESSAGES: :[[@LINE-5]]:25: note: batch it: the rows of all keys in one query with 'IN (...)', or a JOIN in the outer query
    if (!auras)
      continue;
  } while (result->NextRow());
}
