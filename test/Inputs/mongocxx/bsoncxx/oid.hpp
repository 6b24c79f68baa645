// Stand-in for <bsoncxx/oid.hpp>: a BSON ObjectId. Only what the tests use.
#pragma once

#include <cstddef>
#include <string>

#include <bsoncxx/stdx/string_view.hpp>

namespace bsoncxx {
inline namespace v_noabi {

class oid {
public:
  static constexpr std::size_t k_oid_length = 12;

  oid();
  explicit oid(const bsoncxx::stdx::string_view &str);
  std::string to_string() const;
  const char *bytes() const;

  friend bool operator==(const oid &lhs, const oid &rhs);
  friend bool operator!=(const oid &lhs, const oid &rhs);
  friend bool operator<(const oid &lhs, const oid &rhs);
};

} // namespace v_noabi
} // namespace bsoncxx
