// The owner is written through when the game changes it, not while the
// houses are loaded; a new owner's name is looked up.
#include "database.h"
#include "house.h"

void House::setOwner(unsigned guid, bool updateDatabase) {
  Database &db = Database::instance();
  if (updateDatabase && owner_ != guid)
    db.executeQuery("UPDATE houses SET owner = " + std::to_string(guid) +
                    " WHERE id = " + std::to_string(id_));
  owner_ = guid;
  if (guid != 0)
    ownerName_ = db.fetchName("SELECT name FROM players WHERE id = " +
                              std::to_string(guid));
}
