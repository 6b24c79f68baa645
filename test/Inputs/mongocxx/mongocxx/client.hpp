// Stand-in for <mongocxx/client.hpp>: a connection to a MongoDB deployment,
// the factory of databases. Only what the tests use; see collection.hpp.
#pragma once

#include <bsoncxx/string/view_or_value.hpp>
#include <mongocxx/database.hpp>
#include <mongocxx/uri.hpp>

namespace mongocxx {
inline namespace v_noabi {

class client {
public:
  client() noexcept;
  client(const class uri &mongodb_uri);
  client(client &&) noexcept;
  client &operator=(client &&) noexcept;
  ~client();

  explicit operator bool() const noexcept;
  class database database(bsoncxx::string::view_or_value name) const &;
  class database
  database(bsoncxx::string::view_or_value name) const && = delete;
  class database operator[](bsoncxx::string::view_or_value name) const &;
  class database
  operator[](bsoncxx::string::view_or_value name) const && = delete;
};

} // namespace v_noabi
} // namespace mongocxx
