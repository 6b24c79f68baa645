// Stand-in for <mongocxx/database.hpp>: a database, the factory of
// collections. Only what the tests use; see collection.hpp.
#pragma once

#include <string>

#include <bsoncxx/string/view_or_value.hpp>
#include <mongocxx/collection.hpp>

namespace mongocxx {
inline namespace v_noabi {

class database {
public:
  database() noexcept;
  database(database &&) noexcept;
  database &operator=(database &&) noexcept;
  database(const database &);
  database &operator=(const database &);
  ~database();

  std::string name() const;
  bool has_collection(bsoncxx::string::view_or_value name) const;
  class collection collection(bsoncxx::string::view_or_value name) const;
  class collection operator[](bsoncxx::string::view_or_value name) const;
};

} // namespace v_noabi
} // namespace mongocxx
