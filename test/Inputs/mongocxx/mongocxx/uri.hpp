// Stand-in for <mongocxx/uri.hpp>: a MongoDB connection string. Only what the
// tests use; see collection.hpp.
#pragma once

#include <string>

#include <bsoncxx/string/view_or_value.hpp>

namespace mongocxx {
inline namespace v_noabi {

class uri {
public:
  static const std::string k_default_uri;

  uri(bsoncxx::string::view_or_value uri_string = k_default_uri);
  uri(uri &&) noexcept;
  ~uri();
  std::string to_string() const;
};

} // namespace v_noabi
} // namespace mongocxx
