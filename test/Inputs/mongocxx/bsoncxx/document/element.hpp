// Stand-in for <bsoncxx/document/element.hpp>: one field of a BSON document
// view, with its typed accessors. Only what the tests use.
#pragma once

#include <cstdint>

#include <bsoncxx/stdx/string_view.hpp>

namespace bsoncxx {
inline namespace v_noabi {

enum class type : std::uint8_t;

namespace types {
struct b_double;
struct b_string;
struct b_document;
struct b_array;
struct b_oid;
struct b_bool;
struct b_int32;
struct b_int64;
} // namespace types

namespace document {

class element {
public:
  element();
  explicit operator bool() const;

  bsoncxx::type type() const;
  stdx::string_view key() const;

  types::b_double get_double() const;
  types::b_string get_string() const;
  types::b_document get_document() const;
  types::b_array get_array() const;
  types::b_oid get_oid() const;
  types::b_bool get_bool() const;
  types::b_int32 get_int32() const;
  types::b_int64 get_int64() const;

  element operator[](stdx::string_view key) const;
};

} // namespace document
} // namespace v_noabi
} // namespace bsoncxx
