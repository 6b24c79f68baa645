// The custom-APIs page's game server example (TrinityCore/AzerothCore
// shape), on the test suite's stand-in wrapper, test/Inputs/custom.
#include "game_database.h"

void LoadCreatureAuras() {
  QueryResult result = WorldDatabase.Query("SELECT guid, entry FROM creature");
  if (!result)
    return;
  do {
    Field *fields = result->Fetch();
    uint32 guid = fields[0].Get<uint32>();
    QueryResult auras = WorldDatabase.PQuery(
        "SELECT spell FROM creature_addon_aura WHERE guid = %u", guid); // N+1
  } while (result->NextRow());
}
